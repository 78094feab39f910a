import type {LineMatch} from '../core/reader/find-in-lines.js';
import {articleHints, helpHint, linksHints, searchPromptHint} from '../core/reader/screen-text.js';
import type {ReaderState} from '../core/reader/state.js';
import {percent, positionLabel} from '../core/reader/viewport.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import ArticleView from './ArticleView.js';
import Frame, {type Status} from './Frame.js';
import LinkList from './LinkList.js';
import type {ShownDocument} from './use-article-lines.js';
import {useFilterMatches} from './use-article-search.js';

type Props = {
	readonly width: number;
	readonly height: number;
	readonly isRedrawn: boolean;
	readonly state: ReaderState;
	/** The open article as rendered at `textWidth`, or, while that render is coming, a placeholder or the old width's. */
	readonly document: ShownDocument;
	readonly textWidth: number;
	/** Rows for the article's lines. */
	readonly rows: number;
	/** Whether matches may be shown in reverse video and underlined. */
	readonly isColor: boolean;
	readonly findMatches: (lines: readonly string[], query: string) => readonly LineMatch[];
};

function articleStatus(state: ReaderState, lineCount: number, rows: number, matchCount: number, isPlaceholder: boolean): Status {
	if (state.searchInput !== undefined) {
		return {left: `/${sanitizeLine(state.searchInput)}▏`, right: searchPromptHint, isMessage: true};
	}

	if (isPlaceholder) {
		return {left: state.status ?? articleHints, right: helpHint, isMessage: state.status !== undefined};
	}

	const position = `${positionLabel(state.offset, lineCount, rows)} · ${percent(state.offset, lineCount, rows)}%`;
	const match = matchCount > 0 ? `match ${state.matchIndex + 1} of ${matchCount} · ` : '';
	return {left: state.status ?? articleHints, right: `${match}${position} · ${helpHint}`, isMessage: state.status !== undefined};
}

/** The open article in the pager (or its list of links), centred in a wide window, with its position in the status line. */
export default function ArticleScreen({width, height, isRedrawn, state, document, textWidth, rows, isColor, findMatches}: Props) {
	const findFilterMatches = useFilterMatches();
	if (state.overlay === 'links') {
		return (
			<Frame width={width} height={height} status={{left: state.status ?? linksHints, right: helpHint, isMessage: state.status !== undefined}} isRedrawn={isRedrawn}>
				<LinkList links={document.links} cursor={state.linkCursor} rows={rows} width={width}/>
			</Frame>
		);
	}

	const matches = document.isPending ? [] : findMatches(document.lines, state.search);
	const margin = Math.max(0, Math.floor((width - textWidth) / 2));
	return (
		<Frame width={width} height={height} status={articleStatus(state, document.lines.length, rows, matches.length, document.width === undefined)} isRedrawn={isRedrawn}>
			<ArticleView
				lines={document.lines}
				offset={state.offset}
				rows={rows}
				margin={margin}
				matches={isColor ? matches : []}
				filterMatches={isColor ? findFilterMatches(document.lines, state.filter) : []}
			/>
		</Frame>
	);
}
