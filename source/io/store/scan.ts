/**
The store: a directory tree of article files (Markdown or plain text). Scanning it yields their metadata, newest
first, and the files it could not use with the reason. Bodies are read only to (re)build the metadata index; a warm
scan is readdir + stat only (see index-cache.ts).
*/
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {isUtf8} from 'node:buffer';
import {Worker} from 'node:worker_threads';
import type {Article, ArticleMeta} from '../../core/article/article.js';
import {UserError} from '../../core/errors.js';
import {rememberSerializedEntry, type IndexEntry, type LocatedMeta} from '../../core/store/index-format.js';
import {compareNewestFirst} from '../../core/store/library.js';
import {articleIdFromPath, formatOfPath, parseArticle, parseArticleMeta} from '../../core/article/parse.js';
import {isHtmlPath, loadHtmlReader} from './html-reader.js';
import {findPackage, indexPathFor, pathPrefixFor, readIndex, writeIndex} from './index-cache.js';

/** Article metadata and where its file is. */
export type StoredArticle = LocatedMeta;
export type SkippedFile = {readonly path: string; readonly reason: string};
export type StoreScan = {
	readonly root: string;
	/** Newest first. */
	readonly articles: StoredArticle[];
	readonly skipped: SkippedFile[];
	/** One line each, prefixed with the file's path relative to the root. */
	readonly warnings: string[];
};

export type ScanOptions = {
	/** Where the index lives. Default `$XDG_CACHE_HOME/inkwire` or `~/.cache/inkwire`. */
	readonly cacheDirectory?: string;
	/** Called with files checked so far and the total, every few hundred files and at the end. */
	readonly onProgress?: (done: number, total: number) => void;
	readonly signal?: AbortSignal;
	/** Called with the relative path of every file read and parsed, that is not taken from the index. */
	readonly onParse?: (relativePath: string) => void;
	/**
	How many threads read and parse files, this one included. Default: one per core (at most 4) when at least
	2,000 files need reading, else 1.
	*/
	readonly parseThreads?: number;
};

/** Larger files are skipped: no article is that long, and it bounds memory. */
export const maxArticleBytes = 5 * 1024 * 1024;

/** The data/ folder that ships with inkwire, found from the running file (source or bundle). */
export function defaultStorePath(): string {
	return path.join(findPackage().root, 'data');
}

type Candidate = {readonly relativePath: string; readonly absolutePath: string};

