import {Box} from 'ink';
import type {ReactNode} from 'react';
import StatusBar from './StatusBar.js';

/** What the status line says: hints or a message on the left, position and `? help` on the right. */
export type Status = {readonly left: string; readonly right: string; readonly isMessage?: boolean};

type Props = {
	readonly width: number;
	/** Rows of the frame: the terminal's rows minus one, so Ink never clears the whole screen. */
	readonly height: number;
	readonly status: Status;
	/** Flipped to have the whole frame drawn again (see StatusBar). */
	readonly isRedrawn: boolean;
	readonly children: ReactNode;
};

/** A screen: its body, then the status line at the bottom. */
export default function Frame({width, height, status, isRedrawn, children}: Props) {
	return (
		<Box flexDirection="column" width={width} height={height}>
			{/* No overflow="hidden": every child is already cut to the window, and a clip makes Ink slice every line of every frame. */}
			<Box flexDirection="column" flexGrow={1}>
				{children}
			</Box>
			<StatusBar left={status.left} right={status.right} width={width} isMessage={status.isMessage} isRedrawn={isRedrawn}/>
		</Box>
	);
}
