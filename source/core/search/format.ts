/**
How `inkwire search` prints its results: tab-separated lines in a pipe (like `list`), a JSON array with `--json`, and
on a terminal a title line, a details line and the snippet, with the matches in bold when colour is on. Every field
from an article goes through the sanitiser; snippets come from makeSnippet, which sanitises too.
*/
import type {ArticleMeta} from '../article/article.js';
import {dayOf, metaToJson} from '../render/list-format.js';
import {sanitizeLine} from '../text/sanitize.js';
import {findMatchesInLine} from './highlight.js';
import type {SearchQuery} from './query.js';
import type {Snippet} from './snippet.js';

/** One result to print. */
export type PrintedResult = {
	readonly article: ArticleMeta;
	readonly score: number;
	readonly snippet: Snippet | undefined;
	readonly isRead: boolean;
};

const bold = '\u001B[1m';
const normal = '\u001B[22m';
const dim = '\u001B[2m';
const underline = '\u001B[4m';
const noUnderline = '\u001B[24m';

/** One tab-separated line per result: id, day, source, title, snippet. No field holds a tab or a newline. */
export function formatResultsText(results: readonly PrintedResult[]): string {
	let text = '';
	for (const {article, snippet} of results) {
		text += [sanitizeLine(article.id), dayOf(article.date), sanitizeLine(article.source ?? ''), sanitizeLine(article.title), snippet?.text ?? ''].join('\t') + '\n';
	}

	return text;
}

/** The `--json` output: each result as `list --json` shows the article, plus its score and snippet. */
export function formatResultsJson(results: readonly PrintedResult[]): string {
	return JSON.stringify(results.map(({article, score, snippet, isRead}) => ({
		...metaToJson(article, isRead),
		score,
		snippet: snippet?.text ?? null,
	})), undefined, 2) + '\n';
}

/** Wrap the given [start, end) ranges of already sanitised text in `on` and `off`. */
function emphasise(text: string, ranges: ReadonlyArray<readonly [number, number]>, on = bold, off = normal): string {
	let output = '';
	let at = 0;
	for (const [start, end] of ranges) {
		if (start < at) {
			continue;
		}

		output += `${text.slice(at, start)}${on}${text.slice(start, end)}${off}`;
		at = end;
	}

	return output + text.slice(at);
}

/** For a terminal: title, then id, day and source, then the snippet indented; a blank line between results. */
export function formatResultsForTerminal(results: readonly PrintedResult[], query: SearchQuery, isColor: boolean): string {
	const blocks: string[] = [];
	for (const {article, snippet} of results) {
		const title = sanitizeLine(article.title);
		const details = [sanitizeLine(article.id), dayOf(article.date), sanitizeLine(article.source ?? '')].filter(part => part !== '').join(' · ');
		const lines = isColor
			? [`${bold}${emphasise(title, findMatchesInLine(title, query), underline, noUnderline)}${normal}`, `${dim}${details}${normal}`]
			: [title, details];
		if (snippet && snippet.text !== '') {
			lines.push(`  ${isColor ? emphasise(snippet.text, snippet.matches) : snippet.text}`);
		}

		blocks.push(lines.join('\n'));
	}

	return blocks.length > 0 ? `${blocks.join('\n\n')}\n` : '';
}
