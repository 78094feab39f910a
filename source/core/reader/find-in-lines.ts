/**
Search inside a rendered article, as `/` does in less: every occurrence of the query in the lines as they are shown,
case and accents folded (`cafe` finds `Café`), and a way to highlight the occurrences in a styled line without
breaking its own escapes. Lines are what the renderer produced: text with inkwire's SGR and OSC 8 escapes.
*/

/** One occurrence: its line, and where it starts and ends in that line's visible text (UTF-16 indexes). */
export type LineMatch = {readonly line: number; readonly start: number; readonly end: number};

// eslint-disable-next-line no-control-regex
const ownEscape = /\u001B\[[\d;:]*m|\u001B\]8;[^\u0007\u001B]*(?:\u0007|\u001B\\)/g;
const combiningMark = /\p{Mn}/u;
// eslint-disable-next-line no-control-regex
const asciiOnly = /^[\u0000-\u007F]*$/;

/** The visible text of a rendered line: its escapes removed. */
export function visibleText(line: string): string {
	return line.includes('\u001B') ? line.replace(ownEscape, '') : line;
}

/**
`text` folded for matching (lower case, accents removed) and, for each folded code unit, the index in `text` of the
character it came from, plus one entry past the end.
*/
function fold(text: string): {folded: string; origin: number[] | undefined} {
	// Plain ASCII folds to its lower case, index for index: most news text, and no per-character work.
	if (asciiOnly.test(text)) {
		return {folded: text.toLowerCase(), origin: undefined};
	}

	let folded = '';
	const origin: number[] = [];
	let index = 0;
	for (const character of text) {
		for (const part of character.normalize('NFKD').toLowerCase()) {
			if (!combiningMark.test(part)) {
				folded += part;
				for (let unit = 0; unit < part.length; unit++) {
					origin.push(index);
				}
			}
		}

		index += character.length;
	}

	origin.push(text.length);
	return {folded, origin};
}

/** The query as it is matched: folded the same way as the lines, outer white space ignored. */
export function foldQuery(query: string): string {
	return fold(query.trim()).folded;
}

/** Every occurrence of `query` in `lines`, in reading order; none for an empty query. At most `limit` are returned. */
export function findInLines(lines: readonly string[], query: string, limit = 10_000): LineMatch[] {
	const needle = foldQuery(query);
	const matches: LineMatch[] = [];
	if (needle === '') {
		return matches;
	}

	for (const [line, styled] of lines.entries()) {
		const {folded, origin} = fold(visibleText(styled));
		let from = folded.indexOf(needle);
		while (from !== -1) {
			const start = origin ? origin[from]! : from;
			// A match can end inside a character that folds to several (a ligature): it then covers that character.
			const end = origin ? Math.max(origin[from + needle.length]!, start + 1) : from + needle.length;
			matches.push({line, start, end});
			if (matches.length >= limit) {
				return matches;
			}

			from = folded.indexOf(needle, from + needle.length);
		}
	}

	return matches;
}

/** How a range is shown: reverse video (a search in the pager), or underlined (the words a filter matched). */
export type HighlightStyle = 'reverse' | 'underline';

const highlightCodes: Readonly<Record<HighlightStyle, readonly [string, string]>> = {
	reverse: ['\u001B[7m', '\u001B[27m'],
	underline: ['\u001B[4m', '\u001B[24m'],
};

/**
`line` with the visible-text ranges `[start, end)` shown in reverse video. The line's own escapes are kept where they
were, so its colours and links survive; ranges are in visible-text indexes, sorted and not overlapping.
*/
export function highlightRanges(line: string, ranges: ReadonlyArray<{readonly start: number; readonly end: number}>, style: HighlightStyle = 'reverse'): string {
	if (ranges.length === 0) {
		return line;
	}

	const [startHighlight, endHighlight] = highlightCodes[style];
	let output = '';
	let visible = 0;
	let rangeIndex = 0;
	let isOpen = false;
	const pieces = line.split(/(\u001B\[[\d;:]*m|\u001B\]8;[^\u0007\u001B]*(?:\u0007|\u001B\\))/);
	for (const piece of pieces) {
		if (piece.startsWith('\u001B')) {
			output += piece;
			// A reset inside the highlight (the end of a style) would end the reverse video too: open it again.
			if (isOpen && (piece === '\u001B[0m' || piece === endHighlight)) {
				output += startHighlight;
			}

			continue;
		}

		for (let index = 0; index < piece.length; index++) {
			const range = ranges[rangeIndex];
			if (range && !isOpen && visible === range.start) {
				output += startHighlight;
				isOpen = true;
			}

			output += piece[index];
			visible++;
			if (range && isOpen && visible === range.end) {
				output += endHighlight;
				isOpen = false;
				rangeIndex++;
			}
		}
	}

	return isOpen ? output + endHighlight : output;
}
