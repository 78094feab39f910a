import type {ArticleMeta} from '../article/article.js';
import type {ReadLookup} from '../store/library.js';
import {sanitizeLine} from '../text/sanitize.js';

/** `YYYY-MM-DD` from an ISO 8601 date of any precision, or an empty string. */
export function dayOf(date: string | undefined): string {
	return date && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : '';
}

/** One tab-separated line: id, day, read state, source, title. Fields never contain tabs or newlines. */
export function formatListLine(article: ArticleMeta, isRead: boolean): string {
	return `${sanitizeLine(article.id)}\t${dayOf(article.date)}\t${isRead ? 'read' : 'unread'}\t${sanitizeLine(article.source ?? '')}\t${sanitizeLine(article.title)}`;
}

/** The `list` output: one line per article, each ending in a newline. */
export function formatListText(articles: readonly ArticleMeta[], reads: ReadLookup): string {
	// Joined once, not appended line by line: 100,000 appends make a rope that costs more to flatten when written
	// than the lines cost to build.
	const lines: string[] = [];
	for (const article of articles) {
		lines.push(formatListLine(article, reads.isRead(article.id)));
	}

	lines.push('');
	return lines.join('\n');
}

/** A single-line field for JSON: cleaned, and null when empty so that every key is always there. */
function optional(value: string | undefined): string | null {
	const text = sanitizeLine(value ?? '');
	return text === '' ? null : text;
}

/** The JSON shape of an article without its body (`list --json`; `show --format json` adds the body). */
export function metaToJson(article: ArticleMeta, isRead: boolean, isStarred = false): Record<string, unknown> {
	return {
		id: sanitizeLine(article.id),
		title: sanitizeLine(article.title),
		source: optional(article.source),
		author: optional(article.author),
		date: optional(article.date),
		url: optional(article.url),
		caption: optional(article.caption),
		tags: article.tags.map(tag => sanitizeLine(tag)).filter(tag => tag !== ''),
		words: article.words,
		readingMinutes: article.readingMinutes,
		read: isRead,
		starred: isStarred,
	};
}

/** The `list --json` output: an array of every field but the body. */
export function formatListJson(articles: readonly ArticleMeta[], reads: ReadLookup): string {
	return JSON.stringify(articles.map(article => metaToJson(article, reads.isRead(article.id), reads.isSaved?.(article.id) ?? false)), undefined, 2) + '\n';
}
