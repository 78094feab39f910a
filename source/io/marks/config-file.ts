/**
config.json on disk: read through conf (with format.ts's `parseConfig` checking the shape), written by the one atomic
writer of the marks.

conf is the project's config library, and it owns the file's place and shape; its setter is not used for marks
because it re-reads and re-validates the whole file first and loses concurrent updates (STACK.md). The writer here:
a temporary file beside the real one, fsync, rename over it. The rename is what makes kill -9 harmless (the file is
the old one or the new one, never half of each). A symlinked config.json is written through to its target, so that it
stays a symlink (dotfile managers rely on that). Temporary files left by a killed writer are removed by the next save.
*/
import fs from 'node:fs';
import path from 'node:path';
import {randomBytes} from 'node:crypto';
import Conf from 'conf';
import {InvalidConfigError, parseConfig, type ConfigDocument} from './format.js';
import {isProcessAlive} from './lock.js';
import {configPathIn} from './paths.js';
import {describeFileType} from '../store/read-file.js';

/** A temporary file and the file it is to replace. */
export type Place = {readonly target: string; readonly temporary: string};

/** Throw (with the code ENOTREG) when `file` exists and is not a regular file, links followed. */
function refuseIfNotRegular(file: string): void {
	let stats: fs.Stats;
	try {
		stats = fs.statSync(file);
	} catch {
		// Missing or unreachable: the read that follows says which.
		return;
	}

	if (!stats.isFile()) {
		throw Object.assign(new Error(`${file} is ${describeFileType(stats)}, not a regular file`), {code: 'ENOTREG'});
	}
}

export class ConfigFile {
	/** config.json as the user knows it (perhaps a symlink). */
	readonly path: string;
	readonly #directory: string;
	#conf: Conf<ConfigDocument> | undefined;

	constructor(directory: string) {
		this.#directory = directory;
		this.path = configPathIn(directory);
	}

	/** The parsed file ({} when there is none). Throws format.ts's InvalidConfigError, or the file system error. */
	read(): ConfigDocument {
		// conf reads with readFileSync, which waits forever on a FIFO: only a regular file (or none) is handed to it.
		refuseIfNotRegular(this.path);
		try {
			// conf's `store` getter reads the file again each time (no cache), which is what a merge under the lock
			// needs. Its constructor reads it once too: that first read is the one used, not read twice.
			if (!this.#conf) {
				let first: ConfigDocument | undefined;
				this.#conf = new Conf<ConfigDocument>({
					projectName: 'inkwire',
					projectSuffix: '',
					cwd: this.#directory,
					accessPropertiesByDotNotation: false,
					clearInvalidConfig: false,
					deserialize: text => {
						const document = parseConfig(text);
						first ??= document;
						return document;
					},
				});
				if (first) {
					return first;
				}
			}

			return this.#conf.store;
		} catch (error) {
			if (error instanceof InvalidConfigError) {
				throw new InvalidConfigError(firstLine(error.message));
			}

			throw error;
		}
	}

	/** The file that is written: `path` with any symlinks followed. It may not exist yet. */
	target(): string {
		let current = this.path;
		// Bounded: a loop of links ends here with the error a real open would give.
		for (let hops = 0; hops < 40; hops++) {
			let link: string;
			try {
				link = fs.readlinkSync(current);
			} catch (error) {
				const {code} = error as NodeJS.ErrnoException;
				if (code === 'EINVAL' || code === 'ENOENT') {
					return current;
				}

				throw error;
			}

			current = path.resolve(path.dirname(current), link);
		}

		throw Object.assign(new Error(`too many levels of symbolic links at ${this.path}`), {code: 'ELOOP'});
	}

	/** Inode, size and mtime of the file, '' when there is none: a rename or a write changes it. */
	stamp(): string {
		try {
			return stampOf(fs.statSync(this.path));
		} catch {
			return '';
		}
	}

	/** Write the whole file atomically and durably, blocking. Returns its stamp as written. */
	writeSync(text: string): string {
		const target = this.target();
		const temporary = temporaryPathFor(target);
		const mode = modeOf(target);
		try {
			const descriptor = fs.openSync(temporary, 'wx', mode ?? 0o666);
			let stamp: string;
			try {
				if (mode !== undefined) {
					fs.fchmodSync(descriptor, mode);
				}

				fs.writeFileSync(descriptor, text);
				fs.fsyncSync(descriptor);
				stamp = stampOf(fs.fstatSync(descriptor));
			} finally {
				fs.closeSync(descriptor);
			}

			fs.renameSync(temporary, target);
			return stamp;
		} catch (error) {
			fs.rmSync(temporary, {force: true});
			throw error;
		}
	}

	/** Where `writeTemporary` writes: a new temporary file beside the target. */
	placeTemporary(): Place {
		const target = this.target();
		return {target, temporary: temporaryPathFor(target)};
	}

	/**
	Write the text to the temporary file without blocking the event loop (the fsync is the slow part), and return its
	stamp. The caller renames it over `target`, or removes it if it no longer wants it.
	*/
	async writeTemporary({target, temporary}: Place, text: string): Promise<string> {
		const mode = modeOf(target);
		try {
			const handle = await fs.promises.open(temporary, 'wx', mode ?? 0o666);
			try {
				if (mode !== undefined) {
					await handle.chmod(mode);
				}

				await handle.writeFile(text);
				await handle.sync();
				return stampOf(await handle.stat());
			} finally {
				await handle.close();
			}
		} catch (error) {
			fs.rmSync(temporary, {force: true});
			throw error;
		}
	}

	/**
	Rename the real file aside (`config.json.<label>-<time>`), so that nothing the user had is silently discarded.
	Returns the new path. The symlink, if any, stays and the next write recreates its target.
	*/
	moveAside(label: string): string {
		const target = this.target();
		const aside = `${target}.${label}-${new Date().toISOString().replaceAll(':', '-')}`;
		fs.renameSync(target, aside);
		return aside;
	}

	/**
	Remove `config.json.tmp-*` files left by writers that died between creating and renaming them. Called under the
	lock, when no live writer of this config is between the two: a file from a process that still runs (another
	host's, or a writer whose lock was judged stale) is left alone unless it is older than `staleMs`.
	*/
	removeStrayTemporaries(staleMs: number): void {
		const target = this.target();
		const directory = path.dirname(target);
		const prefix = `${path.basename(target)}.tmp-`;
		let names: string[];
		try {
			names = fs.readdirSync(directory);
		} catch {
			return;
		}

		for (const name of names) {
			if (!name.startsWith(prefix)) {
				continue;
			}

			const file = path.join(directory, name);
			const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1] ?? Number.NaN);
			try {
				const isLive = Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && isProcessAlive(pid);
				if (isLive && Date.now() - fs.statSync(file).mtimeMs < staleMs) {
					continue;
				}

				fs.rmSync(file, {force: true});
			} catch {
				// Gone already, or not ours to remove: the next save tries again.
			}
		}
	}
}

function temporaryPathFor(target: string): string {
	// The pid lets the cleanup tell a dead writer's file from a live one's.
	return `${target}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
}

/** The permission bits of the file now there, to keep a `chmod 600 config.json` across saves. */
function modeOf(target: string): number | undefined {
	try {
		return fs.statSync(target).mode & 0o777;
	} catch {
		return undefined;
	}
}

function stampOf(stats: fs.Stats): string {
	return `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}

function firstLine(text: string): string {
	return text.split('\n')[0] ?? text;
}
