import {Text, useInput} from 'ink';
import {useCallback, useRef} from 'react';
import {keyNames} from '../core/reader/keymap.js';
import {readerLayout} from '../core/reader/layout.js';
import type {StartHandover} from '../core/reader/start-keys.js';
import {highlightedId, type Effect, type ReaderContext, type ReaderState} from '../core/reader/state.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {fitWidth} from '../core/text/width.js';
import {feedsHints, helpHint} from '../core/reader/screen-text.js';
import ArticleScreen from './ArticleScreen.js';
import EmptyStore from './EmptyStore.js';
import FeedList from './FeedList.js';
import Frame from './Frame.js';
import Help, {helpOverlayLines, helpStatus} from './Help.js';
import ListScreen from './ListScreen.js';
import type {ReaderServices} from './services.js';
import {useArticleLines} from './use-article-lines.js';
import {useArticleSearch} from './use-article-search.js';
import {useFeeds} from './use-feeds.js';
import {useMarksRefresh} from './use-marks-refresh.js';
import {useReaderEffects} from './use-reader-effects.js';
import {useReaderStore, type Dispatch} from './use-reader-store.js';
import {useSearchState} from './use-search-state.js';
import {usePlacement} from './use-placement.js';
import {useShownArticles} from './use-shown-articles.js';
import {startingState, useStartHandover} from './use-start-handover.js';

type Props = {
	readonly services: ReaderServices;
	/** Columns of the terminal. */
	readonly width: number;
	/** Rows of the terminal; the frame uses at most `height - 1` so Ink never clears the whole screen. */
	readonly height: number;
	/** Called once when the user quits. */
	readonly onQuit?: () => void;
	/** Flipped to have the whole frame drawn again (see StatusBar). */
	readonly isRedrawn?: boolean;
	/** What the first screen handed over: start from its state, then do its work and replay its keys. */
	readonly start?: StartHandover;
};

/** The reader: the list, the feeds, the article pager, the help overlay and the status line, driven by the core reducer. */
export default function App({services, width, height, onQuit, isRedrawn = false, start}: Props) {
	const {readState} = services;
	const {frameHeight, listRows, pageRows, textWidth} = readerLayout(width, height);

	const linesFor = useArticleLines(services, textWidth);
	const feeds = useFeeds(services, readState.version);
	const shownFor = useShownArticles(feeds.articles, readState, services.search);
	const findMatches = useArticleSearch();
	const {unreadCount, runEffect: runServiceEffect} = useReaderEffects(services, onQuit, feeds.articles);
	// The open article's document; while it renders, the pager has nothing to scroll, search or list links of.
	const documentOf = (state: ReaderState) => {
		if (state.screen !== 'article' || state.articleId === undefined) {
			return undefined;
		}

		const shown = shownFor(state)[state.cursor];
		return linesFor(state.articleId, shown?.id === state.articleId ? shown.title : undefined);
	};

	const getContext = (state: ReaderState): ReaderContext => {
		// While an article renders at a new width its lines at the old width stay on screen, and the positions refer to
		// them (a resize must not clamp the offset to an empty document); only the placeholder has no lines.
		const shown = documentOf(state);
		const document = shown?.width === undefined ? undefined : shown;
		return {
			articles: shownFor(state),
			listRows,
			pageRows,
			lineCount: document?.lines.length ?? 0,
			helpLineCount: state.overlay === 'help' ? helpOverlayLines(width).length : 0,
			isRead: id => readState.isRead(id),
			isStarred: id => readState.isSaved(id),
			positionOf: id => readState.position(id),
			feeds: feeds.feedRows,
			links: document?.links ?? [],
			findMatches: query => findMatches(document?.lines, query),
		};
	};

	const stateRef = useRef<ReaderState | undefined>(undefined);
	const runEffect = (effect: Effect, dispatch: Dispatch) => {
		const current = () => (stateRef.current ? highlightedId(stateRef.current, getContext(stateRef.current)) : undefined);
		if (!feeds.runFeedEffect(effect, dispatch, current)) {
			runServiceEffect(effect, dispatch);
		}
	};

	const {state, dispatch} = useReaderStore({initialState: () => startingState(services, start), getContext, runEffect});
	stateRef.current = state;
	useStartHandover(start, dispatch, runEffect);
	useMarksRefresh(runEffect, dispatch);
	const searchState = useSearchState(services.search, dispatch);
	useInput(useCallback((input, key) => {
		for (const name of keyNames(input, key)) {
			dispatch({type: 'key', key: name});
		}
	}, [dispatch]));

	const document = documentOf(state);
	usePlacement(state, document, dispatch, {listRows, pageRows});

	if (feeds.articles.length === 0 && state.screen !== 'feeds') {
		return <EmptyStore storePath={services.storePath} storeName={services.storeName} width={width} height={height}/>;
	}

	const frame = {width, height: frameHeight, isRedrawn};
	if (state.overlay === 'help') {
		return <Frame {...frame} status={helpStatus(width, pageRows, state.helpOffset)}><Help width={width} rows={pageRows} offset={state.helpOffset}/></Frame>;
	}

	if (document) {
		return <ArticleScreen {...frame} state={state} document={document} textWidth={textWidth} rows={pageRows} isColor={services.isColor ?? false} findMatches={findMatches}/>;
	}

	if (state.screen === 'feeds') {
		const title = `inkwire · feeds · ${feeds.feedRows.length} · ${feeds.feedRows.reduce((sum, feed) => sum + feed.unread, 0)} unread${feeds.activity ? ` · ${feeds.activity}` : ''}`;
		return (
			<Frame {...frame} status={{left: state.status ?? feedsHints, right: helpHint, isMessage: state.status !== undefined}}>
				<Text bold wrap="truncate-end">{fitWidth(sanitizeLine(title), width)}</Text>
				<FeedList feeds={feeds.feedRows} cursor={state.feedCursor} rows={listRows} width={width}/>
			</Frame>
		);
	}

	return (
		<ListScreen
			{...frame}
			state={state}
			shown={shownFor(state)}
			rows={listRows}
			header={{
				storeName: services.storeName, total: feeds.articles.length, unread: unreadCount, skipped: services.skipped,
				feed: feeds.feedRows.find(feed => feed.folder === state.feedFolder)?.name ?? state.feedFolder,
				activity: feeds.activity, search: searchState,
			}}
			readState={readState}
			isColor={services.isColor ?? false}
		/>
	);
}
