/**
Scanning a store: a directory tree of article files (Markdown or plain text). A scan yields their metadata, newest
first, and the files it could not use with the reason. This file is the orchestration: the walk (walk.ts) lists the
files; the index (index-cache.ts) says what is known of them; files whose size or mtime changed, and new ones, are
read and parsed (scan-tasks.ts), in worker threads when there are many (worker-pool.ts). A warm scan is a walk and
a stat per file, and reads no article.

The shortcut: an index records its walk's folder stamps when that walk can be replayed (walk.ts says when). If every
folder still has its stamp (same identity, mtime and ctime), no file was added, removed or renamed, and no link or
odd file appeared: the files are the index's, and the walk is skipped. Every file is still stat'ed against its entry,
because an edit in place changes the file's own mtime and not its folder's; a single difference, or any entry that
did not check out, and the scan walks the store as usual.
*/
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {UserError} from '../../core/errors.js';
import {rememberSerializedEntry, type LocatedMeta} from '../../core/store/index-entry.js';
import type {FolderStamp, ParsedIndex} from '../../core/store/index-format.js';
import {compareCodeUnits} from '../../core/store/library.js';
import {checkIndexHere, isCheckStopped, makeCheckControl, stopCheck, type CheckAnswer, type CheckRequest} from './check-task.js';
import {indexPathFor, indexWriter, parseIndexBytes, pathPrefixFor, readIndexBytes, writeIndex} from './index-cache.js';
import {describeError} from './read-file.js';
import {Pacer} from './pace.js';
import {assemble, indexByPath, matchIndex, type IndexByPath, type StatTable} from './reconcile.js';
import type {ParseAnswer, ParseResult} from './parse-task.js';
import {startScanWorker, statFiles, type ScanItem, type StatAnswer} from './scan-tasks.js';
import {walkStore, type SkippedFile} from './walk.js';
import {WorkerPool} from './worker-pool.js';

export type {SkippedFile} from './walk.js';
import {articleFormatOf} from '../../core/store/article-path.js';
import {prepareFormat} from './html-reader.js';

/** Article metadata and where its file is. */
export type StoredArticle = LocatedMeta;

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
	/** Stops the scan promptly (worker threads ended): it rejects with the signal's reason. */
	readonly signal?: AbortSignal;
	/** Called with the relative path of every file read and parsed, that is not taken from the index. */
	readonly onParse?: (relativePath: string) => void;
	/** Called when the store is walked: not when the index's folder stamps all held (every file is checked either way). */
	readonly onWalk?: () => void;
	/**
	How many threads read and parse files, this one included. Default: one per core (at most 4) when at least
	2,000 files need reading, else 1.
	*/
	readonly parseThreads?: number;
	/** Follow symbolic links that lead out of the store, with the same loop and size limits (off by default). */
	readonly followOutsideLinks?: boolean;
	/** Folders nested deeper are skipped (default 64). */
	readonly maxDepth?: number;
	/** The walk stops after this many directory entries, with a warning (default 2,000,000). */
	readonly maxEntries?: number;
	/** See WalkOptions.settleMs: how long folders must have been still for the walk to be recorded (default 2 s). */
	readonly settleMs?: number;
};

/** Below this many files to read, starting worker threads costs more than it saves. */
const minimumFilesForThreads = 2000;

/** An index of this many bytes (about 40,000 articles) makes checking the files in a worker worth its start-up. */
const minimumIndexBytesForStatWorker = 10 * 1024 * 1024;

