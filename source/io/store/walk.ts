/**
The directory walk of a store: every article file (by name: .md, .markdown, .txt) in path order, and every entry it
had to leave out, with the reason.

- No recursion: an explicit stack of open folders, so depth costs memory, not call stack; and both depth and the
  number of entries are bounded.
- Only regular files are listed. A FIFO, socket or device (or a link to one) with an article's name is skipped with
  a reason; reading one would block or never end.
- Symbolic links are followed inside the store, each folder entered once (by device and inode), so that a link loop
  cannot make the walk endless; linked folders are entered only after the whole real tree, so that which copy is
  kept does not depend on the order readdir happens to return. A link that leaves the store (`ln -s / store/root`)
  is not followed unless asked, and then with the same limits.
- A name that is not valid UTF-8 is listed by its escaped form (see core/store/file-name.ts) and opened by its bytes.
- Hidden entries and node_modules are left out.
- Every folder is stamped (identity, mtime, ctime) as it is entered. When the walk met nothing but folders and regular
  files (no link, no name that is not UTF-8, nothing skipped) and no folder had changed just before, the stamps say
  when the same walk would find the same files: while every folder keeps its stamp (see scan.ts).
*/
import fs from 'node:fs';
import {isUtf8} from 'node:buffer';
import {articleFormatOf} from '../../core/store/article-path.js';
import {escapeFileName} from '../../core/store/file-name.js';
import type {FolderStamp} from '../../core/store/index-format.js';
import {compareCodeUnits} from '../../core/store/library.js';
import {Pacer} from './pace.js';
import {describeFileError, describeFileType} from './read-file.js';

export type SkippedFile = {readonly path: string; readonly reason: string};

export type WalkOptions = {
	/** Follow symbolic links that lead out of the store (off by default). */
	readonly followOutsideLinks?: boolean;
	/** Folders nested deeper than this are skipped. */
	readonly maxDepth?: number;
	/**
	A folder changed less than this long before the walk began is not stamped (default 2,000 ms): a change in the same
	clock tick as the listing would leave its mtime as it was. More than the coarsest mtime step of common file systems.
	*/
	readonly settleMs?: number;
	/** The walk stops after reading this many directory entries, with a warning. */
	readonly maxEntries?: number;
	readonly signal?: AbortSignal;
};

export type WalkResult = {
	/** Paths of the article files relative to the root, `/`-separated, in code unit order. */
	readonly files: string[];
	/** The real bytes of the relative paths that are not valid UTF-8, by their escaped form in `files`. */
	readonly rawPaths: ReadonlyMap<string, Buffer>;
	readonly skipped: SkippedFile[];
	readonly warnings: string[];
	/**
	Every folder's stamp, when the walk is known to give the same files for as long as the stamps hold: it met only
	folders and regular files, skipped nothing, and no folder had changed within `settleMs` of its start.
	*/
	readonly folders: FolderStamp[] | undefined;
};

/** See WalkOptions.settleMs. */
export const defaultSettleMs = 2000;

const defaultMaxDepth = 64;
const defaultMaxEntries = 2_000_000;

/** A folder being listed: its path relative to the root and, when that is not valid UTF-8, its real bytes. */
type Folder = {readonly relativePath: string; readonly rawPath: Buffer | undefined; readonly depth: number};

/** A listed folder: its children's sort keys (folders end in `/`), and the bytes of children that are not UTF-8. */
type Frame = Folder & {readonly keys: string[]; index: number; readonly rawNames: Map<string, Buffer> | undefined};

/** The real bytes of a child's relative path, when it or its folder's path is not valid UTF-8. */
function childRawPath(folder: Folder, name: string, nameBytes: Buffer | undefined): Buffer | undefined {
	if (!folder.rawPath && !nameBytes) {
		return undefined;
	}

	const parent = folder.rawPath ?? Buffer.from(folder.relativePath);
	const separator = folder.relativePath ? Buffer.from('/') : Buffer.alloc(0);
	return Buffer.concat([parent, separator, nameBytes ?? Buffer.from(name)]);
}

/**
List the article files under the store whose root is at `prefix` (the root as given, with a trailing slash) and really
at `realRoot`. Never throws for a single entry; throws the signal's reason when aborted.
*/
export async function walkStore(prefix: string, realRoot: string, options: WalkOptions = {}): Promise<WalkResult> {
	return new Walk(prefix, realRoot, options).run();
}

class Walk {
	readonly files: string[] = [];
	readonly rawPaths = new Map<string, Buffer>();
	readonly skipped: SkippedFile[] = [];
	readonly #prefix: string;
	readonly #prefixBytes: Buffer;
	readonly #realRoot: string;
	readonly #realRootBytes: Buffer;
	readonly #followOutsideLinks: boolean;
	readonly #maxDepth: number;
	readonly #maxEntries: number;
	readonly #pacer: Pacer;
	/** Every folder entered, by device and inode. */
	readonly #visited = new Set<string>();
	/** Linked folders, entered after the real tree. */
	readonly #linked: Folder[] = [];
	#entries = 0;
	#isStopped = false;
	readonly #folders: FolderStamp[] = [];
	/** Whether the walk met only folders and regular files, and left nothing out but hidden entries. */
	#isPlain = true;
	/** Folders whose ctime or mtime is at or after this (in ns) changed too recently to be stamped. */
	readonly #settledBefore: bigint;

