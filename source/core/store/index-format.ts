/**
The on-disk format of the metadata index (see io/store/index-cache.ts), as pure functions over text. One entry is one
line, described in index-entry.ts.

Designed for 100,000 entries:
- Line 1 is the header, a JSON object; then one line per entry, each ending in a line break. A file cut short (no
  final line break, fewer lines than the header says) is not used.
- Line-oriented, so it can be parsed a slice at a time (the thread is free in between), and the first K entries of a
  first screen are the head of the file.
- The articles shown come first, newest first, so that the head of the file is the first screen.
*/
import {parseEntry, serializeEntry, type IndexEntry, type PathPrefix} from './index-entry.js';

export type {IndexEntry, LocatedMeta, PathPrefix} from './index-entry.js';

/** Bump whenever the layout changes. 3: tab-separated lines instead of one JSON array. */
export const indexFormatVersion = 3;

const formatName = 'inkwire-index';

export type IndexHeader = {
	readonly format: typeof formatName;
	readonly version: number;
	/** The inkwire version that wrote it: metadata written by another parser is not trusted. */
	readonly writer: string;
	/** The real path of the store. */
	readonly root: string;
	/** How many entries at the start are the articles shown (deduplicated, newest first). */
	readonly articles: number;
	/** All entries. */
	readonly entries: number;
};

/** What was read back from an index: its entries, and how many were dropped because they did not check out. */
export type ParsedIndex = {
	readonly header: IndexHeader;
	readonly entries: IndexEntry[];
	readonly invalid: number;
};

/** The whole index file. `articles` is how many of the leading entries are the articles shown. */
export function serializeIndex(root: string, writer: string, entries: readonly IndexEntry[], articles: number): string {
	const header: IndexHeader = {format: formatName, version: indexFormatVersion, writer, root, articles, entries: entries.length};
	const parts = [JSON.stringify(header)];
	for (const entry of entries) {
		parts.push(serializeEntry(entry));
	}

	parts.push('');
	return parts.join('\n');
}

/** The header from the index's first line, if it is one for this store and writer. */
export function parseIndexHeader(firstLine: string, root: string, writer: string): IndexHeader | undefined {
	let header: unknown;
	try {
		header = JSON.parse(firstLine);
	} catch {
		return undefined;
	}

	if (typeof header !== 'object' || header === null) {
		return undefined;
	}

	const candidate = header as Partial<IndexHeader>;
	const isUsable = candidate.format === formatName && candidate.version === indexFormatVersion && candidate.writer === writer
		&& candidate.root === root && Number.isSafeInteger(candidate.articles) && Number.isSafeInteger(candidate.entries)
		&& candidate.articles! >= 0 && candidate.articles! <= candidate.entries!;
	return isUsable ? candidate as IndexHeader : undefined;
}

/** A position in an index's text and what has been read up to it. */
export type IndexCursor = {position: number; lines: number; invalid: number};

/**
Parse up to `maxLines` entry lines of `text` from the cursor, appending those that check out to `entries` and moving
the cursor past them. Only whole lines (ending in a line break) are read. Returns whether the text is done.
*/
export function parseIndexLines(text: string, cursor: IndexCursor, maxLines: number, prefix: PathPrefix, entries: IndexEntry[]): boolean {
	for (let count = 0; count < maxLines; count++) {
		const end = text.indexOf('\n', cursor.position);
		if (end === -1) {
			return true;
		}

		const entry = parseEntry(text, cursor.position, end, prefix);
		if (entry) {
			entries.push(entry);
		} else {
			cursor.invalid++;
		}

		cursor.lines++;
		cursor.position = end + 1;
	}

	return cursor.position >= text.length;
}

/** The header of an index's text and where its entries start, or undefined when it is not a usable index. */
export function openIndex(text: string, root: string, writer: string): {header: IndexHeader; cursor: IndexCursor} | undefined {
	const headerEnd = text.indexOf('\n');
	const header = headerEnd === -1 ? undefined : parseIndexHeader(text.slice(0, headerEnd), root, writer);
	return header && {header, cursor: {position: headerEnd + 1, lines: 0, invalid: 0}};
}

/** Whether a fully read index is whole: it ends with a line break and has as many lines as its header says. */
export function isComplete(text: string, header: IndexHeader, cursor: IndexCursor): boolean {
	return text.endsWith('\n') && cursor.position === text.length && cursor.lines === header.entries;
}

/** Parse a whole index at once. Undefined when it is corrupt, truncated, foreign or for another store. */
export function parseIndex(text: string, root: string, writer: string, prefix: PathPrefix): ParsedIndex | undefined {
	const opened = openIndex(text, root, writer);
	if (!opened) {
		return undefined;
	}

	const entries: IndexEntry[] = [];
	parseIndexLines(text, opened.cursor, Number.POSITIVE_INFINITY, prefix, entries);
	return isComplete(text, opened.header, opened.cursor) ? {header: opened.header, entries, invalid: opened.cursor.invalid} : undefined;
}

/**
The first `count` articles from the head of an index file (at least `count + 1` complete lines, or the whole file),
and how many articles the whole index lists. Undefined when the head is not a usable index; an entry that does not
check out ends the list early (the first screen is only a preview, the scan that follows is exact).
*/
export function parseIndexHead(head: string, count: number, root: string, writer: string, prefix: PathPrefix): {entries: IndexEntry[]; total: number} | undefined {
	const opened = openIndex(head, root, writer);
	if (!opened) {
		return undefined;
	}

	const wanted = Math.min(count, opened.header.articles);
	const entries: IndexEntry[] = [];
	let {position} = opened.cursor;
	while (entries.length < wanted) {
		const end = head.indexOf('\n', position);
		if (end === -1) {
			// Cut short before `count` whole lines: the head is too short to say.
			return undefined;
		}

		const entry = parseEntry(head, position, end, prefix);
		if (!entry || 'skipReason' in entry) {
			break;
		}

		entries.push(entry);
		position = end + 1;
	}

	return {entries, total: opened.header.articles};
}
