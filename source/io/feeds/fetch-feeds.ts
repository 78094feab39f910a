import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {describeError} from '../../core/errors.js';
import {formatItem, itemFields} from '../../core/feed/article-file.js';
import {decodeBytes} from '../../core/feed/charset.js';
import {itemKeys} from '../../core/feed/dedupe.js';
import type {Feed} from '../../core/feed/feed.js';
import {articleBaseName, uniqueName} from '../../core/feed/names.js';
import type {Subscription} from '../../core/feed/opml.js';
import {parseFeedDocument} from '../../core/feed/parse-feed.js';
import {fetchUrl, type FetchResult} from '../fetch/http.js';
import {HostLimiter} from '../fetch/limiter.js';
import {maxArticleBytes, readTextFile} from '../store/read-file.js';
import {writeArticle, writeArticleAsync} from '../store/write-article.js';
import {readFeedState, writeFeedState, type FeedState, type StoredItem} from './feed-state.js';
import {fetchFullText} from './full-text.js';
import {readStoredKeys, takenNames} from './store-keys.js';

/**
Fetching subscriptions into the store: each feed fetched (conditionally), read, and each item written as an article
file in the feed's folder, once. An item already stored (by guid, else link, else title and date) is rewritten, in
place and atomically, only when its text changed, so ids and read marks stay. One feed's failure is reported and
never stops the others.
*/

/** What happened to one feed. */
export type FeedReport = {
	readonly name: string;
	readonly url: string;
	readonly folder: string;
	readonly status: 'ok' | 'not modified' | 'failed';
	/** The failure's one-line reason. */
	readonly error?: string;
	readonly items: number;
	readonly newArticles: number;
	readonly updatedArticles: number;
	/** The feed's new URL after a permanent redirect (the subscription should follow it). */
	readonly movedTo?: string;
	/** Things that went wrong without failing the feed (a full text that could not be fetched, a cut feed). */
	readonly warnings: readonly string[];
};

/** What a fetch of several feeds did. */
export type FetchReport = {
	readonly feeds: number;
	readonly newArticles: number;
	readonly updatedArticles: number;
	readonly failed: number;
	readonly results: readonly FeedReport[];
};

/** Progress: feeds done of the total, and new articles so far. */
export type FetchProgress = {readonly done: number; readonly total: number; readonly newArticles: number};

export type FetchFeedsOptions = {
	readonly subscriptions: readonly Subscription[];
	/** The store written to (never the bundled samples). */
	readonly storeRoot: string;
	/** The feed cache folder. */
	readonly cacheDirectory: string;
	readonly signal?: AbortSignal;
	readonly onProgress?: (progress: FetchProgress) => void;
	/** Called as each feed finishes (a CLI prints a failure at once). */
	readonly onFeed?: (report: FeedReport) => void;
	readonly timeoutMs?: number;
	readonly limiter?: HostLimiter;
	/** The time articles without a date are dated; now by default. */
	readonly now?: Date;
};

const feedAccept = 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

function hashText(text: string): string {
	return createHash('sha1').update(text).digest('hex').slice(0, 20);
}

/** Fetch every subscription given, at most a few at once (and two per host), and report what each did. */
export async function fetchFeeds(options: FetchFeedsOptions): Promise<FetchReport> {
	const limiter = options.limiter ?? new HostLimiter();
	const total = options.subscriptions.length;
	let done = 0;
	let newArticles = 0;
	// The store is made by the first article written, not before: until then the reader still opens on the samples.
	options.onProgress?.({done, total, newArticles});
	// A few feeds at a time from fetch to files: the network overlaps the (synchronous) reading and writing, and memory
	// holds a few feeds, not all of them.
	const feedsInProgress = new HostLimiter(4, 4);
	const results = await Promise.all(options.subscriptions.map(async subscription => {
		const report = await feedsInProgress.run('', async () => fetchOneFeed(subscription, {...options, limiter}));
		done++;
		newArticles += report.newArticles;
		options.onFeed?.(report);
		options.onProgress?.({done, total, newArticles});
		return report;
	}));
	return {
		feeds: total,
		newArticles,
		updatedArticles: results.reduce((sum, report) => sum + report.updatedArticles, 0),
		failed: results.filter(report => report.status === 'failed').length,
		results,
	};
}

type Context = FetchFeedsOptions & {readonly limiter: HostLimiter};

