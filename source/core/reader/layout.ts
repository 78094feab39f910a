/**
How the reader divides the terminal, in one place for the first screen (painted before Ink loads) and the Ink app, so
that both draw the list window at the same rows and the reducer sees the same windows on either.
*/

/** Article text is at most 100 columns wide, with a column of margin, and centred in wider windows. */
const maximumTextWidth = 100;

export type ReaderLayout = {
	/** Rows of the frame: one less than the terminal, or Ink clears the whole screen on every frame. */
	readonly frameHeight: number;
	/** Rows of the list window, between the header and the status line. */
	readonly listRows: number;
	/** Rows of the article pager, above the status line. */
	readonly pageRows: number;
	/** Columns article text is rendered for. */
	readonly textWidth: number;
	/** Blank columns before the article text, to centre it. */
	readonly margin: number;
};

/** The layout for a terminal `width` columns by `height` rows. */
export function readerLayout(width: number, height: number): ReaderLayout {
	const frameHeight = Math.max(2, height - 1);
	const textWidth = Math.max(1, Math.min(maximumTextWidth, width - 2));
	return {
		frameHeight,
		listRows: Math.max(1, frameHeight - 2),
		pageRows: Math.max(1, frameHeight - 1),
		textWidth,
		margin: Math.max(0, Math.floor((width - textWidth) / 2)),
	};
}
