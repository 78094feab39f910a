import fs from 'node:fs';
import path from 'node:path';
import {keysOfArticleText} from '../../core/feed/dedupe.js';

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
	const buffer = Buffer.allocUnsafe(headBytes);
	for (const name of names) {
		if (!name.endsWith('.md') || name.startsWith('.')) {
			continue;
		}

		let length = 0;
		try {
			const descriptor = fs.openSync(path.join(storeRoot, folder, name), 'r');
			try {
				length = fs.readSync(descriptor, buffer, 0, headBytes, 0);
			} finally {
				fs.closeSync(descriptor);
			}
		} catch {
			continue;
		}

		for (const key of keysOfArticleText(buffer.toString('utf8', 0, length))) {
			if (!keys.has(key)) {
				keys.set(key, `${folder}/${name}`);
			}
		}
	}

	return keys;
}
