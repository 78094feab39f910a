/**
The metadata index of a store, kept in the cache directory: one file per store, named by a hash of the store's real
path. It is what makes a warm start read no article bodies (see store.ts for how it is validated and
core/index-format.ts for the layout). Any problem with it (missing, corrupt, foreign version, unreadable) makes it
absent, never an error: the store is simply scanned again.
*/
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {isAscii} from 'node:buffer';
import {createHash} from 'node:crypto';
import {parseIndex, parseIndexHeadWithTotal, serializeIndex, type IndexEntry, type IndexHeader} from '../../core/store/index-format.js';
import {fileURLToPath} from 'node:url';
import type {StoredArticle} from './scan.js';

type PackageInfo = {readonly root: string; readonly version: string};
let cachedPackage: PackageInfo | undefined;

/**
The inkwire package this code runs from: the nearest directory above this file whose package.json is named inkwire.
Walking up works both from the source (source/io/store/) and from the bundle (dist/). It lives here because the index
records the writer's version; store.ts uses it to find the bundled data/ folder.
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

/** The whole index of the store at `absoluteRoot` (real path `realRoot`), or undefined if there is none usable. */
export function readIndex(absoluteRoot: string, realRoot: string, cacheDirectory?: string): {header: IndexHeader; entries: IndexEntry[]} | undefined {
	let text: string;
	try {
		const bytes = fs.readFileSync(indexPathFor(realRoot, cacheDirectory));
		// An index of ASCII text (the usual case) decodes as Latin-1, a plain copy: about 60 ms less than UTF-8 at 25 MB.
		text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
	} catch {
		return undefined;
	}

	return parseIndex(text, realRoot, indexWriter(), pathPrefixFor(absoluteRoot));
}

/**
Write the index atomically (temp file + rename), creating the cache directory. Throws on failure; the caller turns
that into a warning.
*/
export function writeIndex(realRoot: string, entries: readonly IndexEntry[], articles: number, cacheDirectory?: string): void {
	const file = indexPathFor(realRoot, cacheDirectory);
	fs.mkdirSync(path.dirname(file), {recursive: true});
	const temporary = `${file}.tmp-${process.pid}-${Date.now().toString(36)}`;
	try {
		fs.writeFileSync(temporary, serializeIndex(realRoot, indexWriter(), entries, articles));
		fs.renameSync(temporary, file);
	} catch (error) {
		fs.rmSync(temporary, {force: true});
		throw error;
	}
}

/**
The first `count` articles of the last scan of `root`, newest first, from the head of its index, without checking
the files: for painting a first screen at once while `scanStore` runs. Undefined when there is no usable index.
*/
export function readIndexHead(root: string, count: number, cacheDirectory?: string): StoredArticle[] | undefined {
	return readFirstScreen(root, count, cacheDirectory)?.articles;
}

/**
The first `count` articles of the last scan and how many articles it found in all, straight from the head of the
index: no validation, no article files touched. For painting a first screen before the store is scanned.
*/
export function readFirstScreen(root: string, count: number, cacheDirectory?: string): {articles: StoredArticle[]; total: number} | undefined {
	let realRoot: string;
	let descriptor: number;
	const absoluteRoot = path.resolve(root);
	try {
		realRoot = fs.realpathSync(absoluteRoot);
		descriptor = fs.openSync(indexPathFor(realRoot, cacheDirectory), 'r');
	} catch {
		return undefined;
	}

	try {
		// Read until count + 1 line ends are in (header plus count entries), doubling the chunk; about 400 bytes an entry.
		let buffer = Buffer.alloc(Math.max(4096, (count + 2) * 512));
		let length = 0;
		for (;;) {
			if (length === buffer.length) {
				const bigger = Buffer.alloc(buffer.length * 2);
				buffer.copy(bigger);
				buffer = bigger;
			}

			const read = fs.readSync(descriptor, buffer, length, buffer.length - length, length);
			length += read;
			if (read === 0 || countNewlines(buffer, length) > count + 1) {
				break;
			}
		}

		const head = parseIndexHeadWithTotal(buffer.toString('utf8', 0, length), count, realRoot, indexWriter(), pathPrefixFor(absoluteRoot));
		return head && {articles: head.entries.flatMap(entry => 'article' in entry ? [entry.article] : []), total: head.total};
	} catch {
		return undefined;
	} finally {
		fs.closeSync(descriptor);
	}
}

function countNewlines(buffer: Buffer, length: number): number {
	let count = 0;
	let index = buffer.indexOf(10);
	while (index !== -1 && index < length) {
		count++;
		index = buffer.indexOf(10, index + 1);
	}

	return count;
}

/** What goes before a relative path to make it absolute. Plain concatenation: path.join costs 3 µs a call. */
export function pathPrefixFor(absoluteRoot: string): string {
	return absoluteRoot.endsWith(path.sep) ? absoluteRoot : absoluteRoot + path.sep;
}
