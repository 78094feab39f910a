/**
Scroll maths for a pager over pre-rendered lines, after glow's pager and the bubbles viewport: a document is
`lineCount` lines, the window shows `height` of them from `offset`, and the offset always stays in
`[0, lineCount - height]` so the last page is full and never scrolls past the end.
*/

/** The largest offset: the one that shows the last line at the bottom of the window. */
export function maxOffset(lineCount: number, height: number): number {
	return Math.max(0, lineCount - Math.max(1, height));
}

/** Keep an offset inside `[0, maxOffset]`; non-finite offsets become 0. */
export function clampOffset(offset: number, lineCount: number, height: number): number {
	if (!Number.isFinite(offset)) {
		return 0;
	}

	return Math.min(Math.max(0, Math.trunc(offset)), maxOffset(lineCount, height));
}

/** How far a page moves: the window's height, at least one line. */
export function pageSize(height: number): number {
	return Math.max(1, height);
}

/** How far half a page moves: half the window, rounded up, at least one line. */
export function halfPageSize(height: number): number {
	return Math.max(1, Math.ceil(height / 2));
}

/** How far through the document the window is, 0-100; a document that fits the window is 100%. */
export function percent(offset: number, lineCount: number, height: number): number {
	const last = maxOffset(lineCount, height);
	if (last === 0) {
		return 100;
	}

	return Math.round((clampOffset(offset, lineCount, height) / last) * 100);
}

/** The 1-based first and last line numbers on screen; both 0 for an empty document. */
export function visibleRange(offset: number, lineCount: number, height: number): {first: number; last: number} {
	if (lineCount <= 0) {
		return {first: 0, last: 0};
	}

	const start = clampOffset(offset, lineCount, height);
	return {first: start + 1, last: Math.min(lineCount, start + Math.max(1, height))};
}

/** "lines 10-38 of 212" */
export function positionLabel(offset: number, lineCount: number, height: number): string {
	const {first, last} = visibleRange(offset, lineCount, height);
	return `lines ${first}-${last} of ${lineCount}`;
}

/** The lines in the window from a valid `offset`: never more than `height`, and only those (the pager renders nothing else). */
export function visibleLines<T>(lines: readonly T[], offset: number, height: number): T[] {
	return lines.slice(offset, offset + Math.max(1, height));
}

/**
Where to stand after the document was re-wrapped from `oldCount` to `newCount` lines (a resize): at the same
fraction of the document, so the paragraph being read stays in view. The top stays the top, and the end stays the
end (a reader who got to the end and resized has still read it all).
*/
export function proportionalOffset(offset: number, oldCount: number, newCount: number, height: number): number {
	if (offset <= 0 || oldCount <= 0) {
		return 0;
	}

	if (offset >= maxOffset(oldCount, height)) {
		return maxOffset(newCount, height);
	}

	return clampOffset(Math.round((offset / oldCount) * newCount), newCount, height);
}

/**
The first row of a list window of `rows` rows that shows `cursor`, moving as little as possible from `top` (like
less: the window scrolls only when the cursor would leave it) and never leaving empty rows below the last article.
*/
export function listWindowTop(top: number, cursor: number, rows: number, count: number): number {
	const height = Math.max(1, rows);
	let next = top;
	if (cursor < next) {
		next = cursor;
	}

	if (cursor >= next + height) {
		next = cursor - height + 1;
	}

	return Math.max(0, Math.min(next, count - height));
}

/** The scroll actions of the key map: where each goes from `from` in a window of `page` rows over `count` lines. */
export type ScrollAction = 'up' | 'down' | 'page-up' | 'page-down' | 'half-page-up' | 'half-page-down' | 'top' | 'bottom';

const scrollTargets: Readonly<Record<ScrollAction, (from: number, page: number, count: number) => number>> = {
	up: from => from - 1,
	down: from => from + 1,
	'page-up': (from, page) => from - pageSize(page),
	'page-down': (from, page) => from + pageSize(page),
	'half-page-up': (from, page) => from - halfPageSize(page),
	'half-page-down': (from, page) => from + halfPageSize(page),
	top: () => 0,
	bottom: (_from, _page, count) => count,
};

/** Where a scroll action goes, before clamping; undefined for an action that does not scroll. */
export function scrollTarget(action: string, from: number, page: number, count: number): number | undefined {
	return Object.hasOwn(scrollTargets, action) ? scrollTargets[action as ScrollAction](from, page, count) : undefined;
}
