/**
The on-disk format of the metadata index (see io/index-cache.ts), as pure functions over text.

Designed for 100,000 entries:
- The whole file is one valid JSON array, so a full load is a single `JSON.parse` (far faster than 100,000 calls).
- Yet it is also line-oriented: line 1 is `[` plus the header object, then one line per entry starting with a comma,
  then a closing `]`. JSON escapes every newline inside strings, so a raw newline only ever ends an entry; reading
  the first K entries of a first screen takes the head of the file and parses K small lines.
- Entries are arrays, not objects: no repeated key names, about half the bytes.
- The articles shown come first, newest first, so that the head of the file is the first screen.
*/
import type {ArticleMeta} from '../article/article.js';

/** Bump whenever the entry layout changes. */
export const indexFormatVersion = 1;

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

/** Article metadata with the absolute path of its file: built once, straight from the index line. */
export type LocatedMeta = ArticleMeta & {readonly path: string};

/** What is known about one file of the store, valid while its size and mtime stay the same. */
export type IndexEntry = {
	/** `/`-separated, relative to the store root. */
	readonly relativePath: string;
	readonly size: number;
	readonly mtimeMs: number;
} & ({
	readonly article: LocatedMeta;
	/** Parser warnings, shown again on every scan. */
	readonly warnings: readonly string[];
} | {
	/** Why the file is not an article (empty, binary, too large): cached so that it is not read again. */
	readonly skipReason: string;
});

type Line = [string, number, number, ...unknown[]];

/** One entry as its JSON array. Absent optional fields are 0, shorter than null. */
function toLine(entry: IndexEntry): Line {
	if ('skipReason' in entry) {
		return [entry.relativePath, entry.size, entry.mtimeMs, entry.skipReason];
	}

	const meta = entry.article;
	const line: Line = [
		entry.relativePath, entry.size, entry.mtimeMs, meta.id, meta.title, meta.source ?? 0, meta.author ?? 0,
		meta.date ?? 0, meta.url ?? 0, meta.caption ?? 0, meta.tags, meta.words, meta.readingMinutes,
	];
	if (entry.warnings.length > 0) {
		line.push(entry.warnings);
	}

	return line;
}

function isString(value: unknown): value is string {
	return typeof value === 'string';
}

/** Rebuild an entry from its array, its path under `pathPrefix` (the store root and a slash); undefined when malformed. */
export function fromLine(line: unknown, pathPrefix: string): IndexEntry | undefined {
	if (!Array.isArray(line) || !isString(line[0]) || typeof line[1] !== 'number' || typeof line[2] !== 'number') {
		return undefined;
	}

	const relativePath: string = line[0];
	const size: number = line[1];
	const mtimeMs: number = line[2];
	if (line.length === 4) {
		return isString(line[3]) ? {relativePath, size, mtimeMs, skipReason: line[3]} : undefined;
	}

	const [, , , id, title, source, author, date, url, caption, tags, words, readingMinutes, warnings] = line;
	if (!isString(id) || !isString(title) || !Array.isArray(tags) || typeof words !== 'number'
		|| typeof readingMinutes !== 'number') {
		return undefined;
	}

	// Only present fields are set, as the parser does, so that cached and fresh metadata compare equal. Built in one
	// go without spreads: at 100,000 entries every intermediate object shows in the warm start time.
	const article: {-readonly [Key in keyof LocatedMeta]: LocatedMeta[Key]} = {id, title, tags: tags as string[], words, readingMinutes, path: pathPrefix + relativePath};
	if (isString(source)) {
		article.source = source;
	}

	if (isString(author)) {
		article.author = author;
	}

	if (isString(date)) {
		article.date = date;
	}

	if (isString(url)) {
		article.url = url;
	}

	if (isString(caption)) {
		article.caption = caption;
	}

	return {relativePath, size, mtimeMs, article, warnings: Array.isArray(warnings) ? warnings as string[] : []};
}

// Lines already serialised, by a scan worker: entries are immutable, so a line stays right, and the main thread need
// not stringify 100,000 entries again after a first start.
const serializedLines = new WeakMap<IndexEntry, string>();

/** One entry as its line of the index file, without the comma that starts it. */
export function serializeEntry(entry: IndexEntry): string {
	return serializedLines.get(entry) ?? JSON.stringify(toLine(entry));
}

/** Remember that `line` (from `serializeEntry`, perhaps in another thread) is what `entry` serialises to. */
export function rememberSerializedEntry(entry: IndexEntry, line: string): void {
	serializedLines.set(entry, line);
}

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

/** Check a header against what the caller expects. */
export function isUsableHeader(header: unknown, root: string, writer: string): header is IndexHeader {
	if (typeof header !== 'object' || header === null) {
		return false;
	}

	const candidate = header as Partial<IndexHeader>;
	return candidate.format === formatName && candidate.version === indexFormatVersion && candidate.writer === writer
		&& candidate.root === root && typeof candidate.articles === 'number' && typeof candidate.entries === 'number';
}

/** Parse a whole index; article paths are `pathPrefix` + the relative path. Undefined when it is corrupt, foreign or for another store. */
export function parseIndex(text: string, root: string, writer: string, pathPrefix: string): {header: IndexHeader; entries: IndexEntry[]} | undefined {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return undefined;
	}

	if (!Array.isArray(data) || !isUsableHeader(data[0], root, writer) || data.length !== data[0].entries + 1) {
		return undefined;
	}

	const header = data[0];
	const entries: IndexEntry[] = [];
	for (let index = 1; index < data.length; index++) {
		const entry = fromLine(data[index], pathPrefix);
		if (!entry) {
			return undefined;
		}

		entries.push(entry);
	}

	return {header, entries};
}

/**
Parse the first `count` articles from the head of an index file (at least `count + 1` complete lines, or the whole
file). Undefined when the head is not a usable index.
*/
export function parseIndexHead(head: string, count: number, root: string, writer: string, pathPrefix: string): IndexEntry[] | undefined {
	return parseIndexHeadWithTotal(head, count, root, writer, pathPrefix)?.entries;
}

/** Like `parseIndexHead`, with the number of articles the whole index lists (for a first screen's header). */
export function parseIndexHeadWithTotal(head: string, count: number, root: string, writer: string, pathPrefix: string): {entries: IndexEntry[]; total: number} | undefined {
	const lines = head.split('\n');
	try {
		const first = lines[0];
		const header: unknown = first?.startsWith('[') ? JSON.parse(first.slice(1)) : undefined;
		if (!isUsableHeader(header, root, writer)) {
			return undefined;
		}

		const wanted = Math.min(count, header.articles);
		const entries: IndexEntry[] = [];
		for (let index = 1; index <= wanted; index++) {
			const line = lines[index];
			// The last line of a head may be cut short: only whole lines (followed by a newline) are used.
			if (line === undefined || index === lines.length - 1 || !line.startsWith(',')) {
				return undefined;
			}

			const entry = fromLine(JSON.parse(line.slice(1)), pathPrefix);
			if (!entry || 'skipReason' in entry) {
				return undefined;
			}

			entries.push(entry);
		}

		return {entries, total: header.articles};
	} catch {
		return undefined;
	}
}
