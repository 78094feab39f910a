import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {UserError} from '../core/errors.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {listSubscriptions} from '../io/feeds/service.js';
import {openMarks} from '../io/marks/marks.js';
import {warn, writeOut} from '../io/output.js';
import {writableStorePath} from './feed-context.js';
import type {CommonFlags} from './store-path.js';

/**
`inkwire feeds [--json]`: the subscriptions, one per line: name, URL, last fetch, status, articles, unread.
Tab-separated (for cut and awk) with a header line on a terminal; `--json`, one array.
*/
export async function runFeeds(args: readonly string[], flags: CommonFlags & {readonly json?: boolean}): Promise<number> {
	if (args.length > 0) {
		throw new UserError('feeds takes no arguments', 2);
	}

	const storeRoot = writableStorePath(flags, process.env);
	const {subscriptions, warnings} = listSubscriptions(process.env, storeRoot);
	for (const message of warnings) {
		warn(message);
	}

	const readState = openMarks({storeRoot});
	const rows = subscriptions.map(subscription => {
		const ids = articleIds(storeRoot, subscription.folder);
		return {
			name: subscription.name,
			url: subscription.url,
			folder: subscription.folder,
			full: subscription.full,
			fetchedAt: subscription.fetchedAt ?? null,
			status: subscription.status ?? 'never fetched',
			isFailed: subscription.isFailed,
			articles: ids.length,
			unread: ids.filter(id => !readState.isRead(id)).length,
		};
	});
	if (flags.json) {
		await writeOut(`${JSON.stringify(rows, (_key, value: unknown) => typeof value === 'string' ? sanitizeLine(value) : value, 2)}\n`);
		return 0;
	}

	const lines = rows.map(row => [row.name, row.url, row.fetchedAt ?? '-', row.status, String(row.articles), String(row.unread)].map(field => sanitizeLine(field).replaceAll('\t', ' ')).join('\t'));
	if (process.stdout.isTTY) {
		lines.unshift(['NAME', 'URL', 'LAST FETCH', 'STATUS', 'ARTICLES', 'UNREAD'].join('\t'));
	}

	await writeOut(lines.length === 0 ? '' : `${lines.join('\n')}\n`);
	if (rows.length === 0 && process.stdout.isTTY) {
		await writeOut('no subscriptions yet: inkwire add URL\n');
	}

	return 0;
}

/** The ids of the articles in a feed's folder, as the store names them (folder/file without the extension). */
function articleIds(storeRoot: string, folder: string): string[] {
	try {
		return fs.readdirSync(path.join(storeRoot, folder)).filter(name => name.endsWith('.md') && !name.startsWith('.')).map(name => `${folder}/${name.slice(0, -3)}`);
	} catch {
		return [];
	}
}
