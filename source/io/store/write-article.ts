/**
Writing an article file into the store (for `fetch` and `save`): atomically, so that a scan running at the same time
sees the old file or the new one, never half of one; and only inside the store, whatever the name asked for. Names
come from feeds, so they are untrusted: the caller makes a slug, and this refuses anything that is not a plain
relative path to an article file the scan would list.
*/
import fs from 'node:fs';
import path from 'node:path';
import {UserError} from '../../core/errors.js';
import {checkArticlePath} from '../../core/store/article-path.js';
import {removeStaleTemporaries, writeFileAtomically, writeFileAtomicallyAsync} from '../atomic-file.js';
import {describeFileError, maxArticleBytes} from './read-file.js';

export type WriteArticleOptions = {
	/** Replace a file already at that path (an updated item). By default an existing file is never replaced. */
	readonly overwrite?: boolean;
	/**
	fsync the file and its folder (default true). A fetch writes new articles without (an fsync each, about 4 ms here,
	was 40 s for a feed of 10,000 items): the rename still makes a file appear whole or not at all, and the feed cache
	records each new file's size so that the next fetch rewrites one a crash left short (see io/feeds/fetch-feeds.ts).
	*/
	readonly isDurable?: boolean;
};

// Folders already made and checked by this process, per store: a fetch writes thousands of files into a few folders,
// and the mkdir and realpath calls were a third of the time of each write.
const checkedFolders = new Set<string>();

/**
Write `content` to `relativePath` (`/`-separated) in the store at `storeRoot`, atomically and durably: a temporary
file in the same folder, fsync, rename (or a hard link when not replacing), fsync of the folder. Creates the store and
the folders on the way (a feed's folder); refuses a path that leaves the store, also through a symbolic link on the
way, and content the scan would skip. Returns the absolute path written. Throws a UserError with one line.
*/
export function writeArticle(storeRoot: string, relativePath: string, content: string | Uint8Array, options: WriteArticleOptions = {}): string {
	const {target, bytes} = prepareWrite(storeRoot, relativePath, content);
	try {
		writeFileAtomically(target, bytes, {isDurable: options.isDurable ?? true, isExclusive: !options.overwrite});
		return target;
	} catch (error) {
		return failWrite(target, error);
	}
}

/** `writeArticle` replacing any file there, with the file written on the thread pool; the checks are the same. */
export async function writeArticleAsync(storeRoot: string, relativePath: string, content: string | Uint8Array, options: Omit<WriteArticleOptions, 'overwrite'> = {}): Promise<string> {
	const {target, bytes} = prepareWrite(storeRoot, relativePath, content);
	try {
		await writeFileAtomicallyAsync(target, bytes, {isDurable: options.isDurable ?? true});
		return target;
	} catch (error) {
		return failWrite(target, error);
	}
}

function failWrite(target: string, error: unknown): never {
	if (error instanceof UserError) {
		throw error;
	}

	const code = (error as NodeJS.ErrnoException).code;
	throw new UserError(`cannot write ${target}: ${code === 'EEXIST' ? 'a file is already there' : describeFileError(error, 'a folder on the way is gone')}`);
}

/** The checked target path and bytes of a write, the folders on the way made and checked to stay in the store. */
function prepareWrite(storeRoot: string, relativePath: string, content: string | Uint8Array): {target: string; bytes: Uint8Array} {
	const absoluteRoot = path.resolve(storeRoot);
	const shown = path.join(absoluteRoot, relativePath);
	const fail = (reason: string): never => {
		throw new UserError(`cannot write ${shown}: ${reason}`);
	};

	const problem = checkArticlePath(relativePath);
	if (problem) {
		fail(problem);
	}

	const bytes = typeof content === 'string' ? Buffer.from(content) : content;
	if (bytes.length === 0 || bytes.length > maxArticleBytes) {
		fail(bytes.length === 0 ? 'nothing to write' : `larger than ${maxArticleBytes / 1024 / 1024} MB`);
	}

	if (bytes.subarray(0, 8192).includes(0)) {
		fail('NUL bytes: the scan would skip it as binary');
	}

	const segments = relativePath.split('/');
	const folderKey = `${absoluteRoot}\0${segments.slice(0, -1).join('/')}`;
	if (checkedFolders.has(folderKey)) {
		return {target: path.join(absoluteRoot, ...segments), bytes};
	}

	try {
		fs.mkdirSync(absoluteRoot, {recursive: true});
		const realRoot = fs.realpathSync(absoluteRoot);
		let folder = absoluteRoot;
		for (const segment of segments.slice(0, -1)) {
			folder = path.join(folder, segment);
			try {
				fs.mkdirSync(folder);
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
					throw error;
				}
			}

			// A folder on the way may be a symbolic link (the store's own links are followed by the scan): it must
			// stay inside the store, and be a folder.
			const real = fs.realpathSync(folder);
			if (real !== realRoot && !real.startsWith(realRoot === '/' ? '/' : realRoot + path.sep)) {
				fail(`${path.relative(absoluteRoot, folder)} leads out of the store`);
			}

			if (!fs.statSync(real).isDirectory()) {
				fail(`${path.relative(absoluteRoot, folder)} is not a folder`);
			}
		}

		checkedFolders.add(folderKey);
		// Once per folder and process: what writers killed in a write left there (a fetch killed with -9) goes now.
		removeStaleTemporaries(folder);
		return {target: path.join(folder, segments.at(-1)!), bytes};
	} catch (error) {
		if (error instanceof UserError) {
			throw error;
		}

		const code = (error as NodeJS.ErrnoException).code;
		return fail(code === 'EEXIST' ? 'a file is already there' : (code === 'ENOTDIR' ? 'a file is in the way of a folder' : describeFileError(error, 'a folder on the way is gone')));
	}
}