async function fetchOneFeed(subscription: Subscription, context: Context): Promise<FeedReport> {
	const {state, warning} = readFeedState(context.cacheDirectory, subscription.folder);
	const warnings: string[] = warning === undefined ? [] : [warning];
	const base = {name: subscription.name, url: subscription.url, folder: subscription.folder};
	const fetchedAt = (context.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
	const isSameUrl = state.url === subscription.url;
	let result: FetchResult;
	try {
		result = await fetchUrl(subscription.url, {
			...(isSameUrl && state.etag ? {etag: state.etag} : {}),
			...(isSameUrl && state.lastModified ? {lastModified: state.lastModified} : {}),
			accept: feedAccept,
			limiter: context.limiter,
			...(context.signal ? {signal: context.signal} : {}),
			...(context.timeoutMs ? {timeoutMs: context.timeoutMs} : {}),
		});
	} catch (error) {
		return fail(subscription, context, state, describeError(error), fetchedAt, warnings);
	}

	const movedTo = result.permanentUrl === undefined || result.permanentUrl === subscription.url ? {} : {movedTo: result.permanentUrl};
	if (result.status === 304) {
		saveState(context, subscription, {...state, fetchedAt, status: 'not modified', isFailed: false});
		return {...base, status: 'not modified', items: 0, newArticles: 0, updatedArticles: 0, ...movedTo, warnings};
	}

	let feed: Feed;
	try {
		const {text, warning: decodeWarning} = decodeBytes(result.bytes, result.contentType);
		if (decodeWarning !== undefined) {
			warnings.push(decodeWarning);
		}

		feed = parseFeedDocument(text, result.url);
	} catch (error) {
		return fail(subscription, context, state, describeError(error), fetchedAt, warnings);
	}

	if (feed.droppedItems > 0) {
		warnings.push(`the feed has ${feed.items.length + feed.droppedItems} items; only the first ${feed.items.length} were read`);
	}

	try {
		const counts = await storeItems(feed, subscription, context, state, fetchedAt, warnings);
		saveState(context, subscription, {
			url: subscription.url,
			...(result.etag === undefined ? {} : {etag: result.etag}),
			...(result.lastModified === undefined ? {} : {lastModified: result.lastModified}),
			fetchedAt,
			status: 'ok',
			isFailed: false,
			items: counts.items,
		});
		return {...base, status: 'ok', items: feed.items.length, newArticles: counts.newArticles, updatedArticles: counts.updatedArticles, ...movedTo, warnings};
	} catch (error) {
		return fail(subscription, context, state, describeError(error), fetchedAt, warnings);
	}
}

function fail(subscription: Subscription, context: Context, state: FeedState, reason: string, fetchedAt: string, warnings: string[]): FeedReport {
	try {
		saveState(context, subscription, {...state, fetchedAt, status: reason, isFailed: true});
	} catch (error) {
		warnings.push(`feed cache not saved: ${describeError(error)}`);
	}

	return {name: subscription.name, url: subscription.url, folder: subscription.folder, status: 'failed', error: reason, items: 0, newArticles: 0, updatedArticles: 0, warnings};
}

function saveState(context: Context, subscription: Subscription, state: FeedState): void {
	writeFeedState(context.cacheDirectory, subscription.folder, state);
}

/** Write the feed's new and changed items; returns the counts and the item map for the cache. */
async function storeItems(feed: Feed, subscription: Subscription, context: Context, state: FeedState, fetchedAt: string, warnings: string[]): Promise<{newArticles: number; updatedArticles: number; items: Record<string, StoredItem>}> {
	const folderPath = path.join(context.storeRoot, subscription.folder);
	const taken = takenNames(folderPath);
	const known = new Map<string, StoredItem>(Object.entries(state.items));
	// Files the cache does not know (no cache yet, a lost one, a fetch that failed halfway, a file put there by hand):
	// their own front matter says which items they hold. Usually there are none, and nothing is read.
	const cachedFiles = new Set([...known.values()].map(stored => stored.file));
	const unknownNames = new Set([...taken].filter(name => !cachedFiles.has(`${subscription.folder}/${name}`)));
	if (unknownNames.size > 0) {
		for (const [key, file] of readStoredKeys(context.storeRoot, subscription.folder, unknownNames)) {
			if (!known.has(key)) {
				known.set(key, {file});
			}
		}
	}

	const seenThisFetch = new Set<string>();
	const writes = new WriteQueue(4);
	let lastYield = performance.now();
	const source = {...(feed.title === undefined ? {title: subscription.name} : {title: feed.title}), url: subscription.url};
	let newArticles = 0;
	let updatedArticles = 0;
	for (const item of feed.items) {
		// Converting thousands of items is synchronous work: let the other feeds' downloads go on meanwhile.
		if (performance.now() - lastYield > 20) {
			await new Promise(resolve => {
				setImmediate(resolve);
			});
			lastYield = performance.now();
		}

		// Keys from the cleaned fields, as the file's front matter holds them (what a lost cache is rebuilt from).
		const fields = itemFields(item, source, fetchedAt);
		const keys = itemKeys({...(fields.guid === undefined ? {} : {guid: fields.guid}), ...(fields.url === undefined ? {} : {link: fields.url}), title: fields.title, ...(item.date === undefined ? {} : {date: item.date})});
		// The same item twice in one feed (duplicate guids): the first one wins.
		if (keys.some(key => seenThisFetch.has(key))) {
			continue;
		}

		for (const key of keys) {
			seenThisFetch.add(key);
		}

		const existingKey = keys.find(key => known.has(key));
		const existing = existingKey === undefined ? undefined : known.get(existingKey)!;
		if (existing) {
			// A full-text article came from the page, not the feed: the feed's text says nothing about its changes.
			if (subscription.full) {
				continue;
			}

			const formatted = formatItem(item, source, existing.date ?? fetchedAt);
			const hash = hashText(formatted.text);
			const onDisk = existing.size === undefined ? 'same' : sizeOf(context.storeRoot, existing.file, existing.size);
			// Deleted by the user: it stays deleted.
			if (onDisk === 'missing') {
				rememberItem(known, keys, existing);
				continue;
			}

			if (onDisk === 'same' && (existing.hash === hash || (existing.hash === undefined && readFile(context.storeRoot, existing.file) === formatted.text))) {
				rememberItem(known, keys, {...existing, hash});
				continue;
			}

			writeArticle(context.storeRoot, existing.file, formatted.text, {overwrite: true});
			rememberItem(known, keys, {...existing, hash, size: Buffer.byteLength(formatted.text)});
			updatedArticles++;
			continue;
		}

		const body = subscription.full ? await fetchFullText(item, context, warnings) : undefined;
		const formatted = formatItem(item, source, fetchedAt, body);
		if (formatted.warning !== undefined) {
			warnings.push(`"${formatted.fields.title}": ${formatted.warning}`);
		}

		const name = `${uniqueName(articleBaseName(formatted.fields.date, formatted.fields.title), candidate => taken.has(`${candidate}.md`))}.md`;
		taken.add(name);
		const file = `${subscription.folder}/${name}`;
		// No fsync per new file (see WriteArticleOptions); its size in the cache lets the next fetch repair a truncated one.
		await writes.add(async () => writeArticleAsync(context.storeRoot, file, formatted.text, {isDurable: false}));
		rememberItem(known, keys, {file, hash: hashText(formatted.text), size: Buffer.byteLength(formatted.text), ...(item.date === undefined ? {date: fetchedAt} : {})});
		newArticles++;
	}

	// The cache says an item is stored only once its file is.
	await writes.finish();
	return {newArticles, updatedArticles, items: Object.fromEntries(known)};
}

function rememberItem(known: Map<string, StoredItem>, keys: readonly string[], stored: StoredItem): void {
	for (const key of keys) {
		// Re-inserted at the end: the cache keeps the most recently seen keys when it has to drop some.
		known.delete(key);
		known.set(key, stored);
	}
}

/**
Whether a stored file still has the size it was written with: 'different' for one cut short (a crash before the
data reached the disk) or edited; a file deleted by the user is 'missing' and stays deleted.
*/
function sizeOf(storeRoot: string, file: string, size: number): 'same' | 'different' | 'missing' {
	try {
		return fs.statSync(path.join(storeRoot, file)).size === size ? 'same' : 'different';
	} catch {
		return 'missing';
	}
}

function readFile(storeRoot: string, file: string): string | undefined {
	try {
		return readTextFile(path.join(storeRoot, file), maxArticleBytes);
	} catch {
		return undefined;
	}
}


/** At most `limit` writes in flight: `add` waits for a free slot, `finish` for all; either rethrows a failure. */
class WriteQueue {
	private readonly pending = new Set<Promise<void>>();
	private failure: unknown;

	constructor(private readonly limit: number) {}

	async add(write: () => Promise<unknown>): Promise<void> {
		this.check();
		while (this.pending.size >= this.limit) {
			// eslint-disable-next-line no-await-in-loop
			await Promise.race(this.pending);
			this.check();
		}

		const promise: Promise<void> = write().then(() => undefined, (error: unknown) => {
			this.failure ??= error;
		}).finally(() => {
			this.pending.delete(promise);
		});
		this.pending.add(promise);
	}

	async finish(): Promise<void> {
		await Promise.all(this.pending);
		this.check();
	}

	private check(): void {
		if (this.failure !== undefined) {
			throw this.failure;
		}
	}
}
