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
The text of one list row, at most `width` display columns: unread marker, date (`YYYY-MM-DD`, blanks when the article
has none), source and title. Fields are sanitised here too, although core already cleaned them: cheap insurance
against a control sequence reaching the terminal.
*/
export function formatRow(article: ArticleMeta, isRead: boolean, width: number): string {
	if (width <= 0) {
		return '';
	}

	const parts = [isRead ? readMarker : unreadMarker];
	if (width >= minimumWidthForDate) {
		parts.push(' ', padToWidth(dayOf(article.date), dateWidth), gap);
	} else {
		parts.push(' ');
	}

	if (width >= minimumWidthForSource) {
		parts.push(padToWidth(sanitizeLine(article.source ?? ''), sourceColumnWidth(width)), gap);
	}

	const head = parts.join('');
	const title = sanitizeLine(article.title) || '(untitled)';
	return fitWidth(head + fitWidth(title, width - displayWidth(head)), width);
}
