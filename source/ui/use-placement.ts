import {useRef} from 'react';
import type {ReaderState} from '../core/reader/state.js';
import {maxOffset} from '../core/reader/viewport.js';
import type {ShownDocument} from './use-article-lines.js';
import type {Dispatch} from './use-reader-store.js';

/**
Keeps the reader's positions right when the world changes under them rather than by a key: a new window size, an
article's lines arriving from the render worker, the lines at a new width after a resize. Each is dispatched while
App renders (App's own state), so React renders again before anything is drawn: no frame shows a position that the
new window or lines make wrong.
*/
export function usePlacement(state: ReaderState, document: ShownDocument | undefined, dispatch: Dispatch, windows: {readonly listRows: number; readonly pageRows: number}): void {
	const {listRows, pageRows} = windows;
	// A new window size: the reducer clamps every position to the new windows, before anything is drawn.
	const layout = useRef({listRows, pageRows});
	if (layout.current.listRows !== listRows || layout.current.pageRows !== pageRows) {
		const wasAtEnd = document !== undefined && state.offset > 0 && state.offset >= maxOffset(document.lines.length, layout.current.pageRows);
		layout.current = {listRows, pageRows};
		dispatch({type: 'resize', wasAtEnd});
	}

	// The open article's remembered place. When its lines were there as it opened (rendered already), the store found
	// the place in the same dispatch, and keys typed with Enter count from it: placing it again here would undo them.
	// When they come later from the render worker, the place is found here as they arrive. An article open from the
	// first render on (the first screen handed it over) is placed here too.
	const placed = useRef<{articleId: string | undefined; isWaiting: boolean; isFirstRender: boolean}>({articleId: undefined, isWaiting: false, isFirstRender: true});
	const placement = placed.current;
	if (!document) {
		placement.articleId = undefined;
		placement.isWaiting = false;
	} else if (placement.articleId !== state.articleId) {
		placement.articleId = state.articleId;
		placement.isWaiting = document.isPending;
		if (!document.isPending && placement.isFirstRender) {
			dispatch({type: 'article-opened'});
		}
	} else if (placement.isWaiting && !document.isPending) {
		placement.isWaiting = false;
		dispatch({type: 'article-opened'});
	}

	placement.isFirstRender = false;

	// A resize re-wraps the article: when the lines at the new width arrive, keep the reader at the same fraction of it.
	// Dispatched while App renders (its own state), so React renders again before anything is drawn: no frame shows the
	// new lines at the old place.
	const wrapped = useRef<{articleId: string | undefined; width: number | undefined; lineCount: number}>({articleId: undefined, width: undefined, lineCount: 0});
	if (document?.width !== undefined) {
		const before = wrapped.current;
		wrapped.current = {articleId: state.articleId, width: document.width, lineCount: document.lines.length};
		if (before.articleId === state.articleId && before.width !== undefined && before.width !== document.width) {
			dispatch({type: 'relayout', oldLineCount: before.lineCount, newLineCount: document.lines.length});
		}
	}
}
