import {Box, Text, useInput} from 'ink';
import {useCallback, useRef} from 'react';
import {keyNames} from '../core/reader/keymap.js';
import {fitWidth} from '../core/text/width.js';
import {percent, positionLabel} from '../core/reader/viewport.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {createInitialState, type ReaderContext, type ReaderState} from '../core/reader/state.js';
import ArticleList from './ArticleList.js';
import ArticleView from './ArticleView.js';
import EmptyStore from './EmptyStore.js';
import Help, {helpOverlayLines} from './Help.js';
import LinkList from './LinkList.js';
import {articleHints, emptyListMessage, filterNote, linksHints, filterPromptHint, helpHint, listHeader, listHints, listPosition, plural, searchPromptHint} from '../core/reader/screen-text.js';
import StatusBar from './StatusBar.js';
import type {ReaderServices} from './services.js';
import {useArticleLines} from './use-article-lines.js';
import {useArticleSearch, useFilterMatches} from './use-article-search.js';
import {useMarksRefresh} from './use-marks-refresh.js';
import {useSearchState} from './use-search-state.js';
import {useReaderEffects} from './use-reader-effects.js';
import {useReaderStore} from './use-reader-store.js';
import {useShownArticles} from './use-shown-articles.js';

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
};

/** Article text is at most 100 columns wide, with a column of margin, and centred in wider windows. */
const maxTextWidth = 100;

