/**
Keys while something else has the keyboard: the filter being typed, the y/n question of "mark all read", and the
help overlay. Their keys come from the key map too (contexts `filter`, `confirm`; the help scrolls with the article's
keys), so the help and the README show them.
*/
import {findAction, type KeyName} from './keymap.js';
import type {ReaderContext, ReaderState, Transition} from './state.js';
import {stay, withStatus} from './transitions.js';
import {clampOffset, scrollTarget} from './viewport.js';

const maximumFilterLength = 200;

/** A key while `/` collects filter text: bound keys edit, any other printable character is typed. */
export function reduceFilterKey(state: ReaderState, key: KeyName): Transition {
	switch (findAction('filter', key)) {
		case 'accept-filter': {
			return stay({...state, isTypingFilter: false});
		}

		case 'clear-filter': {
			return stay({...state, isTypingFilter: false, filter: ''});
		}

		case 'delete-character': {
			return stay({...state, filter: [...state.filter].slice(0, -1).join('')});
		}

		default: {
			// A named key (arrows, Tab…) is a word; a typed character is a single code point, Space included.
			const character = key === 'space' ? ' ' : key;
			if ([...character].length !== 1) {
				return stay(state);
			}

			return stay({...state, filter: (state.filter + character).slice(0, maximumFilterLength)});
		}
	}
}

/** Keys over the help: the article's scroll keys scroll it when it is taller than the window; any other key closes it. */
export function reduceHelpKey(state: ReaderState, key: KeyName, context: ReaderContext): Transition {
	const action = findAction('article', key);
	const target = action === undefined || context.helpLineCount <= context.pageRows
		? undefined
		: scrollTarget(action, state.helpOffset, context.pageRows, context.helpLineCount);
	if (target === undefined) {
		return stay({...state, overlay: 'none'});
	}

	return stay({...state, helpOffset: clampOffset(target, context.helpLineCount, context.pageRows)});
}

/** The answer to "Mark N shown articles read? y/n": the confirm key marks them, any other key does not. */
export function reduceConfirmKey(state: ReaderState, key: KeyName, context: ReaderContext): Transition {
	const closed = {...state, overlay: 'none' as const};
	if (findAction('confirm', key) !== 'confirm') {
		return withStatus(closed, 'Nothing marked');
	}

	const ids = context.articles.filter(article => !context.isRead(article.id)).map(article => article.id);
	const noun = ids.length === 1 ? 'article' : 'articles';
	return {state: {...closed, status: `Marked ${ids.length} ${noun} read`}, effects: [{type: 'set-read', ids, read: true}]};
}
