import {Text} from 'ink';
import {statusLine} from '../core/reader/screen-text.js';

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
	const line = statusLine(left, right, width);
	return (
		<Text inverse bold={isMessage} wrap="truncate-end">
			{line}
		</Text>
	);
}
