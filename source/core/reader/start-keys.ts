/**
Keys pressed on the first screen, before Ink has loaded: the reader's own reducer run over the part of the list the
first screen knows (the head of the index), so a key means the same there as later. What the first screen can show
(the highlight moving inside the known rows) it shows; what it cannot (help, filter, a row beyond the known ones, any
key after an article was opened) waits in a queue, and the reader replays it through the reducer when it takes over
from exactly the state left here. Ctrl-C and q are answered at once.
*/
import type {ArticleMeta} from '../article/article.js';
import type {ReadLookup} from '../store/library.js';
import {findAction, type KeyName} from './keymap.js';
import {createInitialState, reduce, type Effect, type ReaderContext, type ReaderState} from './state.js';

/** What the first screen knows of the list: its first rows, in the order shown. */
export type StartList = {
	readonly articles: readonly ArticleMeta[];
	/** How many articles the whole list has; undefined when the head cannot tell (unread only, not all of it read in). */
	readonly total: number | undefined;
};

/** The first screen's state, and what the reader must do when it takes over. */
export type StartKeys = {
	readonly state: ReaderState;
	/** Work of keys handled here that waits for the reader: the read mark of an article opened on the first screen. */
	readonly effects: readonly Effect[];
	/** Keys the first screen did not handle, in order: the reader replays them. */
	readonly queued: readonly KeyName[];
	/** How many keys were dropped after the queue was full. */
	readonly dropped: number;
};

/** What the reader takes over from the first screen. */
export type StartHandover = StartKeys & {
	/** The article highlighted on the first screen, to find again in the list the scan made. */
	readonly highlightedId: string | undefined;
};

/** What a key did on the first screen. */
export type StartOutcome =
	/** The state changed and the first screen can show it (the highlight moved). */
	| 'moved'
	/** Nothing to show (a key at the end of the list, a key the list does not use). */
	| 'unchanged'
	/** An article was opened: the first screen shows its title and waits for the reader. */
	| 'opened'
	/** Kept for the reader. */
	| 'queued'
	/** q: quit now, with exit code 0. */
	| 'quit'
	/** Ctrl-C: quit now, with exit code 130. */
	| 'force-quit';

/** Enough for any burst of typing; more keys than this before the reader is up are dropped. */
export const maximumQueuedKeys = 1000;

export function createStartKeys(options: {readonly unreadOnly?: boolean} = {}): StartKeys {
	return {state: createInitialState({unreadOnly: options.unreadOnly}), effects: [], queued: [], dropped: 0};
}

/**
The reducer's view of the first screen. The list has its real length where it is known, so that G and the window
behave as on the whole list; rows past the known ones are holes, and a state that would show one is not shown here.
When the length is unknown, one hole stands for the rest.
*/
export function startContext(list: StartList | undefined, windows: {readonly listRows: number; readonly pageRows: number}, reads: ReadLookup | undefined): ReaderContext {
	let articles: readonly ArticleMeta[] = list?.articles ?? [];
	// The whole list (after the scan) is used as it is: copying 100,000 rows would cost a keypress's worth of time.
	if (list && list.total !== articles.length) {
		const withHoles: Array<ArticleMeta | undefined> = [...articles];
		withHoles.length = Math.max(articles.length, list.total ?? articles.length + 1);
		articles = withHoles as ArticleMeta[];
	}

	return {
		articles,
		listRows: windows.listRows,
		pageRows: windows.pageRows,
		lineCount: 0,
		helpLineCount: 0,
		isRead: id => reads?.isRead(id) ?? false,
		isStarred: id => reads?.isSaved?.(id) ?? false,
		positionOf: id => reads?.position?.(id),
		feeds: [],
		links: [],
		findMatches: () => [],
	};
}

/** Whether the first screen can draw `after`: the list, nothing over it, every row of its window known. */
function isShowable(before: ReaderState, after: ReaderState, context: ReaderContext, known: number): boolean {
	const lastRow = Math.min(after.listTop + context.listRows, context.articles.length);
	return after.screen === 'list' && after.overlay === 'none' && !after.isTypingFilter && after.filter === before.filter
		&& after.unreadOnly === before.unreadOnly && after.listGeneration === before.listGeneration && lastRow <= known;
}

/** One key on the first screen. `known` is how many rows of `context.articles` are real (0 when no list is shown). */
export function pressStartKey(start: StartKeys, key: KeyName, context: ReaderContext, known: number): {start: StartKeys; outcome: StartOutcome} {
	if (findAction('global', key) === 'force-quit') {
		return {start, outcome: 'force-quit'};
	}

	const queue = (): {start: StartKeys; outcome: StartOutcome} => (start.queued.length >= maximumQueuedKeys
		? {start: {...start, dropped: start.dropped + 1}, outcome: 'queued'}
		: {start: {...start, queued: [...start.queued, key]}, outcome: 'queued'});
	// Once a key waits, every later key waits behind it: keys are never taken out of order.
	if (start.queued.length > 0 || start.dropped > 0 || start.state.screen !== 'list') {
		return queue();
	}

	const {state, effects} = reduce(start.state, {type: 'key', key}, context);
	if (effects.some(effect => effect.type === 'quit')) {
		return {start, outcome: 'quit'};
	}

	if (state.screen === 'article' && known > 0 && effects.every(effect => effect.type === 'set-read')) {
		return {start: {...start, state, effects: [...start.effects, ...effects]}, outcome: 'opened'};
	}

	if (effects.length > 0 || known === 0 || !isShowable(start.state, state, context, known)) {
		return queue();
	}

	return isSameState(state, start.state) ? {start, outcome: 'unchanged'} : {start: {...start, state}, outcome: 'moved'};
}

/** The reducer makes a new state object for a move that goes nowhere (k on the first row); nothing to paint then. */
function isSameState(left: ReaderState, right: ReaderState): boolean {
	return (Object.keys(left) as Array<keyof ReaderState>).every(key => left[key] === right[key]);
}
