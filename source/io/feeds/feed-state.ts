import fs from 'node:fs';
import path from 'node:path';
import {writeFileAtomically} from '../atomic-file.js';
import {readTextFile} from '../store/read-file.js';
import {parseBoundedJson} from '../../core/json.js';

// A feed's state is a few KB per item kept; anything far larger is not one of ours.
const maxStateBytes = 32 * 1024 * 1024;

/**
The feed cache: per feed, what the last fetch learnt (ETag, Last-Modified, when, how it went) and the items already
stored (their keys, file and a hash of what was written, to tell an updated item from an unchanged one). A cache
only: a missing or unreadable file costs a full fetch, and deduplication then falls back to the store's own front
matter (see store-keys.ts), so it never costs a duplicate article.
*/

/** An item already in the store. */
export type StoredItem = {
	/** Path inside the store, `/`-separated. */
	readonly file: string;
	/** Hash of the file's text as last written; absent when learnt from the store rather than written. */
	readonly hash?: string;
	/** The file's size in bytes as written, to notice a file a crash left truncated. */
	readonly size?: number;
	/** The date written for an item the feed gives no date, so that refetching it does not redate it. */
	readonly date?: string;
};

/** What the cache knows of one feed. */
export type FeedState = {
	readonly url?: string;
	readonly etag?: string;
	readonly lastModified?: string;
	/** ISO time of the last fetch attempt. */
	readonly fetchedAt?: string;
	/** "ok", "not modified", or the failure's one-line reason. */
	readonly status?: string;
	readonly isFailed?: boolean;
	/** Item key -> stored file. */
	readonly items: Record<string, StoredItem>;
};

// A feed's keys are kept for this many stored items at most (a feed of 50 items a day for half a year).
const maxKeys = 20_000;

function stateFile(cacheDirectory: string, folder: string): string {
	return path.join(cacheDirectory, `${folder}.json`);
}

/** The cached state of the feed whose store folder is `folder`; empty when there is none or it cannot be read. */
export function readFeedState(cacheDirectory: string, folder: string): {state: FeedState; warning?: string} {
	let text: string;
	try {
		text = readTextFile(stateFile(cacheDirectory, folder), maxStateBytes);
	} catch {
		return {state: {items: {}}};
	}

	try {
		const parsed = parseBoundedJson(text, 16);
		if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
			throw new Error('not an object');
		}

		const record = parsed as Record<string, unknown>;
		const items: Record<string, StoredItem> = Object.create(null) as Record<string, StoredItem>;
		const rawItems = record['items'];
		if (rawItems !== null && typeof rawItems === 'object') {
			for (const [key, value] of Object.entries(rawItems as Record<string, unknown>)) {
				const item = value as Record<string, unknown> | null;
				if (item && typeof item['file'] === 'string') {
					items[key] = {file: item['file'], ...(typeof item['hash'] === 'string' ? {hash: item['hash']} : {}), ...(typeof item['date'] === 'string' ? {date: item['date']} : {}), ...(typeof item['size'] === 'number' ? {size: item['size']} : {})};
				}
			}
		}

		const field = (key: string) => typeof record[key] === 'string' ? {[key]: record[key] as string} : {};
		return {state: {...field('url'), ...field('etag'), ...field('lastModified'), ...field('fetchedAt'), ...field('status'), isFailed: record['isFailed'] === true, items}};
	} catch (error) {
		return {state: {items: {}}, warning: `feed cache ${stateFile(cacheDirectory, folder)} unreadable (${(error as Error).message.split('\n')[0]}); fetching in full`};
	}
}

/** Save a feed's state (atomically; the oldest keys dropped past the limit). */
export function writeFeedState(cacheDirectory: string, folder: string, state: FeedState): void {
	const entries = Object.entries(state.items);
	const items = entries.length > maxKeys ? Object.fromEntries(entries.slice(entries.length - maxKeys)) : state.items;
	writeFileAtomically(stateFile(cacheDirectory, folder), `${JSON.stringify({...state, items})}\n`, {makeFolder: true});
}

/** Forget a feed's state (after `inkwire remove`). */
export function removeFeedState(cacheDirectory: string, folder: string): void {
	fs.rmSync(stateFile(cacheDirectory, folder), {force: true});
}
