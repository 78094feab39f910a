/**
What the scan's two tasks on many files share (the other task, reading and parsing files, is parse-task.ts), and the
first of them: checking files' sizes and mtimes against the index (`stat`). Both run in worker threads and on the
main thread alike, take a chunk of files relative to a store root, and answer in a form that is cheap to send
between threads.
*/
import fs from 'node:fs';
import {Worker} from 'node:worker_threads';
import {describeFileError, describeFileType, type FilePath} from './read-file.js';

/** A file of the store: its relative path, or `[escaped relative path, hex of its real bytes]` (see walk.ts). */
export type ScanItem = string | readonly [string, string];

/** What every chunk of a scan shares: the store root as given, with a trailing slash. */
export type ScanContext = {readonly prefix: string};

/** The path to open for an item. */
export function fileOf(item: ScanItem, prefix: string): FilePath {
	return typeof item === 'string' ? prefix + item : Buffer.concat([Buffer.from(prefix), Buffer.from(item[1], 'hex')]);
}

/** Sizes and mtimes of a chunk by index; NaN size where the stat failed, with the reason in `failures`. */
export type StatAnswer = {readonly sizes: Float64Array; readonly mtimes: Float64Array; readonly failures: Array<[number, string]>};

/** Stat one file: its size and mtime, or why it cannot be used (gone, unreadable, no longer a regular file). */
export function statFile(file: FilePath): {size: number; mtimeMs: number} | {failure: string} {
	try {
		const stats = fs.statSync(file);
		return stats.isFile() ? stats : {failure: `not a regular file (${describeFileType(stats)})`};
	} catch (error) {
		return {failure: describeFileError(error)};
	}
}

/** The `stat` task. Typed arrays, so that 100,000 answers cross threads as two transferred buffers. */
export function statFiles(items: readonly ScanItem[], {prefix}: ScanContext): StatAnswer {
	const sizes = new Float64Array(items.length);
	const mtimes = new Float64Array(items.length);
	const failures: Array<[number, string]> = [];
	for (const [index, item] of items.entries()) {
		const stats = statFile(fileOf(item, prefix));
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

/** A message to a scan worker: which task, for which files. */
export type ScanRequest = {readonly task: 'stat' | 'parse'; readonly items: readonly ScanItem[]; readonly context: ScanContext};

/**
Start a scan worker, or undefined when there is none to start. In the bundle it is dist/scan-worker.js (this code
may be in a chunk); from the source (tests run under tsx), Node 20 workers do not inherit tsx's loader, so a small
bootstrap registers it before importing scan-worker.ts.
*/
export function startScanWorker(): Worker | undefined {
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
		// No worker: this thread does the work (the caller sees fewer workers than it asked for).
	}

	return undefined;
}
