/**
The mark store: which articles of one store are read or saved, and where their reader left off, kept in config.json
and shared safely between any number of inkwire processes.

Marks live in memory for lookups (O(1)), and a change is made there at once. Saving is "take the lock, re-read the
file, apply this process's changes to what is on disk (every other process's marks kept), write atomically, unlock".
A change is saved off the caller's path: a short timer gathers the changes of a burst of keys into one save, and the
slow part of that save (writing and fsync) runs without blocking the event loop, so a key never waits for the disk.
`flush()` saves at once, blocking; it also runs when the process exits with changes unsaved. A save that cannot be
made (lock held, disk full) keeps its changes, which are merged into the next one.

This file is longer than most (about 480 lines) on purpose: the in-memory marks, the blocking save and the background
save share their state (the changes in flight, the lock a background save holds and a flush takes over), and split
into modules that state would have to be exposed to all of them.
*/
import fs from 'node:fs';
import path from 'node:path';
import {
	applyChanges,
	changeFlag,
	changePosition,
	createChanges,
	hasChanges,
	mergeChanges,
	type MarkChanges,
	type StoreMarks,
} from '../../core/marks/store-marks.js';
import {ConfigFile} from './config-file.js';
import {
	InvalidConfigError,
	decodeStoreMarks,
	encodeStoreMarks,
	replaceStoreMarks,
	sameTexts,
	sourceTexts,
	type ConfigDocument,
	type DecodedMarks,
} from './format.js';
import {LockBusyError, acquireLock, type LockOptions} from './lock.js';
import {defaultConfigDirectory, storeKeyOf} from './paths.js';

/** The marks of one store, kept in step with config.json. Nothing here throws. */
export type Marks = {
	isRead(id: string): boolean;
	isSaved(id: string): boolean;
	/** How far into the article its reader was, 0..1, or undefined when it was not started or was finished. */
	position(id: string): number | undefined;
	/** Mark read or unread: in memory at once, on disk soon after (see `flush`). */
	setRead(ids: readonly string[], read: boolean): void;
	/** Save (star) or unsave: in memory at once, on disk soon after. */
	setSaved(ids: readonly string[], saved: boolean): void;
	/**
	Remember where the reader is in an article, as a fraction of it (0..1) so that a re-wrap keeps the place.
	`undefined`, 0 or 1 clear it: call it with 1 (or undefined) when the article is finished. The most recent 1,000
	positions of a store are kept.
	*/
	setPosition(id: string, fraction: number | undefined): void;
	/** Save every change now, blocking (waits for the lock). True when nothing is left unsaved; else see `warnings`. */
	flush(): boolean;
	/** Cheap (one stat): if the file changed on disk, re-read it. True if marks may have changed; call it on a timer. */
	refresh(): boolean;
	/** config.json (perhaps a symlink; writes go to its target). */
	readonly path: string;
	/** The identity of the store the marks belong to: its real path. */
	readonly storeKey: string;
	/** Bumps on every change, made here or found on disk: a memo key. */
	readonly version: number;
	/** One line each, for the user: a config moved aside, marks that cannot be saved, a save that failed. */
	readonly warnings: readonly string[];
	/** False when nothing can be saved (no config directory, read-only, a later format): marks then live in memory. */
	readonly canSave: boolean;
};

export type MarksOptions = {
	/** The store whose marks these are. */
	readonly storeRoot: string;
	/** The directory of config.json. Default `$XDG_CONFIG_HOME/inkwire` or `~/.config/inkwire`. */
	readonly configDirectory?: string;
	readonly lock?: LockOptions;
	/** How long changes gather before they are saved, in milliseconds. Default 50. */
	readonly saveDelayMs?: number;
};

/** Open the marks of a store. Never throws: problems become `warnings` and, where saving is impossible, `canSave`. */
export function openMarks(options: MarksOptions): Marks {
	return new MarkStore(options);
}

// Errors after which retrying a save is pointless.
const permanentCodes = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'ENOENT', 'EISDIR', 'ELOOP']);

/** A save in the background: the changes it carries and the lock it holds until it is done. */
type Saving = {readonly changes: MarkChanges; release: () => void; temporary?: string; isSuperseded: boolean};

