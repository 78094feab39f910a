/**
The reader's screen state and a pure reducer over it, after the `gameReducer` of Ink's alternate-screen example.
Components only turn keys into `{type: 'key'}` actions; everything a key means is decided here and tested without a
terminal. Side effects (persisting read marks, opening a browser, quitting) come back as data in `effects` for the
UI layer to carry out, so the reducer stays pure.
*/
import type {ArticleMeta} from '../article/article.js';
import {findAction, type KeyAction, type KeyName} from './keymap.js';
import {clampOffset, halfPageSize, pageSize, proportionalOffset} from './viewport.js';

export type Screen = 'list' | 'article';

/** Something drawn over the screen that takes the next key: the help, or the y/n question of "mark all read". */
export type Overlay = 'none' | 'help' | 'confirm-mark-all';

export type ReaderState = {
	readonly screen: Screen;
	readonly overlay: Overlay;
	/** Index of the highlighted article in the shown list; on the article screen, the open article. */
	readonly cursor: number;
	/** Index of the first list row in the window. */
	readonly listTop: number;
	/** The open article, on the article screen. */
	readonly articleId: string | undefined;
	/** Pager offset: the first article line in the window. */
	readonly offset: number;
	/** First line of the help overlay in its window (a short window scrolls the help). */
	readonly helpOffset: number;
	/** Text that shown articles must contain in their title or source. */
	readonly filter: string;
	/** True while `/` is collecting filter text: keys go to the text, not to commands. */
	readonly isTypingFilter: boolean;
	readonly unreadOnly: boolean;
	/**
	Bumped whenever the shown list must be rebuilt although filter and unread-only did not change (read marks changed
	on disk). Read marks set in this session do not rebuild it, so with "unread only" an article just read stays in
	place until the list is rebuilt, as in newsboat, and `n`/`p` keep their bearings.
	*/
	readonly listGeneration: number;
	/** A one-off message for the status line; cleared by the next key. */
	readonly status: string | undefined;
	readonly isDone: boolean;
};

/** What the reducer needs to know about the world at the moment of an action. */
export type ReaderContext = {
	/** The shown list: the store's articles after the filter and unread-only, newest first. */
	readonly articles: readonly ArticleMeta[];
	/** Rows the list window shows. */
	readonly listRows: number;
	/** Article lines the pager window shows. */
	readonly pageRows: number;
	/** Lines of the open article as rendered at the current width (0 when none is open). */
	readonly lineCount: number;
	/** Lines of the help overlay at the current width; it scrolls in a window of `pageRows`. */
	readonly helpLineCount: number;
	isRead(id: string): boolean;
};

export type ReaderAction =
	/** A key, named as in the key map (`j`, `enter`, `ctrl+c`). */
	| {readonly type: 'key'; readonly key: KeyName}
	/** The shown list was rebuilt; keep `highlightedId` highlighted if it is still there. */
	| {readonly type: 'list-changed'; readonly highlightedId: string | undefined}
	/** Read marks changed on disk: rebuild the shown list. */
	| {readonly type: 'reload'}
	/** The open article was re-wrapped (the window was resized). */
	| {readonly type: 'relayout'; readonly oldLineCount: number; readonly newLineCount: number}
	| {readonly type: 'status'; readonly text: string};

/** Work for the UI layer; the reducer never does it itself. */
export type Effect =
	| {readonly type: 'set-read'; readonly ids: readonly string[]; readonly read: boolean}
	| {readonly type: 'open-url'; readonly url: string}
	/** Back on the list: check whether another process changed the read marks. */
	| {readonly type: 'refresh-read-state'}
	/** Ctrl-Z: give the terminal back and stop until `fg`. */
	| {readonly type: 'suspend'}
	| {readonly type: 'quit'};

export type Transition = {readonly state: ReaderState; readonly effects: readonly Effect[]};

/** The state at start: the list, first article highlighted, and any start-up warnings in the status line. */
export function createInitialState(options: {status?: string; unreadOnly?: boolean} = {}): ReaderState {
	return {
		screen: 'list',
		overlay: 'none',
		cursor: 0,
		listTop: 0,
		articleId: undefined,
		offset: 0,
		helpOffset: 0,
		filter: '',
		isTypingFilter: false,
		unreadOnly: options.unreadOnly ?? false,
		listGeneration: 0,
		status: options.status,
		isDone: false,
	};
}

