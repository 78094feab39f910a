import type {ArticleMeta} from '../article/article.js';
import type {ReadLookup} from '../store/library.js';
import {sanitizeLine} from '../text/sanitize.js';
import {displayWidth, fitWidth, padToWidth} from '../text/width.js';

/** `YYYY-MM-DD` from an ISO 8601 date of any precision, or an empty string. */
export function dayOf(date: string | undefined): string {
	return date && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : '';
}

/** One tab-separated line: id, day, read state, source, title. Fields never contain tabs or newlines. */
export function formatListLine(article: ArticleMeta, isRead: boolean): string {
	return [
		sanitizeLine(article.id),
		dayOf(article.date),
		isRead ? 'read' : 'unread',
		sanitizeLine(article.source ?? ''),
		sanitizeLine(article.title),
	].join('\t');
}

/** The `list` output: one line per article, each ending in a newline. */
export function formatListText(articles: readonly ArticleMeta[], reads: ReadLookup): string {
	let text = '';
	for (const article of articles) {
		text += formatListLine(article, reads.isRead(article.id)) + '\n';
	}

	return text;
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

/**
`list` on a terminal: aligned columns that fit `width`, like ls — unread marker, day, source, title. The source column
is as wide as the widest source shown, at most a quarter of the width; titles are cut with an ellipsis. Unread rows
are bold when `color` is on.
*/
export function formatListColumns(articles: readonly ArticleMeta[], reads: ReadLookup, options: {readonly width: number; readonly color: boolean}): string {
	const {width, color} = options;
	let widest = 0;
	for (const article of articles) {
		widest = Math.max(widest, displayWidth(sanitizeLine(article.source ?? '')));
	}

	const sourceWidth = Math.min(widest, Math.max(10, Math.floor(width / 4)));
	let text = '';
	for (const article of articles) {
		const isRead = reads.isRead(article.id);
		const day = dayOf(article.date).padEnd(10);
		const source = sourceWidth > 0 ? `${padToWidth(sanitizeLine(article.source ?? ''), sourceWidth)}  ` : '';
		const head = `${isRead ? ' ' : '●'}${reads.isSaved?.(article.id) ? '★' : ' '} ${day}  ${source}`;
		const row = head + fitWidth(sanitizeLine(article.title) || '(untitled)', Math.max(1, width - displayWidth(head)));
		text += (color && !isRead ? `\u001B[1m${row}\u001B[22m` : row) + '\n';
	}

	return text;
}