	constructor(prefix: string, realRoot: string, options: WalkOptions) {
		this.#prefix = prefix;
		this.#prefixBytes = Buffer.from(prefix);
		this.#realRoot = realRoot;
		this.#realRootBytes = Buffer.from(realRoot);
		this.#followOutsideLinks = options.followOutsideLinks ?? false;
		this.#maxDepth = options.maxDepth ?? defaultMaxDepth;
		this.#maxEntries = options.maxEntries ?? defaultMaxEntries;
		this.#pacer = new Pacer(options.signal);
		this.#settledBefore = (BigInt(Date.now()) - BigInt(Math.round(options.settleMs ?? defaultSettleMs))) * 1_000_000n;
	}

	async run(): Promise<WalkResult> {
		const root: Folder = {relativePath: '', rawPath: undefined, depth: 0};
		this.#enter(root, '');
		await this.#walkFrom(root);
		this.#linked.sort((left, right) => compareCodeUnits(left.relativePath, right.relativePath));
		// Links found inside linked folders are appended and handled in turn.
		for (let index = 0; index < this.#linked.length && !this.#isStopped; index++) {
			const folder = this.#linked[index]!;
			if (this.#enter(folder, 'link to a folder already scanned')) {
				// eslint-disable-next-line no-await-in-loop
				await this.#walkFrom(folder);
			}
		}

		const warnings = this.#isStopped ? [`the store has more than ${this.#maxEntries.toLocaleString('en-US')} entries: the rest were not scanned`] : [];
		if (this.#linked.length > 0) {
			this.files.sort();
		}

		const isHeld = this.#isPlain && !this.#isStopped && this.#linked.length === 0 && this.rawPaths.size === 0 && this.skipped.length === 0;
		return {files: this.files, rawPaths: this.rawPaths, skipped: this.skipped, warnings, folders: isHeld ? this.#folders : undefined};
	}

	/** Walk the tree under `start` depth first, appending its files in path order. */
	async #walkFrom(start: Folder): Promise<void> {
		const first = await this.#list(start);
		const stack = first ? [first] : [];
		while (stack.length > 0 && !this.#isStopped) {
			const frame = stack.at(-1)!;
			if (frame.index === frame.keys.length) {
				stack.pop();
				continue;
			}

			const key = frame.keys[frame.index++]!;
			const isFolder = key.endsWith('/');
			const name = isFolder ? key.slice(0, -1) : key;
			const relativePath = frame.relativePath ? `${frame.relativePath}/${name}` : name;
			const rawPath = childRawPath(frame, name, frame.rawNames?.get(name));
			if (!isFolder) {
				this.#addFile(relativePath, rawPath);
				continue;
			}

			const child: Folder = {relativePath, rawPath, depth: frame.depth + 1};
			if (this.#enter(child, 'folder already scanned')) {
				// eslint-disable-next-line no-await-in-loop
				const listed = await this.#list(child);
				if (listed) {
					stack.push(listed);
				}
			}
		}
	}

