/**
The reader's screen state and a pure reducer over it, after the `gameReducer` of Ink's alternate-screen example.
Components only turn keys into `{type: 'key'}` actions; everything a key means is decided here and tested without a
terminal. Side effects (persisting read marks, opening a browser, quitting) come back as data in `effects` for the
UI layer to carry out, so the reducer stays pure.
*/
import type {ArticleMeta} from '../article/article.js';
import type {LineMatch} from './find-in-lines.js';
import {findAction, type KeyName} from './keymap.js';
import {reduceArticleAction} from './reduce-article.js';
import {reduceFeedsAction} from './reduce-feeds.js';
import {reduceListAction} from './reduce-list.js';
import {reduceLinkNumberKey, reduceLinksKey} from './reduce-links.js';
import {reduceConfirmKey, reduceFilterKey, reduceHelpKey, reduceSearchKey} from './reduce-prompts.js';
import {leaveArticle, moveCursor, stay} from './transitions.js';
import {clampOffset, listWindowTop, maxOffset, proportionalOffset} from './viewport.js';

export type Screen = 'list' | 'article' | 'feeds';

/** Something drawn over the screen that takes the next key: the help, the y/n question of "mark all read", or the article's links. */
export type Overlay = 'none' | 'help' | 'confirm-mark-all' | 'links';

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
	/** Only starred (saved) articles are shown. */
	readonly starredOnly: boolean;
	/** Only the articles of this feed (its folder) are shown: the feed opened from the feeds view. */
	readonly feedFolder: string | undefined;
	/** The highlighted feed in the feeds view. */
	readonly feedCursor: number;
	/** A fetch is running in the background (`R`): a second one is not started. */
	readonly isFetching: boolean;
	/**
	Bumped whenever the shown list must be rebuilt although filter and unread-only did not change (read marks changed
	on disk). Read marks set in this session do not rebuild it, so with "unread only" an article just read stays in
	place until the list is rebuilt, as in newsboat, and `n`/`p` keep their bearings.
	*/
	readonly listGeneration: number;
	/** The search being typed after `/` in the pager; undefined when none is being typed. */
	readonly searchInput: string | undefined;
	/** The search in the open article (`n`/`N` move between its matches); empty when there is none. */
	readonly search: string;
	/** Which of the search's matches is the current one (`match 3 of 12` is index 2); -1 when none. */
	readonly matchIndex: number;
	/** The highlighted link in the links overlay (an index into the article's links). */
	readonly linkCursor: number;
	/** Digits typed to open a link by its number (`3` Enter opens link [3]); empty when none. */
	readonly linkNumber: string;
	/** A one-off message for the status line; cleared by the next key. */
	readonly status: string | undefined;
	readonly isDone: boolean;
};

/** A subscription as the feeds view lists it. */
export type FeedRow = {readonly name: string; readonly folder: string; readonly unread: number; readonly total: number; readonly isFailed: boolean};

/** A numbered link of the open article, as its Links section lists it. */
export type ArticleLink = {readonly number: number; readonly text: string; readonly url: string};

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
	isStarred(id: string): boolean;
	/** Where the reader left an article, 0..1, or undefined (not started, or finished). */
	positionOf(id: string): number | undefined;
	/** The subscriptions, on the feeds view, each with its article counts; none elsewhere. */
	readonly feeds: readonly FeedRow[];
	/** The numbered links of the open article as rendered now; none when none is open. */
	readonly links: readonly ArticleLink[];
	/** The matches of a search in the open article as rendered now (see find-in-lines.ts); none when none is open. */
	findMatches(query: string): readonly LineMatch[];
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
	/** The window changed size: positions are clamped to the new windows. */
	/** `wasAtEnd`: the pager showed the end of the article in the old window, and must again in the new one. */
	| {readonly type: 'resize'; readonly wasAtEnd?: boolean}
	/** An article was just opened and its lines are known: go back to where the reader left it. */
	| {readonly type: 'article-opened'}
	/** A background fetch ended (or failed to start). */
	| {readonly type: 'fetch-ended'; readonly message: string}
	| {readonly type: 'status'; readonly text: string};

/** Work for the UI layer; the reducer never does it itself. */
export type Effect =
	| {readonly type: 'set-read'; readonly ids: readonly string[]; readonly read: boolean}
	| {readonly type: 'set-starred'; readonly ids: readonly string[]; readonly starred: boolean}
	/** Remember where the reader left an article (a fraction of it); undefined forgets it (finished, or not started). */
	| {readonly type: 'set-position'; readonly id: string; readonly fraction: number | undefined}
	| {readonly type: 'open-url'; readonly url: string}
	/** Back on the list: check whether another process changed the read marks. */
	| {readonly type: 'refresh-read-state'}
	/** Load the subscriptions for the feeds view. */
	| {readonly type: 'load-feeds'}
	/** Fetch every subscription in the background (`R`); the UI reports progress and the result. */
	| {readonly type: 'fetch-feeds'}
	/** The filter is being typed: have the full-text index opened (in the background) if it is not yet. */
	| {readonly type: 'start-search'}
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
		searchInput: undefined,
		search: '',
		matchIndex: -1,
		linkCursor: 0,
		linkNumber: '',
		unreadOnly: options.unreadOnly ?? false,
		starredOnly: false,
		feedFolder: undefined,
		feedCursor: 0,
		isFetching: false,
		listGeneration: 0,
		status: options.status,
		isDone: false,
	};
}

