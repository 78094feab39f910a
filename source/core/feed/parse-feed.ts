import {DetectError, parseFeed as parseWithFeedsmith} from 'feedsmith';
import type {Feed, FeedItem} from './feed.js';
import {asList, asRecord, asText, firstText, normaliseDate, resolveUrl} from './read-values.js';

/**
Reading a feed document into a `Feed`: feedsmith detects and parses RSS 2.0, RSS 1.0/RDF, Atom 1.0 and JSON Feed
(it keeps the items of feeds with a bare `&` or an unclosed tag, and leaves an XML entity it does not know, such as
one an entity-expansion bomb declares, as its literal text); this module maps each format's fields onto one shape,
resolves relative links (xml:base, else the feed's own URL) and bounds what one feed may hold.
*/

/** Past this many items a feed is cut (the newest first, in feed order); a warning says how many were dropped. */
export const maxItems = 10_000;

// One item's HTML beyond this is not an article but a payload; it is cut (the Markdown conversion would be slow).
const maxItemHtml = 2 * 1024 * 1024;
const maxTitle = 1000;
const maxTags = 32;

/** Why a document is not a feed, as one line for the user. */
export class FeedFormatError extends Error {
	override name = 'FeedFormatError';
}

/** A title or name as plain text: tags dropped, whitespace folded, bounded. Entities are already decoded. */
export function plainText(value: string | undefined): string | undefined {
	if (value === undefined) {
		return undefined;
	}

	const text = value.slice(0, maxTitle * 4).replace(/<[^<>]{0,2000}>/g, '').replace(/\s+/g, ' ').trim().slice(0, maxTitle);
	return text === '' ? undefined : text;
}

function cut(html: string | undefined): string | undefined {
	return html === undefined || html.length <= maxItemHtml ? html : html.slice(0, maxItemHtml);
}

/** Plain text escaped into HTML paragraphs (Atom `type="text"`, JSON Feed `content_text`). */
function textToHtml(text: string): string {
	const escaped = text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
	return escaped.split(/\n\s*\n/).map(paragraph => `<p>${paragraph}</p>`).join('\n');
}

/** A caption with its credit in parentheses, as newspapers print it. */
function captionWithCredit(description: string | undefined, credit: string | undefined): string | undefined {
	const caption = plainText(description);
	const by = plainText(credit);
	if (caption === undefined) {
		return by === undefined ? undefined : `(${by})`;
	}

	return by === undefined || caption.includes(by) ? caption : `${caption} (${by})`;
}

/** Lead image and caption from Media RSS (`media:content`, `media:group`, `media:thumbnail`) and image enclosures. */
function readMedia(item: Record<string, unknown>, base: string): {image?: string; caption?: string} {
	const media = asRecord(item['media']);
	const contents = [...asList(media['contents']), ...asList(asRecord(media['group'])['contents'])].map(entry => asRecord(entry));
	const isImage = (entry: Record<string, unknown>) => {
		const medium = asText(entry['medium']);
		const type = asText(entry['type']);
		return medium === 'image' || (type?.startsWith('image/') ?? false) || (medium === undefined && type === undefined);
	};

	const content = contents.find(entry => isImage(entry) && asText(entry['url']) !== undefined);
	const enclosure = asList(item['enclosures'] ?? item['enclosure']).map(entry => asRecord(entry)).find(entry => asText(entry['type'])?.startsWith('image/'));
	const thumbnail = firstText(...asList(media['thumbnails']).map(entry => asRecord(entry)['url']));
	const image = resolveUrl(asText(content?.['url']) ?? asText(enclosure?.['url']) ?? thumbnail, base);
	const description = firstText(content?.['description'], content?.['title'], media['description'], media['title']);
	const credit = firstText(...asList(content?.['credits']), ...asList(media['credits']));
	const caption = captionWithCredit(description, credit);
	return {...(image === undefined ? {} : {image}), ...(caption === undefined ? {} : {caption})};
}

function compact<T extends Record<string, unknown>>(object: T): T {
	for (const key of Object.keys(object)) {
		if (object[key] === undefined) {
			delete object[key];
		}
	}

	return object;
}

function tagsOf(values: readonly unknown[]): string[] {
	const tags: string[] = [];
	for (const value of values) {
		const record = asRecord(value);
		const tag = plainText(typeof value === 'string' ? value : asText(record['label']) ?? asText(record['term']) ?? asText(record['name']));
		if (tag !== undefined && !tags.includes(tag)) {
			tags.push(tag);
		}

		if (tags.length >= maxTags) {
			break;
		}
	}

	return tags;
}

