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
*/
import fs from 'node:fs';
import {isUtf8} from 'node:buffer';
import {formatOfPath} from '../../core/article/parse.js';
import {escapeFileName} from '../../core/store/file-name.js';
import {Pacer} from './pace.js';
import {describeFileError, describeFileType} from './read-file.js';

export type SkippedFile = {readonly path: string; readonly reason: string};

export type WalkOptions = {
	/** Follow symbolic links that lead out of the store (off by default). */
	readonly followOutsideLinks?: boolean;
	/** Folders nested deeper than this are skipped. */
	readonly maxDepth?: number;
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
};

export const defaultMaxDepth = 64;
export const defaultMaxEntries = 2_000_000;

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
	const {followOutsideLinks = false, maxDepth = defaultMaxDepth, maxEntries = defaultMaxEntries} = options;
	const pacer = new Pacer(options.signal);
	const prefixBytes = Buffer.from(prefix);
	const realRootBytes = Buffer.from(realRoot);
	const files: string[] = [];
	const rawPaths = new Map<string, Buffer>();
	const skipped: SkippedFile[] = [];
	const warnings: string[] = [];
	const visited = new Set<string>();
	const linked: Folder[] = [];
	let entries = 0;
	let isStopped = false;

	const displayPath = (relativePath: string) => prefix + relativePath;
	const fsPathOf = (folder: {relativePath: string; rawPath: Buffer | undefined}): string | Buffer => (
		folder.rawPath ? Buffer.concat([prefixBytes, folder.rawPath]) : (folder.relativePath ? prefix + folder.relativePath : prefix)
	);

	/** Enter a folder once: false (and said why) when it was entered before or cannot be looked at. */
	const enter = (folder: Folder, fsPath: string | Buffer, reasonWhenSeen: string): boolean => {
		let identity: string;
		try {
			const stats = fs.statSync(fsPath, {bigint: true});
			identity = `${stats.dev}:${stats.ino}`;
		} catch (error) {
			skipped.push({path: displayPath(folder.relativePath), reason: describeFileError(error, 'deleted during the scan')});
			return false;
		}

		if (visited.has(identity)) {
			skipped.push({path: displayPath(folder.relativePath), reason: reasonWhenSeen});
			return false;
		}

		visited.add(identity);
		return true;
	};

	const isInsideStore = (fsPath: string | Buffer): boolean => {
		const real = fs.realpathSync(fsPath, {encoding: 'buffer'});
		if (realRoot === '/' || real.equals(realRootBytes)) {
			return true;
		}

		return real.length > realRootBytes.length && real[realRootBytes.length] === 0x2F && real.subarray(0, realRootBytes.length).equals(realRootBytes);
	};

	/** Sort one entry of a folder into the frame's keys, or skip it with a reason. */
	const classify = (folder: Folder, keys: string[], rawNames: Map<string, Buffer>, dirent: fs.Dirent, name: string, nameBytes: Buffer | undefined) => {
		if (name.startsWith('.') || name === 'node_modules') {
			return;
		}

		const relativePath = folder.relativePath ? `${folder.relativePath}/${name}` : name;
		const isArticleName = formatOfPath(name) !== undefined;
		if (dirent.isDirectory() || (dirent.isFile() && isArticleName)) {
			keys.push(dirent.isDirectory() ? `${name}/` : name);
			if (nameBytes) {
				rawNames.set(name, nameBytes);
			}

			return;
		}

		if (!dirent.isSymbolicLink()) {
			if (isArticleName && !dirent.isFile()) {
				skipped.push({path: displayPath(relativePath), reason: `not a regular file (${describeFileType(dirent)})`});
			}

			return;
		}

		const rawPath = childRawPath(folder, name, nameBytes);
		const fsPath = fsPathOf({relativePath, rawPath});
		let target: fs.Stats;
		try {
			target = fs.statSync(fsPath);
		} catch (error) {
			if (isArticleName) {
				const code = (error as NodeJS.ErrnoException).code;
				skipped.push({path: displayPath(relativePath), reason: code === 'ENOENT' ? 'broken symbolic link' : describeFileError(error)});
			}

			return;
		}

		if (!target.isDirectory() && !isArticleName) {
			return;
		}

		try {
			if (!followOutsideLinks && !isInsideStore(fsPath)) {
				skipped.push({path: displayPath(relativePath), reason: 'symbolic link that leads out of the store'});
				return;
			}
		} catch (error) {
			skipped.push({path: displayPath(relativePath), reason: describeFileError(error)});
			return;
		}

		if (target.isDirectory()) {
			linked.push({relativePath, rawPath, depth: folder.depth + 1});
		} else if (target.isFile()) {
			files.push(relativePath);
			if (rawPath) {
				rawPaths.set(relativePath, rawPath);
			}
		} else {
			skipped.push({path: displayPath(relativePath), reason: `not a regular file (link to ${describeFileType(target)})`});
		}
	};

	/** Read a folder's entries; undefined (and said why) when it cannot be read. */
	const list = async (folder: Folder): Promise<Frame | undefined> => {
		const keys: string[] = [];
		const rawNames = new Map<string, Buffer>();
		const fsPath = fsPathOf(folder);
		let needsBytes = false;
		try {
			const directory = fs.opendirSync(fsPath, {bufferSize: 256});
			try {
				for (let dirent = directory.readSync(); dirent !== null; dirent = directory.readSync()) {
					if (++entries > maxEntries) {
						isStopped = true;
						break;
					}

					// Node decodes names as UTF-8; a stray byte becomes U+FFFD. Such names are read again as bytes below.
					if (dirent.name.includes('\uFFFD')) {
						needsBytes = true;
					} else {
						classify(folder, keys, rawNames, dirent, dirent.name, undefined);
					}

					if (pacer.isDue()) {
						// eslint-disable-next-line no-await-in-loop
						await pacer.yield();
					}
				}
			} finally {
				directory.closeSync();
			}

			if (needsBytes && !isStopped) {
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
						skipped.push({path: displayPath(folder.relativePath ? `${folder.relativePath}/${name}` : name), reason: 'its escaped name is that of another file'});
						continue;
					}

					classify(folder, keys, rawNames, dirent as unknown as fs.Dirent, name, isRaw ? bytes : undefined);
					taken.add(name);
				}
			}
		} catch (error) {
			skipped.push({path: folder.relativePath ? displayPath(folder.relativePath) : prefix, reason: describeFileError(error)});
			return undefined;
		}

		// Code unit order of whole paths: a folder sorts as its name plus `/`, which is how its files' paths continue.
		keys.sort();
		return {...folder, keys, index: 0, rawNames: rawNames.size > 0 ? rawNames : undefined};
	};

	/** Walk the tree under `start` depth first, appending files in path order and linked folders to `linked`. */
	const walkFrom = async (start: Folder) => {
		const first = await list(start);
		const stack = first ? [first] : [];
		while (stack.length > 0 && !isStopped) {
			const frame = stack.at(-1)!;
			if (frame.index === frame.keys.length) {
				stack.pop();
				continue;
			}

			const key = frame.keys[frame.index++]!;
			const isFolder = key.endsWith('/');
			const name = isFolder ? key.slice(0, -1) : key;
			const nameBytes = frame.rawNames?.get(name);
			const relativePath = frame.relativePath ? `${frame.relativePath}/${name}` : name;
			const rawPath = childRawPath(frame, name, nameBytes);
			if (!isFolder) {
				files.push(relativePath);
				if (rawPath) {
					rawPaths.set(relativePath, rawPath);
				}

				continue;
			}

			const child: Folder = {relativePath, rawPath, depth: frame.depth + 1};
			if (child.depth > maxDepth) {
				skipped.push({path: displayPath(relativePath), reason: `folder nested more than ${maxDepth} deep`});
			} else if (enter(child, fsPathOf(child), 'folder already scanned')) {
				// eslint-disable-next-line no-await-in-loop
				const listed = await list(child);
				if (listed) {
					stack.push(listed);
				}
			}
		}
	};

	enter({relativePath: '', rawPath: undefined, depth: 0}, prefix, '');
	await walkFrom({relativePath: '', rawPath: undefined, depth: 0});
	linked.sort((left, right) => compareText(left.relativePath, right.relativePath));
	// Links found inside linked folders are appended and handled in turn.
	for (let index = 0; index < linked.length && !isStopped; index++) {
		const folder = linked[index]!;
		if (folder.depth > maxDepth) {
			skipped.push({path: displayPath(folder.relativePath), reason: `folder nested more than ${maxDepth} deep`});
		} else if (enter(folder, fsPathOf(folder), 'link to a folder already scanned')) {
			// eslint-disable-next-line no-await-in-loop
			await walkFrom(folder);
		}
	}

	if (isStopped) {
		warnings.push(`the store has more than ${maxEntries.toLocaleString('en-US')} entries: the rest were not scanned`);
	}

	if (linked.length > 0) {
		files.sort();
	}

	return {files, rawPaths, skipped, warnings};
}

/** Code unit order, the same on every machine and locale. */
export function compareText(left: string, right: string): number {
	return left < right ? -1 : (left > right ? 1 : 0);
}
