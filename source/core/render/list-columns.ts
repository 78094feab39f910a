/**
`list` on a terminal. Apart from list-format.ts because it needs display widths (string-width and its Unicode tables),
which a piped `list` does not: loading them is a visible part of a small store's `list`.
*/
import type {ArticleMeta} from '../article/article.js';
import type {ReadLookup} from '../store/library.js';
import {sanitizeLine} from '../text/sanitize.js';
import {displayWidth, fitWidth, padToWidth} from '../text/width.js';
import {dayOf} from './list-format.js';

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