/**
Scan a store. Never fails because of a single file: unusable ones land in `skipped`. Throws a UserError when the root
itself cannot be read, and the signal's reason when aborted.
*/
export async function scanStore(root: string, options: ScanOptions = {}): Promise<StoreScan> {
	const {cacheDirectory, onProgress, signal, onParse, parseThreads} = options;
	const absoluteRoot = path.resolve(root);
	let realRoot: string;
	try {
		realRoot = fs.realpathSync(absoluteRoot);
		if (!fs.statSync(realRoot).isDirectory()) {
			throw new UserError(`store is not a directory: ${absoluteRoot}`);
		}
	} catch (error) {
		throw error instanceof UserError ? error : new UserError(`cannot open the store ${absoluteRoot}: ${describe(error)}`);
	}

	const skipped: SkippedFile[] = [];
	const warnings: string[] = [];
	const prefix = pathPrefixFor(absoluteRoot);
	// A large index means a warm start of a large store, where checking every file's size and mtime is most of the
	// work: a worker does it while this thread reads the index. Started before the walk, so that it is ready after it.
	const statWorker = shouldStatInWorker(realRoot, cacheDirectory, parseThreads) ? startScanWorker() : undefined;
	let candidates: Candidate[];
	let previous: ReturnType<typeof readIndex>;
	let stated: StatResults | undefined;
	const known = new Map<string, IndexEntry>();
	try {
		candidates = walk(prefix, realRoot, skipped);
		// [feeds hook] `.html` pages are parsed by the page extractor, loaded only for a store that holds one.
		if (candidates.some(candidate => isHtmlPath(candidate.relativePath))) {
			await loadHtmlReader();
		}

		let remoteStats: Promise<StatResults | undefined> | undefined;
		if (statWorker) {
			onProgress?.(0, candidates.length);
			remoteStats = statInWorker(statWorker, candidates.map(candidate => candidate.absolutePath));
		}

		previous = readIndex(absoluteRoot, realRoot, cacheDirectory);
		for (const entry of previous?.entries ?? []) {
			known.set(entry.relativePath, entry);
		}

		stated = await remoteStats;
	} finally {
		// Whatever happens (a throwing progress callback included), the worker must not keep the process alive.
		void statWorker?.terminate();
	}

	// First the stats, in path order: what the index knows and what must be read. `slots` keeps path order for both.
	const slots: Array<IndexEntry | ParseJob> = [];
	const jobs: ParseJob[] = [];
	let changed = !previous;
	let lastYield = performance.now();
	for (const [index, candidate] of candidates.entries()) {
		if (index % 256 === 0) {
			onProgress?.(index - jobs.length, candidates.length);
			// Scanning is synchronous work in an async function: give the event loop (a progress bar, Ctrl+C) a turn.
			if (performance.now() - lastYield > 30) {
				await yieldToEventLoop();
				lastYield = performance.now();
			}

			signal?.throwIfAborted();
		}

		// Only files the index knows are stat'ed here; the others are read anyway, and the reader takes their size and
		// mtime from the open file (one path lookup fewer per file on a first start).
		const cached = known.get(candidate.relativePath);
		if (cached) {
			const stats = stated ? statResult(stated, index) : statFile(candidate.absolutePath);
			if ('failure' in stats) {
				changed = true;
				skipped.push({path: candidate.absolutePath, reason: stats.failure});
				continue;
			}

			if (cached.size === stats.size && cached.mtimeMs === stats.mtimeMs) {
				slots.push(cached);
				continue;
			}
		}

		onParse?.(candidate.relativePath);
		const job: ParseJob = {relativePath: candidate.relativePath, absolutePath: candidate.absolutePath, isKnown: cached !== undefined};
		jobs.push(job);
		slots.push(job);
	}

	// Then the files to read, in parallel when there are many (a first start reads every file).
	const parsed = await parseJobs(jobs, {threads: parseThreads, signal, onProgress: onProgress && (done => {
		onProgress(candidates.length - jobs.length + done, candidates.length);
	})});
	const entries: IndexEntry[] = [];
	let jobIndex = 0;
	for (const slot of slots) {
		if (!('isKnown' in slot)) {
			entries.push(slot);
			continue;
		}

		const entry = parsed[jobIndex++]!;
		if ('failure' in entry) {
			// Not cached (it may be readable next time), so the index changes only if it knew this file.
			changed ||= slot.isKnown;
			skipped.push({path: slot.absolutePath, reason: entry.failure});
		} else {
			changed = true;
			entries.push(entry);
		}
	}

	onProgress?.(candidates.length, candidates.length);
	// Removed files leave fewer entries than the index had.
	changed ||= entries.length !== previous?.entries.length;

	let shown: IndexEntry[];
	let rest: IndexEntry[];
	if (changed || !previous) {
		({shown, rest} = arrange(entries));
	} else {
		// Every file matched its entry and none went away: the index's own order (newest first) is still right.
		shown = previous.entries.slice(0, previous.header.articles);
		rest = previous.entries.slice(previous.header.articles);
	}

	const articles: StoredArticle[] = [];
	for (const entry of shown) {
		if ('article' in entry) {
			articles.push(entry.article);
		}
	}

	// Which file kept each id, for the duplicates' reasons; built only when there are duplicates.
	let shownIds: Map<string, string> | undefined;
	for (const entry of rest) {
		if ('skipReason' in entry) {
			skipped.push({path: prefix + entry.relativePath, reason: entry.skipReason});
		} else {
			const absolutePath = entry.article.path;
			shownIds ??= new Map(articles.map(article => [article.id, article.path]));
			const keeper = shownIds.get(entry.article.id);
			skipped.push({path: absolutePath, reason: `duplicate id${keeper ? ` (kept ${keeper.slice(prefix.length)})` : ''}`});
		}
	}

	for (const entry of entries) {
		if ('warnings' in entry) {
			for (const warning of entry.warnings) {
				warnings.push(`${entry.relativePath}: ${warning}`);
			}
		}
	}

	if (changed) {
		try {
			writeIndex(realRoot, [...shown, ...rest], shown.length, cacheDirectory);
		} catch (error) {
			warnings.push(`index cache not saved (the next start will be slower): ${describe(error)}`);
		}
	}

	skipped.sort((left, right) => compareText(left.path, right.path));
	return {root: absoluteRoot, articles, skipped, warnings};
}

