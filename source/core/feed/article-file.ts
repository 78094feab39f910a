import {decodeEntities} from '../text/entities.js';
import {sanitizeLine, sanitizeText} from '../text/sanitize.js';
import type {FeedItem} from './feed.js';
import {htmlToMarkdown} from './html-markdown.js';

/**
A feed item as the article file inkwire stores: YAML front matter (title, source, author, date, url, guid, feed,
tags, image, caption) and a Markdown body. Every field is cleaned here, once: control characters, escape sequences
and bidi overrides from the feed never reach the file, so neither `cat` nor `grep` on the store can be tricked.
*/

/** The fields of a stored article's front matter, all cleaned. */
export type ArticleFields = {
	readonly title: string;
	/** The feed's title (or the site's name for a saved page). */
	readonly source?: string;
	readonly author?: string;
	readonly date: string;
	readonly url?: string;
	readonly guid?: string;
	/** The subscription's URL, so an article can be traced to the feed that brought it. */
	readonly feed?: string;
	readonly tags: readonly string[];
	readonly image?: string;
	readonly caption?: string;
};

/** A value YAML reads back as exactly this string: JSON's double-quoted strings are YAML's too. */
function quote(value: string): string {
	// U+2028/U+2029 are line breaks to YAML; escaped, they stay inside the string.
	return JSON.stringify(sanitizeLine(value)).replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029');
}

/** The front matter block for `fields`, `---` lines included. */
export function formatFrontMatter(fields: ArticleFields): string {
	const lines = ['---', `title: ${quote(fields.title)}`];
	for (const key of ['source', 'author', 'date', 'url', 'guid', 'feed'] as const) {
		const value = fields[key];
		if (value !== undefined && value !== '') {
			lines.push(`${key}: ${quote(value)}`);
		}
	}

	if (fields.tags.length > 0) {
		lines.push(`tags: [${fields.tags.map(tag => quote(tag)).join(', ')}]`);
	}

	for (const key of ['image', 'caption'] as const) {
		const value = fields[key];
		if (value !== undefined && value !== '') {
			lines.push(`${key}: ${quote(value)}`);
		}
	}

	lines.push('---');
	return lines.join('\n');
}

function clean(value: string | undefined): string | undefined {
	const line = value === undefined ? '' : sanitizeLine(value);
	return line === '' ? undefined : line;
}

/**
A title for an item that has none (a micro-blog post, a Mastodon status): the start of its text, cut at a word,
about 80 characters.
*/
function titleFromHtml(html: string | undefined): string | undefined {
	if (html === undefined) {
		return undefined;
	}

	const text = decodeEntities(html.slice(0, 4000).replace(/<[^<>]{0,2000}>/g, ' ')).replace(/\s+/g, ' ').trim();
	const line = sanitizeLine(text);
	if (line === '') {
		return undefined;
	}

	if (line.length <= 80) {
		return line;
	}

	const space = line.lastIndexOf(' ', 80);
	return `${line.slice(0, space > 40 ? space : 80)}…`;
}

/** An item's fields, cleaned: what the file holds and what deduplication compares. `fetchedAt` dates an undated item. */
export function itemFields(item: FeedItem, feed: {readonly title?: string; readonly url: string}, fetchedAt: string): ArticleFields {
	return {
		title: clean(item.title) ?? titleFromHtml(item.html) ?? 'Untitled',
		source: clean(feed.title),
		author: clean(item.author),
		date: item.date ?? fetchedAt,
		url: clean(item.link),
		guid: clean(item.guid),
		feed: clean(feed.url),
		tags: item.tags.map(tag => sanitizeLine(tag)).filter(Boolean),
		image: clean(item.image),
		caption: clean(item.caption),
	};
}

/** A whole article file: front matter, a blank line, the body (cleaned), a final newline. */
export function formatArticleFile(fields: ArticleFields, body: string): string {
	const text = sanitizeText(body).trim();
	return `${formatFrontMatter(fields)}\n\n${text === '' ? '' : `${text}\n`}`;
}

/** What `formatItem` gives: the file's text, its fields, and any warning about the conversion. */
export type FormattedItem = {readonly fields: ArticleFields; readonly text: string; readonly warning?: string};

/** A feed item as an article file, its body (or `bodyMarkdown`, the page's text for a full-text feed) in Markdown. */
export function formatItem(item: FeedItem, feed: {readonly title?: string; readonly url: string}, fetchedAt: string, bodyMarkdown?: string): FormattedItem {
	const fields = itemFields(item, feed, fetchedAt);
	if (bodyMarkdown !== undefined) {
		return {fields, text: formatArticleFile(fields, bodyMarkdown)};
	}

	// Sanitised before the HTML parser sees it: escape sequences go whole (a parser would drop the ESC and leave `[2J`),
	// and a C1 control written as `&#x9b;` would otherwise be remapped by the parser to a printable character.
	const {markdown, warning} = item.html === undefined ? {markdown: ''} : htmlToMarkdown(sanitizeText(item.html), item.baseUrl);
	return {fields, text: formatArticleFile(fields, markdown), ...(warning === undefined ? {} : {warning})};
}
