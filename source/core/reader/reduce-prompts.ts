/**
Keys while something else has the keyboard: the filter or the search being typed, the y/n question of "mark all
read", and the help overlay. Their keys come from the key map too (contexts `filter`, `search`, `confirm`; the help
scrolls with the article's keys), so the help and the README show them.
*/
import type {LineMatch} from './find-in-lines.js';
import {findAction, type KeyAction, type KeyName} from './keymap.js';
import type {ReaderContext, ReaderState, Transition} from './state.js';
import {stay, withStatus} from './transitions.js';
import {clampOffset, scrollTarget} from './viewport.js';

const maximumTextLength = 200;

/** What a key does to a line of typed text: undefined for a named key that is not text (arrows, Tab…). */
function editText(text: string, key: KeyName, action: KeyAction | undefined): string | undefined {
	if (action === 'delete-character') {
		return [...text].slice(0, -1).join('');
	}

	// A typed character is a single code point, Space included.
	const character = key === 'space' ? ' ' : key;
	return [...character].length === 1 ? (text + character).slice(0, maximumTextLength) : undefined;
}

/** A key while `/` collects filter text: bound keys edit, any other printable character is typed. */
export function reduceFilterKey(state: ReaderState, key: KeyName): Transition {
	const action = findAction('filter', key);
	switch (action) {
		case 'accept-filter': {
			return stay({...state, isTypingFilter: false});
		}

		case 'clear-filter': {
			return stay({...state, isTypingFilter: false, filter: ''});
		}

		default: {
			const filter = editText(state.filter, key, action);
			return stay(filter === undefined ? state : {...state, filter});
		}
	}
}

/** A key while `/` collects a search in the pager: Enter searches, Esc gives up, other keys edit the text. */
export function reduceSearchKey(state: ReaderState, key: KeyName, context: ReaderContext): Transition {
	const input = state.searchInput ?? '';
	const action = findAction('search', key);
	switch (action) {
		case 'accept-search': {
			const closed = {...state, searchInput: undefined};
			return input.trim() === '' ? stay({...closed, search: '', matchIndex: -1}) : startSearch(closed, input, context);
		}

		case 'cancel-search': {
			return stay({...state, searchInput: undefined});
		}

		default: {
			const searchInput = editText(input, key, action);
			return stay(searchInput === undefined ? state : {...state, searchInput});
		}
	}
}

/** Search the open article for `query` and go to the first match at or below the top of the window, as less does. */
function startSearch(state: ReaderState, query: string, context: ReaderContext): Transition {
	const matches = context.findMatches(query);
	if (matches.length === 0) {
		return withStatus({...state, search: '', matchIndex: -1}, `Not found: ${query}`);
	}

	const index = matches.findIndex(match => match.line >= state.offset);
	return stay(showMatch({...state, search: query}, index === -1 ? 0 : index, matches, context));
}

/** Make match `index` the current one and scroll it into the window (a few lines below the top when it was not in it). */
export function showMatch(state: ReaderState, index: number, matches: readonly LineMatch[], context: ReaderContext): ReaderState {
	const line = matches[index]?.line ?? 0;
	const isVisible = line >= state.offset && line < state.offset + context.pageRows;
	const offset = isVisible ? state.offset : clampOffset(line - 2, context.lineCount, context.pageRows);
	return {...state, matchIndex: index, offset};
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