function readRssItem(item: Record<string, unknown>, base: string): FeedItem {
	const dc = asRecord(item['dc']);
	const link = resolveUrl(asText(item['link']), base);
	// RSS has no xml:base: relative links in an item's HTML are relative to the item's page.
	const contentBase = link ?? base;
	const guid = asRecord(item['guid']);
	const guidText = asText(item['guid']);
	// A permalink guid doubles as the link when the item has none.
	const permalink = guid['isPermaLink'] !== false && link === undefined ? resolveUrl(guidText, base) : undefined;
	return compact({
		guid: guidText ?? asText(asRecord(item['rdf'])['about']),
		link: link ?? permalink,
		title: plainText(asText(item['title']) ?? firstText(dc['titles'])) ?? '',
		author: plainText(firstText(item['authors'], item['author'], dc['creators'], dc['creator'])),
		date: normaliseDate(asText(item['pubDate']) ?? firstText(dc['dates'], dc['date'])),
		html: cut(asText(asRecord(item['content'])['encoded']) ?? asText(item['description'])),
		tags: tagsOf([...asList(item['categories']), ...asList(dc['subjects'])]),
		...readMedia(item, contentBase),
		baseUrl: contentBase,
	});
}

function xmlBase(value: unknown, base: string): string {
	return resolveUrl(asText(asRecord(asRecord(value)['xml'])['base']), base) ?? base;
}

function atomHtml(value: unknown): string | undefined {
	const record = asRecord(value);
	const text = asText(value);
	if (text === undefined) {
		return undefined;
	}

	const type = asText(record['type']) ?? 'text';
	return type === 'html' || type === 'xhtml' || type.includes('html') ? text : textToHtml(text);
}

function readAtomEntry(entry: Record<string, unknown>, feedBase: string): FeedItem {
	const base = xmlBase(entry, feedBase);
	const links = asList(entry['links']).map(link => asRecord(link));
	const alternate = links.find(link => (asText(link['rel']) ?? 'alternate') === 'alternate') ?? links[0];
	const content = entry['content'] ?? entry['summary'];
	const contentBase = xmlBase(content, base);
	return compact({
		guid: asText(entry['id']),
		link: resolveUrl(asText(alternate?.['href']), base),
		title: plainText(asText(entry['title'])) ?? '',
		author: plainText(firstText(...asList(entry['authors']).map(author => asRecord(author)['name']))),
		date: normaliseDate(asText(entry['published']) ?? asText(entry['updated'])),
		html: cut(atomHtml(content)),
		tags: tagsOf(asList(entry['categories'])),
		...readMedia(entry, base),
		baseUrl: contentBase,
	});
}

function readJsonItem(item: Record<string, unknown>, base: string): FeedItem {
	const html = asText(item['content_html']);
	const link = resolveUrl(asText(item['url']) ?? asText(item['external_url']), base);
	const text = asText(item['content_text']) ?? asText(item['summary']);
	return compact({
		guid: asText(item['id']),
		link,
		title: plainText(asText(item['title'])) ?? '',
		author: plainText(firstText(...asList(item['authors']).map(author => asRecord(author)['name']), asRecord(item['author'])['name'])),
		date: normaliseDate(asText(item['date_published']) ?? asText(item['date_modified'])),
		html: cut(html ?? (text === undefined ? undefined : textToHtml(text))),
		tags: tagsOf(asList(item['tags'])),
		image: resolveUrl(asText(item['image']) ?? asText(item['banner_image']), link ?? base),
		baseUrl: link ?? base,
	});
}

/**
Parse a feed document fetched from `url` (the final URL, after redirects, which relative links resolve against).
Throws FeedFormatError with a one-line reason when the document is not a feed or cannot be read at all.
*/
export function parseFeedDocument(document: string, url: string): Feed {
	let parsed: ReturnType<typeof parseWithFeedsmith>;
	try {
		parsed = parseWithFeedsmith(document);
	} catch (error) {
		if (error instanceof DetectError) {
			throw new FeedFormatError('not a feed (RSS, Atom, RDF or JSON Feed)');
		}

		const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message.split('\n')[0]}` : '';
		throw new FeedFormatError(`malformed feed${cause.slice(0, 200)}`);
	}

	const feed = asRecord(parsed.feed);
	const format = parsed.format;
	const siteBase = resolveUrl(asText(feed['link']) ?? asText(feed['home_page_url']), url);
	const base = format === 'atom' ? xmlBase(feed, url) : siteBase ?? url;
	const rawItems = asList(format === 'atom' ? feed['entries'] : feed['items']);
	const kept = rawItems.length > maxItems ? rawItems.slice(0, maxItems) : rawItems;
	const items: FeedItem[] = [];
	for (const raw of kept) {
		const item = asRecord(raw);
		items.push(format === 'atom' ? readAtomEntry(item, base) : (format === 'json' ? readJsonItem(item, base) : readRssItem(item, base)));
	}

	const links = asList(feed['links']).map(link => asRecord(link));
	const siteLink = format === 'atom'
		? asText(links.find(link => (asText(link['rel']) ?? 'alternate') === 'alternate')?.['href'])
		: asText(feed['link']) ?? asText(feed['home_page_url']);
	return compact({
		format,
		title: plainText(asText(feed['title'])),
		link: resolveUrl(siteLink, base),
		items,
		droppedItems: rawItems.length - kept.length,
	});
}
