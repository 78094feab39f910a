/**
Small steps the screen reducers share: keep the state, say something in the status line, move the list cursor, open
an article.
*/
import type {ReaderContext, ReaderState, Transition} from './state.js';
import {listWindowTop} from './viewport.js';

export function stay(state: ReaderState): Transition {
	return {state, effects: []};
}

export function withStatus(state: ReaderState, status: string): Transition {
	return {state: {...state, status}, effects: []};
}

/** Highlight row `index` (clamped) and scroll the window to show it. */
export function moveCursor(state: ReaderState, index: number, context: ReaderContext): ReaderState {
	const count = context.articles.length;
	const cursor = Math.max(0, Math.min(index, count - 1));
	return {...state, cursor, listTop: listWindowTop(state.listTop, cursor, context.listRows, count)};
}

/** Open the article at `index`, marking it read at once. */
export function openAt(state: ReaderState, index: number, context: ReaderContext): Transition {
	const article = context.articles[index];
	if (!article) {
		return withStatus(state, 'No article to open');
	}

	const moved = moveCursor(state, index, context);
	return {
		state: {...moved, screen: 'article', overlay: 'none', articleId: article.id, offset: 0, search: '', matchIndex: -1, searchInput: undefined},
		effects: context.isRead(article.id) ? [] : [{type: 'set-read', ids: [article.id], read: true}],
	};
}
