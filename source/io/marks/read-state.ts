/**
The read state: which articles have been read, kept in the conf config file and shared safely between several
inkwire processes.

conf alone is not enough (see STACK.md): it has no cache and concurrent writers lose each other's updates. So the set
lives in memory for lookups, and every change is saved as lock, re-read the file, merge this change into what is on
disk (other processes' marks kept), write atomically (conf does temp file + fsync + rename), unlock. Changes that
could not be saved (lock busy, disk full) stay pending and are merged into the next save.
*/
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import {ReadSet, hashId, readSetVersion} from '../../core/marks/read-set.js';
import {LockBusyError, acquireLock, type LockOptions} from './lock.js';
import {defaultConfigDirectory} from './peek.js';

export {defaultConfigDirectory} from './peek.js';

/** The read state of this process, kept in step with the config file. */
export type ReadState = {
	/** In memory, O(1). */
	isRead(id: string): boolean;
	/** Persists before returning (lock, re-read, merge, atomic write, unlock); never throws. */
	setRead(ids: readonly string[], read: boolean): void;
	/**
	Changes memory at once and saves on the next turn of the event loop, after the frame that shows the change has been
	drawn: for the reader, whose keypress would otherwise wait for the save's fsync. Calls in one turn share one save.
	*/
	setReadSoon(ids: readonly string[], read: boolean): void;
	/** Re-read the file if it changed on disk; true if any mark changed. */
	refresh(): boolean;
	/** The config.json path. */
	readonly path: string;
	/** Bumps on every change, for React memo keys. */
	readonly version: number;
	/** One-line messages for the user: corrupt config moved aside, marks cannot be saved… */
	readonly warnings: string[];
	readonly canSave: boolean;
};

export type ReadStateOptions = {
	/** The directory of config.json. Default `$XDG_CONFIG_HOME/inkwire` or `~/.config/inkwire`. */
	readonly cwd?: string;
	readonly lock?: LockOptions;
};

/** What the `read` key of config.json holds. */
type StoredReadSet = {
	readonly version: number;
	readonly count: number;
	/** Base64 of the LEB128-encoded sorted hashes (see core/read-set.ts). */
	readonly hashes: string;
};

type Store = {read?: StoredReadSet} & Record<string, unknown>;

const schema = {
	read: {
		type: 'object',
		properties: {
			version: {type: 'integer', minimum: 1},
			count: {type: 'integer', minimum: 0},
			hashes: {type: 'string'},
		},
		required: ['version', 'count', 'hashes'],
	},
} as const;


/** Open the read state. Never throws: problems become `warnings` and, where saving is impossible, `canSave: false`. */
export function openReadState(options: ReadStateOptions = {}): ReadState {
	return new FileReadState(options.cwd ?? defaultConfigDirectory(), options.lock);
}

class CorruptError extends Error {}

// Errors after which retrying a save is pointless.
const permanentCodes = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'ENOENT', 'EISDIR']);

class FileReadState implements ReadState {
	readonly path: string;
	readonly warnings: string[] = [];
	version = 0;
	canSave = true;
	#conf: Conf<Store> | undefined;
	#set = ReadSet.fromIds([]);
	// Changes not yet saved, by id hash: true for read. Applying them is idempotent, so they can be re-applied.
	readonly #pending = new Map<number, boolean>();
	// The `hashes` text last seen on disk (or written), to skip decoding when nobody else changed the file.
	#diskText = '';
	#diskStamp = '';
	#diskStore: Store | undefined;
	readonly #lockOptions: LockOptions | undefined;

	constructor(directory: string, lockOptions: LockOptions | undefined) {
		this.path = path.join(directory, 'config.json');
		this.#lockOptions = lockOptions;
		this.#conf = this.#openConf(directory);
		if (!this.#conf) {
			return;
		}

		try {
			this.#syncFromDisk();
		} catch (error) {
			this.#warn(`read marks cannot be loaded: ${describe(error)}`);
			this.#cannotSave(error);
		}

		if (this.canSave) {
			try {
				fs.accessSync(directory, fs.constants.W_OK);
			} catch (error) {
				this.#cannotSave(error);
			}
		}
	}

