/**
The snippet of a search result: one line of the article's text around its first match, cleaned for the terminal.
*/
import {sanitizeLine} from '../text/sanitize.js';
import {findMatchesInLine} from './highlight.js';
import type {SearchQuery} from './query.js';

/** A snippet and where the query matches in it. */
export type Snippet = {
	readonly text: string;
	/** [start, end) in `text`, in UTF-16 code units. */
	readonly matches: ReadonlyArray<readonly [number, number]>;
};

/** The text is searched this far: enough for any article's lead, bounded for a 5 MB one. */
const maxScannedLength = 200_000;

/**
Markdown as plain running text: headings, quotes, list markers, emphasis, code fences, HTML tags and link targets go;
link texts and image descriptions stay. Each expression is linear (no nested quantifiers over the same characters).
*/
export function plainTextOfMarkdown(markdown: string): string {
	return markdown
		.slice(0, maxScannedLength)
		.replaceAll(/^ {0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+|(?:`{3,}|~{3,})[^\n]*$)/gm, '')
		.replaceAll(/!?\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)/g, '$1')
		.replaceAll(/<\/?[a-zA-Z][^>\n]{0,500}>/g, '')
		.replaceAll(/[*_~`|]+/g, '')
		.replaceAll(/\\([!-/:-@[-`{-~])/g, '$1');
}

/**
A snippet of about `width` characters around the first match of `query` in `text` (Markdown), starting at a word and
marked with `…` where cut. Without a match in the text (the query matched the title, say), its beginning.
*/
export function makeSnippet(text: string, query: SearchQuery, width = 160): Snippet {
	const plain = sanitizeLine(plainTextOfMarkdown(text));
	const all = findMatchesInLine(plain, query);
	const first = all[0];
	let start = 0;
	if (first && first[1] > width * 0.7) {
		// The match a third of the way in, the cut moved forward to the start of a word.
		start = Math.max(0, first[0] - Math.floor(width / 3));
		const space = plain.indexOf(' ', start);
		if (space !== -1 && space < first[0]) {
			start = space + 1;
		}
	}

	let end = Math.min(plain.length, start + width);
	if (end < plain.length) {
		const space = plain.lastIndexOf(' ', end);
		if (space > start + (width / 2) && (!first || space >= first[1])) {
			end = space;
		}
	}

	// Never cut a surrogate pair in two.
	start = avoidLowSurrogate(plain, start);
	end = avoidLowSurrogate(plain, end);
	const prefix = start > 0 ? '…' : '';
	const suffix = end < plain.length ? '…' : '';
	const matches = all
		.filter(([matchStart, matchEnd]) => matchStart >= start && matchEnd <= end)
		.map(([matchStart, matchEnd]) => [matchStart - start + prefix.length, matchEnd - start + prefix.length] as const);
	return {text: `${prefix}${plain.slice(start, end).trimEnd()}${suffix}`, matches};
}

function avoidLowSurrogate(text: string, index: number): number {
	const code = text.charCodeAt(index);
	return code >= 0xDC_00 && code <= 0xDF_FF ? index + 1 : index;
}
