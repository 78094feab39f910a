import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import tty from 'node:tty';
import type {ArticleMeta} from '../core/article/article.js';
import {UserError} from '../core/errors.js';
import type {ReadLookup} from '../core/store/library.js';
import {fitWidth, formatRow, unreadMarker} from '../core/reader/list-row.js';
import {listHeader, listHints, helpHint, statusLine} from '../core/reader/screen-text.js';
import {readFirstScreen} from '../io/store/index-cache.js';
import {peekReadMarks} from '../io/marks/peek.js';
import {defaultConfigDirectory} from '../io/marks/paths.js';

/*
The reader's first screen, painted before Ink and React have loaded (about a third of a second here) and before the
store has been checked: the list comes from the head of the metadata index, so the first paint costs the same at 100
articles and at 100,000. When the reader is ready, Ink clears this screen and draws the same list in the same tick.
*/

const escape = '\u001B[';
const enterAlternateScreen = `${escape}?1049h${escape}2J${escape}H`;
const leaveAlternateScreen = `${escape}?1049l`;
const hideCursor = `${escape}?25l`;
const showCursor = `${escape}?25h`;
const bold = (text: string) => `${escape}1m${text}${escape}22m`;
const inverse = (text: string) => `${escape}7m${text}${escape}27m`;
const cyan = (text: string) => `${escape}36m${text}${escape}39m`;
const clearLine = `${escape}K`;

/** Keys come from stdin when it is a terminal, else from /dev/tty, so `something | inkwire` still reads keys. */
export function openKeyboard(): NodeJS.ReadStream {
	if (process.stdin.isTTY) {
		return process.stdin;
	}

	try {
		return new tty.ReadStream(fs.openSync('/dev/tty', 'r')) as unknown as NodeJS.ReadStream;
	} catch {
		throw new UserError('the reader needs a terminal for keys, and /dev/tty cannot be opened');
	}
}

/** The terminal from launch until Ink takes over: alternate screen, no echo, and a way back on any exit. */
export class StartScreen {
	readonly #stdin: NodeJS.ReadStream;
	readonly #stdout: NodeJS.WriteStream;
	#isActive = false;
	#lastProgress = 0;
	readonly #onSignal = (signal: NodeJS.Signals) => {
		this.restore();
		process.exit(128 + (signal === 'SIGINT' ? 2 : (signal === 'SIGHUP' ? 1 : 15)));
	};

	constructor(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream) {
		this.#stdin = stdin;
		this.#stdout = stdout;
	}

	get width(): number {
		return this.#stdout.columns || 80;
	}

	get height(): number {
		return this.#stdout.rows || 24;
	}

	/** Switch to the alternate screen and stop the terminal echoing keys typed while the reader loads. */
	enter(): void {
		this.#isActive = true;
		this.#write(enterAlternateScreen + hideCursor);
		try {
			this.#stdin.setRawMode?.(true);
		} catch {
			// Not a terminal after all: keys will echo, nothing worse.
		}

		process.on('SIGINT', this.#onSignal);
		process.on('SIGTERM', this.#onSignal);
		process.on('SIGHUP', this.#onSignal);
	}

	/** The list as the reader will show it: header, rows with the first highlighted, status line. */
	paintList(storeName: string, articles: readonly ArticleMeta[], total: number, reads: ReadLookup | undefined): void {
		const {width, height} = this;
		const listRows = Math.max(1, height - 3);
		// The unread count needs every article's mark: known now only when the whole store fits on the first screen.
		const unread = reads && articles.length === total ? articles.filter(article => !reads.isRead(article.id)).length : undefined;
		const lines = [bold(fitWidth(listHeader({storeName, total, unread}), width))];
		for (const [index, article] of articles.slice(0, listRows).entries()) {
			const label = formatRow(article, reads?.isRead(article.id) ?? false, Math.max(1, width - 2));
			const styled = label.startsWith(unreadMarker) ? bold(label) : label;
			lines.push(index === 0 ? cyan('❯ ') + inverse(styled) : `  ${styled}`);
		}

		while (lines.length < height - 2) {
			lines.push('');
		}

		lines.push(inverse(statusLine(listHints, helpHint, width)));
		this.#write(`${escape}H` + lines.map(line => line + clearLine).join('\n'));
	}

	/** A progress line while a new store is indexed, at most ten times a second. */
	paintProgress(storeName: string, done: number, total: number): void {
		const now = Date.now();
		if (now - this.#lastProgress < 100 && done < total) {
			return;
		}

		this.#lastProgress = now;
		const message = `inkwire · ${storeName} · indexing ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} articles…`;
		this.#write(`${escape}H${bold(fitWidth(message, this.width))}${clearLine}`);
	}

	/** Ink is about to draw: it owns the terminal and its restoring from now on. */
	handOver(): void {
		this.#removeHandlers();
		this.#isActive = false;
	}

	/** Back to the normal screen, cursor shown, echo on. Safe to call more than once. */
	restore(): void {
		this.#removeHandlers();
		if (!this.#isActive) {
			return;
		}

		this.#isActive = false;
		try {
			this.#stdin.setRawMode?.(false);
		} catch {}

		this.#write(showCursor + leaveAlternateScreen);
	}

	#removeHandlers(): void {
		process.off('SIGINT', this.#onSignal);
		process.off('SIGTERM', this.#onSignal);
		process.off('SIGHUP', this.#onSignal);
	}

	#write(text: string): void {
		try {
			this.#stdout.write(text);
		} catch {
			// The terminal went away; there is nobody to show anything to.
		}
	}
}

/** Paint the first screen from the index of the last run, if there is one; true when something was painted. */
export function paintFromIndex(screen: StartScreen, storeRoot: string): boolean {
	const head = readFirstScreen(storeRoot, Math.max(1, screen.height - 3));
	if (!head || head.articles.length === 0) {
		return false;
	}

	screen.paintList(path.basename(storeRoot), head.articles, head.total, peekReadMarks(defaultConfigDirectory(), storeRoot));
	return true;
}