/**
Deduplicate by id (the first by path order wins; `entries` are in path order) and sort the kept articles newest first.
Returns the articles shown, then everything else (duplicates and cached skips) for the index.
*/
function arrange(entries: readonly IndexEntry[]): {shown: IndexEntry[]; rest: IndexEntry[]} {
	const shown: IndexEntry[] = [];
	const rest: IndexEntry[] = [];
	const seen = new Set<string>();
	for (const entry of entries) {
		if ('skipReason' in entry || seen.has(entry.article.id)) {
			rest.push(entry);
		} else {
			seen.add(entry.article.id);
			shown.push(entry);
		}
	}

	shown.sort((left, right) => compareNewestFirst((left as {article: ArticleMeta}).article, (right as {article: ArticleMeta}).article));
	return {shown, rest};
}

/**
Every article file under the root in path order. Hidden entries and node_modules are left out. Symbolic links are
followed, but each directory is entered once, by its real path, so that a link loop cannot make the walk endless; and
linked directories are entered only after the whole real tree, so that a link into the store never takes the place
of the real folder (which one is kept does not depend on the order readdir happens to return).
*/
function walk(prefix: string, realRoot: string, skipped: SkippedFile[]): Candidate[] {
	const candidates: Candidate[] = [];
	const visited = new Set<string>([realRoot]);
	const linked: Array<{relativePath: string; absolutePath: string}> = [];
	const visit = (directory: string, relativeDirectory: string, realDirectory: string) => {
		let dirents: fs.Dirent[];
		try {
			dirents = fs.readdirSync(directory, {withFileTypes: true});
		} catch (error) {
			skipped.push({path: directory, reason: describeFileError(error)});
			return;
		}

		const directories: Array<[string, string]> = [];
		for (const dirent of dirents) {
			const {name} = dirent;
			if (name.startsWith('.') || name === 'node_modules') {
				continue;
			}

			const relativePath = relativeDirectory ? `${relativeDirectory}/${name}` : name;
			const absolutePath = prefix + relativePath;
			if (dirent.isSymbolicLink()) {
				let target: fs.Stats;
				try {
					target = fs.statSync(absolutePath);
				} catch {
					if (formatOfPath(name)) {
						skipped.push({path: absolutePath, reason: 'broken symbolic link'});
					}

					continue;
				}

				if (target.isDirectory()) {
					linked.push({relativePath, absolutePath});
				} else if (target.isFile() && formatOfPath(name)) {
					candidates.push({relativePath, absolutePath});
				}
			} else if (dirent.isDirectory()) {
				directories.push([name, relativePath]);
			} else if (dirent.isFile() && formatOfPath(name)) {
				candidates.push({relativePath, absolutePath});
			}
		}

		// A real directory's real path is its parent's plus its name: no realpath call per folder.
		for (const [name, relativePath] of directories.sort((left, right) => compareText(left[0], right[0]))) {
			const real = `${realDirectory}/${name}`;
			visited.add(real);
			visit(prefix + relativePath, relativePath, real);
		}
	};

	visit(prefix, '', realRoot);
	linked.sort((left, right) => compareText(left.relativePath, right.relativePath));
	// Links found inside linked directories are appended and handled in turn.
	for (let index = 0; index < linked.length; index++) {
		const {relativePath, absolutePath} = linked[index]!;
		let real: string;
		try {
			real = fs.realpathSync(absolutePath);
		} catch (error) {
			skipped.push({path: absolutePath, reason: describeFileError(error)});
			continue;
		}

		if (visited.has(real)) {
			skipped.push({path: absolutePath, reason: 'link to a folder already scanned'});
			continue;
		}

		visited.add(real);
		visit(absolutePath, relativePath, real);
	}

	candidates.sort((left, right) => compareText(left.relativePath, right.relativePath));
	return candidates;
}

// Code unit order, the same on every machine and locale.
function compareText(left: string, right: string): number {
	return left < right ? -1 : (left > right ? 1 : 0);
}

function statFile(file: string): {size: number; mtimeMs: number} | {failure: string} {
	try {
		return fs.statSync(file);
	} catch (error) {
		return {failure: describeFileError(error)};
	}
}

/** Sizes and mtimes of files by index; NaN size where the stat failed, with the reason in `failures`. */
export type StatResults = {sizes: Float64Array; mtimes: Float64Array; failures: Array<[number, string]>};

