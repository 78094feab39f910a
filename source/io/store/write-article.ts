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
import {writeFileAtomically} from './atomic-file.js';
import {describeFileError, maxArticleBytes} from './read-file.js';

export type WriteArticleOptions = {
	/** Replace a file already at that path (an updated item). By default an existing file is never replaced. */
	readonly overwrite?: boolean;
};

/**
Write `content` to `relativePath` (`/`-separated) in the store at `storeRoot`, atomically and durably: a temporary
file in the same folder, fsync, rename (or a hard link when not replacing), fsync of the folder. Creates the store and
the folders on the way (a feed's folder); refuses a path that leaves the store, also through a symbolic link on the
way, and content the scan would skip. Returns the absolute path written. Throws a UserError with one line.
*/
export function writeArticle(storeRoot: string, relativePath: string, content: string | Uint8Array, options: WriteArticleOptions = {}): string {
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

	try {
		fs.mkdirSync(absoluteRoot, {recursive: true});
		const realRoot = fs.realpathSync(absoluteRoot);
		const segments = relativePath.split('/');
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

		const target = path.join(folder, segments.at(-1)!);
		writeFileAtomically(target, bytes, {isDurable: true, isExclusive: !options.overwrite});
		return target;
	} catch (error) {
		if (error instanceof UserError) {
			throw error;
		}

		const code = (error as NodeJS.ErrnoException).code;
		return fail(code === 'EEXIST' ? 'a file is already there' : (code === 'ENOTDIR' ? 'a file is in the way of a folder' : describeFileError(error, 'a folder on the way is gone')));
	}
}
