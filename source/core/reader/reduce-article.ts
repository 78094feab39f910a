/** What a key means in the article pager. */
import {isOpenableUrl} from '../text/url.js';
import type {KeyAction} from './keymap.js';
import type {ReaderContext, ReaderState, Transition} from './state.js';
import {moveCursor, openAt, stay, withStatus} from './transitions.js';
import {clampOffset, scrollTarget} from './viewport.js';

/** The index of the open article in the shown list (normally the cursor). */
function openIndex(state: ReaderState, context: ReaderContext): number {
	if (context.articles[state.cursor]?.id === state.articleId) {
		return state.cursor;
	}

	return context.articles.findIndex(article => article.id === state.articleId);
}

/** The next unread article after `from`, wrapping around to the top of the list. */
function findNextUnread(from: number, context: ReaderContext): number | undefined {
	const count = context.articles.length;
	for (let step = 1; step < count; step++) {
		const index = (from + step + count) % count;
		const article = context.articles[index];
		if (article && !context.isRead(article.id)) {
			return index;
		}
	}

	return undefined;
}

export function reduceArticleAction(state: ReaderState, action: KeyAction, context: ReaderContext): Transition {
	const target = scrollTarget(action, state.offset, context.pageRows, context.lineCount);
	if (target !== undefined) {
		return stay({...state, offset: clampOffset(target, context.lineCount, context.pageRows)});
	}

	const index = openIndex(state, context);
	switch (action) {
		case 'next-article': {
			return index + 1 < context.articles.length ? openAt(state, index + 1, context) : withStatus(state, 'This is the last article');
		}

		case 'previous-article': {
			return index > 0 ? openAt(state, index - 1, context) : withStatus(state, 'This is the first article');
		}

		case 'next-unread': {
			const next = findNextUnread(index, context);
			return next === undefined ? withStatus(state, 'No more unread articles') : openAt(state, next, context);
		}

		case 'open-url': {
			const url = context.articles[index]?.url;
			if (!url) {
				return withStatus(state, 'This article has no URL');
			}

			return isOpenableUrl(url)
				? {state: {...state, status: 'Opening the article in the browser…'}, effects: [{type: 'open-url', url}]}
				: withStatus(state, 'Only http, https and mailto links are opened');
		}

		case 'back': {
			const moved = moveCursor(state, index === -1 ? state.cursor : index, context);
			return {state: {...moved, screen: 'list', articleId: undefined, offset: 0}, effects: [{type: 'refresh-read-state'}]};
		}

		default: {
			return stay(state);
		}
	}
}
