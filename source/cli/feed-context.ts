import fs from 'node:fs';
import path from 'node:path';
import {UserError} from '../core/errors.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {samplesPath, userStorePath, type CommonFlags} from './store-path.js';

/**
What the feed commands share: the store they write to, and a progress line on a terminal.
*/

/**
The store fetched articles and saved pages go to: `--data`, else INKWIRE_DATA, else the user's store (created on
first use). Never the bundled samples, which are read-only: pointing `--data` at them is refused.
*/
export function writableStorePath(flags: Pick<CommonFlags, 'data'>, environment: NodeJS.ProcessEnv): string {
	const chosen = flags.data ?? (environment['INKWIRE_DATA'] || undefined);
	const root = chosen === undefined ? userStorePath(environment) : path.resolve(chosen);
	if (isSameFolder(root, samplesPath())) {
		throw new UserError(`${root} holds the bundled samples, which are never written to (use --data DIR or your own store)`);
	}

	return root;
}

function isSameFolder(left: string, right: string): boolean {
	try {
		return fs.realpathSync(left) === fs.realpathSync(right);
	} catch {
		return path.resolve(left) === path.resolve(right);
	}
}

/** A progress line on stderr when it is a terminal (redrawn in place, cleared by `done`); nothing otherwise. */
export function progressLine(stream: NodeJS.WriteStream = process.stderr): {update(text: string): void; done(): void} {
	const isTty = Boolean(stream.isTTY);
	let isShown = false;
	return {
		update(text) {
			if (isTty) {
				stream.write(`\r\u001B[K${sanitizeLine(text)}`);
				isShown = true;
			}
		},
		done() {
			if (isShown) {
				stream.write('\r\u001B[K');
				isShown = false;
			}
		},
	};
}

/** "1 article", "2 articles". */
export function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? '' : 's'}`;
}
