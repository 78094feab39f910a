import process from 'node:process';
import {UserError} from '../core/errors.js';
import {feedFolderName, uniqueName} from '../core/feed/names.js';
import {formatSubscriptions, OpmlError, parseSubscriptions} from '../core/feed/opml.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {subscriptionsPath} from '../io/feeds/paths.js';
import {readSubscriptions, updateSubscriptions} from '../io/feeds/subscriptions.js';
import {warn, writeOut} from '../io/output.js';
import {readStream, readTextFile} from '../io/store/read-file.js';
import {plural} from './feed-context.js';
import type {CommonFlags} from './store-path.js';

// Bigger than any real export (10,000 feeds are about 2 MB of OPML).
const maxOpmlBytes = 16 * 1024 * 1024;

/** `inkwire import FILE.opml`: subscribe to every feed of another reader's OPML export (`-` reads stdin). */
export async function runImport(args: readonly string[], _flags: CommonFlags): Promise<number> {
	if (args.length !== 1) {
		throw new UserError('import needs one OPML file (inkwire import feeds.opml)', 2);
	}

	const [source] = args as [string];
	let text: string;
	try {
		// Bounded and never blocking on a FIFO or a device: stdin streamed up to the limit, a file only if regular.
		text = source === '-' ? (await readStream(process.stdin, maxOpmlBytes)).toString('utf8') : readTextFile(source, maxOpmlBytes);
	} catch (error) {
		throw new UserError(`import: cannot read ${source === '-' ? 'stdin' : source}: ${(error as Error).message.split('\n')[0]}`);
	}

	let imported: ReturnType<typeof parseSubscriptions>;
	try {
		imported = parseSubscriptions(text, {isOwnFile: false});
	} catch (error) {
		throw new UserError(`import: ${source}: ${error instanceof OpmlError ? error.message : String(error)}`);
	}

	for (const message of imported.warnings) {
		warn(`import: ${message}`);
	}

	let added = 0;
	let known = 0;
	updateSubscriptions(subscriptionsPath(process.env), subscriptions => {
		const names = new Set(subscriptions.map(subscription => subscription.name));
		const folders = new Set(subscriptions.map(subscription => subscription.folder));
		const urls = new Set(subscriptions.map(subscription => subscription.url));
		const result = [...subscriptions];
		for (const subscription of imported.subscriptions) {
			if (urls.has(subscription.url)) {
				known++;
				continue;
			}

			const name = uniqueName(subscription.name, candidate => names.has(candidate));
			const folder = folders.has(subscription.folder) ? uniqueName(feedFolderName(name, subscription.url), candidate => folders.has(candidate)) : subscription.folder;
			names.add(name);
			folders.add(folder);
			urls.add(subscription.url);
			result.push({...subscription, name, folder});
			added++;
		}

		return result;
	});
	await writeOut(`${sanitizeLine(`imported ${plural(added, 'feed')}${known > 0 ? ` (${known} already subscribed)` : ''}`)}\n`);
	return 0;
}

/** `inkwire export`: the subscriptions as OPML on stdout, for another reader (or a backup). */
export async function runExport(args: readonly string[], _flags: CommonFlags): Promise<number> {
	if (args.length > 0) {
		throw new UserError('export takes no arguments (inkwire export > feeds.opml)', 2);
	}

	const {subscriptions} = readSubscriptions(subscriptionsPath(process.env));
	await writeOut(formatSubscriptions(subscriptions));
	return 0;
}
