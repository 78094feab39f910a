import path from 'node:path';
import process from 'node:process';
import {UserError} from '../core/errors.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {removeFeedState} from '../io/feeds/feed-state.js';
import {feedCachePath, subscriptionsPath} from '../io/feeds/paths.js';
import {updateSubscriptions} from '../io/feeds/subscriptions.js';
import {writeOut} from '../io/output.js';
import {writableStorePath} from './feed-context.js';
import type {CommonFlags} from './store-path.js';

/** `inkwire remove NAME...`: unsubscribe. The articles already fetched stay in the store (delete the folder to drop them). */
export async function runRemove(args: readonly string[], flags: CommonFlags): Promise<number> {
	if (args.length === 0) {
		throw new UserError('remove needs the name of a feed (inkwire feeds lists them)', 2);
	}

	const storeRoot = writableStorePath(flags, process.env);
	const removed: Array<{name: string; folder: string}> = [];
	updateSubscriptions(subscriptionsPath(process.env), subscriptions => {
		const unknown = args.filter(name => !subscriptions.some(subscription => subscription.name === name));
		if (unknown.length > 0) {
			throw new UserError(`no feed named ${unknown.map(name => `"${name}"`).join(', ')} (inkwire feeds lists them)`);
		}

		removed.push(...subscriptions.filter(subscription => args.includes(subscription.name)));
		return subscriptions.filter(subscription => !args.includes(subscription.name));
	});
	for (const {name, folder} of removed) {
		removeFeedState(feedCachePath(process.env), folder);
		await writeOut(`${sanitizeLine(`removed "${name}"; its articles stay in ${path.join(storeRoot, folder)}`)}\n`);
	}

	return 0;
}