/** Stat files for scanStore (in a scan worker). */
export function statFiles(paths: readonly string[]): StatResults {
	const sizes = new Float64Array(paths.length);
	const mtimes = new Float64Array(paths.length);
	const failures: Array<[number, string]> = [];
	for (const [index, file] of paths.entries()) {
		const stats = statFile(file);
		if ('failure' in stats) {
			sizes[index] = Number.NaN;
			failures.push([index, stats.failure]);
		} else {
			sizes[index] = stats.size;
			mtimes[index] = stats.mtimeMs;
		}
	}

	return {sizes, mtimes, failures};
}

function statResult(results: StatResults, index: number): {size: number; mtimeMs: number} | {failure: string} {
	const size = results.sizes[index]!;
	if (Number.isNaN(size)) {
		return {failure: results.failures.find(([failed]) => failed === index)?.[1] ?? 'deleted during the scan'};
	}

	return {size, mtimeMs: results.mtimes[index]!};
}

/** An index of this many bytes (about 40,000 articles) makes checking the files in a worker worth its start-up. */
const minimumIndexBytesForStatWorker = 10 * 1024 * 1024;

function shouldStatInWorker(realRoot: string, cacheDirectory: string | undefined, threads: number | undefined): boolean {
	if (threads !== undefined) {
		return threads > 1;
	}

	try {
		return os.availableParallelism() > 1 && fs.statSync(indexPathFor(realRoot, cacheDirectory)).size >= minimumIndexBytesForStatWorker;
	} catch {
		return false;
	}
}

/** The worker's stats, or undefined if it fails (then this thread stats the files itself). */
async function statInWorker(worker: Worker, paths: string[]): Promise<StatResults | undefined> {
	return new Promise(resolve => {
		worker.once('message', (results: StatResults) => {
			resolve(results.sizes?.length === paths.length ? results : undefined);
		});
		worker.once('error', () => {
			resolve(undefined);
		});
		worker.once('exit', () => {
			resolve(undefined);
		});
		worker.postMessage({paths});
	});
}

async function yieldToEventLoop(): Promise<void> {
	await new Promise(resolve => {
		setImmediate(resolve);
	});
}

/** A file to read and parse. */
type ParseJob = {
	readonly relativePath: string;
	readonly absolutePath: string;
	/** Whether the index had an (outdated) entry for this path. */
	readonly isKnown: boolean;
};

/** What a scan worker is sent: files as [relative path, absolute path]. */
export type ScanChunk = ReadonlyArray<readonly [string, string]>;

/** What a scan worker answers: one result per file of its chunk, in order. */
export type ScanResults = Array<IndexEntry | {failure: string}>;

/** A worker's answer to a chunk: its results, and each entry's index line (serialising is done there too). */
export type ScanAnswer = {readonly results: ScanResults; readonly lines: readonly string[]};

/** Below this many files to read, starting worker threads costs more than it saves. */
const minimumFilesForThreads = 2000;
const chunkSize = 256;

/**
Start a scan worker, or undefined when there is none to start. In the bundle it is dist/scan-worker.js (this code
may be in a chunk); from the source (tests run under tsx), Node 20 workers do not inherit tsx's loader, so a small
bootstrap registers it before importing scan-worker.ts.
*/
function startScanWorker(): Worker | undefined {
	try {
		if (import.meta.url.endsWith('.ts')) {
			const target = new URL('scan-worker.ts', import.meta.url).href;
			const tsx = import.meta.resolve('tsx/esm/api');
			return new Worker(`import(${JSON.stringify(tsx)}).then(api => { api.register(); return import(${JSON.stringify(target)}); });`, {eval: true});
		}

		for (const candidate of ['./scan-worker.js', '../scan-worker.js']) {
			const url = new URL(candidate, import.meta.url);
			if (fs.existsSync(url)) {
				return new Worker(url);
			}
		}
	} catch {
		// No worker: this thread does the work.
	}

	return undefined;
}

