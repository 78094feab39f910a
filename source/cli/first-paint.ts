import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import tty from 'node:tty';
import type {ArticleMeta} from '../core/article/article.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {UserError} from '../core/errors.js';
import type {ReadLookup} from '../core/store/library.js';
import type {LocatedMeta} from '../core/store/index-format.js';
import {readerLayout} from '../core/reader/layout.js';
import {formatRow, unreadMarker} from '../core/reader/list-row.js';
import {fitWidth} from '../core/text/width.js';
import {articleHints, formatCount, helpHint, listHeader, listHints, listPosition, statusLine} from '../core/reader/screen-text.js';
import type {ReaderState} from '../core/reader/state.js';
import {percent, positionLabel, visibleLines} from '../core/reader/viewport.js';
import type {StartList} from '../core/reader/start-keys.js';
import {readFirstScreen} from '../io/store/index-cache.js';
import {peekReadMarks} from '../io/marks/peek.js';
import {defaultConfigDirectory} from '../io/marks/paths.js';

/*
The reader's first screen, painted before Ink and React have loaded (about a third of a second here) and before the
store has been checked: the list comes from the head of the metadata index, so the first paint costs the same at 100
articles and at 100,000. Keys work on it at once (cli/start-input.ts). When the reader is ready, Ink draws the same
state over it.
*/

const escape = '\u001B[';
const bold = (text: string) => `${escape}1m${text}${escape}22m`;
const inverse = (text: string) => `${escape}7m${text}${escape}27m`;
const cyan = (text: string) => `${escape}36m${text}${escape}39m`;
const clearLine = `${escape}K`;

/** How many screens of the list the first screen reads from the index, so that keys can move through them. */
const screensRead = 8;

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

/** The list as the first screen paints it. */
export type ListView = {
	readonly storeName: string;
	/** The rows known, in the order shown. */
	readonly list: StartList;
	/** Articles in the store (the header's count). */
	readonly storeTotal: number;
	readonly reads: ReadLookup | undefined;
	readonly state: ReaderState;
};

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

	/** The list as the reader will show it for this state: header, the window's rows, highlight, status line. */
	paintList({storeName, list, storeTotal, reads, state}: ListView): void {
		const {width, height} = this;
		const {listRows} = readerLayout(width, height);
		const {articles} = list;
		// The unread count needs every article's mark: known now only when the whole list is in.
		const isWhole = list.total === articles.length;
		const unread = reads && isWhole ? (state.unreadOnly ? articles.length : articles.filter(article => !reads.isRead(article.id)).length) : undefined;
		const header = listHeader({storeName, total: storeTotal, unread, unreadOnly: state.unreadOnly, shown: list.total});
		const lines = [bold(fitWidth(header, width))];
		for (let index = state.listTop; index < Math.min(articles.length, state.listTop + listRows); index++) {
			const article = articles[index]!;
			const label = formatRow(article, {isRead: reads?.isRead(article.id) ?? false, isStarred: reads?.isSaved?.(article.id), progress: reads?.position?.(article.id)}, Math.max(1, width - 2));
			const styled = label.startsWith(unreadMarker) ? bold(label) : label;
			lines.push(index === state.cursor ? cyan('❯ ') + inverse(styled) : `  ${styled}`);
		}

		this.#paint(lines, state.status ?? listHints, list.total === undefined ? helpHint : listPosition(state.cursor, list.total));
	}

	/** An article opened before the reader is ready: its title, and word that it is coming. */
	paintOpening(article: ArticleMeta): void {
		const {margin, textWidth} = readerLayout(this.width, this.height);
		const indent = ' '.repeat(margin);
		const title = sanitizeLine(article.title) || 'Untitled';
		this.#paint([indent + bold(fitWidth(title, textWidth)), '', indent + 'Rendering…'], articleHints, helpHint);
	}

	/** The first page of an article rendered before the reader is ready, as the pager shows it. */
	paintArticle(lines: readonly string[]): void {
		const {margin, pageRows} = readerLayout(this.width, this.height);
		const indent = ' '.repeat(margin);
		const position = `${positionLabel(0, lines.length, pageRows)} · ${percent(0, lines.length, pageRows)}% · ${helpHint}`;
		this.#paint(visibleLines(lines, 0, pageRows).map(line => indent + line), articleHints, position);
	}

	/** A progress line while a new store is indexed, at most ten times a second. */
	paintProgress(storeName: string, done: number, total: number): void {
		const now = Date.now();
		if (now - this.#lastProgress < 100 && done < total) {
			return;
		}

		this.#lastProgress = now;
		// The store's folder name is outside text like any other: it reaches the terminal through the sanitiser.
		const message = `inkwire · ${sanitizeLine(storeName)} · indexing ${formatCount(done)} of ${formatCount(total)} articles…`;
		this.#write(`${escape}H${bold(fitWidth(message, this.width))}${clearLine}`);
	}

	/** Body lines from the top, blank lines to the status line, then the status line in reverse video. */
	#paint(lines: string[], left: string, right: string): void {
		const {width, height} = this;
		const filled = [...lines];
		while (filled.length < height - 2) {
			filled.push('');
		}

		filled.push(inverse(statusLine(left, right, width)));
		this.#write(`${escape}H` + filled.map(line => line + clearLine).join('\n'));
	}

	#write(text: string): void {
		try {
			this.#stdout.write(text);
		} catch {
			// The terminal went away; there is nobody to show anything to.
		}
	}
}

/** The head of the last run's index, enough for a few screens, and the read marks; undefined when there is none. */
export function readListHead(storeRoot: string, height: number, unreadOnly: boolean): {list: StartList & {readonly articles: readonly LocatedMeta[]}; storeTotal: number; reads: ReadLookup | undefined} | undefined {
	const wanted = Math.max(1, readerLayout(80, height).listRows) * screensRead;
	const head = readFirstScreen(storeRoot, wanted);
	if (!head || head.articles.length === 0) {
		return undefined;
	}

	const reads = peekReadMarks(defaultConfigDirectory(), storeRoot);
	const isWhole = head.articles.length >= head.total;
	if (!unreadOnly) {
		return {list: {articles: head.articles, total: head.total}, storeTotal: head.total, reads};
	}

	// Unread only: the marks must be known to pick the rows, and the count of the rest is not.
	const articles = reads ? head.articles.filter(article => !reads.isRead(article.id)) : [];
	if (articles.length === 0) {
		return undefined;
	}

	return {list: {articles, total: isWhole ? articles.length : undefined}, storeTotal: head.total, reads};
}

/** The store's folder name as the header shows it. */
export function storeNameOf(storeRoot: string): string {
	return path.basename(storeRoot);
}
