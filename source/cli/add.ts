import process from 'node:process';
import {UserError} from '../core/errors.js';
import {decodeBytes} from '../core/feed/charset.js';
import {discoverFeeds, looksLikeHtml} from '../core/feed/discover.js';
import type {Feed} from '../core/feed/feed.js';
import {feedFolderName, uniqueName} from '../core/feed/names.js';
import {FeedFormatError, parseFeedDocument} from '../core/feed/parse-feed.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {fetchUrl} from '../io/fetch/http.js';
import {subscriptionsPath} from '../io/feeds/paths.js';
import {updateSubscriptions} from '../io/feeds/subscriptions.js';
import {describeError, writeOut} from '../io/output.js';
import {plural} from './feed-context.js';
import type {CommonFlags} from './store-path.js';

/**
`inkwire add URL [--name NAME] [--full]`: subscribe to a feed, given its URL or a page that links to it
(`<link rel="alternate">`). The feed is fetched once to check that it is one and to name it.
*/

/** Parse what `url` serves as a feed; a page that links to feeds leads to its first feed. */
async function findFeed(url: string): Promise<{url: string; feed: Feed}> {
	const fetched = await fetchOrFail(url);
	const {text} = decodeBytes(fetched.bytes, fetched.contentType);
	try {
		return {url: fetched.permanentUrl ?? url, feed: parseFeedDocument(text, fetched.url)};
	} catch (error) {
		if (!(error instanceof FeedFormatError) || !looksLikeHtml(text)) {
			throw new UserError(`add ${url}: ${describeError(error)}`);
		}
	}

	const [feedUrl] = discoverFeeds(text, fetched.url);
	if (feedUrl === undefined) {
		throw new UserError(`add ${url}: a web page that links to no feed (no <link rel="alternate" type="application/rss+xml">)`);
	}

	const feedFetched = await fetchOrFail(feedUrl);
	try {
		return {url: feedFetched.permanentUrl ?? feedUrl, feed: parseFeedDocument(decodeBytes(feedFetched.bytes, feedFetched.contentType).text, feedFetched.url)};
	} catch (error) {
		throw new UserError(`add ${url}: the page's feed ${feedUrl}: ${describeError(error)}`);
	}
}

async function fetchOrFail(url: string): ReturnType<typeof fetchUrl> {
	try {
		return await fetchUrl(url, {accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5'});
	} catch (error) {
		throw new UserError(`add ${url}: ${describeError(error)}`);
	}
}

/** A URL given on the command line, checked: http or https only. */
export function parseUrlArgument(value: string | undefined, command: string): string {
	if (value === undefined) {
		throw new UserError(`${command} needs a URL (see inkwire ${command} --help)`, 2);
	}

	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new UserError(`${command}: not a URL: ${value}`, 2);
	}

	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new UserError(`${command}: only http and https URLs can be fetched, not ${url.protocol}`, 2);
	}

	return url.href;
}

export async function runAdd(args: readonly string[], flags: CommonFlags & {readonly name?: string; readonly full?: boolean}): Promise<number> {
	if (args.length > 1) {
		throw new UserError('add takes one URL', 2);
	}

	const url = parseUrlArgument(args[0], 'add');
	const given = flags.name === undefined ? undefined : sanitizeLine(flags.name);
	if (given === '') {
		throw new UserError('add: --name must not be empty', 2);
	}

	const {url: feedUrl, feed} = await findFeed(url);
	const name = given ?? (sanitizeLine(feed.title ?? '') || new URL(feedUrl).hostname);
	const file = subscriptionsPath(process.env);
	updateSubscriptions(file, subscriptions => {
		const same = subscriptions.find(subscription => subscription.url === feedUrl);
		if (same) {
			throw new UserError(`already subscribed to ${feedUrl} as "${same.name}"`);
		}

		if (subscriptions.some(subscription => subscription.name === name)) {
			throw new UserError(`a feed named "${name}" exists already (choose another with --name)`);
		}

		const folders = new Set(subscriptions.map(subscription => subscription.folder));
		const folder = uniqueName(feedFolderName(name, feedUrl), candidate => folders.has(candidate));
		return [...subscriptions, {name, url: feedUrl, ...(feed.link === undefined ? {} : {site: feed.link}), full: flags.full ?? false, folder}];
	});
	await writeOut(`${sanitizeLine(`added "${name}" (${feedUrl}, ${feed.items.length} items now); inkwire fetch stores its articles`)}\n`);
	return 0;
}
