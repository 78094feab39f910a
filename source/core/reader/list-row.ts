/**
One row of the reader's article list, as plain text cut to the terminal by display width (core/text/width.ts): CJK
and most emoji take two columns, so counting string length would overflow the row and make Ink wrap it onto a second
line.
*/
import type {ArticleMeta} from '../article/article.js';
import {dayOf} from '../render/list-format.js';
import {sanitizeLine} from '../text/sanitize.js';
import {displayWidth, fitWidth, padToWidth} from '../text/width.js';

/** The marker of an unread article; a read one gets a blank of the same width. */
export const unreadMarker = '●';
export const readMarker = ' ';
/** The marker of a starred (saved) article, after the unread marker. */
export const starMarker = '★';

/** What a row shows about its article besides the metadata. */
export type RowStatus = {
	readonly isRead: boolean;
	readonly isStarred?: boolean;
	/** How far the reader got in a started article, 0..1; undefined when not started or finished. */
	readonly progress?: number;
};

const dateWidth = 10;
const gap = '  ';

/** Below these widths the source column, then the date column, are dropped so the title keeps some room. */
const minimumWidthForSource = 50;
const minimumWidthForDate = 30;

/** How wide the source column is at a given row width: a quarter of the row, from 10 to 32 columns. */
export function sourceColumnWidth(width: number): number {
	return Math.min(32, Math.max(10, Math.floor(width / 4)));
}

/**
The text of one list row, at most `width` display columns: unread and star markers, date (`YYYY-MM-DD`, blanks when
the article has none), source, how far a started article was read (`42%`) and the title.
*/
export function formatRow(article: ArticleMeta, status: RowStatus, width: number): string {
	if (width <= 0) {
		return '';
	}

	const parts = [status.isRead ? readMarker : unreadMarker, status.isStarred ? starMarker : ' '];
	if (width >= minimumWidthForDate) {
		parts.push(' ', padToWidth(dayOf(article.date), dateWidth), gap);
	} else {
		parts.push(' ');
	}

	if (width >= minimumWidthForSource) {
		parts.push(padToWidth(sanitizeLine(article.source ?? ''), sourceColumnWidth(width)), gap);
	}

	if (status.progress !== undefined) {
		parts.push(`${Math.min(99, Math.max(1, Math.round(status.progress * 100)))}% `);
	}

	const head = parts.join('');
	// Fields are cleaned where an Article is made; the row cleans them again because the reader is also handed
	// metadata straight from the index cache, and a row is the last step before the terminal.
	const title = sanitizeLine(article.title) || '(untitled)';
	return fitWidth(head + fitWidth(title, width - displayWidth(head)), width);
}
