/**
The metadata index of a store, kept in the cache directory: one file per store, named by a hash of the store's real
path. It is what makes a warm start read no article bodies (scan.ts checks every entry against its file's size and
mtime; core/store/index-format.ts is the layout). Any problem with it (missing, corrupt, foreign version, unreadable,
too large) makes it absent, never an error: the store is simply scanned again. An entry that does not check out is
dropped alone, and its file is read again.
*/
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {isAscii} from 'node:buffer';
import {createHash} from 'node:crypto';
import {fileURLToPath} from 'node:url';
import {utf8Hex} from '../../core/store/file-name.js';
import {parseIndex, parseIndexHead, serializeIndex, type FolderStamp, type IndexEntry, type LocatedMeta, type ParsedIndex, type PathPrefix} from '../../core/store/index-format.js';
import {writeFileAtomically} from '../atomic-file.js';
import {Pacer} from './pace.js';
import {readRegularFile} from './read-file.js';

type PackageInfo = {readonly root: string; readonly version: string};
let cachedPackage: PackageInfo | undefined;

/**
The inkwire package this code runs from: the nearest directory above this file whose package.json is named inkwire.
Walking up works both from the source (source/io/store/) and from the bundle (dist/). It lives here because the index
records the writer's version; the CLI uses it to find the bundled data/ folder.
*/
export function findPackage(): PackageInfo {
	if (cachedPackage) {
		return cachedPackage;
	}

	let directory = path.dirname(fileURLToPath(import.meta.url));
	for (;;) {
		try {
			const info = JSON.parse(fs.readFileSync(path.join(directory, 'package.json'), 'utf8')) as {name?: unknown; version?: unknown};
			if (info.name === 'inkwire') {
				cachedPackage = {root: directory, version: String(info.version)};
				return cachedPackage;
			}
		} catch {
			// No package.json here, or not JSON: keep walking up.
		}

		const parent = path.dirname(directory);
		if (parent === directory) {
			throw new Error('Cannot find the inkwire package.json above ' + fileURLToPath(import.meta.url));
		}

		directory = parent;
	}
}

/** `$XDG_CACHE_HOME/inkwire`, else `~/.cache/inkwire`. */
export function defaultCacheDirectory(): string {
	const base = process.env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache');
	return path.join(base, 'inkwire');
}

/** The index file for a store whose real path is `realRoot`. */
export function indexPathFor(realRoot: string, cacheDirectory = defaultCacheDirectory()): string {
	const hash = createHash('sha256').update(realRoot).digest('hex').slice(0, 16);
	return path.join(cacheDirectory, `index-${hash}.json`);
}

/** Who wrote an index: metadata from another inkwire version (another parser) is not reused. */
export function indexWriter(): string {
	return `inkwire ${findPackage().version}`;
}

/** What goes before a relative path to make it absolute. Plain concatenation: path.join costs 3 µs a call. */
export function pathPrefixFor(absoluteRoot: string): string {
	return absoluteRoot.endsWith(path.sep) ? absoluteRoot : absoluteRoot + path.sep;
}

/** Larger index files are not read: one of a million articles is about 400 MB, and V8 strings end near 512 MB. */
const maxIndexBytes = 500 * 1024 * 1024;

/**
The whole index of the store at `absoluteRoot` (real path `realRoot`), or undefined if there is none usable. Parsed
a slice at a time, giving the event loop a turn in between; rejects only with the signal's reason.
*/
export async function readIndex(absoluteRoot: string, realRoot: string, options: {readonly cacheDirectory?: string; readonly signal?: AbortSignal} = {}): Promise<ParsedIndex | undefined> {
	const bytes = readIndexBytes(realRoot, {cacheDirectory: options.cacheDirectory});
	return bytes && parseIndexBytes(bytes, absoluteRoot, realRoot, options.signal);
}

/**
The index file's bytes, or undefined when there is none to read. With `isShared`, in a SharedArrayBuffer, so that a
worker can go through them while this thread parses them, without a copy.
*/
export function readIndexBytes(realRoot: string, options: {readonly cacheDirectory?: string; readonly isShared?: boolean} = {}): Buffer | undefined {
	const file = indexPathFor(realRoot, options.cacheDirectory);
	if (!options.isShared) {
		const read = readRegularFile(file, {maxBytes: maxIndexBytes});
		return 'failure' in read ? undefined : read.bytes;
	}

	let descriptor: number | undefined;
	try {
		descriptor = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
		const stats = fs.fstatSync(descriptor);
		if (!stats.isFile() || stats.size > maxIndexBytes) {
			return undefined;
		}

		const bytes = Buffer.from(new SharedArrayBuffer(stats.size));
		let length = 0;
		while (length < bytes.length) {
			const count = fs.readSync(descriptor, bytes, length, bytes.length - length, null);
			if (count === 0) {
				break;
			}

			length += count;
		}

		// Shorter than fstat said (cut while being read): what was read, which the parser will find incomplete.
		return bytes.subarray(0, length);
	} catch {
		// Missing or unreadable: there is no index, the store is scanned.
		return undefined;
	} finally {
		if (descriptor !== undefined) {
			fs.closeSync(descriptor);
		}
	}
}

/** The index in `bytes` (from `readIndexBytes`), or undefined if it is not usable; see `readIndex`. */
export async function parseIndexBytes(bytes: Buffer, absoluteRoot: string, realRoot: string, signal?: AbortSignal): Promise<ParsedIndex | undefined> {
	// An index of ASCII text (the usual case) decodes as Latin-1, a plain copy: about 60 ms less than UTF-8 at 25 MB.
	const text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
	const pacer = new Pacer(signal);
	return parseIndex(text, realRoot, indexWriter(), indexPrefixFor(absoluteRoot), async () => pacer.pause());
}

function indexPrefixFor(absoluteRoot: string): PathPrefix {
	const text = pathPrefixFor(absoluteRoot);
	return {text, hex: utf8Hex(text)};
}

/**
Write the index atomically, creating the cache directory. Not fsynced: it is a cache, and a torn one is rebuilt.
Throws on failure; the caller turns that into a warning.
*/
export function writeIndex(realRoot: string, entries: readonly IndexEntry[], articles: number, cacheDirectory?: string, folders?: readonly FolderStamp[]): void {
	const file = indexPathFor(realRoot, cacheDirectory);
	fs.mkdirSync(path.dirname(file), {recursive: true});
	writeFileAtomically(file, serializeIndex(realRoot, indexWriter(), entries, articles, folders));
}

/**
The first `count` articles of the last scan and how many articles it found in all, straight from the head of the
index: no validation against the files, none of them touched. For painting a first screen before the store is
scanned. Undefined when there is no usable index.
*/
export function readFirstScreen(root: string, count: number, cacheDirectory?: string): {articles: LocatedMeta[]; total: number} | undefined {
	const absoluteRoot = path.resolve(root);
	let realRoot: string;
	try {
		realRoot = fs.realpathSync(absoluteRoot);
	} catch {
		return undefined;
	}

	// About 400 bytes an entry: enough for the header and `count` entries almost always, and bounded whatever the file.
	const read = readRegularFile(indexPathFor(realRoot, cacheDirectory), {maxBytes: Math.max(64 * 1024, (count + 2) * 2048), isPrefix: true});
	if ('failure' in read) {
		return undefined;
	}

	const head = parseIndexHead(read.bytes.toString('utf8'), count, realRoot, indexWriter(), indexPrefixFor(absoluteRoot));
	return head && {articles: head.entries.flatMap(entry => 'article' in entry ? [entry.article] : []), total: head.total};
}