/** Instances with changes not yet on disk, flushed when the process exits however it exits (process.exit too). */
const unsaved = new Set<MarkStore>();
let isExitHookSet = false;

class MarkStore implements Marks {
	readonly path: string;
	readonly storeKey: string;
	readonly warnings: string[] = [];
	version = 0;
	canSave = true;
	readonly #file: ConfigFile;
	readonly #lock: LockOptions;
	readonly #saveDelayMs: number;
	#marks: StoreMarks = decodeStoreMarks({}, '').marks;
	#pending = createChanges();
	#saving: Saving | undefined;
	// What the marks were last decoded from, and the file's stamp then: unchanged texts need no decoding.
	#sources: readonly unknown[] = [];
	#stamp = '';
	// Format 1 to migrate or a failed consistency check to repair: the next save writes even without changes.
	#mustWrite = false;
	#timer: NodeJS.Timeout | undefined;
	#busySince: number | undefined;

	constructor(options: MarksOptions) {
		this.#file = new ConfigFile(options.configDirectory ?? defaultConfigDirectory());
		this.path = this.#file.path;
		this.storeKey = storeKeyOf(options.storeRoot);
		this.#lock = options.lock ?? {};
		this.#saveDelayMs = options.saveDelayMs ?? 50;
		// Before reading: a save by another process in between then shows as a change at the next refresh.
		const stamp = this.#file.stamp();
		let document: ConfigDocument;
		try {
			document = this.#readOrRecover();
		} catch (error) {
			const {code} = error as NodeJS.ErrnoException;
			// No config directory and none can be made is a fresh, unsaved state; anything else is worth a line.
			if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'EEXIST') {
				this.#warn(`marks cannot be loaded: ${describe(error)}`);
			}

			this.#cannotSave(error);
			return;
		}

