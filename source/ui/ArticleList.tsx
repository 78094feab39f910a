import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import {createContext, useContext, useMemo} from 'react';
import type {ArticleMeta} from '../core/article/article.js';
import {highlightRanges} from '../core/reader/find-in-lines.js';
import {formatRow, unreadMarker, type RowStatus} from '../core/reader/list-row.js';
import {findMatchesInLine} from '../core/search/highlight.js';
import {parseQuery} from '../core/search/query.js';

type Props = {
	/** The shown list (after filter and unread-only). */
	readonly articles: readonly ArticleMeta[];
	/** Index of the highlighted article. */
	readonly cursor: number;
	/** First row of the window, valid for these rows (the reducer clamps it). */
	readonly listTop: number;
	/** Rows for the list. */
	readonly rows: number;
	/** Columns for the list, pointer included. */
	readonly width: number;
	/** Read, starred and how far read, for an article's row. */
	readonly statusOf: (id: string) => RowStatus;
	/** Changes whenever marks change, so the rows are labelled again. */
	readonly readVersion: number;
	/** What to say when the shown list is empty. */
	readonly emptyMessage: string;
	/** The filter: the words it matches are underlined in the rows. */
	readonly filter?: string;
};

/** The pointer before the highlighted row; a fixed character, where ink-select-input's default depends on the terminal. */
export const pointer = '❯';

/** The pointer column before each row: the pointer and a space. */
const pointerWidth = 2;

/** The id of the highlighted article, for the rows to compare with their own. */
const HighlightContext = createContext<string | undefined>(undefined);

type RowProps = {
	readonly label: string;
	/** The article id; ink-select-input passes each item's fields to the item component. */
	readonly value?: unknown;
};

/** A row: pointer and reverse video on the highlighted one (visible without colour too), unread rows bold. */
function Row({label, value}: RowProps) {
	const isHighlighted = useContext(HighlightContext) === value;
	return (
		<Text wrap="truncate-end">
			<Text color="cyan">{isHighlighted ? `${pointer} ` : '  '}</Text>
			<Text inverse={isHighlighted} bold={label.startsWith(unreadMarker)}>{label}</Text>
		</Text>
	);
}

/** A row with the words the filter matches underlined (as the search matches them: whole words, the last a prefix). */
function underlineMatches(label: string, filter: string): string {
	if (filter.trim() === '') {
		return label;
	}

	const ranges = findMatchesInLine(label, parseQuery(filter, {isPrefixLast: true})).map(([start, end]) => ({start, end}));
	return highlightRanges(label, ranges, 'underline');
}

/** ink-select-input's own pointer follows its internal selection, which this list does not use. */
function NoIndicator() {
	return null;
}

/**
The article list, drawn by ink-select-input over the rows in the window only (at most `rows` items, never the whole
list: the component deep-compares and rotates its whole `items` array on every keypress, which at 100,000 articles
costs tens of milliseconds). It is not focused: the key map and the reducer own the cursor (its own keys would wrap
around and open articles on digits). The highlight reaches the rows through a context rather than through its
`initialIndex`, which is read on mount only: moving the cursor re-renders two rows' looks instead of re-mounting the
list, and the items array stays the same object until the window scrolls or read marks change.
*/
export default function ArticleList({articles, cursor, listTop, rows, width, statusOf, readVersion, emptyMessage, filter = ''}: Props) {
	const top = listTop;
	const rowWidth = Math.max(1, width - pointerWidth);
	const items = useMemo(
		() => articles.slice(top, top + Math.max(1, rows)).map(article => ({
			key: article.id,
			value: article.id,
			label: underlineMatches(formatRow(article, statusOf(article.id), rowWidth), filter),
		})),
		// `readVersion` stands for the marks that `statusOf` reads.
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[articles, top, rows, rowWidth, statusOf, readVersion, filter],
	);
	if (articles.length === 0) {
		return <Text wrap="truncate-end">{emptyMessage}</Text>;
	}

	return (
		<HighlightContext.Provider value={articles[cursor]?.id}>
			<Box flexDirection="column">
				<SelectInput
					items={items}
					limit={Math.max(1, rows)}
					isFocused={false}
					indicatorComponent={NoIndicator}
					itemComponent={Row}
				/>
			</Box>
		</HighlightContext.Provider>
	);
}
