/**
The on-disk format of the metadata index (see io/store/index-cache.ts), as pure functions over text. One entry is one
line, described in index-entry.ts.

Designed for 100,000 entries:
- Line 1 is the header, a JSON object; then one line per entry, each ending in a line break. A file cut short (no
  final line break, fewer lines than the header says) is not used.
- Line-oriented, so it can be parsed a slice at a time (the thread is free in between), and the first K entries of a
  first screen are the head of the file.
- The articles shown come first, newest first, so that the head of the file is the first screen.
- Then, when the walk that made it can be trusted to stay true while its folders do not change, one line per folder
  (a JSON array: path, device and inode, mtime and ctime in nanoseconds): a warm scan that finds every folder as it
  was needs no walk (see io/store/scan.ts).
*/
import {parseEntry, serializeEntry, type IndexEntry, type PathPrefix} from './index-entry.js';
import {parseBoundedJson} from '../json.js';

export type {IndexEntry, LocatedMeta, PathPrefix} from './index-entry.js';

/** Bump whenever the layout changes. 3: tab-separated lines instead of one JSON array; 4: folder stamps at the end. */
const indexFormatVersion = 4;

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
	/** Folder lines after the entries (0: the walk is not known to hold). */
	readonly folders: number;
};

/**
A folder of the store as the walk found it. Adding, removing or renaming anything in a folder changes its mtime and
ctime; replacing the folder changes its identity. Times are kept in nanoseconds, as text, so that nothing is rounded.
*/
export type FolderStamp = {
	/** `/`-separated, relative to the store root; '' for the root. */
	readonly relativePath: string;
	/** `device:inode`. */
	readonly identity: string;
	readonly mtimeNs: string;
	readonly ctimeNs: string;
};

/** What was read back from an index: its entries, and how many were dropped because they did not check out. */
export type ParsedIndex = {
	readonly header: IndexHeader;
	readonly entries: IndexEntry[];
	readonly invalid: number;
	/** The folders of the walk that made the index, when it is known to hold while they do not change. */
	readonly folders: readonly FolderStamp[] | undefined;
};

/**
The whole index file. `articles` is how many of the leading entries are the articles shown; `folders`, the folders of
a walk that holds while they do not change (none: every scan walks the store).
*/
export function serializeIndex(root: string, writer: string, entries: readonly IndexEntry[], articles: number, folders: readonly FolderStamp[] = []): string {
	const header: IndexHeader = {format: formatName, version: indexFormatVersion, writer, root, articles, entries: entries.length, folders: folders.length};
	const parts = [JSON.stringify(header)];
	for (const entry of entries) {
		parts.push(serializeEntry(entry));
	}

	for (const folder of folders) {
		parts.push(JSON.stringify([folder.relativePath, folder.identity, folder.mtimeNs, folder.ctimeNs]));
	}

	parts.push('');
	return parts.join('\n');
}

/** The header from the index's first line, if it is one for this store and writer. */
function parseIndexHeader(firstLine: string, root: string, writer: string): IndexHeader | undefined {
	let header: unknown;
	try {
		header = parseBoundedJson(firstLine, 2);
	} catch {
		return undefined;
	}

	if (typeof header !== 'object' || header === null) {
		return undefined;
	}

	const candidate = header as Partial<IndexHeader>;
	const isUsable = candidate.format === formatName && candidate.version === indexFormatVersion && candidate.writer === writer
		&& candidate.root === root && Number.isSafeInteger(candidate.articles) && Number.isSafeInteger(candidate.entries)
		&& candidate.articles! >= 0 && candidate.articles! <= candidate.entries! && Number.isSafeInteger(candidate.folders) && candidate.folders! >= 0;
	return isUsable ? candidate as IndexHeader : undefined;
}

/** How many lines are parsed between two calls of `pause`: a few milliseconds of work. */
const linesPerSlice = 2000;

/** The header of an index's text and where its entries start, or undefined when it is not a usable index. */
function openIndex(text: string, root: string, writer: string): {header: IndexHeader; start: number} | undefined {
	const headerEnd = text.indexOf('\n');
	const header = headerEnd === -1 ? undefined : parseIndexHeader(text.slice(0, headerEnd), root, writer);
	return header && {header, start: headerEnd + 1};
}

/**
Where the entry lines of an index's text start, and the header that says how many there are; undefined when it is not
a usable index for this store and writer. For a thread that goes through the lines itself (see io/store/check-task.ts).
*/
export function locateEntries(text: string, root: string, writer: string): {header: IndexHeader; start: number} | undefined {
	return openIndex(text, root, writer);
}

/**
Parse a whole index. Undefined when it is corrupt, truncated (no final line break, fewer lines than the header says),
foreign or for another store; an entry that does not check out is dropped and counted. `pause` is awaited every few
thousand lines, so that a caller can give its event loop a turn (and stop by throwing).
*/
export async function parseIndex(text: string, root: string, writer: string, prefix: PathPrefix, pause?: () => Promise<void>): Promise<ParsedIndex | undefined> {
	const opened = openIndex(text, root, writer);
	if (!opened) {
		return undefined;
	}

	const entries: IndexEntry[] = [];
	const folders: FolderStamp[] = [];
	let areFoldersValid = true;
	const entryCount = opened.header.entries;
	let position = opened.start;
	let lines = 0;
	let invalid = 0;
	for (let end = text.indexOf('\n', position); end !== -1; end = text.indexOf('\n', position)) {
		if (lines >= entryCount) {
			const folder = parseFolder(text.slice(position, end));
			if (folder) {
				folders.push(folder);
			} else {
				areFoldersValid = false;
			}

			position = end + 1;
			lines++;
			continue;
		}

		const entry = parseEntry(text, position, end, prefix);
		if (entry) {
			entries.push(entry);
		} else {
			invalid++;
		}

		position = end + 1;
		if (++lines % linesPerSlice === 0 && pause) {
			// eslint-disable-next-line no-await-in-loop
			await pause();
		}
	}

	const isWhole = position === text.length && lines === entryCount + opened.header.folders;
	// A folder line that does not check out only costs the shortcut: the entries are still good, the store is walked.
	return isWhole ? {header: opened.header, entries, invalid, folders: areFoldersValid && folders.length > 0 ? folders : undefined} : undefined;
}

const decimal = /^\d{1,30}$/;

/** A folder line: `[path, identity, mtimeNs, ctimeNs]`, each checked; undefined when anything is off. */
function parseFolder(line: string): FolderStamp | undefined {
	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch {
		return undefined;
	}

	if (!Array.isArray(value) || value.length !== 4 || !value.every(item => typeof item === 'string')) {
		return undefined;
	}

	const [relativePath, identity, mtimeNs, ctimeNs] = value as [string, string, string, string];
	const isValid = /^\d{1,30}:\d{1,30}$/.test(identity) && decimal.test(mtimeNs) && decimal.test(ctimeNs)
		&& !relativePath.startsWith('/') && !relativePath.split('/').some(part => part === '..');
	return isValid ? {relativePath, identity, mtimeNs, ctimeNs} : undefined;
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
	let position = opened.start;
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