/**
Read and parse files, results in job order. The work is handed out in chunks to worker threads and to this thread
alike, so that no core waits; a worker that fails leaves its chunk to this thread, and without workers this thread
does it all.
*/
async function parseJobs(jobs: readonly ParseJob[], options: {threads: number | undefined; signal: AbortSignal | undefined; onProgress: ((done: number) => void) | undefined}): Promise<ScanResults> {
	const {signal, onProgress} = options;
	const results: ScanResults = Array.from({length: jobs.length});
	const threads = options.threads ?? (jobs.length >= minimumFilesForThreads ? Math.min(4, os.availableParallelism()) : 1);

	// Chunks not yet handed out are ranges from `next`; chunks given back by a failed worker wait in `returned`.
	let next = 0;
	const returned: Array<[number, number]> = [];
	const take = (): [number, number] | undefined => {
		if (returned.length > 0) {
			return returned.pop();
		}

		if (next >= jobs.length) {
			return undefined;
		}

		const start = next;
		next = Math.min(jobs.length, next + chunkSize);
		return [start, next];
	};

	let done = 0;
	let wake: (() => void) | undefined;
	const workers = new Set<Worker>();
	// Each worker keeps two chunks in flight, so that it has work while this thread is busy with its own chunk.
	const inFlight = new Map<Worker, Array<[number, number]>>();
	const feed = (worker: Worker) => {
		const queue = inFlight.get(worker)!;
		while (queue.length < 2) {
			const range = take();
			if (!range) {
				break;
			}

			queue.push(range);
			const chunk: ScanChunk = jobs.slice(range[0], range[1]).map(job => [job.relativePath, job.absolutePath]);
			worker.postMessage(chunk);
		}
	};

	const retire = (worker: Worker) => {
		if (!workers.delete(worker)) {
			return;
		}

		returned.push(...inFlight.get(worker)!);
		inFlight.delete(worker);
		void worker.terminate();
		wake?.();
	};

	for (let count = 1; count < threads && next < jobs.length; count++) {
		const worker = startScanWorker();
		if (!worker) {
			break;
		}

		workers.add(worker);
		inFlight.set(worker, []);
		worker.on('message', ({results: chunkResults, lines}: ScanAnswer) => {
			const range = inFlight.get(worker)?.shift();
			if (!range || chunkResults.length !== range[1] - range[0]) {
				retire(worker);
				return;
			}

			for (const [offset, result] of chunkResults.entries()) {
				results[range[0] + offset] = result;
				if (!('failure' in result) && lines[offset]) {
					rememberSerializedEntry(result, lines[offset]);
				}
			}

			done += chunkResults.length;
			feed(worker);
			wake?.();
		});
		worker.on('error', () => {
			retire(worker);
		});
		worker.on('exit', () => {
			retire(worker);
		});
		feed(worker);
	}

	try {
		let lastProgress = -1;
		for (;;) {
			signal?.throwIfAborted();
			if (done !== lastProgress) {
				onProgress?.(done);
				lastProgress = done;
			}

			const range = take();
			if (range) {
				for (let index = range[0]; index < range[1]; index++) {
					const job = jobs[index]!;
					results[index] = readIndexEntry(job.relativePath, job.absolutePath);
				}

				done += range[1] - range[0];
				// Let the workers' answers in (and a progress bar, and Ctrl+C).
				// eslint-disable-next-line no-await-in-loop
				await yieldToEventLoop();
				continue;
			}

			if (workers.size === 0 || [...inFlight.values()].every(queue => queue.length === 0)) {
				break;
			}

			// eslint-disable-next-line no-await-in-loop
			await new Promise<void>(resolve => {
				wake = resolve;
			});
			wake = undefined;
		}
	} finally {
		for (const worker of workers) {
			workers.delete(worker);
			void worker.terminate();
		}
	}

	onProgress?.(done);
	return results;
}

/**
Read and parse one file of a store into its index entry, or say why it cannot be read now. For scanStore and its
worker threads (scan-worker.ts), not for other callers.
*/
export function readIndexEntry(relativePath: string, absolutePath: string): IndexEntry | {failure: string} {
	const checked = readChecked(absolutePath);
	if ('failure' in checked) {
		return checked.isContentProblem ? {relativePath, size: checked.size, mtimeMs: checked.mtimeMs, skipReason: checked.failure} : {failure: checked.failure};
	}

	const {size, mtimeMs} = checked;
	const format = formatOfPath(relativePath) ?? 'text';
	// The index needs no body: the metadata-only parse skips the work only the body needs.
	const {article, warnings} = parseArticleMeta(checked.text, {id: articleIdFromPath(relativePath), format});
	return {relativePath, size, mtimeMs, article: {...article, path: absolutePath}, warnings: checked.isInvalidUtf8 ? ['invalid UTF-8 replaced with U+FFFD', ...warnings] : warnings};
}

// One buffer for every file read, grown when needed: a scan reads 100,000 files, and readFileSync allocates a buffer
// (and calls fstat) for each.
let scratch = Buffer.allocUnsafe(64 * 1024);

