import {Box, Text} from 'ink';
import {listWindowTop} from '../core/reader/viewport.js';
import type {ArticleLink} from '../core/reader/state.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {displayWidth, fitWidth} from '../core/text/width.js';

type Props = {
	/** The article's numbered links, in number order. */
	readonly links: readonly ArticleLink[];
	/** The highlighted link (an index into `links`). */
	readonly cursor: number;
	/** Rows the overlay may use, its title included. */
	readonly rows: number;
	readonly width: number;
};

/** The links of the open article, one a row: `[3] text — https://…`, the highlighted one in reverse video. */
export default function LinkList({links, cursor, rows, width}: Props) {
	const listRows = Math.max(1, rows - 2);
	const top = listWindowTop(Math.max(0, cursor - listRows + 1), cursor, listRows, links.length);
	const numberWidth = `[${links.at(-1)?.number ?? 0}]`.length;
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate-end">{fitWidth(`Links (${links.length})`, width)}</Text>
			<Text> </Text>
			{links.slice(top, top + listRows).map((link, index) => {
				const label = `[${link.number}]`.padStart(numberWidth);
				const text = sanitizeLine(link.text);
				const url = sanitizeLine(link.url);
				const row = text === '' || text === url ? `${label} ${url}` : `${label} ${text} — ${url}`;
				const fitted = fitWidth(row, Math.max(1, width - 2));
				return (
					<Text key={link.number} inverse={top + index === cursor} wrap="truncate-end">
						{`${top + index === cursor ? '❯' : ' '} ${fitted}${' '.repeat(Math.max(0, width - 2 - displayWidth(fitted)))}`}
					</Text>
				);
			})}
		</Box>
	);
}
