/**
The feeds view, as newsboat opens on: each subscription with its unread count; Enter shows its articles, `F` goes
back to all articles, `R` fetches. From a feed's articles, `q` comes back here.
*/
import type {KeyAction} from './keymap.js';
import type {ReaderContext, ReaderState, Transition} from './state.js';
import {stay, withStatus} from './transitions.js';
import {scrollTarget} from './viewport.js';

/** `F` from the list: the feeds view (the subscriptions are loaded by the UI). */
export function showFeeds(state: ReaderState): Transition {
	return {state: {...state, screen: 'feeds', overlay: 'none'}, effects: [{type: 'load-feeds'}]};
}

/** `R`: fetch every subscription in the background, unless a fetch is running already. */
export function startFetch(state: ReaderState): Transition {
	return state.isFetching
		? withStatus(state, 'A fetch is running already')
		: {state: {...state, isFetching: true, status: 'Fetching the feeds…'}, effects: [{type: 'fetch-feeds'}]};
}

/** All the articles again, leaving the feeds view or a feed's articles. */
function showAllArticles(state: ReaderState): ReaderState {
	return {...state, screen: 'list', feedFolder: undefined, cursor: 0, listTop: 0, listGeneration: state.listGeneration + 1};
}

export function reduceFeedsAction(state: ReaderState, action: KeyAction, context: ReaderContext): Transition {
	const target = scrollTarget(action, state.feedCursor, context.listRows, context.feeds.length);
	if (target !== undefined) {
		return stay({...state, feedCursor: Math.max(0, Math.min(target, context.feeds.length - 1))});
	}

	switch (action) {
		case 'open': {
			const feed = context.feeds[state.feedCursor];
			return feed
				? stay({...state, screen: 'list', feedFolder: feed.folder, cursor: 0, listTop: 0, listGeneration: state.listGeneration + 1})
				: withStatus(state, 'No feeds yet: inkwire add URL subscribes to one');
		}

		case 'show-feeds': {
			return stay(showAllArticles(state));
		}

		case 'fetch': {
			return startFetch(state);
		}

		case 'quit': {
			return {state: {...state, isDone: true}, effects: [{type: 'quit'}]};
		}

		default: {
			return stay(state);
		}
	}
}

/** `q` on a feed's articles goes back to the feeds view, as in newsboat; on all articles it quits. */
export function quitList(state: ReaderState): Transition {
	if (state.feedFolder !== undefined) {
		return showFeeds({...state, feedFolder: undefined, listGeneration: state.listGeneration + 1});
	}

	return {state: {...state, isDone: true}, effects: [{type: 'quit'}]};
}