/** True when the shown list has to be rebuilt after going from `before` to `after`. */
export function listInputsChanged(before: ReaderState, after: ReaderState): boolean {
	return before.filter !== after.filter
		|| before.unreadOnly !== after.unreadOnly
		|| before.listGeneration !== after.listGeneration;
}

/** The id of the highlighted article, if the list has any. */
export function highlightedId(state: ReaderState, context: Pick<ReaderContext, 'articles'>): string | undefined {
	return context.articles[state.cursor]?.id;
}

/**
The first row of a list window of `rows` rows that shows `cursor`, moving as little as possible from `top` (like
less: the window scrolls only when the cursor would leave it) and never leaving empty rows below the last article.
*/
export function listWindowTop(top: number, cursor: number, rows: number, count: number): number {
	const height = Math.max(1, rows);
	let next = top;
	if (cursor < next) {
		next = cursor;
	}

	if (cursor >= next + height) {
		next = cursor - height + 1;
	}

	return Math.max(0, Math.min(next, count - height));
}

/** Only web and mail links are handed to the browser opener. */
export function isOpenableUrl(url: string): boolean {
	try {
		return ['http:', 'https:', 'mailto:'].includes(new URL(url).protocol);
	} catch {
		return false;
	}
}

const maxFilterLength = 200;

function stay(state: ReaderState): Transition {
	return {state, effects: []};
}

function withStatus(state: ReaderState, status: string): Transition {
	return {state: {...state, status}, effects: []};
}

/** Highlight row `index` (clamped) and scroll the window to show it. */
function moveCursor(state: ReaderState, index: number, context: ReaderContext): ReaderState {
	const count = context.articles.length;
	const cursor = Math.max(0, Math.min(index, count - 1));
	return {...state, cursor, listTop: listWindowTop(state.listTop, cursor, context.listRows, count)};
}

/** Open the article at `index`, marking it read at once. */
function openAt(state: ReaderState, index: number, context: ReaderContext): Transition {
	const article = context.articles[index];
	if (!article) {
		return withStatus(state, 'No article to open');
	}

	const moved = moveCursor(state, index, context);
	return {
		state: {...moved, screen: 'article', overlay: 'none', articleId: article.id, offset: 0},
		effects: context.isRead(article.id) ? [] : [{type: 'set-read', ids: [article.id], read: true}],
	};
}

/** The index of the open article in the shown list (normally the cursor). */
function openIndex(state: ReaderState, context: ReaderContext): number {
	if (context.articles[state.cursor]?.id === state.articleId) {
		return state.cursor;
	}

	return context.articles.findIndex(article => article.id === state.articleId);
}

type Move = (from: number, page: number, count: number) => number;

/** Cursor moves in the list and scrolls in the pager and the help: where a key goes from `from`, before clamping. */
const moves: Partial<Record<KeyAction, Move>> = {
	up: from => from - 1,
	down: from => from + 1,
	'page-up': (from, page) => from - pageSize(page),
	'page-down': (from, page) => from + pageSize(page),
	'half-page-up': (from, page) => from - halfPageSize(page),
	'half-page-down': (from, page) => from + halfPageSize(page),
	top: () => 0,
	bottom: (_from, _page, count) => count,
};

function reduceListAction(state: ReaderState, action: KeyAction, context: ReaderContext): Transition {
	const move = moves[action];
	if (move) {
		return stay(moveCursor(state, move(state.cursor, context.listRows, context.articles.length), context));
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

		case 'mark-all-read': {
			if (context.articles.length === 0) {
				return withStatus(state, 'No articles to mark');
			}

			return context.articles.every(shown => context.isRead(shown.id))
				? withStatus(state, 'All shown articles are read already')
				: stay({...state, overlay: 'confirm-mark-all'});
		}

		case 'filter': {
			return stay({...state, isTypingFilter: true});
		}

		case 'quit': {
			return {state: {...state, isDone: true}, effects: [{type: 'quit'}]};
		}

		default: {
			return stay(state);
		}
	}
}