/**
Scan a store. Never fails because of a single file: unusable ones land in `skipped`. Throws a UserError when the root
itself cannot be read, and the signal's reason when aborted.
*/
export async function scanStore(root: string, options: ScanOptions = {}): Promise<StoreScan> {
	const {cacheDirectory, onProgress, onParse, parseThreads} = options;
	options.signal?.throwIfAborted();
	const absoluteRoot = path.resolve(root);
	let realRoot: string;
	try {
		realRoot = fs.realpathSync(absoluteRoot);
		if (!fs.statSync(realRoot).isDirectory()) {
			throw new UserError(`store is not a directory: ${absoluteRoot}`);
		}
	} catch (error) {
		throw error instanceof UserError ? error : new UserError(`cannot open the store ${absoluteRoot}: ${describeError(error)}`);
	}

	// Ends whatever is still running on this thread for this scan (a chunk loop) when the scan ends, however it ends;
	// and follows the caller's signal (AbortSignal.any is not in every Node 20).
	const ending = new AbortController();
	const {signal} = ending;
	const follow = () => {
		ending.abort(options.signal?.reason);
	};

	options.signal?.addEventListener('abort', follow, {once: true});
	const pool = new WorkerPool(startScanWorker);
	try {
		// A large index means a warm start of a large store, where checking every file's size and mtime is most of the
		// work: a worker shares it while this thread reads the index. Started now, so that it is ready after the walk.
		if (shouldStatInWorker(realRoot, cacheDirectory, parseThreads)) {
			pool.grow(1);
		}

		const prefix = pathPrefixFor(absoluteRoot);
		const context: Context = {absoluteRoot, realRoot, prefix, cacheDirectory, signal};
		// The walk limits are the defaults' when the stamps were taken: a caller's own limits need a real walk.
		const mayTakeShortcut = options.maxDepth === undefined && options.maxEntries === undefined;
		const canShare = mayTakeShortcut && pool.size > 0;
		const bytes = readIndexBytes(realRoot, {cacheDirectory, isShared: canShare});
		// The worker starts checking files against the index at once, while this thread parses it.
		const control = makeCheckControl();
		const request: CheckRequest | undefined = bytes && canShare ? {task: 'check', bytes, control, root: realRoot, writer: indexWriter(), context: {prefix}} : undefined;
		const asked = request && pool.ask(request) as Promise<CheckAnswer | undefined>;
		const parsedIndex = bytes && await parseIndexBytes(bytes, absoluteRoot, realRoot, signal);
		const held = parsedIndex && mayTakeShortcut && canTakeShortcut(parsedIndex, prefix) ? await assembleFromIndex(parsedIndex, control, asked, context, onProgress) : undefined;
		if (held) {
			return held;
		}

		// The worker must be done with the check before it is given other work.
		stopCheck(control);
		await asked;

		options.onWalk?.();
		const walk = await walkStore(prefix, realRoot, {...options, signal});
		// [feeds hook] `.html` pages are parsed by the page extractor, loaded only for a store that holds one.
		const html = walk.files.find(file => articleFormatOf(file) === 'html');
		if (html !== undefined) {
			await prepareFormat(html);
		}

		const items: ScanItem[] = walk.rawPaths.size === 0
			? walk.files
			: walk.files.map(file => walk.rawPaths.has(file) ? [file, walk.rawPaths.get(file)!.toString('hex')] as const : file);
		onProgress?.(0, items.length);
		const {stats, index} = await checkAgainstIndex(items, parsedIndex, pool, context);
		const matched = await matchIndex(items, index, stats, {prefix, signal, onParse, onProgress});
		const parsed = await parseAll(matched.jobs, pool, {prefix, signal, parseThreads, onProgress: onProgress && (done => {
			onProgress(items.length - matched.jobs.length + done, items.length);
		})});
		onProgress?.(items.length, items.length);
		const scan = await assemble(matched, parsed, index?.parsed, {prefix, signal});
		// Small stores go through every phase without a pause: an abort must still stop them before the index is written.
		signal.throwIfAborted();
		const skipped = walk.skipped;
		for (const file of scan.skipped) {
			skipped.push(file);
		}

		const warnings = walk.warnings;
		for (const warning of scan.warnings) {
			warnings.push(warning);
		}

		// The stamps are recorded only when the index covers every file the walk found: a file that could not be read
		// is not in the index, and must be tried again on every scan.
		const folders = walk.folders && scan.entries.length === items.length ? walk.folders : undefined;
		if (scan.changed || !isSameFolders(parsedIndex?.folders, folders)) {
			try {
				writeIndex(realRoot, scan.entries, scan.shownCount, cacheDirectory, folders);
			} catch (error) {
				warnings.push(`index cache not saved (the next start will be slower): ${describeError(error)}`);
			}
		}

		skipped.sort((left, right) => compareCodeUnits(left.path, right.path));
		return {root: absoluteRoot, articles: scan.articles, skipped, warnings};
	} finally {
		options.signal?.removeEventListener('abort', follow);
		ending.abort();
		pool.close();
	}
}

type Context = {
	readonly absoluteRoot: string;
	readonly realRoot: string;
	readonly prefix: string;
	readonly cacheDirectory: string | undefined;
	readonly signal: AbortSignal;
};

/**
Key the index by path and, when there are workers, stat every file meanwhile: the workers start at once, this thread
joins them once it has the keys. Without workers, the files the index knows are stat'ed one by one in `matchIndex`.
*/
async function checkAgainstIndex(items: readonly ScanItem[], parsed: ParsedIndex | undefined, pool: WorkerPool, context: Context): Promise<{stats: StatTable | undefined; index: IndexByPath | undefined}> {
	const {prefix, signal} = context;
	const loadIndex = async () => parsed && indexByPath(parsed, signal);

	if (pool.size === 0) {
		return {stats: undefined, index: await loadIndex()};
	}

	const stats: StatTable = {sizes: new Float64Array(items.length), mtimes: new Float64Array(items.length), failures: new Map()};
	let release!: () => void;
	const helpAfter = new Promise<void>(resolve => {
		release = resolve;
	});
	const running = pool.run<ScanItem, StatAnswer>({
		request: chunk => ({task: 'stat', items: chunk, context: {prefix}}),
		items,
		chunkSize: 2048,
		runHere: chunk => statFiles(chunk, {prefix}),
		accept(start, count, answer) {
			if (answer.sizes?.length !== count || answer.mtimes?.length !== count) {
				return false;
			}

			stats.sizes.set(answer.sizes, start);
			stats.mtimes.set(answer.mtimes, start);
			for (const [index, failure] of answer.failures) {
				stats.failures.set(start + index, failure);
			}

			return true;
		},
	}, {signal, helpAfter});
	// If reading the index fails, the stat run must not be left to reject unobserved.
	running.catch(() => undefined);
	try {
		const index = await loadIndex();
		release();
		await running;
		return {stats, index};
	} finally {
		release();
	}
}

