import {Text} from 'ink';
import {useCallback} from 'react';
import type {ArticleMeta} from '../core/article/article.js';
import {emptyListMessage, filterNote, filterPromptHint, listHeader, listHints, listPosition, plural} from '../core/reader/screen-text.js';
import type {ReaderState} from '../core/reader/state.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {fitWidth} from '../core/text/width.js';
import ArticleList from './ArticleList.js';
import Frame from './Frame.js';
import type {ReadStateService, SearchState} from './services.js';

type Props = {
	readonly width: number;
	readonly height: number;
	readonly isRedrawn: boolean;
	readonly state: ReaderState;
	/** The shown list: after the views and the filter. */
	readonly shown: readonly ArticleMeta[];
	/** Rows for the list. */
	readonly rows: number;
	readonly header: {
		readonly storeName: string;
		readonly total: number;
		readonly unread: number | undefined;
		readonly skipped: number;
		/** The feed whose articles are shown, if one is. */
		readonly feed?: string;
		/** A fetch running in the background. */
		readonly activity?: string;
		readonly search?: SearchState;
	};
	readonly readState: ReadStateService;
	/** Whether the filter's words may be underlined. */
	readonly isColor: boolean;
};

/** The list of articles: a header, the rows, and the status line (hints, the filter being typed, or the y/n question). */
export default function ListScreen({width, height, isRedrawn, state, shown, rows, header, readState, isColor}: Props) {
	const statusOf = useCallback((id: string) => ({isRead: readState.isRead(id), isStarred: readState.isSaved(id), progress: readState.position(id)}), [readState]);
	const title = listHeader({
		storeName: header.feed === undefined ? header.storeName : `${header.storeName} · feed: ${header.feed}`,
		total: header.total,
		unread: header.unread,
		unreadOnly: state.unreadOnly,
		starredOnly: state.starredOnly,
		filter: state.filter,
		filterNote: filterNote(header.search),
		shown: shown.length,
		skipped: header.skipped,
	}) + (header.activity ? ` · ${header.activity}` : '');
	let status = {left: state.status ?? listHints, right: listPosition(state.cursor, shown.length), isMessage: state.status !== undefined};
	if (state.isTypingFilter) {
		status = {left: `Filter: ${sanitizeLine(state.filter)}▏`, right: filterPromptHint, isMessage: true};
	} else if (state.overlay === 'confirm-mark-all') {
		const count = shown.filter(article => !readState.isRead(article.id)).length;
		status = {left: `Mark ${plural(count, 'shown article')} read? y/n`, right: '', isMessage: true};
	}

	return (
		<Frame width={width} height={height} status={status} isRedrawn={isRedrawn}>
			<Text bold wrap="truncate-end">{fitWidth(title, width)}</Text>
			<ArticleList
				articles={shown}
				cursor={state.cursor}
				listTop={state.listTop}
				rows={rows}
				width={width}
				statusOf={statusOf}
				readVersion={readState.version}
				emptyMessage={emptyListMessage(state)}
				filter={isColor ? state.filter : ''}
			/>
		</Frame>
	);
}
