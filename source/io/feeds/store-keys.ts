import fs from 'node:fs';
import path from 'node:path';
import {keysOfArticleText} from '../../core/feed/dedupe.js';
import {readRegularFile} from '../store/read-file.js';

/**
What a feed's folder in the store already holds, read from the files themselves: each article's keys (front matter
`guid`, `url`) and every file name taken. Used when the feed cache is missing, so that a lost cache never makes a
duplicate, and always for the names, so a new article never overwrites a file someone put there.
*/

// Front matter sits at the top; this much of each file is enough to read it.
const headBytes = 16 * 1024;

/** The names of the files in `folder` (empty when it does not exist). */
export function takenNames(folder: string): Set<string> {
	try {
		return new Set(fs.readdirSync(folder));
	} catch {
		return new Set();
	}
}

/** Key -> file (path inside the store) for every Markdown article in `folder` of the store at `storeRoot`. */
export function readStoredKeys(storeRoot: string, folder: string, names: ReadonlySet<string>): Map<string, string> {
	const keys = new Map<string, string>();
	for (const name of names) {
		if (!name.endsWith('.md') || name.startsWith('.')) {
			continue;
		}

		// The store's own reader: regular files only, opened without blocking (a FIFO named `x.md` is passed over).
		const head = readRegularFile(path.join(storeRoot, folder, name), {maxBytes: headBytes, isPrefix: true, isShared: true});
		if ('failure' in head) {
			continue;
		}

		for (const key of keysOfArticleText(head.bytes.toString('utf8'))) {
			if (!keys.has(key)) {
				keys.set(key, `${folder}/${name}`);
			}
		}
	}

	return keys;
}
