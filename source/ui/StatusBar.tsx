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
	/**
	Flipped to make the frame differ from the last one drawn, so that Ink draws all of it again (after Ctrl-Z and fg,
	or a terminal browser, the screen is blank but Ink skips a frame equal to its last). Its last space is then a
	no-break space: the same blank cell on the screen.
	*/
	readonly isRedrawn?: boolean;
};

/** One line at the bottom of the screen: hints or a message on the left, position and `? help` on the right. */
export default function StatusBar({left, right, width, isMessage = false, isRedrawn = false}: Props) {
	const plain = statusLine(left, right, width);
	const gap = isRedrawn ? plain.lastIndexOf(' ') : -1;
	const line = gap === -1 ? plain : `${plain.slice(0, gap)}\u00A0${plain.slice(gap + 1)}`;
	return (
		<Text inverse bold={isMessage} wrap="truncate-end">
			{line}
		</Text>
	);
}
