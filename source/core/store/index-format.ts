/**
The on-disk format of the metadata index (see io/store/index-cache.ts), as pure functions over text. One entry is
described in index-entry.ts.

Designed for 100,000 entries:
- The whole file is one valid JSON array, and it is line-oriented: line 1 is `[` plus the header object, then one
  line per entry starting with a comma, then a closing `]`. JSON escapes every newline inside strings, so a raw
  newline only ever ends an entry.
- So it can be parsed in blocks of a few thousand lines, one `JSON.parse` a block (far faster than one a line, and
  the thread is free between blocks), and the first K entries of a first screen are the head of the file.
- Entries are arrays, not objects: no repeated key names, about half the bytes.
- The articles shown come first, newest first, so that the head of the file is the first screen.
*/
import {fromLine, serializeEntry, type IndexEntry, type PathPrefix} from './index-entry.js';

export type {IndexEntry, LocatedMeta, PathPrefix} from './index-entry.js';

/** Bump whenever the entry layout changes. Version 2: ids derived from the path are 0; names that are not UTF-8. */
export const indexFormatVersion = 2;

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
	const parts = [`[${JSON.stringify(header)}`];
	for (const entry of entries) {
		parts.push(`,${serializeEntry(entry)}`);
	}

	parts.push(']\n');
	return parts.join('\n');
}

/** The header from the index's first line (`[` and the header object), if it is one for this store and writer. */
export function parseIndexHeader(firstLine: string, root: string, writer: string): IndexHeader | undefined {
	if (!firstLine.startsWith('[')) {
		return undefined;
	}

	let header: unknown;
	try {
		header = JSON.parse(firstLine.slice(1));
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

/**
Parse a block of entry lines (each `,[...]`, separated by newlines, without the file's closing `]`) and append the
entries that check out to `entries`. Returns how many lines were in the block and how many were dropped, or undefined
when the block is not JSON at all (a truncated or corrupt file).
*/
export function parseIndexBlock(block: string, prefix: PathPrefix, entries: IndexEntry[]): {lines: number; invalid: number} | undefined {
	if (block === '') {
		return {lines: 0, invalid: 0};
	}

	if (!block.startsWith(',')) {
		return undefined;
	}

	let data: unknown;
	try {
		data = JSON.parse(`[${block.slice(1)}]`);
	} catch {
		return undefined;
	}

	if (!Array.isArray(data)) {
		return undefined;
	}

	let invalid = 0;
	for (const line of data) {
		const entry = fromLine(line, prefix);
		if (entry) {
			entries.push(entry);
		} else {
			invalid++;
		}
	}

	return {lines: data.length, invalid};
}

/** Where the entry lines of an index file are: between the end of the header line and the closing `]`. */
export function findEntryLines(text: string): {header: string; start: number; end: number} | undefined {
	const headerEnd = text.indexOf('\n');
	const closing = text.endsWith(']\n') ? text.length - 2 : -1;
	if (headerEnd === -1 || closing < headerEnd) {
		return undefined;
	}

	return {header: text.slice(0, headerEnd), start: headerEnd + 1, end: closing};
}

/** Parse a whole index at once. Undefined when it is corrupt, truncated, foreign or for another store. */
export function parseIndex(text: string, root: string, writer: string, prefix: PathPrefix): ParsedIndex | undefined {
	const lines = findEntryLines(text);
	const header = lines && parseIndexHeader(lines.header, root, writer);
	if (!lines || !header) {
		return undefined;
	}

	const entries: IndexEntry[] = [];
	// The last entry line ends with the newline before `]`.
	const result = parseIndexBlock(text.slice(lines.start, Math.max(lines.start, lines.end - 1)), prefix, entries);
	return result && result.lines === header.entries ? {header, entries, invalid: result.invalid} : undefined;
}

/**
The first `count` articles from the head of an index file (at least `count + 1` complete lines, or the whole file),
and how many articles the whole index lists. Undefined when the head is not a usable index; an entry that does not
check out ends the list early (the first screen is only a preview, the scan that follows is exact).
*/
export function parseIndexHead(head: string, count: number, root: string, writer: string, prefix: PathPrefix): {entries: IndexEntry[]; total: number} | undefined {
	const lines = head.split('\n', count + 2);
	const header = parseIndexHeader(lines[0] ?? '', root, writer);
	if (!header) {
		return undefined;
	}

	const wanted = Math.min(count, header.articles);
	const entries: IndexEntry[] = [];
	for (let index = 1; index <= wanted; index++) {
		const line = lines[index];
		// The last line of a head may be cut short: only whole lines (followed by a newline) are used.
		if (line === undefined || index === lines.length - 1) {
			return undefined;
		}

		const before = entries.length;
		const result = parseIndexBlock(line, prefix, entries);
		if (!result || entries.length === before || 'skipReason' in entries.at(-1)!) {
			entries.length = before;
			break;
		}
	}

	return {entries, total: header.articles};
}
