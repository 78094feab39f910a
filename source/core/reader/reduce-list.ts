/** What a key means on the list screen. */
import type {KeyAction} from './keymap.js';
import type {ReaderContext, ReaderState, Transition} from './state.js';
import {quitList, showFeeds, startFetch} from './reduce-feeds.js';
import {moveCursor, openAt, starToggled, stay, withStatus} from './transitions.js';
import {scrollTarget} from './viewport.js';

export function reduceListAction(state: ReaderState, action: KeyAction, context: ReaderContext): Transition {
	const target = scrollTarget(action, state.cursor, context.listRows, context.articles.length);
	if (target !== undefined) {
		return stay(moveCursor(state, target, context));
	}

	const article = context.articles[state.cursor];
	switch (action) {
		case 'open': {
			return openAt(state, state.cursor, context);
		}

		case 'toggle-read': {
			return article
				? {state, effects: [{type: 'set-read', ids: [article.id], read: !context.isRead(article.id)}]}
				: withStatus(state, 'No article here');
		}

		case 'toggle-unread-only': {
			return stay({...state, unreadOnly: !state.unreadOnly, listGeneration: state.listGeneration + 1});
		}

		case 'toggle-star': {
			return article
				? starToggled(state, article.id, !context.isStarred(article.id), ': S shows only starred articles')
				: withStatus(state, 'No article here');
		}

		case 'toggle-starred-only': {
			return stay({...state, starredOnly: !state.starredOnly, listGeneration: state.listGeneration + 1});
		}

		case 'mark-all-read': {
			if (context.articles.length === 0) {
				return withStatus(state, 'No articles to mark');
			}

			return context.articles.every(shown => context.isRead(shown.id))
				? withStatus(state, 'All shown articles are read already')
				: stay({...state, overlay: 'confirm-mark-all'});
		}

		case 'filter': {
			return {state: {...state, isTypingFilter: true}, effects: [{type: 'start-search'}]};
		}

		case 'quit': {
			return quitList(state);
		}

		case 'show-feeds': {
			return showFeeds(state);
		}

		case 'fetch': {
			return startFetch(state);
		}

		default: {
			return stay(state);
		}
	}
}
