/**
One entry of the metadata index (see index-format.ts for the file around it): what is known about one file of the
store, as a JSON array, and back. Everything read back is checked as if it came from outside, because it does: a
cache file can be truncated, edited or written by a buggy version, and a number among the tags must not crash
`list --json`. An entry that fails a check is dropped, and its file is read again.
*/
import type {ArticleMeta} from '../article/article.js';
import {isHex} from './file-name.js';

/** Article metadata with the path of its file: built once, straight from the index line. */
export type LocatedMeta = ArticleMeta & {
	/** Absolute; for a name that is not valid UTF-8, the escaped form (see file-name.ts), for showing only. */
	readonly path: string;
	/** For a name that is not valid UTF-8: the real path's bytes as hex, for opening the file. */
	readonly rawPath?: string;
};

/** What is known about one file of the store, valid while its size and mtime stay the same. */
export type IndexEntry = {
	/** `/`-separated, relative to the store root; escaped when the name is not valid UTF-8. */
	readonly relativePath: string;
	/** When the name is not valid UTF-8: the relative path's real bytes as hex. */
	readonly rawRelativePath?: string;
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

/** How an index line names its file: the relative path, or `[escaped path, hex of the real bytes]`. */
type LinePath = string | [string, string];
type Line = [LinePath, number, number, ...unknown[]];

/**
The id an index line stands for with 0: the path without its extension. Nearly every article's id is that (the parser
derives ids so, unless front matter says otherwise); when it is not, the line holds the id. Decided here on both
sides, so it holds whatever the parser does.
*/
function pathId(relativePath: string): string {
	const dot = relativePath.lastIndexOf('.');
	return dot > relativePath.lastIndexOf('/') + 1 ? relativePath.slice(0, dot) : relativePath;
}

/**
One entry as its JSON array. Absent optional fields are 0, shorter than null; the id is 0 when it is the path's (see
`pathId`), which saves a fifth of the file and a string per entry to parse.
*/
function toLine(entry: IndexEntry): Line {
	const linePath: LinePath = entry.rawRelativePath === undefined ? entry.relativePath : [entry.relativePath, entry.rawRelativePath];
	if ('skipReason' in entry) {
		return [linePath, entry.size, entry.mtimeMs, entry.skipReason];
	}

	const meta = entry.article;
	const id = meta.id === pathId(entry.relativePath) ? 0 : meta.id;
	const line: Line = [
		linePath, entry.size, entry.mtimeMs, id, meta.title, meta.source ?? 0, meta.author ?? 0,
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

function isCount(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** An optional field: a string, or 0 for absent. */
function isOptional(value: unknown): boolean {
	return value === 0 || typeof value === 'string';
}

function isStringArray(value: unknown): value is string[] {
	if (!Array.isArray(value)) {
		return false;
	}

	for (const item of value) {
		if (typeof item !== 'string') {
			return false;
		}
	}

	return true;
}

/** Where an index's paths start: the store root with a slash, as text and as hex (for names that are not UTF-8). */
export type PathPrefix = {readonly text: string; readonly hex: string};

/** Rebuild an entry from its array; undefined when anything in it is not what the writer writes. */
export function fromLine(line: unknown, prefix: PathPrefix): IndexEntry | undefined {
	if (!Array.isArray(line) || !isCount(line[1]) || !isCount(line[2])) {
		return undefined;
	}

	let relativePath: unknown = line[0];
	let rawRelativePath: string | undefined;
	if (Array.isArray(relativePath)) {
		const [escaped, raw] = relativePath as unknown[];
		if (!isString(raw) || !isHex(raw)) {
			return undefined;
		}

		relativePath = escaped;
		rawRelativePath = raw;
	}

	// The path itself is not checked here: an entry is only ever used for the file the walk found at that path.
	if (!isString(relativePath) || relativePath === '') {
		return undefined;
	}

	const size: number = line[1];
	const mtimeMs: number = line[2];
	if (line.length === 4) {
		if (!isString(line[3])) {
			return undefined;
		}

		return rawRelativePath === undefined
			? {relativePath, size, mtimeMs, skipReason: line[3]}
			: {relativePath, rawRelativePath, size, mtimeMs, skipReason: line[3]};
	}

	if (line.length !== 13 && line.length !== 14) {
		return undefined;
	}

	const [, , , id, title, source, author, date, url, caption, tags, words, readingMinutes, warnings = []] = line;
	if ((id !== 0 && (!isString(id) || id === '')) || !isString(title) || !isStringArray(tags) || !isCount(words)
		|| !isCount(readingMinutes) || !isStringArray(warnings) || !isOptional(source) || !isOptional(author)
		|| !isOptional(date) || !isOptional(url) || !isOptional(caption)) {
		return undefined;
	}

	// Only present fields are set, as the parser does, so that cached and fresh metadata compare equal. Built in one
	// go without spreads: at 100,000 entries every intermediate object shows in the warm start time.
	const article: {-readonly [Key in keyof LocatedMeta]: LocatedMeta[Key]} = {
		id: id === 0 ? pathId(relativePath) : id, title, tags, words, readingMinutes, path: prefix.text + relativePath,
	};
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

	if (rawRelativePath === undefined) {
		return {relativePath, size, mtimeMs, article, warnings};
	}

	article.rawPath = prefix.hex + rawRelativePath;
	return {relativePath, rawRelativePath, size, mtimeMs, article, warnings};
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