	isRead(id: string): boolean {
		return this.#set.has(id);
	}

	setRead(ids: readonly string[], read: boolean): void {
		this.#apply(ids, read);
		this.#save();
	}

	setReadSoon(ids: readonly string[], read: boolean): void {
		this.#apply(ids, read);
		if (!this.#isSaveScheduled) {
			this.#isSaveScheduled = true;
			setImmediate(() => {
				this.#isSaveScheduled = false;
				this.#save();
			});
		}
	}

	#isSaveScheduled = false;

	#apply(ids: readonly string[], read: boolean): void {
		let changed = false;
		for (const id of ids) {
			const hash = hashId(id);
			this.#pending.set(hash, read);
			changed = (read ? this.#set.addHash(hash) : this.#set.deleteHash(hash)) || changed;
		}

		if (changed) {
			this.version++;
		}
	}

	refresh(): boolean {
		if (!this.#conf || this.#stamp() === this.#diskStamp) {
			return false;
		}

		const before = this.version;
		try {
			this.#syncFromDisk();
		} catch (error) {
			this.#warn(`read marks cannot be loaded: ${describe(error)}`);
		}

		return this.version !== before;
	}

	#openConf(directory: string): Conf<Store> | undefined {
		const create = () => new Conf<Store>({
			projectName: 'inkwire',
			projectSuffix: '',
			cwd: directory,
			accessPropertiesByDotNotation: false,
			clearInvalidConfig: false,
			schema,
		});
		try {
			try {
				return create();
			} catch (error) {
				if (!isCorruptionError(error)) {
					throw error;
				}

				this.#moveAside();
				return create();
			}
		} catch (error) {
			const reason = describe(error);
			if (isCorruptionError(error)) {
				this.#warn(`read marks cannot be loaded: ${this.path} is invalid (${reason}) and could not be moved aside`);
			} else if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') {
				// No config directory and none can be made: a fresh, unsaved state.
			} else {
				this.#warn(`read marks cannot be loaded: ${reason}`);
			}

