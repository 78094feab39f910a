import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import tty from 'node:tty';
import type {ArticleMeta} from '../core/article/article.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {UserError} from '../core/errors.js';
import type {ReadLookup} from '../core/store/library.js';
import {formatRow, unreadMarker} from '../core/reader/list-row.js';
import {fitWidth} from '../core/text/width.js';
import {listHeader, listHints, listPosition, statusLine} from '../core/reader/screen-text.js';
import {readFirstScreen} from '../io/store/index-cache.js';
import {peekReadMarks} from '../io/marks/peek.js';
import {defaultConfigDirectory} from '../io/marks/paths.js';

/*
The reader's first screen, painted before Ink and React have loaded (about a third of a second here) and before the
store has been checked: the list comes from the head of the metadata index, so the first paint costs the same at 100
articles and at 100,000. When the reader is ready, Ink clears this screen and draws the same list in the same tick.
*/

const escape = '\u001B[';
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

/**
The screen from launch until Ink takes over: the list from the index, then progress while a new store is indexed.
The terminal itself (alternate screen, raw mode, signals) belongs to io/terminal.ts.
*/
export class StartScreen {
	readonly #stdout: NodeJS.WriteStream;
	#lastProgress = 0;

	constructor(stdout: NodeJS.WriteStream) {
		this.#stdout = stdout;
	}

	get width(): number {
		return this.#stdout.columns || 80;
	}

	get height(): number {
		return this.#stdout.rows || 24;
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

		lines.push(inverse(statusLine(listHints, listPosition(0, total), width)));
		this.#write(`${escape}H` + lines.map(line => line + clearLine).join('\n'));
	}

	/** A progress line while a new store is indexed, at most ten times a second. */
	paintProgress(storeName: string, done: number, total: number): void {
		const now = Date.now();
		if (now - this.#lastProgress < 100 && done < total) {
			return;
		}

		this.#lastProgress = now;
		// The store's folder name is outside text like any other: it reaches the terminal through the sanitiser.
		const message = `inkwire · ${sanitizeLine(storeName)} · indexing ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} articles…`;
		this.#write(`${escape}H${bold(fitWidth(message, this.width))}${clearLine}`);
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