		try {
			fs.accessSync(path.dirname(this.#file.target()), fs.constants.W_OK);
		} catch (error) {
			this.#cannotSave(error);
		}

		this.#adopt(document, decodeStoreMarks(document, this.storeKey), stamp);
		if (this.#mustWrite && this.canSave) {
			// Migrate format 1 now, so that "the first store opened" is this one, and repair at once, so that a
			// failed check is reported once, not on every run until something is marked.
			this.flush();
		}
	}

	isRead(id: string): boolean {
		return this.#marks.read.has(id);
	}

	isSaved(id: string): boolean {
		return this.#marks.saved.has(id);
	}

	position(id: string): number | undefined {
		return this.#marks.positions.get(id);
	}

	setRead(ids: readonly string[], read: boolean): void {
		this.#changed(changeFlag(this.#pending.read, this.#marks.read, ids, read));
	}

	setSaved(ids: readonly string[], saved: boolean): void {
		this.#changed(changeFlag(this.#pending.saved, this.#marks.saved, ids, saved));
	}

	setPosition(id: string, fraction: number | undefined): void {
		this.#changed(changePosition(this.#pending, this.#marks.positions, id, fraction));
	}

	flush(): boolean {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		const saving = this.#saving;
		if (!this.canSave || (!saving && !hasChanges(this.#pending) && !this.#mustWrite)) {
			return !saving && !hasChanges(this.#pending);
		}

		let release: () => void;
		let changes: MarkChanges;
		if (saving) {
			// A background save of this process holds the lock and waits for its fsync: take its lock and its changes
			// over; it sees `isSuperseded` when it resumes and drops its temporary file.
			saving.isSuperseded = true;
			this.#saving = undefined;
			({release} = saving);
			if (saving.temporary) {
				fs.rmSync(saving.temporary, {force: true});
			}

			changes = mergeChanges(saving.changes, this.#pending);
		} else {
			try {
				release = this.#takeLock(this.#lock);
			} catch (error) {
				this.#saveFailed(error);
				return false;
			}

			changes = this.#pending;
		}

		this.#pending = createChanges();
		try {
			const text = this.#prepare(changes);
			this.#commit(text === undefined ? undefined : this.#file.writeSync(text));
			return !hasChanges(this.#pending);
		} catch (error) {
			this.#pending = mergeChanges(changes, this.#pending);
			this.#saveFailed(error);
			return false;
		} finally {
			release();
			this.#track();
		}
	}

	refresh(): boolean {
		const stamp = this.#file.stamp();
		if (stamp === this.#stamp || this.#saving) {
			// A save in flight will bring memory in step with the file when it commits.
			return false;
		}

		let document: ConfigDocument;
		try {
			document = this.#readOrRecover();
		} catch (error) {
			this.#warn(`marks cannot be loaded: ${describe(error)}`);
			this.#stamp = stamp;
			return false;
		}

		if (sameTexts(sourceTexts(document, this.storeKey), this.#sources)) {
			this.#stamp = stamp;
			return false;
		}

		const decoded = decodeStoreMarks(document, this.storeKey);
		applyChanges(decoded.marks, this.#pending);
		this.#adopt(document, decoded, stamp);
		this.version++;
		if (this.#mustWrite && this.canSave) {
			this.#schedule();
		}

		return true;
	}

	/** Take in marks decoded from disk (with this process's unsaved changes applied by the caller where needed). */
	#adopt(document: ConfigDocument, decoded: DecodedMarks, stamp: string): void {
		this.#marks = decoded.marks;
		this.#sources = sourceTexts(document, this.storeKey);
		this.#stamp = stamp;
		if (decoded.unsupported) {
			this.#warn(`marks are not read from ${this.path}: ${decoded.unsupported}`);
			this.canSave = false;
		}

		this.#mustWrite = decoded.hasLegacy || decoded.problems.length > 0;
		if (decoded.problems.length > 0 && !this.canSave) {
			// Where it can be saved, the next save repairs the file and says so; here it cannot, so say it now.
			this.#warn(`${this.path} failed its consistency checks (${decoded.problems.join('; ')}); the marks that passed are used`);
		}
	}

	/**
	Under the lock: read the file, apply `changes` to what is on disk, and return the text to write, or undefined when
	the file already says exactly that. A file that fails its consistency checks is moved aside here, with a warning;
	the marks that passed are kept and written back.
	*/
	#prepare(changes: MarkChanges): string | undefined {
		const document = this.#readOrRecover(true);
		const sources = sourceTexts(document, this.storeKey);
		let next = this.#marks;
		if (!sameTexts(sources, this.#sources) || this.#mustWrite) {
			const decoded = decodeStoreMarks(document, this.storeKey);
			if (decoded.unsupported) {
				this.#adopt(document, decoded, this.#file.stamp());
				throw new Error(decoded.unsupported);
			}

			if (decoded.problems.length > 0) {
				const aside = this.#file.moveAside('inconsistent');
				this.#warn(`${this.path} failed its consistency checks (${decoded.problems.join('; ')}); a copy is kept at ${aside}, and the marks that passed are kept`);
			}

			next = decoded.marks;
			applyChanges(next, changes);
			// Changes made since this save began are applied when it commits.
		} else {
			applyChanges(next, changes);
		}

		this.#marks = next;
		const entry = encodeStoreMarks(next);
		const updated = replaceStoreMarks(document, this.storeKey, entry);
		this.#sources = sourceTexts(updated, this.storeKey);
		if (!this.#mustWrite && sameTexts(this.#sources, sources)) {
			return undefined;
		}

		return JSON.stringify(updated, undefined, '\t');
	}

	/** After a write (or none was needed): the file now holds what `#prepare` made. */
	#commit(stamp: string | undefined): void {
		this.#stamp = stamp ?? this.#file.stamp();
		this.#mustWrite = false;
		this.#busySince = undefined;
		if (applyChanges(this.#marks, this.#pending)) {
			this.version++;
		}

		this.#file.removeStrayTemporaries(this.#lock.staleMs ?? 10_000);
	}

	async #saveInBackground(): Promise<void> {
		if (this.#saving || !this.canSave || (!hasChanges(this.#pending) && !this.#mustWrite)) {
			return;
		}

		let release: () => void;
		try {
			// Never wait for the lock here: that would block the event loop. Try again a little later instead.
			release = this.#takeLock({...this.#lock, timeoutMs: 0});
		} catch (error) {
			if (error instanceof LockBusyError) {
				this.#busySince ??= Date.now();
				if (Date.now() - this.#busySince > (this.#lock.timeoutMs ?? 3000)) {
					this.#warn(`marks not saved yet: ${error.message}`);
				}

				this.#schedule(Math.min(500, 10 + (Date.now() - this.#busySince) / 4));
			} else {
				this.#saveFailed(error);
			}

			return;
		}

		const saving: Saving = {changes: this.#pending, release, isSuperseded: false};
		this.#saving = saving;
		this.#pending = createChanges();
		try {
			const text = this.#prepare(saving.changes);
			let stamp: string | undefined;
			if (text !== undefined) {
				const place = this.#file.placeTemporary();
				// Known before the first await, so that a flush taking over can remove it.
				saving.temporary = place.temporary;
				stamp = await this.#file.writeTemporary(place, text);
				if (saving.isSuperseded) {
					fs.rmSync(place.temporary, {force: true});
					return;
				}

				fs.renameSync(place.temporary, place.target);
			}

			this.#commit(stamp);
		} catch (error) {
			if (saving.isSuperseded) {
				return;
			}

			this.#pending = mergeChanges(saving.changes, this.#pending);
			this.#saveFailed(error);
		} finally {
			if (!saving.isSuperseded) {
				this.#saving = undefined;
				release();
				if (hasChanges(this.#pending)) {
					this.#schedule();
				}

				this.#track();
			}
		}
	}

	#changed(isChanged: boolean): void {
		if (isChanged) {
			this.version++;
		}

		this.#track();
		this.#schedule();
	}

	#schedule(delay = this.#saveDelayMs): void {
		if (this.#timer || !this.canSave) {
			return;
		}

		// Unref'd: a process that is done does not wait for it; the exit hook flushes instead.
		this.#timer = setTimeout(() => {
			this.#timer = undefined;
			void this.#saveInBackground();
		}, delay).unref();
	}

	#takeLock(options: LockOptions): () => void {
		// The directory may have been removed since opening; the lock directory needs it.
		const target = this.#file.target();
		fs.mkdirSync(path.dirname(target), {recursive: true});
		return acquireLock(target, options);
	}

	/**
	Read the file; one that is not JSON or not of the shape `parseConfig` checks is moved aside (under the lock, so
	that a valid file that replaced it meanwhile is never the one moved), with a warning, and reads as empty.
	*/
	#readOrRecover(isLocked = false): ConfigDocument {
		try {
			return this.#file.read();
		} catch (error) {
			if (!(error instanceof InvalidConfigError)) {
				throw error;
			}
		}

		const release = isLocked ? undefined : this.#takeLock(this.#lock);
		try {
			return this.#file.read();
		} catch (error) {
			if (!(error instanceof InvalidConfigError)) {
				throw error;
			}

			const aside = this.#file.moveAside('corrupt');
			this.#warn(`config file was invalid (${error.message}) and was moved aside to ${aside}; starting with no marks`);
			return {};
		} finally {
			release?.();
		}
	}

	#saveFailed(error: unknown): void {
		this.#warn(`marks cannot be saved: ${describe(error)}`);
		if (permanentCodes.has((error as NodeJS.ErrnoException).code ?? '')) {
			this.canSave = false;
		}
	}

	#cannotSave(error: unknown): void {
		this.canSave = false;
		this.#warn(`marks cannot be saved: ${describe(error)}`);
	}

	#warn(message: string): void {
		if (!this.warnings.includes(message)) {
			this.warnings.push(message);
		}
	}

	// Keep the exit hook's list to the instances that have something to save.
	#track(): void {
		if (this.canSave && (hasChanges(this.#pending) || this.#saving)) {
			unsaved.add(this);
			if (!isExitHookSet) {
				isExitHookSet = true;
				process.on('exit', () => {
					for (const store of unsaved) {
						store.flush();
					}
				});
			}
		} else {
			unsaved.delete(this);
		}
	}
}

function describe(error: unknown): string {
	if (error instanceof Error) {
		return error.message.split('\n')[0] ?? error.name;
	}

	return String(error);
}
