import {Box, Text} from 'ink';
import {emptyStoreHint} from '../core/reader/screen-text.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import StatusBar from './StatusBar.js';

type Props = {
	/** The folder that was scanned, absolute. */
	readonly storePath: string;
	readonly storeName: string;
	readonly width: number;
	/** Rows of the terminal; the screen uses at most `height - 1`. */
	readonly height: number;
};

/** What a new user sees when the store has no article: where inkwire looked and what it would have read. */
export default function EmptyStore({storePath, storeName, width, height}: Props) {
	const lines = [
		`inkwire · ${sanitizeLine(storeName)} · no articles`,
		'',
		'No articles were found in',
		`  ${sanitizeLine(storePath)}`,
		'',
		'inkwire reads these files there, subfolders included:',
		'  • .md and .markdown: Markdown with YAML front matter (title, source, date, url)',
		'  • .txt: text scraped from a news page (headline, byline, dateline, then the story)',
		'',
		'Add some articles, or point inkwire at another folder with --data, then start it again.',
	];
	return (
		<Box flexDirection="column" height={Math.max(1, height - 1)} width={width}>
			<Box flexDirection="column" flexGrow={1}>
				{lines.slice(0, Math.max(0, height - 2)).map((line, index) => (
					// eslint-disable-next-line react/no-array-index-key
					<Text key={index} bold={index === 0} wrap="truncate-end">{line || ' '}</Text>
				))}
			</Box>
			<StatusBar left={emptyStoreHint} right="" width={width}/>
		</Box>
	);
}