/** Read and parse files, results in job order: on this thread, and on worker threads when there are many. */
async function parseAll(jobs: readonly ScanItem[], pool: WorkerPool, options: {prefix: string; signal: AbortSignal; parseThreads: number | undefined; onProgress: ((done: number) => void) | undefined}): Promise<ParseResult[]> {
	const {prefix, signal, onProgress} = options;
	const results: ParseResult[] = Array.from({length: jobs.length});
	if (jobs.length === 0) {
		return results;
	}

	// Loaded only now: a warm start, which parses nothing, does not load the parser at all.
	const {parseFiles} = await import('./parse-task.js');
	const threads = options.parseThreads ?? (jobs.length >= minimumFilesForThreads ? Math.min(4, os.availableParallelism()) : 1);
	pool.grow(threads - 1);
	await pool.run<ScanItem, ParseAnswer>({
		request: chunk => ({task: 'parse', items: chunk, context: {prefix}}),
		items: jobs,
		// Small enough that a chunk on this thread is a short slice (Ctrl-C), large enough that messages are few.
		chunkSize: 64,
		runHere: chunk => parseFiles(chunk, {prefix}),
		accept(start, count, answer) {
			if (answer.results?.length !== count) {
				return false;
			}

			for (const [offset, result] of answer.results.entries()) {
				results[start + offset] = result;
				if (!('failure' in result) && answer.lines[offset]) {
					rememberSerializedEntry(result, answer.lines[offset]);
				}
			}

			return true;
		},
	}, {signal, onProgress, workers: threads - 1});
	return results;
}

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

/**
Whether the index's folder stamps may stand in for a walk: it has them, every entry checked out (a dropped entry's
file must be found by the walk and read again), and every folder still has its stamp.
*/
function canTakeShortcut(index: ParsedIndex, prefix: string): boolean {
	if (!index.folders || index.invalid > 0) {
		return false;
	}

	for (const folder of index.folders) {
		const stats = statFolder(prefix + folder.relativePath);
		if (!stats || `${stats.dev}:${stats.ino}` !== folder.identity || String(stats.mtimeNs) !== folder.mtimeNs || String(stats.ctimeNs) !== folder.ctimeNs) {
			return false;
		}
	}

	return true;
}

function statFolder(fsPath: string): fs.BigIntStats | undefined {
	try {
		const stats = fs.statSync(fsPath, {bigint: true});
		return stats.isDirectory() ? stats : undefined;
	} catch {
		return undefined;
	}
}

/**
The scan's outcome straight from an index whose folders all held: every entry's file must still have the entry's size
and mtime, checked here and by the worker `asked` (check-task.ts). Undefined as soon as one does not, or when the
worker failed before checking its share, and the caller walks the store.
*/
async function assembleFromIndex(index: ParsedIndex, control: Int32Array, asked: Promise<CheckAnswer | undefined> | undefined, context: Context, onProgress: ScanOptions['onProgress']): Promise<StoreScan | undefined> {
	const {entries} = index;
	const {prefix, signal} = context;
	onProgress?.(0, entries.length);
	const checkedHere = await checkIndexHere(entries, control, prefix, new Pacer(signal));
	const answer = await asked;
	const checkedThere = asked ? answer?.checked : 0;
	if (isCheckStopped(control) || typeof checkedThere !== 'number' || checkedHere + checkedThere !== entries.length) {
		return undefined;
	}

	onProgress?.(entries.length, entries.length);
	const matched = {slots: entries, jobs: [], isJobKnown: [], skipped: [], changed: false};
	const scan = await assemble(matched, [], index, {prefix, signal});
	signal.throwIfAborted();
	scan.skipped.sort((left, right) => compareCodeUnits(left.path, right.path));
	return {root: context.absoluteRoot, articles: scan.articles, skipped: scan.skipped, warnings: scan.warnings};
}

function isSameFolders(left: readonly FolderStamp[] | undefined, right: readonly FolderStamp[] | undefined): boolean {
	if (left === undefined || right === undefined) {
		return left === right;
	}

	return left.length === right.length && left.every((folder, index) => {
		const other = right[index]!;
		return folder.relativePath === other.relativePath && folder.identity === other.identity && folder.mtimeNs === other.mtimeNs && folder.ctimeNs === other.ctimeNs;
	});
}
