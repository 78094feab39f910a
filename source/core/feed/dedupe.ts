import {JSON_SCHEMA, load} from 'js-yaml';
import {splitFrontMatter} from '../article/front-matter.js';
import type {FeedItem} from './feed.js';
import {normalizeInput} from '../text/input.js';

/**
The keys an item is known by, so that fetching a feed again never makes a second file of the same article: the
guid when the feed gives one, else the link, else the title with the date. A stored article is known by the same
keys, read from its front matter (`guid`, `url`), which is what makes a lost feed cache cost a fetch, not duplicates.
*/

/** A link as a key: no fragment, no trailing slash on the path, the scheme and host lowercase (URL does that). */
function normaliseLink(link: string): string {
	try {
		const url = new URL(link);
		url.hash = '';
		return url.href.replace(/\/(?=$|\?)/, '');
	} catch {
		return link;
	}
}

/** The keys of an item, most specific first. */
export function itemKeys(item: Pick<FeedItem, 'guid' | 'link' | 'title' | 'date'>): string[] {
	const keys: string[] = [];
	if (item.guid !== undefined) {
		keys.push(`guid:${item.guid}`);
	}

	if (item.link !== undefined) {
		keys.push(`url:${normaliseLink(item.link)}`);
	}

	if (keys.length === 0) {
		keys.push(`title:${item.title}|${item.date ?? ''}`);
	}

	return keys;
}

/** The keys a stored article is known by, from its front matter fields. */
export function storedKeys(fields: {readonly guid?: string | undefined; readonly url?: string | undefined; readonly title?: string | undefined; readonly date?: string | undefined}): string[] {
	const keys: string[] = [];
	if (fields.guid !== undefined) {
		keys.push(`guid:${fields.guid}`);
	}

	if (fields.url !== undefined) {
		keys.push(`url:${normaliseLink(fields.url)}`);
	}

	if (keys.length === 0 && fields.title !== undefined) {
		keys.push(`title:${fields.title}|${fields.date ?? ''}`);
	}

	return keys;
}

/**
The keys of a stored article file, from the start of its text (front matter `guid`, `url`, else `title` and
`date`). An article without front matter, or one whose front matter does not parse, has none.
*/
export function keysOfArticleText(text: string): string[] {
	const {yaml} = splitFrontMatter(normalizeInput(text));
	if (yaml === undefined) {
		return [];
	}

	let data: unknown;
	try {
		data = load(yaml, {schema: JSON_SCHEMA});
	} catch {
		return [];
	}

	if (data === null || typeof data !== 'object' || Array.isArray(data)) {
		return [];
	}

	const record = data as Record<string, unknown>;
	const field = (key: string) => typeof record[key] === 'string' ? record[key] : undefined;
	return storedKeys({guid: field('guid'), url: field('url'), title: field('title'), date: field('date')});
}
