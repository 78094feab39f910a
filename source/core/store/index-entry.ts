/**
One entry of the metadata index (see index-format.ts for the file around it): what is known about one file of the
store, as one line of tab-separated fields, and back. Everything read back is checked as if it came from outside,
because it does: a cache file can be truncated, edited or written by a buggy version, and a number among the tags
must not crash `list --json`. An entry that fails a check is dropped, and its file is read again.

Why not JSON: at 100,000 entries, `JSON.parse` copies every string and builds an array per entry that is thrown away
at once; cutting fields out of the file's text with `indexOf` and `slice` reads the same index in half the time. A
field is its text as it is, unless it is empty, starts with `"` or holds a tab or line break: then it is a JSON
string. Lists (tags, warnings) are JSON arrays; an empty field is an absent value (or an empty list).
*/
import type {ArticleMeta} from '../article/article.js';
import {isHex} from './file-name.js';
import {parseBoundedJson} from '../json.js';

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

/** Where an index's paths start: the store root with a slash, as text and as hex (for names that are not UTF-8). */
export type PathPrefix = {readonly text: string; readonly hex: string};

/**
The id an empty id field stands for: the path without its extension. Nearly every article's id is that (the parser
derives ids so, unless front matter says otherwise); when it is not, the line holds the id. Decided here on both
sides, so it holds whatever the parser does.
*/
function pathId(relativePath: string): string {
	const dot = relativePath.lastIndexOf('.');
	return dot > relativePath.lastIndexOf('/') + 1 ? relativePath.slice(0, dot) : relativePath;
}

const needsQuoting = /^$|^"|[\t\n\r]/;

function encodeText(value: string): string {
	return needsQuoting.test(value) ? JSON.stringify(value) : value;
}

function encodeOptional(value: string | undefined): string {
	return value === undefined ? '' : encodeText(value);
}

function encodeList(values: readonly string[]): string {
	return values.length === 0 ? '' : JSON.stringify(values);
}

/** Fields of a skipped file's line: path, raw path, size, mtime, reason. */
const skipFields = 5;
/** Fields of an article's line: path, raw path, size, mtime, id, title, source, author, date, url, caption, tags, words, minutes, warnings. */
const articleFields = 15;

function toLine(entry: IndexEntry): string {
	const head = `${encodeText(entry.relativePath)}\t${entry.rawRelativePath ?? ''}\t${entry.size}\t${entry.mtimeMs}`;
	if ('skipReason' in entry) {
		return `${head}\t${encodeText(entry.skipReason)}`;
	}

	const meta = entry.article;
	return [
		head, meta.id === pathId(entry.relativePath) ? '' : encodeText(meta.id), encodeText(meta.title), encodeOptional(meta.source),
		encodeOptional(meta.author), encodeOptional(meta.date), encodeOptional(meta.url), encodeOptional(meta.caption),
		encodeList(meta.tags), String(meta.words), String(meta.readingMinutes), encodeList(entry.warnings),
	].join('\t');
}

// Lines already serialised, by a scan worker: entries are immutable, so a line stays right, and the main thread need
// not serialise 100,000 entries again after a first start.
const serializedLines = new WeakMap<IndexEntry, string>();

/** One entry as its line of the index file, without the line break. */
export function serializeEntry(entry: IndexEntry): string {
	return serializedLines.get(entry) ?? toLine(entry);
}

/** Remember that `line` (from `serializeEntry`, perhaps in another thread) is what `entry` serialises to. */
export function rememberSerializedEntry(entry: IndexEntry, line: string): void {
	serializedLines.set(entry, line);
}

/** What a field decodes to when it is not what the writer writes. */
const invalid = Symbol('invalid');

/** A field quoted as a JSON string: the string, or `invalid`. */
function decodeQuoted(field: string): string | typeof invalid {
	try {
		const value: unknown = JSON.parse(field);
		return typeof value === 'string' ? value : invalid;
	} catch {
		return invalid;
	}
}

// Where each field of the line being parsed starts and ends (the tab or line break after it). One line at a time,
// so one buffer serves them all.
const starts = new Int32Array(articleFields);
const ends = new Int32Array(articleFields);

/** Field `index` of the current line as text: undefined when empty (absent), `invalid` when its quoting is broken. */
function textField(text: string, index: number): string | undefined | typeof invalid {
	const start = starts[index]!;
	const end = ends[index]!;
	if (start === end) {
		return undefined;
	}

	// A quoted field starts with `"`; anything else is the text as it is.
	return text.charCodeAt(start) === 0x22 ? decodeQuoted(text.slice(start, end)) : text.slice(start, end);
}

/** Field `index` as a count (size, mtime, words, minutes): a finite number, not negative; `invalid` otherwise. */
function countField(text: string, index: number): number | typeof invalid {
	const start = starts[index]!;
	const end = ends[index]!;
	// Plain digits (sizes, word counts; up to 15, exact in a double) are read in place: four fields of 100,000 lines
	// would otherwise each be a string cut out only to be converted.
	let digits = 0;
	if (end - start <= 15) {
		for (let position = start; position < end; position++) {
			const digit = text.charCodeAt(position) - 0x30;
			if (digit < 0 || digit > 9) {
				digits = -1;
				break;
			}

			digits = (digits * 10) + digit;
		}

		if (digits >= 0 && start !== end) {
			return digits;
		}
	}

	const value = start === end ? Number.NaN : Number(text.slice(start, end));
	return value >= 0 && value < Number.POSITIVE_INFINITY ? value : invalid;
}

