/**
A synchronous inter-process lock for one file, good on Linux and macOS, local or network disks.

Why not proper-lockfile: its sync API cannot wait and retry, and the read state must be saved synchronously (a signal
handler must never leave a save pending). Why mkdir: creating a directory is atomic everywhere and fails with EEXIST
when another process holds it. The holder writes its pid, host and a token into the directory so that others can tell
a lock left by a crashed process (dead pid on this host, or simply old) from a live one, and so that releasing never
removes a lock that was taken over after being judged stale.
*/
import fs from 'node:fs';
import os from 'node:os';
import {randomBytes} from 'node:crypto';

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
			try {
				fs.writeFileSync(`${lockPath}/owner`, `${process.pid}\n${os.hostname()}\n${token}\n`);
			} catch {
				// The lock is still ours without the owner file; others judge it by age alone.
			}

			return () => {
				release(lockPath, token);
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
				throw error;
			}
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
	}
}

/** Run `action` while holding the lock guarding `target`. */
export function withLock<T>(target: string, action: () => T, options?: LockOptions): T {
	const release = acquireLock(target, options);
	try {
		return action();
	} finally {
		release();
	}
}

type Owner = {readonly pid: number; readonly host: string; readonly token: string};

function readOwner(lockPath: string): Owner | undefined {
	try {
		const [pid = '', host = '', token = ''] = fs.readFileSync(`${lockPath}/owner`, 'utf8').split('\n');
		return {pid: Number(pid), host, token};
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
		? owner.host === os.hostname() && Number.isInteger(owner.pid) && owner.pid > 0 && !isAlive(owner.pid)
		// Between mkdir and writing the owner file is a matter of microseconds; a second means the holder died there.
		: ageMs > 1000);
	return isStale ? stats.ino : undefined;
}

function isAlive(pid: number): boolean {
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
		// Taken over as stale while we held it: it is someone else's now.
		return;
	}

	fs.rmSync(lockPath, {recursive: true, force: true});
}