/** The reader: the list, the article pager, the help overlay and the status line, driven by the core reducer. */
export default function App({services, width, height, onQuit, isRedrawn = false}: Props) {
	const {readState} = services;
	const frameHeight = Math.max(2, height - 1);
	const listRows = Math.max(1, frameHeight - 2);
	const pageRows = Math.max(1, frameHeight - 1);
	const textWidth = Math.max(1, Math.min(maxTextWidth, width - 2));
	const margin = Math.max(0, Math.floor((width - textWidth) / 2));

	const linesFor = useArticleLines(services, textWidth);
	const shownFor = useShownArticles(services.articles, readState, services.search);
	const isRead = useCallback((id: string) => readState.isRead(id), [readState]);
	const isStarred = useCallback((id: string) => readState.isSaved(id), [readState]);
	const positionOf = useCallback((id: string) => readState.position(id), [readState]);
	const statusOf = useCallback((id: string) => ({isRead: readState.isRead(id), isStarred: readState.isSaved(id), progress: readState.position(id)}), [readState]);
	const {unreadCount, runEffect} = useReaderEffects(services, onQuit);

	const openDocument = (state: ReaderState) => (state.screen === 'article' && state.articleId !== undefined ? linesFor(state.articleId) : undefined);
	const findMatches = useArticleSearch();
	const findFilterMatches = useFilterMatches();
	const getContext = (state: ReaderState): ReaderContext => {
		const document = openDocument(state);
		const lines = document?.lines;
		return {
			articles: shownFor(state),
			listRows,
			pageRows,
			lineCount: lines?.length ?? 0,
			helpLineCount: state.overlay === 'help' ? helpOverlayLines(width).length : 0,
			isRead,
			isStarred,
			positionOf,
			links: document?.links ?? [],
			findMatches: query => findMatches(lines, query),
		};
	};

	const {state, dispatch} = useReaderStore({
		initialState: () => createInitialState({
			status: services.warnings.map(warning => sanitizeLine(warning)).join(' · ') || undefined,
			unreadOnly: services.isUnreadOnly,
		}),
		getContext,
		runEffect,
	});
	useMarksRefresh(runEffect, dispatch);
	const searchState = useSearchState(services.search, dispatch);

	useInput(useCallback((input, key) => {
		for (const name of keyNames(input, key)) {
			dispatch({type: 'key', key: name});
		}
	}, [dispatch]));

	// A resize re-wraps the open article: keep the reader at the same fraction of it. Updating state while rendering
	// (React re-renders at once, before anything is drawn) avoids a frame at the wrong place.
	const lines = state.screen === 'article' && state.articleId !== undefined ? linesFor(state.articleId).lines : undefined;
	const layout = useRef<{articleId?: string; textWidth: number; lineCount: number; listRows: number; pageRows: number}>({textWidth, lineCount: 0, listRows, pageRows});
	if (lines && layout.current.articleId === state.articleId && layout.current.textWidth !== textWidth) {
		dispatch({type: 'relayout', oldLineCount: layout.current.lineCount, newLineCount: lines.length});
	}

	// A new window size: the reducer clamps every position to the new windows, before anything is drawn.
	if (layout.current.listRows !== listRows || layout.current.pageRows !== pageRows) {
		dispatch({type: 'resize'});
	}

	layout.current = {articleId: state.articleId, textWidth, lineCount: lines?.length ?? 0, listRows, pageRows};

	if (services.articles.length === 0) {
		return <EmptyStore storePath={services.storePath} storeName={services.storeName} width={width} height={height}/>;
	}

	const shown = shownFor(state);
	let body;
	let left: string;
	let right = helpHint;
	let isMessage = state.status !== undefined;
	if (state.overlay === 'help') {
		const helpLineCount = helpOverlayLines(width).length;
		body = <Help width={width} rows={pageRows} offset={state.helpOffset}/>;
		left = helpLineCount > pageRows ? '↑↓ Space scroll · any other key closes the help' : 'Any key closes the help';
		right = helpLineCount > pageRows ? positionLabel(state.helpOffset, helpLineCount, pageRows) : '';
	} else if (state.overlay === 'links' && state.articleId !== undefined) {
		body = <LinkList links={linesFor(state.articleId).links} cursor={state.linkCursor} rows={pageRows} width={width}/>;
		left = state.status ?? linksHints;
		right = helpHint;
	} else if (lines) {
		const matches = findMatches(lines, state.search);
		body = <ArticleView lines={lines} offset={state.offset} rows={pageRows} margin={margin} matches={services.isColor ? matches : []} filterMatches={services.isColor ? findFilterMatches(lines, state.filter) : []}/>;
		left = state.status ?? articleHints;
		const position = `${positionLabel(state.offset, lines.length, pageRows)} · ${percent(state.offset, lines.length, pageRows)}%`;
		right = `${matches.length > 0 ? `match ${state.matchIndex + 1} of ${matches.length} · ` : ''}${position} · ${helpHint}`;
		if (state.searchInput !== undefined) {
			left = `/${sanitizeLine(state.searchInput)}▏`;
			right = searchPromptHint;
			isMessage = true;
		}
	} else {
		const header = listHeader({
			storeName: services.storeName,
			total: services.articles.length,
			unread: unreadCount,
			unreadOnly: state.unreadOnly,
			starredOnly: state.starredOnly,
			filter: state.filter,
			filterNote: filterNote(searchState),
			shown: shown.length,
			skipped: services.skipped,
		});
		const emptyMessage = emptyListMessage(state);
		body = (
			<>
				<Text bold wrap="truncate-end">{fitWidth(header, width)}</Text>
				<ArticleList
					articles={shown}
					cursor={state.cursor}
					listTop={state.listTop}
					rows={listRows}
					width={width}
					statusOf={statusOf}
					readVersion={readState.version}
					emptyMessage={emptyMessage}
					filter={services.isColor ? state.filter : ''}
				/>
			</>
		);
		left = state.status ?? listHints;
		right = listPosition(state.cursor, shown.length);
		if (state.isTypingFilter) {
			left = `Filter: ${sanitizeLine(state.filter)}▏`;
			right = filterPromptHint;
			isMessage = true;
		} else if (state.overlay === 'confirm-mark-all') {
			const count = shown.filter(article => !readState.isRead(article.id)).length;
			left = `Mark ${plural(count, 'shown article')} read? y/n`;
			isMessage = true;
		}
	}

	return (
		<Box flexDirection="column" width={width} height={frameHeight}>
			{/* No overflow="hidden": every child is already cut to the window, and a clip makes Ink slice every line of every frame. */}
			<Box flexDirection="column" flexGrow={1}>
				{body}
			</Box>
			<StatusBar left={left} right={right} width={width} isMessage={isMessage} isRedrawn={isRedrawn}/>
		</Box>
	);
}