/** True when the shown list has to be rebuilt after going from `before` to `after`. */
export function listInputsChanged(before: ReaderState, after: ReaderState): boolean {
	return before.filter !== after.filter
		|| before.unreadOnly !== after.unreadOnly
		|| before.starredOnly !== after.starredOnly
		|| before.feedFolder !== after.feedFolder
		|| before.listGeneration !== after.listGeneration;
}

/** The id of the highlighted article, if the list has any. */
export function highlightedId(state: ReaderState, context: Pick<ReaderContext, 'articles'>): string | undefined {
	return context.articles[state.cursor]?.id;
}

function reduceKey(previous: ReaderState, key: KeyName, context: ReaderContext): Transition {
	if (findAction('global', key) === 'force-quit') {
		return {state: {...previous, isDone: true}, effects: [...leaveArticle(previous, context), {type: 'quit'}]};
	}

	// A status message lives until the next key.
	const state = previous.status === undefined ? previous : {...previous, status: undefined};
	if (state.isTypingFilter) {
		return reduceFilterKey(state, key);
	}

	if (state.searchInput !== undefined) {
		return reduceSearchKey(state, key, context);
	}

	if (state.overlay === 'help') {
		return reduceHelpKey(state, key, context);
	}

	if (state.overlay === 'confirm-mark-all') {
		return reduceConfirmKey(state, key, context);
	}

	if (state.overlay === 'links') {
		return reduceLinksKey(state, key, context);
	}

	if (state.screen === 'article' && (state.linkNumber !== '' || /^\d$/.test(key))) {
		const typed = reduceLinkNumberKey(state, key, context);
		if (typed) {
			return typed;
		}

		// Any other key gives the typed number up, then does what it does.
		return reduceScreenKey({...state, linkNumber: ''}, key, context);
	}

	return reduceScreenKey(state, key, context);
}

function reduceScreenKey(state: ReaderState, key: KeyName, context: ReaderContext): Transition {
	const action = findAction(state.screen, key);
	switch (action) {
		case undefined: {
			return stay(state);
		}

		case 'help': {
			return stay({...state, overlay: 'help', helpOffset: 0});
		}

		case 'suspend': {
			return {state, effects: [{type: 'suspend'}]};
		}

		default: {
			switch (state.screen) {
				case 'list': {
					return reduceListAction(state, action, context);
				}

				case 'feeds': {
					return reduceFeedsAction(state, action, context);
				}

				case 'article': {
					return reduceArticleAction(state, action, context);
				}
			}
		}
	}
}

function reduceAction(state: ReaderState, action: ReaderAction, context: ReaderContext): Transition {
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

		case 'resize': {
			return stay(action.wasAtEnd ? {...state, offset: maxOffset(context.lineCount, context.pageRows)} : state);
		}

		case 'fetch-ended': {
			return stay({...state, isFetching: false, status: action.message});
		}

		case 'article-opened': {
			const fraction = state.articleId === undefined ? undefined : context.positionOf(state.articleId);
			return stay(fraction === undefined ? state : {...state, offset: Math.round(fraction * maxOffset(context.lineCount, context.pageRows))});
		}

		case 'status': {
			return stay({...state, status: action.text});
		}
	}
}

/**
Every position in the state kept valid for the context it is shown in, once, when the state is made (as the bubbles
viewport clamps its offset when it is set): the cursor inside the shown list, the list window showing the cursor, the
pager and help offsets inside their documents. Components and the status line then read them as they are.
*/
function normalize(state: ReaderState, context: ReaderContext): ReaderState {
	const count = context.articles.length;
	const cursor = Math.max(0, Math.min(state.cursor, count - 1));
	const feedCursor = Math.max(0, Math.min(state.feedCursor, context.feeds.length - 1));
	const listTop = listWindowTop(state.listTop, cursor, context.listRows, count);
	const offset = clampOffset(state.offset, context.lineCount, context.pageRows);
	const helpOffset = clampOffset(state.helpOffset, context.helpLineCount, context.pageRows);
	if (cursor === state.cursor && listTop === state.listTop && offset === state.offset && helpOffset === state.helpOffset && (feedCursor === state.feedCursor || context.feeds.length === 0)) {
		return state;
	}

	return {...state, cursor, listTop, offset, helpOffset, feedCursor: context.feeds.length === 0 ? state.feedCursor : feedCursor};
}

/**
The reducer: the next state for an action, and the effects the UI must carry out. The positions in the state it
returns are valid for `context`; after the context changes on its own (a resize, a re-wrap), dispatch `resize` or
`relayout` to have them made valid again.
*/
export function reduce(state: ReaderState, action: ReaderAction, context: ReaderContext): Transition {
	const transition = reduceAction(state, action, context);
	const normalized = normalize(transition.state, context);
	return normalized === transition.state ? transition : {state: normalized, effects: transition.effects};
}
