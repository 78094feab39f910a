/**
Writing a file so that a reader never sees half of it (the store's articles, its index, the subscriptions, the feed
cache): the data goes to a temporary file in the same folder (the same
file system, so the rename is atomic), which then takes the target's place. The temporary name starts with a dot: a
scan of the store, which leaves hidden files out, never lists one, even one left behind by a crash.
*/
import fs from 'node:fs';
import fsPromises from 'node:fs/promises';
import path from 'node:path';
import {randomBytes} from 'node:crypto';
import {isProcessAlive} from './marks/lock.js';

export type AtomicWriteOptions = {
	/** fsync the data before the rename and the folder after it, so that the file survives a power cut. */
	readonly isDurable?: boolean;
	/** Make the file's folder first (and the folders above it). */
	readonly makeFolder?: boolean;
	/** Never replace an existing file: fail with EEXIST instead (a hard link, which is atomic, puts the file in place). */
	readonly isExclusive?: boolean;
};

/** Write `data` to `file` atomically. Throws the file system's error; a temporary file is never left behind. */
export function writeFileAtomically(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
	const {isDurable = false, isExclusive = false} = options;
	const directory = path.dirname(file);
	if (options.makeFolder) {
		fs.mkdirSync(directory, {recursive: true});
	}

	const temporary = path.join(directory, `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
	try {
		const descriptor = fs.openSync(temporary, 'wx', 0o666);
		try {
			fs.writeFileSync(descriptor, data);
			if (isDurable) {
				fs.fsyncSync(descriptor);
			}
		} finally {
			fs.closeSync(descriptor);
		}

		if (isExclusive) {
			placeExclusively(temporary, file);
		} else {
			fs.renameSync(temporary, file);
		}
	} catch (error) {
		fs.rmSync(temporary, {force: true});
		throw error;
	}

	if (isDurable) {
		syncFolder(directory);
	}
}

/** Put the temporary file at `file` unless something is there already. */
function placeExclusively(temporary: string, file: string): void {
	try {
		fs.linkSync(temporary, file);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') {
			throw error;
		}

		// A file system without hard links (FAT, some network mounts): check, then rename. Only another writer of
		// the same name in between could be replaced.
		if (fs.existsSync(file)) {
			throw Object.assign(new Error(`EEXIST: file already exists, ${file}`), {code: 'EEXIST'});
		}

		fs.renameSync(temporary, file);
		return;
	}

	fs.rmSync(temporary, {force: true});
}

/** fsync a folder, so that a rename in it is on disk. Some file systems cannot: then the rename is as safe as they make it. */
function syncFolder(directory: string): void {
	let descriptor: number | undefined;
	try {
		descriptor = fs.openSync(directory, 'r');
		fs.fsyncSync(descriptor);
	} catch {
		// EISDIR/EINVAL/EPERM where folders cannot be opened or synced: nothing more can be done, and the data is written.
	} finally {
		if (descriptor !== undefined) {
			fs.closeSync(descriptor);
		}
	}
}

/**
`writeFileAtomically` on libuv's thread pool, for many files at once (a fetch's new articles): creating a file took
0.5 ms here on a busy disk, and done off the main thread those waits overlap the conversion of the next items. Same
steps: temporary dot file, optional fsync, rename. Never exclusive.
*/
export async function writeFileAtomicallyAsync(file: string, data: string | Uint8Array, options: Pick<AtomicWriteOptions, 'isDurable'> = {}): Promise<void> {
	const directory = path.dirname(file);
	const temporary = path.join(directory, `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
	try {
		const handle = await fsPromises.open(temporary, 'wx', 0o666);
		try {
			await handle.writeFile(data);
			if (options.isDurable) {
				await handle.sync();
			}
		} finally {
			await handle.close();
		}

		await fsPromises.rename(temporary, file);
	} catch (error) {
		await fsPromises.rm(temporary, {force: true});
		throw error;
	}
}

// The temporary files this module names: `.NAME.PID-HEX.tmp`.
const temporaryName = /^\..+\.(\d+)-[\da-f]{8}\.tmp$/;
// A writer takes milliseconds; a temporary file this old whose writer is gone was left by a crash (kill -9, power cut).
const staleAfterMs = 60_000;

/**
Remove the temporary files that writers killed in the middle of a write left in `directory` (hidden, so no scan lists
them, but they pile up): only those named as this module names them, whose process no longer runs here, and older
than a minute (a store synced from another machine may hold a live writer's file under a pid that means nothing
here). Returns how many were removed; errors are ignored, as a file another cleaner removed first is no loss.
*/
export function removeStaleTemporaries(directory: string, now = Date.now()): number {
	let names: string[];
	try {
		names = fs.readdirSync(directory);
	} catch {
		return 0;
	}

	let removed = 0;
	for (const name of names) {
		const match = temporaryName.exec(name);
		if (!match || Number(match[1]) === process.pid || isProcessAlive(Number(match[1]))) {
			continue;
		}

		const file = path.join(directory, name);
		try {
			const stats = fs.lstatSync(file);
			if (stats.isFile() && now - stats.mtimeMs > staleAfterMs) {
				fs.rmSync(file);
				removed++;
			}
		} catch {
			// Gone already, or not ours to remove.
		}
	}

	return removed;
}
