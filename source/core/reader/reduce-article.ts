/** What a key means in the article pager. */
import {isOpenableUrl} from '../text/url.js';
import {keyFor, type KeyAction} from './keymap.js';
import {showLinks} from './reduce-links.js';
import {showMatch} from './reduce-prompts.js';
import type {ReaderContext, ReaderState, Transition} from './state.js';
import {leaveArticle, moveCursor, openAt, starToggled, stay, withStatus} from './transitions.js';
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

/** What leaving an article resets. */
const closedArticle = {screen: 'list', articleId: undefined, offset: 0, search: '', matchIndex: -1, searchInput: undefined} as const;

/** `n` and `N`: the next or previous match of the search, wrapping around the article with a word about it, as vim does. */
function stepMatch(state: ReaderState, step: 1 | -1, context: ReaderContext): Transition {
	if (state.search === '') {
		return withStatus(state, `No search: press ${keyFor('article', 'search')} to search this article`);
	}

	const matches = context.findMatches(state.search);
	if (matches.length === 0) {
		return withStatus(state, `Not found: ${state.search}`);
	}

	const next = state.matchIndex + step;
	const wrapped = next < 0 || next >= matches.length;
	const index = (next + matches.length) % matches.length;
	const moved = showMatch(state, index, matches, context);
	return wrapped ? withStatus(moved, step === 1 ? 'Search hit the end, continuing at the top' : 'Search hit the top, continuing at the end') : stay(moved);
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

		case 'search': {
			return stay({...state, searchInput: ''});
		}

		case 'show-links': {
			return showLinks(state, context);
		}

		case 'next-match':
		case 'previous-match': {
			return stepMatch(state, action === 'next-match' ? 1 : -1, context);
		}

		case 'toggle-read': {
			const id = state.articleId;
			if (id === undefined) {
				return stay(state);
			}

			const read = !context.isRead(id);
			return {state: {...state, status: read ? 'Marked read' : 'Marked unread: it stays unread when you leave it'}, effects: [{type: 'set-read', ids: [id], read}]};
		}

		case 'toggle-star': {
			const id = state.articleId;
			if (id === undefined) {
				return stay(state);
			}

			const starred = !context.isStarred(id);
			return starToggled(state, id, starred);
		}

		case 'back': {
			const moved = moveCursor(state, index === -1 ? state.cursor : index, context);
			return {state: {...moved, ...closedArticle}, effects: [...leaveArticle(state, context), {type: 'refresh-read-state'}]};
		}

		default: {
			return stay(state);
		}
	}
}
