import fs from 'node:fs';
import path from 'node:path';
import type {Subscription} from '../../core/feed/opml.js';
import {readFeedState} from './feed-state.js';
import {fetchFeeds, type FetchProgress, type FetchReport} from './fetch-feeds.js';
import {feedCachePath, subscriptionsPath} from './paths.js';
import {readSubscriptions, updateSubscriptions} from './subscriptions.js';

/**
Feeds for callers that are not the command line (the reader's `R` key and its feeds view), and the shared steps of
`inkwire fetch` and `inkwire feeds`: run a fetch of the subscriptions in-process, list the subscriptions with where
their articles are and how their last fetch went.
*/

/** A subscription with its store folder and its last fetch, for a feeds view. */
export type SubscriptionStatus = Subscription & {
	/** ISO time of the last fetch attempt, if any. */
	readonly fetchedAt?: string;
	/** "ok", "not modified", or the last failure's reason; undefined before the first fetch. */
	readonly status?: string;
	readonly isFailed: boolean;
	/** Number of article files in the feed's folder. */
	readonly articles: number;
};

/** The subscriptions, each with its folder (articles' ids start with `FOLDER/`) and the last fetch's outcome. */
export function listSubscriptions(environment: NodeJS.ProcessEnv, storeRoot: string): {subscriptions: SubscriptionStatus[]; warnings: string[]} {
	const {subscriptions, warnings} = readSubscriptions(subscriptionsPath(environment));
	const cache = feedCachePath(environment);
	return {
		subscriptions: subscriptions.map(subscription => {
			const {state} = readFeedState(cache, subscription.folder);
			return {
				...subscription,
				...(state.fetchedAt === undefined ? {} : {fetchedAt: state.fetchedAt}),
				...(state.status === undefined ? {} : {status: state.status}),
				isFailed: state.isFailed ?? false,
				articles: countArticles(path.join(storeRoot, subscription.folder)),
			};
		}),
		warnings,
	};
}

function countArticles(folder: string): number {
	try {
		return fs.readdirSync(folder).filter(name => name.endsWith('.md') && !name.startsWith('.')).length;
	} catch {
		return 0;
	}
}

export type RunFetchOptions = {
	readonly environment: NodeJS.ProcessEnv;
	/** The store written to (never the bundled samples). */
	readonly storeRoot: string;
	/** Only the subscriptions with these names; all when absent. */
	readonly names?: readonly string[];
	readonly signal?: AbortSignal;
	readonly onProgress?: (progress: FetchProgress) => void;
	readonly onFeed?: Parameters<typeof fetchFeeds>[0]['onFeed'];
	readonly timeoutMs?: number;
};

/**
Fetch the subscriptions (all, or those named) into the store, in-process, and follow permanent redirects in the
subscriptions file. Resolves with the report; one feed failing is in the report, not an exception. Throws a
UserError for a broken subscriptions file or an unknown name.
*/
export async function runFetch(options: RunFetchOptions): Promise<FetchReport & {readonly warnings: readonly string[]}> {
	const file = subscriptionsPath(options.environment);
	const {subscriptions, warnings} = readSubscriptions(file);
	let chosen = subscriptions;
	if (options.names !== undefined && options.names.length > 0) {
		const {UserError} = await import('../../core/errors.js');
		const unknown = options.names.filter(name => !subscriptions.some(subscription => subscription.name === name));
		if (unknown.length > 0) {
			throw new UserError(`no feed named ${unknown.map(name => `"${name}"`).join(', ')} (inkwire feeds lists them)`);
		}

		chosen = subscriptions.filter(subscription => options.names!.includes(subscription.name));
	}

	const report = await fetchFeeds({
		subscriptions: chosen,
		storeRoot: options.storeRoot,
		cacheDirectory: feedCachePath(options.environment),
		...(options.signal ? {signal: options.signal} : {}),
		...(options.onProgress ? {onProgress: options.onProgress} : {}),
		...(options.onFeed ? {onFeed: options.onFeed} : {}),
		...(options.timeoutMs ? {timeoutMs: options.timeoutMs} : {}),
	});
	const moved = new Map(report.results.filter(result => result.movedTo !== undefined).map(result => [result.name, result.movedTo!]));
	if (moved.size > 0) {
		updateSubscriptions(file, current => current.map(subscription => moved.has(subscription.name) ? {...subscription, url: moved.get(subscription.name)!} : subscription));
	}

	return {...report, warnings};
}
