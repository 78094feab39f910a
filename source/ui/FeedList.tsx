import {Box, Text} from 'ink';
import type {FeedRow} from '../core/reader/state.js';
import {listWindowTop} from '../core/reader/viewport.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {fitWidth, padToWidth} from '../core/text/width.js';

type Props = {
	readonly feeds: readonly FeedRow[];
	/** The highlighted feed. */
	readonly cursor: number;
	/** Rows for the feeds. */
	readonly rows: number;
	readonly width: number;
};

/** The feeds view's rows: unread count, articles, name; a feed whose last fetch failed is marked. */
export default function FeedList({feeds, cursor, rows, width}: Props) {
	if (feeds.length === 0) {
		return <Text wrap="truncate-end">{fitWidth('No feeds yet. `inkwire add URL` subscribes to one, then R fetches it.', width)}</Text>;
	}

	const top = listWindowTop(Math.max(0, cursor - rows + 1), cursor, rows, feeds.length);
	return (
		<Box flexDirection="column">
			{feeds.slice(top, top + rows).map((feed, index) => {
				const isHighlighted = top + index === cursor;
				const counts = `${padToWidth(`${feed.unread.toLocaleString('en-US')} unread`, 13)}${padToWidth(`${feed.total.toLocaleString('en-US')} articles`, 15)}`;
				const row = fitWidth(`${feed.unread > 0 ? '●' : ' '} ${counts}${sanitizeLine(feed.name)}${feed.isFailed ? '  (last fetch failed)' : ''}`, Math.max(1, width - 2));
				return (
					<Text key={feed.folder} wrap="truncate-end">
						<Text color="cyan">{isHighlighted ? '❯ ' : '  '}</Text>
						<Text inverse={isHighlighted} bold={feed.unread > 0}>{row}</Text>
					</Text>
				);
			})}
		</Box>
	);
}