			this.#cannotSave(error);
			return undefined;
		}
	}

	/**
	Read the store from disk and bring memory in step with it, keeping pending changes on top. A corrupt file (bad
	JSON, wrong shape, undecodable marks) is moved aside and reads as empty. Returns the store as read.
	*/
	#syncFromDisk(): Store {
		let store: Store;
		let next: ReadSet | undefined;
		try {
			store = this.#conf!.store;
			const text = store.read?.hashes ?? '';
			if (text !== this.#diskText) {
				next = store.read ? decodeStored(store.read) : ReadSet.fromIds([]);
				this.#diskText = text;
			}
		} catch (error) {
			if (!isCorruptionError(error)) {
				throw error;
			}

			this.#moveAside();
			store = {};
			next = ReadSet.fromIds([]);
			this.#diskText = '';
		}

		this.#diskStamp = this.#stamp();
		this.#diskStore = store;
		if (next) {
			for (const [hash, read] of this.#pending) {
				if (read) {
					next.addHash(hash);
				} else {
					next.deleteHash(hash);
				}
			}

			if (!sameHashes(next, this.#set)) {
				this.version++;
			}

			this.#set = next;
		}

		return store;
	}

	#save(): void {
		if (!this.#conf || !this.canSave || this.#pending.size === 0) {
			return;
		}

		let release: (() => void) | undefined;
		try {
			// The directory may have been removed since opening; the lock directory needs it.
			fs.mkdirSync(path.dirname(this.path), {recursive: true});
			release = acquireLock(this.path, this.#lockOptions);
			// Always re-read under the lock. Skipping it when inode, size and mtime looked unchanged lost a mark in CI:
			// ext4 reuses a freed inode at once and mtime has the kernel's coarse clock tick, so two writers' files can
			// share a stamp. The re-read costs a few milliseconds at 100,000 marks (the hashes are decoded only if they
			// changed).
			const store = this.#syncFromDisk();
			const text = Buffer.from(this.#set.encode()).toString('base64');
			if (text !== (store.read?.hashes ?? '')) {
				store.read = {version: readSetVersion, count: this.#set.size, hashes: text};
				writeAtomic(this.path, JSON.stringify(store, undefined, '\t'));
			}

			this.#diskText = text;
			this.#diskStore = store;
			this.#diskStamp = this.#stamp();
			this.#pending.clear();
		} catch (error) {
			if (error instanceof LockBusyError) {
				this.#warn(`read marks not saved yet: ${error.message}`);
			} else {
				this.#warn(`read marks cannot be saved: ${describe(error)}`);
				if (permanentCodes.has((error as NodeJS.ErrnoException).code ?? '')) {
					this.canSave = false;
				}
			}
		} finally {
			release?.();
		}
	}

	// Move an invalid config.json aside so that nothing is silently discarded. The name has no colons, which some
	// tools and file systems dislike.
	#moveAside(): void {
		const aside = `${this.path}.corrupt-${new Date().toISOString().replaceAll(':', '-')}`;
		try {
			fs.renameSync(this.path, aside);
			this.#warn(`config file was invalid and was moved aside to ${aside}; starting with no read marks`);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
				throw new CorruptError(`cannot move the invalid ${this.path} aside: ${describe(error)}`);
			}
		}
	}

	#cannotSave(error: unknown): void {
		this.canSave = false;
		this.#warn(`read marks cannot be saved: ${describe(error)}`);
	}

	#warn(message: string): void {
		if (!this.warnings.includes(message)) {
			this.warnings.push(message);
		}
	}

	// Inode, size and mtime: conf replaces the file by rename on every write, so the inode alone changes each time.
	#stamp(): string {
		try {
			const stats = fs.statSync(this.path);
			return `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
		} catch {
			return '';
		}
	}
}

/**
Write the config file the way conf does (tab-indented JSON; temp file, fsync, rename) without conf's setter, which
reads, parses and validates the whole file again first: that was a quarter of the time of a save at 100,000 marks.
*/
function writeAtomic(file: string, data: string): void {
	const temporary = `${file}.tmp-${process.pid}-${Date.now().toString(36)}`;
	try {
		const descriptor = fs.openSync(temporary, 'w', 0o666);
		try {
			fs.writeFileSync(descriptor, data);
			fs.fsyncSync(descriptor);
		} finally {
			fs.closeSync(descriptor);
		}

		fs.renameSync(temporary, file);
	} catch (error) {
		fs.rmSync(temporary, {force: true});
		throw error;
	}
}

function decodeStored(stored: StoredReadSet): ReadSet {
	if (stored.version !== readSetVersion) {
		throw new CorruptError(`read marks have format ${stored.version}, this inkwire reads format ${readSetVersion}`);
	}

	let set: ReadSet;
	try {
		set = ReadSet.decode(Buffer.from(stored.hashes, 'base64'));
	} catch (error) {
		throw new CorruptError(describe(error));
	}

	if (set.size !== stored.count) {
		throw new CorruptError(`read marks hold ${set.size} entries, the file says ${stored.count}`);
	}

	return set;
}

function sameHashes(left: ReadSet, right: ReadSet): boolean {
	if (left.size !== right.size) {
		return false;
	}

	const a = left.sortedHashes();
	const b = right.sortedHashes();
	for (let index = 0; index < a.length; index++) {
		if (a[index] !== b[index]) {
			return false;
		}
	}

	return true;
}

function isCorruptionError(error: unknown): boolean {
	return error instanceof SyntaxError || error instanceof CorruptError
		|| (error instanceof Error && error.message.startsWith('Config schema violation'));
}

function describe(error: unknown): string {
	if (error instanceof Error) {
		return error.message.split('\n')[0] ?? error.name;
	}

	return String(error);
}
