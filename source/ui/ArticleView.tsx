import {Box, Text} from 'ink';
import {highlightRanges, type LineMatch} from '../core/reader/find-in-lines.js';
import {visibleLines} from '../core/reader/viewport.js';

type Props = {
	/** The whole article as rendered terminal lines. */
	readonly lines: readonly string[];
	/** First line in the window; valid for these lines and rows (the reducer clamps it). */
	readonly offset: number;
	/** Rows of the window. */
	readonly rows: number;
	/** Columns left blank before the text, to centre it in a wide window. */
	readonly margin: number;
	/** Matches of a search, shown in reverse video; in reading order. */
	readonly matches?: readonly LineMatch[];
	/** Words the list's filter matched, underlined; in reading order. */
	readonly filterMatches?: readonly LineMatch[];
};

/** The ranges of `matches` on `line`. */
function rangesOn(matches: readonly LineMatch[], line: number): LineMatch[] {
	return matches.filter(match => match.line === line);
}

/**
The pager window: only the visible slice of the article, one `<Text>` per line (STACK.md: a keypress costs a few
milliseconds this way, and over 100 ms with the whole article in one `<Text>`). Keys are line numbers, so scrolling
by a line re-uses every row but one.
*/
export default function ArticleView({lines, offset, rows, margin, matches = [], filterMatches = []}: Props) {
	const isInWindow = (match: LineMatch) => match.line >= offset && match.line < offset + rows;
	const shown = matches.filter(match => isInWindow(match));
	const underlined = shown.length > 0 ? [] : filterMatches.filter(match => isInWindow(match));
	const styled = (line: string, index: number) => {
		if (shown.length > 0) {
			return highlightRanges(line, rangesOn(shown, offset + index));
		}

		return underlined.length > 0 ? highlightRanges(line, rangesOn(underlined, offset + index), 'underline') : line;
	};

	return (
		<Box flexDirection="column" paddingLeft={margin}>
			{visibleLines(lines, offset, rows).map((line, index) => (
				// An empty <Text> has no height in Ink: a blank line would vanish and pull the rest up.
				<Text key={offset + index} wrap="truncate-end">{styled(line, index) || ' '}</Text>
			))}
		</Box>
	);
}
