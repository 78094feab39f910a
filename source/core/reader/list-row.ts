/**
One row of the reader's article list, as plain text cut to the terminal by display width: CJK and most emoji take
two columns, so counting string length would overflow the row and make Ink wrap it onto a second line.
*/
import stringWidth from 'string-width';
import type {ArticleMeta} from '../article/article.js';
import {dayOf} from '../render/list-format.js';
import {sanitizeLine} from '../text/sanitize.js';

/** The marker of an unread article; a read one gets a blank of the same width. */
export const unreadMarker = '●';
export const readMarker = ' ';

const dateWidth = 10;
const gap = '  ';

/** Below these widths the source column, then the date column, are dropped so the title keeps some room. */
const minimumWidthForSource = 50;
const minimumWidthForDate = 30;

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

// Printable ASCII is one column a character; most rows are, and string-width is slow on every string.
const printableAscii = /^[\u0020-\u007E]*$/;

/** Display width in terminal columns: CJK and most emoji count two. */
export function displayWidth(text: string): number {
	return printableAscii.test(text) ? text.length : stringWidth(text);
}

/**
Cut plain text to at most `columns` display columns, with an ellipsis where something was cut. Counted grapheme by
grapheme: cli-truncate 5 overshoots by a column when the cut falls inside a double-width character
(`cliTruncate('東京の記事', 8)` is 9 columns wide), and one column too many makes Ink wrap the row.
*/
export function fitWidth(text: string, columns: number): string {
	if (columns <= 0) {
		return '';
	}

	if (displayWidth(text) <= columns) {
		return text;
	}

	let kept = '';
	let used = 0;
	for (const {segment} of graphemes.segment(text)) {
		const width = stringWidth(segment);
		if (used + width > columns - 1) {
			break;
		}

		kept += segment;
		used += width;
	}

	return kept + '…';
}

/** Cut or pad to exactly `columns` display columns. */
export function padToWidth(text: string, columns: number): string {
	const fitted = fitWidth(text, columns);
	return fitted + ' '.repeat(Math.max(0, columns - displayWidth(fitted)));
}

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
