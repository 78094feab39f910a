import {Text} from 'ink';
import stringWidth from 'string-width';
import {fitWidth, padToWidth} from '../core/list-row.js';

type Props = {
	/** Key hints, a message or a question; cut first when the line is too narrow. */
	readonly left: string;
	/** Position and `? help`; kept whole while there is room. */
	readonly right: string;
	/** Columns of the terminal. */
	readonly width: number;
	/** A message or question rather than hints: shown bold. */
	readonly isMessage?: boolean;
};

/** One line at the bottom of the screen: hints or a message on the left, position and `? help` on the right. */
export default function StatusBar({left, right, width, isMessage = false}: Props) {
	const rightWidth = Math.min(stringWidth(right), width);
	const leftWidth = Math.max(0, width - rightWidth - 1);
	const line = leftWidth > 0 ? `${padToWidth(left, leftWidth)} ${fitWidth(right, rightWidth)}` : fitWidth(right, width);
	return (
		<Text inverse bold={isMessage} wrap="truncate-end">
			{line}
		</Text>
	);
}
