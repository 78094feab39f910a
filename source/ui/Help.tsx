import {Box, Text} from 'ink';
import {bindingsFor, contextTitle, formatKeys, type KeyContext} from '../core/reader/keymap.js';
import {displayWidth, fitWidth, padToWidth} from '../core/text/width.js';
import {positionLabel, visibleLines} from '../core/reader/viewport.js';

type Props = {
	readonly width: number;
	/** Rows the help may use. */
	readonly rows: number;
	/** First line shown, when the window is too short for the whole help; valid (the reducer clamps it). */
	readonly offset: number;
};

/** One context's bindings as lines: a title, then "keys  description" with the keys in a column. */
function sectionLines(context: KeyContext): string[] {
	const bindings = bindingsFor(context);
	const keysWidth = Math.max(...bindings.map(binding => displayWidth(formatKeys(binding))));
	return [
		contextTitle(context),
		...bindings.map(binding => `  ${padToWidth(formatKeys(binding), keysWidth)}  ${binding.description}`),
	];
}

/**
The help as lines, generated from the key map the input handler uses: the list keys on the left and the article and
global keys on the right when the window is wide enough, else one column.
*/
export function helpLines(width: number): string[] {
	const list = [...sectionLines('list'), '', ...sectionLines('filter'), '', ...sectionLines('confirm'), '', ...sectionLines('feeds')];
	const other = [...sectionLines('article'), '', ...sectionLines('links'), '', ...sectionLines('search'), '', ...sectionLines('global')];
	const leftWidth = Math.max(...list.map(line => displayWidth(line))) + 4;
	const rightWidth = Math.max(...other.map(line => displayWidth(line)));
	if (leftWidth + rightWidth > width) {
		return [...list, '', ...other];
	}

	const lines: string[] = [];
	for (let index = 0; index < Math.max(list.length, other.length); index++) {
		lines.push(padToWidth(list[index] ?? '', leftWidth) + (other[index] ?? ''));
	}

	return lines;
}

/** The status line under the help: how to scroll it when it is taller than its window. */
export function helpStatus(width: number, rows: number, offset: number): {left: string; right: string} {
	const count = helpOverlayLines(width).length;
	return count > rows
		? {left: '↑↓ Space scroll · any other key closes the help', right: positionLabel(offset, count, rows)}
		: {left: 'Any key closes the help', right: ''};
}

/** Every line of the help overlay at a width. */
export function helpOverlayLines(width: number): string[] {
	return ['Keys', '', ...helpLines(width)];
}

/** The help overlay: every key from the key map, scrolled by `offset` when the window is too short. */
export default function Help({width, rows, offset}: Props) {
	const all = helpOverlayLines(width);
	return (
		<Box flexDirection="column">
			{visibleLines(all, offset, rows).map((line, index) => (
				<Text key={offset + index} bold={offset + index === 0} wrap="truncate-end">{fitWidth(line, width) || ' '}</Text>
			))}
		</Box>
	);
}
