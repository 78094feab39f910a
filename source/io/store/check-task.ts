/**
The scan's check of an index against the files (see scan.ts): every entry's file stat'ed and compared with the entry's
size and mtime, by this thread and a scan worker at once. They share the index's bytes (a SharedArrayBuffer, not
copied) and a small control array: the next chunk of entries to claim, and a flag raised as soon as one file differs
(or the check is called off), after which both stop. Each claims chunks until none are left, so neither waits for the
other; the worker goes through the lines itself while this thread parses them, which is why it starts first.
*/
import {isAscii} from 'node:buffer';
import {parseEntryStamp, type IndexEntry} from '../../core/store/index-entry.js';
import {locateEntries} from '../../core/store/index-format.js';
import type {Pacer} from './pace.js';
import {fileOf, statFile, type ScanContext} from './scan-tasks.js';

/** Entries per claim: a few milliseconds of stats, so that Ctrl-C and the other thread are never kept waiting long. */
export const checkChunk = 1024;

/** control[0]: the next chunk to claim; control[1]: 1 once a file differs or the check is called off. */
const nextChunk = 0;
const stopFlag = 1;

/** Shared between the threads: make one per check. */
export function makeCheckControl(): Int32Array {
	return new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
}

/** Stop the check at the next chunk (a file differs, or the shortcut cannot be taken). */
export function stopCheck(control: Int32Array): void {
	Atomics.store(control, stopFlag, 1);
}

/** Whether a file was found to differ, or the check was called off. */
export function isCheckStopped(control: Int32Array): boolean {
	return Atomics.load(control, stopFlag) === 1;
}

function claimChunk(control: Int32Array): number {
	return Atomics.add(control, nextChunk, 1);
}

/** Whether the file of an entry (path, raw path as hex, size, mtime) still has that size and mtime. */
function isUnchanged(relativePath: string, rawRelativePath: string | undefined, size: number, mtimeMs: number, prefix: string): boolean {
	const stats = statFile(fileOf(rawRelativePath === undefined ? relativePath : [relativePath, rawRelativePath], prefix));
	return !('failure' in stats) && stats.size === size && stats.mtimeMs === mtimeMs;
}

/** What a worker is sent: the index's bytes, whose they are, and the shared control. */
export type CheckRequest = {
	readonly task: 'check';
	readonly bytes: Uint8Array;
	readonly control: Int32Array;
	readonly root: string;
	readonly writer: string;
	readonly context: ScanContext;
};

/** How many entries the worker checked (every one of the chunks it claimed, unless the check stopped). */
export type CheckAnswer = {readonly checked: number};

/** The worker's side: claim chunks of entry lines from the bytes, until none are left or the check stops. */
export function checkIndexInWorker({bytes, control, root, writer, context}: CheckRequest): CheckAnswer {
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const text = isAscii(buffer) ? buffer.toString('latin1') : buffer.toString('utf8');
	const located = locateEntries(text, root, writer);
	if (!located) {
		stopCheck(control);
		return {checked: 0};
	}

	const total = located.header.entries;
	let position = located.start;
	let line = 0;
	let checked = 0;
	for (let chunk = claimChunk(control); chunk * checkChunk < total && !isCheckStopped(control); chunk = claimChunk(control)) {
		// Chunks claimed by the other thread are skipped over, a line break at a time.
		for (; line < chunk * checkChunk && position > 0; line++) {
			position = text.indexOf('\n', position) + 1;
		}

		const last = Math.min(total, (chunk + 1) * checkChunk);
		for (; line < last; line++) {
			const end = text.indexOf('\n', position);
			const stamp = end === -1 ? undefined : parseEntryStamp(text, position, end);
			if (!stamp || !isUnchanged(stamp.relativePath, stamp.rawRelativePath, stamp.size, stamp.mtimeMs, context.prefix)) {
				stopCheck(control);
				return {checked};
			}

			position = end + 1;
			checked++;
		}
	}

	return {checked};
}

/**
This thread's side, with the entries it parsed (in the file's order): claim chunks until none are left or the check
stops, giving the event loop a turn between chunks. Returns how many entries it checked.
*/
export async function checkIndexHere(entries: readonly IndexEntry[], control: Int32Array, prefix: string, pacer: Pacer): Promise<number> {
	let checked = 0;
	for (let chunk = claimChunk(control); chunk * checkChunk < entries.length && !isCheckStopped(control); chunk = claimChunk(control)) {
		const last = Math.min(entries.length, (chunk + 1) * checkChunk);
		for (let index = chunk * checkChunk; index < last; index++) {
			const entry = entries[index]!;
			if (!isUnchanged(entry.relativePath, entry.rawRelativePath, entry.size, entry.mtimeMs, prefix)) {
				stopCheck(control);
				return checked;
			}

			checked++;
		}

		// eslint-disable-next-line no-await-in-loop
		await pacer.pause();
	}

	return checked;
}
