/**
A synchronous inter-process lock for one file, good on Linux and macOS, local or network disks.

Why this and not proper-lockfile (which was a dependency and is gone): proper-lockfile's sync API cannot wait and
retry, and marks must be flushed synchronously from an `exit` handler; it judges a lock stale only by age (at least
2 s), so a writer killed with -9 inside a save would stall every other writer that long, where a dead pid on this host
is recognised at once here; and it refreshes the lock's mtime on a timer and throws from that timer when it cannot,
which would crash a reader that only wanted to save a mark. mkdir is atomic everywhere and fails with EEXIST when
another process holds the lock. The holder writes its pid, host and a token into the directory so that others can tell
a lock left by a crashed process (dead pid on this host, or simply old) from a live one, and so that releasing never
removes a lock that was taken over after being judged stale.
*/
import fs from 'node:fs';
import os from 'node:os';
import {randomBytes} from 'node:crypto';
import {readTextFile} from '../store/read-file.js';

export type LockOptions = {
	/** Give up after this long, in milliseconds. Default 3,000. */
	readonly timeoutMs?: number;
	/** A lock older than this is taken over even if its holder looks alive. Default 10,000. */
	readonly staleMs?: number;
};

/** Thrown when the lock stayed busy for the whole timeout. */
export class LockBusyError extends Error {
	override name = 'LockBusyError';
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Block the thread: the lock is taken inside synchronous code, so there is no event loop to wait on. */
function sleep(milliseconds: number): void {
	Atomics.wait(sleeper, 0, 0, milliseconds);
}

/** The lock directory that guards `target`. */
export function lockPathFor(target: string): string {
	return `${target}.lock`;
}

/**
Take the lock guarding `target`, waiting with short sleeps. Returns the function that releases it.
Throws `LockBusyError` after the timeout, or the file system error when the lock cannot be created at all
(read-only or missing directory).
*/
export function acquireLock(target: string, options: LockOptions = {}): () => void {
	const {timeoutMs = 3000, staleMs = 10_000} = options;
	const lockPath = lockPathFor(target);
	const token = randomBytes(8).toString('hex');
	const deadline = Date.now() + timeoutMs;
	let delay = 1;
	for (;;) {
		try {
			fs.mkdirSync(lockPath);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
				throw error;
			}

			const staleInode = findStale(lockPath, staleMs);
			if (staleInode !== undefined) {
				removeStale(lockPath, staleInode);
				continue;
			}

			if (Date.now() >= deadline) {
				const holder = readOwner(lockPath)?.pid;
				throw new LockBusyError(`${lockPath} is held by ${holder ? `process ${holder}` : 'another process'}`);
			}

			// Jittered exponential backoff up to 25 ms: a save holds the lock for a few milliseconds.
			sleep(delay + (Math.random() * delay));
			delay = Math.min(delay * 2, 25);
			continue;
		}

		try {
			fs.writeFileSync(`${lockPath}/owner`, `${process.pid}\n${os.hostname()}\n${token}\n`);
		} catch (error) {
			// A disk too full for a few bytes (ENOSPC) is too full for the config too. Leaving the lock with an empty
			// owner file behind would make every other writer wait for it to age: give it up and report the error.
			fs.rmSync(lockPath, {recursive: true, force: true});
			throw error;
		}

		return () => {
			release(lockPath, token);
		};
	}
}

type Owner = {readonly pid: number; readonly host: string; readonly token: string};

/** The owner file, or undefined when it is missing, empty or cut short (a holder that died writing it, a full disk). */
function readOwner(lockPath: string): Owner | undefined {
	try {
		const [pid = '', host = '', token = ''] = readTextFile(`${lockPath}/owner`, 4096).split('\n');
		return /^[1-9]\d*$/.test(pid) && host !== '' && /^[\da-f]{16}$/.test(token) ? {pid: Number(pid), host, token} : undefined;
	} catch {
		return undefined;
	}
}

/** The inode of the lock directory if it was left by a dead or hung holder. */
function findStale(lockPath: string, staleMs: number): number | undefined {
	let stats: fs.Stats;
	try {
		stats = fs.statSync(lockPath);
	} catch {
		// Gone already: not stale, just retry.
		return undefined;
	}

	const ageMs = Date.now() - stats.mtimeMs;
	const owner = readOwner(lockPath);
	const isStale = ageMs > staleMs || (owner
		? owner.host === os.hostname() && !isProcessAlive(owner.pid)
		// Between mkdir and writing the owner file is a matter of microseconds; a second means the holder died there
		// or could not write it.
		: ageMs > 1000);
	return isStale ? stats.ino : undefined;
}

/** Whether a process with this pid runs on this host. */
export function isProcessAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function removeStale(lockPath: string, staleInode: number): void {
	// Several processes may judge the same lock stale. Checking that the directory is still the one judged, then
	// renaming it away (only one rename wins), leaves only a window of microseconds in which a loser could move a
	// fresh lock taken by someone else. A stale lock is rare (a crash inside a save of a few milliseconds).
	const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
	try {
		if (fs.statSync(lockPath).ino !== staleInode) {
			return;
		}

		fs.renameSync(lockPath, aside);
	} catch {
		return;
	}

	fs.rmSync(aside, {recursive: true, force: true});
}

function release(lockPath: string, token: string): void {
	const owner = readOwner(lockPath);
	if (owner && owner.token !== token) {
		// Taken over as stale while we held it: it is someone else's now. (An owner file that cannot be read is ours,
		// written short: keeping the lock for that would block every writer until it is judged stale.)
		return;
	}

	fs.rmSync(lockPath, {recursive: true, force: true});
}