type Checked = {text: string; isInvalidUtf8: boolean; size: number; mtimeMs: number}
	| {failure: string; isContentProblem: true; size: number; mtimeMs: number}
	| {failure: string; isContentProblem: false};

/**
Read a file as an article's text, with the size and mtime of what was read. Content problems (empty, binary, too
large) are facts about this version of the file and may be cached; access problems (gone, unreadable) are not.
*/
function readChecked(file: string, whenMissing?: string): Checked {
	let descriptor: number;
	let size: number;
	let mtimeMs: number;
	let bytes: Buffer;
	try {
		descriptor = fs.openSync(file, 'r');
	} catch (error) {
		return {failure: describeFileError(error, whenMissing), isContentProblem: false};
	}

	try {
		({size, mtimeMs} = fs.fstatSync(descriptor));
		if (size > maxArticleBytes) {
			return {failure: `larger than ${maxArticleBytes / 1024 / 1024} MB`, isContentProblem: true, size, mtimeMs};
		}

		bytes = readBytes(descriptor, size);
	} catch (error) {
		return {failure: describeFileError(error, whenMissing), isContentProblem: false};
	} finally {
		fs.closeSync(descriptor);
	}

	if (bytes.length === 0) {
		return {failure: 'empty file', isContentProblem: true, size, mtimeMs};
	}

	if (bytes.length > maxArticleBytes) {
		return {failure: `larger than ${maxArticleBytes / 1024 / 1024} MB`, isContentProblem: true, size, mtimeMs};
	}

	// NUL bytes do not occur in text; checking the first 8 KB is what git and grep do.
	if (bytes.subarray(0, 8192).includes(0)) {
		return {failure: 'binary file', isContentProblem: true, size, mtimeMs};
	}

	const isInvalidUtf8 = !isUtf8(bytes);
	let text = bytes.toString('utf8');
	if (text.charCodeAt(0) === 0xFE_FF) {
		text = text.slice(1);
	}

	return {text, isInvalidUtf8, size, mtimeMs};
}

/**
The bytes of an open file, at most `maxArticleBytes + 1` of them, in the shared buffer: valid until the next call.
`size` is what fstat said: asking for one byte more, a read that returns less than asked is the end of the file, so
a file that did not change takes one read call, not two.
*/
function readBytes(descriptor: number, size: number): Buffer {
	if (scratch.length <= size) {
		scratch = Buffer.allocUnsafe(Math.min(maxArticleBytes, size) + 1);
	}

	let length = 0;
	for (;;) {
		if (length === scratch.length) {
			if (length > maxArticleBytes) {
				break;
			}

			// The file grew while being read.
			const bigger = Buffer.allocUnsafe(Math.min(maxArticleBytes + 1, scratch.length * 2));
			scratch.copy(bigger, 0, 0, length);
			scratch = bigger;
		}

		const wanted = scratch.length - length;
		const read = fs.readSync(descriptor, scratch, length, wanted, null);
		length += read;
		if (read === 0 || (read < wanted && length >= size)) {
			break;
		}
	}

	return scratch.subarray(0, length);
}

/**
Read one article file fully, body included. Throws a UserError with a one-line message when the file cannot be used.
*/
export function loadArticle(file: string, id: string): Article {
	const checked = readChecked(file, 'no such file');
	if ('failure' in checked) {
		throw new UserError(`cannot read ${file}: ${checked.failure}`);
	}

	return parseArticle(checked.text, {id, format: formatOfPath(file) ?? 'text'}).article;
}

/** Parse an article given as text (stdin, or a file outside the store); `nameForFormat` picks Markdown or text. */
export function parseArticleText(text: string, nameForFormat: string, id: string): Article {
	const clean = text.charCodeAt(0) === 0xFE_FF ? text.slice(1) : text;
	return parseArticle(clean, {id, format: formatOfPath(nameForFormat) ?? 'text'}).article;
}

function describeFileError(error: unknown, whenMissing = 'deleted during the scan'): string {
	switch ((error as NodeJS.ErrnoException).code) {
		case 'ENOENT': {
			return whenMissing;
		}

		case 'EACCES':
		case 'EPERM': {
			return 'permission denied';
		}

		case 'EISDIR': {
			return 'is a directory';
		}

		default: {
			return describe(error);
		}
	}
}

function describe(error: unknown): string {
	if (error instanceof Error) {
		return error.message.split('\n')[0] ?? error.name;
	}

	return String(error);
}