	#addFile(relativePath: string, rawPath: Buffer | undefined): void {
		this.files.push(relativePath);
		if (rawPath) {
			this.rawPaths.set(relativePath, rawPath);
		}
	}

	#skip(relativePath: string, reason: string): void {
		this.skipped.push({path: this.#prefix + relativePath, reason});
	}

	#fsPathOf(folder: {readonly relativePath: string; readonly rawPath: Buffer | undefined}): string | Buffer {
		return folder.rawPath ? Buffer.concat([this.#prefixBytes, folder.rawPath]) : this.#prefix + folder.relativePath;
	}

	/** Enter a folder once and not too deep: false (and said why) when it may not be entered. */
	#enter(folder: Folder, reasonWhenSeen: string): boolean {
		if (folder.depth > this.#maxDepth) {
			this.#skip(folder.relativePath, `folder nested more than ${this.#maxDepth} deep`);
			return false;
		}

		let identity: string;
		try {
			const stats = fs.statSync(this.#fsPathOf(folder), {bigint: true});
			identity = `${stats.dev}:${stats.ino}`;
			if (stats.mtimeNs >= this.#settledBefore || stats.ctimeNs >= this.#settledBefore) {
				this.#isPlain = false;
			} else if (this.#isPlain) {
				this.#folders.push({relativePath: folder.relativePath, identity, mtimeNs: String(stats.mtimeNs), ctimeNs: String(stats.ctimeNs)});
			}
		} catch (error) {
			this.#skip(folder.relativePath, describeFileError(error));
			return false;
		}

		if (this.#visited.has(identity)) {
			this.#skip(folder.relativePath, reasonWhenSeen);
			return false;
		}

		this.#visited.add(identity);
		return true;
	}

	#isInsideStore(fsPath: string | Buffer): boolean {
		const real = fs.realpathSync(fsPath, {encoding: 'buffer'});
		const root = this.#realRootBytes;
		return this.#realRoot === '/' || real.equals(root)
			|| (real.length > root.length && real[root.length] === 0x2F && real.subarray(0, root.length).equals(root));
	}

	/** Read a folder's entries, sorted; undefined (and said why) when it cannot be read. */
	async #list(folder: Folder): Promise<Frame | undefined> {
		const keys: string[] = [];
		const rawNames = new Map<string, Buffer>();
		const fsPath = this.#fsPathOf(folder);
		let needsBytes = false;
		try {
			const directory = fs.opendirSync(fsPath, {bufferSize: 256});
			try {
				for (let dirent = directory.readSync(); dirent !== null; dirent = directory.readSync()) {
					if (++this.#entries > this.#maxEntries) {
						this.#isStopped = true;
						break;
					}

					// Node decodes names as UTF-8; a stray byte becomes U+FFFD. Such names are read again as bytes below.
					if (dirent.name.includes('\uFFFD')) {
						needsBytes = true;
						this.#isPlain = false;
					} else {
						this.#classify(folder, keys, rawNames, dirent, dirent.name, undefined);
					}

					if (this.#pacer.isDue()) {
						// eslint-disable-next-line no-await-in-loop
						await this.#pacer.yield();
					}
				}
			} finally {
				directory.closeSync();
			}

			if (needsBytes && !this.#isStopped) {
				this.#classifyByBytes(folder, fsPath, keys, rawNames);
			}
		} catch (error) {
			this.#skip(folder.relativePath, describeFileError(error));
			return undefined;
		}

		// Code unit order of whole paths: a folder sorts as its name plus `/`, which is how its files' paths continue.
		keys.sort();
		return {...folder, keys, index: 0, rawNames: rawNames.size > 0 ? rawNames : undefined};
	}

	/** The entries whose names Node could not decode, read again as bytes: listed by their escaped names. */
	#classifyByBytes(folder: Folder, fsPath: string | Buffer, keys: string[], rawNames: Map<string, Buffer>): void {
		const taken = new Set(keys);
		for (const dirent of fs.readdirSync(fsPath, {withFileTypes: true, encoding: 'buffer'})) {
			const bytes = dirent.name as unknown as Buffer;
			const decoded = bytes.toString('utf8');
			if (!decoded.includes('\uFFFD')) {
				continue;
			}

			const isRaw = !isUtf8(bytes);
			const name = isRaw ? escapeFileName(bytes) : decoded;
			if (taken.has(name) || taken.has(`${name}/`)) {
				this.#skip(folder.relativePath ? `${folder.relativePath}/${name}` : name, 'its escaped name is that of another file');
				continue;
			}

			this.#classify(folder, keys, rawNames, dirent as unknown as fs.Dirent, name, isRaw ? bytes : undefined);
			taken.add(name);
		}
	}

	/** Sort one entry of a folder into its keys, follow a link, or skip it with a reason. */
	#classify(folder: Folder, keys: string[], rawNames: Map<string, Buffer>, dirent: fs.Dirent, name: string, nameBytes: Buffer | undefined): void {
		if (name.startsWith('.') || name === 'node_modules') {
			return;
		}

		const isArticleName = articleFormatOf(name) !== undefined;
		if (dirent.isDirectory() || (dirent.isFile() && isArticleName)) {
			keys.push(dirent.isDirectory() ? `${name}/` : name);
			if (nameBytes) {
				rawNames.set(name, nameBytes);
			}
		} else if (dirent.isSymbolicLink()) {
			this.#follow(folder, name, nameBytes, isArticleName);
		} else if (isArticleName && !dirent.isFile()) {
			this.#skip(folder.relativePath ? `${folder.relativePath}/${name}` : name, `not a regular file (${describeFileType(dirent)})`);
		}
	}

	/** A symbolic link: a linked folder is entered later, a linked article listed now, anything else skipped. */
	#follow(folder: Folder, name: string, nameBytes: Buffer | undefined, isArticleName: boolean): void {
		const relativePath = folder.relativePath ? `${folder.relativePath}/${name}` : name;
		const rawPath = childRawPath(folder, name, nameBytes);
		const fsPath = this.#fsPathOf({relativePath, rawPath});
		// A link's target can change without its folder changing.
		this.#isPlain = false;
		let target: fs.Stats;
		try {
			target = fs.statSync(fsPath);
			if (!target.isDirectory() && !isArticleName) {
				return;
			}

			if (!this.#followOutsideLinks && !this.#isInsideStore(fsPath)) {
				this.#skip(relativePath, 'symbolic link that leads out of the store');
				return;
			}
		} catch (error) {
			if (isArticleName || (error as NodeJS.ErrnoException).code !== 'ENOENT') {
				this.#skip(relativePath, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'broken symbolic link' : describeFileError(error));
			}

			return;
		}

		if (target.isDirectory()) {
			this.#linked.push({relativePath, rawPath, depth: folder.depth + 1});
		} else if (target.isFile()) {
			this.#addFile(relativePath, rawPath);
		} else {
			this.#skip(relativePath, `not a regular file (link to ${describeFileType(target)})`);
		}
	}
}
