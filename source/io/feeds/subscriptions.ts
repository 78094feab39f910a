import fs from 'node:fs';
import path from 'node:path';
import {UserError} from '../../core/errors.js';
import {formatSubscriptions, OpmlError, parseSubscriptions, type Subscription} from '../../core/feed/opml.js';
import {acquireLock, LockBusyError} from '../marks/lock.js';
import {writeFileAtomically} from '../atomic-file.js';
import {readTextFile} from '../store/read-file.js';

/**
The subscriptions file, an OPML document the user may edit by hand. A file that cannot be read as OPML is an error
naming the file, and is never overwritten: every change reads it first, under a lock, and gives up if it is broken.
*/

// Bigger than any real list of subscriptions (10,000 feeds are about 2 MB of OPML).
const maxFileBytes = 16 * 1024 * 1024;

/** The subscriptions in `file` (none when it does not exist yet), and warnings about outlines that were skipped. */
export function readSubscriptions(file: string): {subscriptions: Subscription[]; warnings: string[]} {
	let text: string;
	try {
		text = readTextFile(file, maxFileBytes);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return {subscriptions: [], warnings: []};
		}

		throw new UserError(`cannot read ${file}: ${(error as Error).message.split('\n')[0]}`);
	}

	try {
		return parseSubscriptions(text, {isOwnFile: true});
	} catch (error) {
		if (error instanceof OpmlError) {
			throw new UserError(`${file}: ${error.message} (fix or move the file; it was left as it is)`);
		}

		throw error;
	}
}

/**
Change the subscriptions: `change` gets the current list and returns the new one (or throws a UserError, which
leaves the file alone). Done under a lock, so two `inkwire add` at once both land.
*/
export function updateSubscriptions(file: string, change: (subscriptions: Subscription[]) => Subscription[]): Subscription[] {
	fs.mkdirSync(path.dirname(file), {recursive: true});
	let release: () => void;
	try {
		release = acquireLock(file);
	} catch (error) {
		throw error instanceof LockBusyError ? new UserError(`${file} is being changed by another inkwire; try again`) : error;
	}

	try {
		const {subscriptions} = readSubscriptions(file);
		const updated = change(subscriptions);
		writeFileAtomically(file, formatSubscriptions(updated), {isDurable: true, makeFolder: true});
		return updated;
	} finally {
		release();
	}
}