function reduceArticleAction(state: ReaderState, action: KeyAction, context: ReaderContext): Transition {
	const move = moves[action];
	if (move) {
		// The stored offset can be past the end after a resize; move from where the window really is.
		const from = clampOffset(state.offset, context.lineCount, context.pageRows);
		return stay({...state, offset: clampOffset(move(from, context.pageRows, context.lineCount), context.lineCount, context.pageRows)});
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

/** A key while `/` collects filter text: printable keys extend it, Backspace shortens it, Enter keeps, Esc clears. */
function reduceFilterKey(state: ReaderState, key: KeyName): Transition {
	switch (key) {
		case 'enter': {
			return stay({...state, isTypingFilter: false});
		}

		case 'escape': {
			return stay({...state, isTypingFilter: false, filter: ''});
		}

		case 'backspace': {
			return stay({...state, filter: [...state.filter].slice(0, -1).join('')});
		}

		case 'space': {
			return stay({...state, filter: (state.filter + ' ').slice(0, maxFilterLength)});
		}

		default: {
			// A named key (arrows, Tab…) is a word; a typed character is a single code point.
			if ([...key].length !== 1) {
				return stay(state);
			}

			return stay({...state, filter: (state.filter + key).slice(0, maxFilterLength)});
		}
	}
}

/** Keys over the help: the line and page keys of the article scroll it (a short window cannot show it all); any other key closes it. */
function reduceHelpKey(state: ReaderState, key: KeyName, context: ReaderContext): Transition {
	const action = findAction('article', key);
	const move = action === undefined ? undefined : moves[action];
	if (!move || context.helpLineCount <= context.pageRows) {
		return stay({...state, overlay: 'none'});
	}

	const from = clampOffset(state.helpOffset, context.helpLineCount, context.pageRows);
	return stay({...state, helpOffset: clampOffset(move(from, context.pageRows, context.helpLineCount), context.helpLineCount, context.pageRows)});
}

function reduceConfirmKey(state: ReaderState, key: KeyName, context: ReaderContext): Transition {
	const closed = {...state, overlay: 'none' as const};
	if (key !== 'y' && key !== 'Y') {
		return withStatus(closed, 'Nothing marked');
	}

	const ids = context.articles.filter(article => !context.isRead(article.id)).map(article => article.id);
	const noun = ids.length === 1 ? 'article' : 'articles';
	return {state: {...closed, status: `Marked ${ids.length} ${noun} read`}, effects: [{type: 'set-read', ids, read: true}]};
}

function reduceKey(previous: ReaderState, key: KeyName, context: ReaderContext): Transition {
	if (key === 'ctrl+c') {
		return {state: {...previous, isDone: true}, effects: [{type: 'quit'}]};
	}

	// A status message lives until the next key.
	const state = previous.status === undefined ? previous : {...previous, status: undefined};
	if (state.isTypingFilter) {
		return reduceFilterKey(state, key);
	}

	if (state.overlay === 'help') {
		return reduceHelpKey(state, key, context);
	}

	if (state.overlay === 'confirm-mark-all') {
		return reduceConfirmKey(state, key, context);
	}

	const action = findAction(state.screen, key);
	if (action === undefined) {
		return stay(state);
	}

	if (action === 'help') {
		return stay({...state, overlay: 'help', helpOffset: 0});
	}

	if (action === 'suspend') {
		return {state, effects: [{type: 'suspend'}]};
	}

	if (action === 'force-quit') {
		return {state: {...state, isDone: true}, effects: [{type: 'quit'}]};
	}

	return state.screen === 'list' ? reduceListAction(state, action, context) : reduceArticleAction(state, action, context);
}

/** The reducer: the next state for an action, and the effects the UI must carry out. */
export function reduce(state: ReaderState, action: ReaderAction, context: ReaderContext): Transition {
	switch (action.type) {
		case 'key': {
			return reduceKey(state, action.key, context);
		}

		case 'list-changed': {
			const index = action.highlightedId === undefined
				? -1
				: context.articles.findIndex(article => article.id === action.highlightedId);
			return stay(moveCursor(state, index === -1 ? state.cursor : index, context));
		}

		case 'reload': {
			return stay({...state, listGeneration: state.listGeneration + 1});
		}

		case 'relayout': {
			return stay({...state, offset: proportionalOffset(state.offset, action.oldLineCount, action.newLineCount, context.pageRows)});
		}

		case 'status': {
			return stay({...state, status: action.text});
		}
	}
}
