/**
Small steps the screen reducers share: keep the state, say something in the status line, move the list cursor, open
an article.
*/
import type {Effect, ReaderContext, ReaderState, Transition} from './state.js';
import {listWindowTop, maxOffset} from './viewport.js';

export function stay(state: ReaderState): Transition {
	return {state, effects: []};
}

export function withStatus(state: ReaderState, status: string): Transition {
	return {state: {...state, status}, effects: []};
}

/**
Star or unstar an article, and say so: the reducer owns the status line. From the list, where `S` shows the starred
ones, the message says that too.
*/
export function starToggled(state: ReaderState, id: string, starred: boolean, hint = ''): Transition {
	return {state: {...state, status: starred ? `Starred${hint}` : 'No longer starred'}, effects: [{type: 'set-starred', ids: [id], starred}]};
}

/** Highlight row `index` (clamped) and scroll the window to show it. */
export function moveCursor(state: ReaderState, index: number, context: ReaderContext): ReaderState {
	const count = context.articles.length;
	const cursor = Math.max(0, Math.min(index, count - 1));
	return {...state, cursor, listTop: listWindowTop(state.listTop, cursor, context.listRows, count)};
}

/**
Where the reader is in the open article, to remember on leaving it: a fraction of the way to its last page, or
undefined (forget it) at the top or at the end (finished).
*/
export function readingPosition(state: ReaderState, context: ReaderContext): number | undefined {
	const last = maxOffset(context.lineCount, context.pageRows);
	return state.offset <= 0 || state.offset >= last ? undefined : state.offset / last;
}

/** The effect that remembers the place in the open article as the reader leaves it; none when no article is open. */
export function leaveArticle(state: ReaderState, context: ReaderContext): Effect[] {
	// No lines yet (the article is still rendering): nothing is known of the place, and the remembered one stays.
	if (state.screen !== 'article' || state.articleId === undefined || context.lineCount === 0) {
		return [];
	}

	const fraction = readingPosition(state, context);
	// Nothing to forget for an article that was never started.
	return fraction === undefined && context.positionOf(state.articleId) === undefined ? [] : [{type: 'set-position', id: state.articleId, fraction}];
}

/** Open the article at `index`, marking it read at once (and remembering the place in the one being left). */
export function openAt(state: ReaderState, index: number, context: ReaderContext): Transition {
	const article = context.articles[index];
	if (!article) {
		return withStatus(state, 'No article to open');
	}

	const moved = moveCursor(state, index, context);
	return {
		state: {...moved, screen: 'article', overlay: 'none', articleId: article.id, offset: 0, search: '', matchIndex: -1, searchInput: undefined},
		effects: [...leaveArticle(state, context), ...(context.isRead(article.id) ? [] : [{type: 'set-read', ids: [article.id], read: true} as const])],
	};
}