// Shared by every entry without tags or warnings: at 100,000 entries, 200,000 empty arrays are not nothing.
const noStrings: readonly string[] = Object.freeze([]);

/** Field `index` as a list: empty for none, else a JSON array of strings; `invalid` otherwise. */
function listField(text: string, index: number): readonly string[] | typeof invalid {
	const start = starts[index]!;
	const end = ends[index]!;
	if (start === end) {
		return noStrings;
	}

	try {
		const value: unknown = parseBoundedJson(text.slice(start, end), 1);
		return Array.isArray(value) && value.every(item => typeof item === 'string') ? value as string[] : invalid;
	} catch {
		return invalid;
	}
}

/** What checking an entry against its file needs: the first four fields of its line. */
export type EntryStamp = {readonly relativePath: string; readonly rawRelativePath: string | undefined; readonly size: number; readonly mtimeMs: number};

/**
The first four fields (path, raw path, size, mtime) of the line of `text` from `start` to `end`, checked as
`parseEntry` checks them; undefined when they do not check out. For a thread that stats files while another parses
the whole line.
*/
export function parseEntryStamp(text: string, start: number, end: number): EntryStamp | undefined {
	let position = start;
	for (let field = 0; field < 4; field++) {
		const tab = text.indexOf('\t', position);
		const fieldEnd = tab === -1 || tab > end ? end : tab;
		if (fieldEnd === end && field < 3) {
			return undefined;
		}

		starts[field] = position;
		ends[field] = fieldEnd;
		position = fieldEnd + 1;
	}

	const relativePath = textField(text, 0);
	const raw = starts[1] === ends[1] ? undefined : text.slice(starts[1], ends[1]);
	const size = countField(text, 2);
	const mtimeMs = countField(text, 3);
	if (typeof relativePath !== 'string' || (raw !== undefined && !isHex(raw)) || size === invalid || mtimeMs === invalid) {
		return undefined;
	}

	return {relativePath, rawRelativePath: raw, size, mtimeMs};
}

/**
Parse the line of `text` from `start` to `end` (without its line break) into an entry; undefined when anything in it
is not what the writer writes. Fields are cut out of `text` in place, without copying the line first.
*/
export function parseEntry(text: string, start: number, end: number, prefix: PathPrefix): IndexEntry | undefined {
	let fields = 0;
	starts[0] = start;
	for (let tab = text.indexOf('\t', start); tab !== -1 && tab < end; tab = text.indexOf('\t', tab + 1)) {
		if (fields + 1 >= articleFields) {
			return undefined;
		}

		ends[fields] = tab;
		starts[++fields] = tab + 1;
	}

	ends[fields++] = end;
	if (fields !== skipFields && fields !== articleFields) {
		return undefined;
	}

	const relativePath = textField(text, 0);
	const raw = starts[1] === ends[1] ? undefined : text.slice(starts[1], ends[1]);
	const size = countField(text, 2);
	const mtimeMs = countField(text, 3);
	if (typeof relativePath !== 'string' || (raw !== undefined && !isHex(raw)) || size === invalid || mtimeMs === invalid) {
		return undefined;
	}

	if (fields === skipFields) {
		const skipReason = textField(text, 4);
		if (typeof skipReason !== 'string') {
			return undefined;
		}

		return raw === undefined ? {relativePath, size, mtimeMs, skipReason} : {relativePath, rawRelativePath: raw, size, mtimeMs, skipReason};
	}

	const id = textField(text, 4);
	const title = textField(text, 5);
	const source = textField(text, 6);
	const author = textField(text, 7);
	const date = textField(text, 8);
	const url = textField(text, 9);
	const caption = textField(text, 10);
	const tags = listField(text, 11);
	const words = countField(text, 12);
	const readingMinutes = countField(text, 13);
	const warnings = listField(text, 14);
	if (id === invalid || id === '' || typeof title !== 'string' || source === invalid || author === invalid || date === invalid
		|| url === invalid || caption === invalid || tags === invalid || words === invalid || readingMinutes === invalid || warnings === invalid) {
		return undefined;
	}

	// Only present fields are set, as the parser does, so that cached and fresh metadata compare equal. Built in one
	// go without spreads: at 100,000 entries every intermediate object shows in the warm start time.
	const article: {-readonly [Key in keyof LocatedMeta]: LocatedMeta[Key]} = {
		id: id ?? pathId(relativePath), title, tags, words, readingMinutes, path: prefix.text + relativePath,
	};
	if (source !== undefined) {
		article.source = source;
	}

	if (author !== undefined) {
		article.author = author;
	}

	if (date !== undefined) {
		article.date = date;
	}

	if (url !== undefined) {
		article.url = url;
	}

	if (caption !== undefined) {
		article.caption = caption;
	}

	if (raw === undefined) {
		return {relativePath, size, mtimeMs, article, warnings};
	}

	article.rawPath = prefix.hex + raw;
	return {relativePath, rawRelativePath: raw, size, mtimeMs, article, warnings};
}
