import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import type {ArticleMeta} from '../core/article.js';
import {formatRow, unreadMarker} from '../core/list-row.js';
import {listWindowTop} from '../core/state.js';

type Props = {
	/** The shown list (after filter and unread-only). */
	readonly articles: readonly ArticleMeta[];
	/** Index of the highlighted article. */
	readonly cursor: number;
	/** First row of the window as the reducer left it; re-clamped here because a resize can change the row count. */
	readonly listTop: number;
	/** Rows for the list. */
	readonly rows: number;
	/** Columns for the list, indicator included. */
	readonly width: number;
	readonly isRead: (id: string) => boolean;
	/** What to say when the shown list is empty. */
	readonly emptyMessage: string;
};

/** The pointer column before each row: a character and a margin. */
const indicatorWidth = 2;

/** The pointer before the highlighted row; a fixed character, where ink-select-input's default depends on the terminal. */
export const pointer = '❯';

type IndicatorProps = {
	readonly isSelected?: boolean;
};

function Indicator({isSelected = false}: IndicatorProps) {
	return (
		<Box marginRight={1}>
			<Text color="cyan">{isSelected ? pointer : ' '}</Text>
		</Box>
	);
}

type RowProps = {
	readonly isSelected?: boolean;
	readonly label: string;
};

/** A row: unread rows bold, the highlighted row in reverse video so it shows without colour too. */
function Row({isSelected = false, label}: RowProps) {
	return (
		<Text inverse={isSelected} bold={label.startsWith(unreadMarker)} wrap="truncate-end">
			{label}
		</Text>
	);
}

/**
The article list. ink-select-input draws it and its highlight, but only over the rows in the window (at most `rows`
items), never the whole list: the component rotates and deep-compares its whole `items` array on every keypress, which
at 100,000 articles would cost tens of milliseconds. It is not focused, because the key map and the reducer own the
cursor (its own keys would wrap around and open articles on digits); it is re-mounted through `key` when the highlight
moves, since `initialIndex` is only read on mount.
*/
export default function ArticleList({articles, cursor, listTop, rows, width, isRead, emptyMessage}: Props) {
	if (articles.length === 0) {
		return <Text wrap="truncate-end">{emptyMessage}</Text>;
	}

	const top = listWindowTop(listTop, cursor, rows, articles.length);
	const rowWidth = Math.max(1, width - indicatorWidth);
	const items = articles.slice(top, top + Math.max(1, rows)).map(article => ({
		key: article.id,
		value: article.id,
		label: formatRow(article, isRead(article.id), rowWidth),
	}));
	return (
		<Box flexDirection="column">
			<SelectInput
				key={`${top}:${cursor}`}
				items={items}
				limit={Math.max(1, rows)}
				initialIndex={cursor - top}
				isFocused={false}
				indicatorComponent={Indicator}
				itemComponent={Row}
			/>
		</Box>
	);
}
