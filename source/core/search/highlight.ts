/**
Where a query matches in text that is already on screen: for highlighting the matched words and for searching
inside an article ("match 3 of 12"). The text is tokenized as the index does it, so a match here is a match there:
accents and case folded, prefixes, phrases (also across a line break), Chinese and Japanese bigrams.
*/
import {parseQuery, type QueryClause, type SearchQuery} from './query.js';
import {tokenize} from './tokenize.js';

/** Part of one line, in UTF-16 code units of that line: `start` inclusive, `end` exclusive. */
export type LineRange = {readonly line: number; readonly start: number; readonly end: number};

/** One match: usually one range; a phrase broken over lines has one per line. */
export type TextMatch = {readonly ranges: readonly LineRange[]};

type LineToken = {readonly term: string; readonly line: number; readonly start: number; readonly end: number};

function matchesTerm(token: string, term: string, isPrefix: boolean): boolean {
	return isPrefix ? token.startsWith(term) : token === term;
}

/** The length of the match of `clause` at token `at`, or 0. */
function matchAt(tokens: readonly LineToken[], at: number, clause: QueryClause): number {
	const {terms} = clause;
	if (at + terms.length > tokens.length) {
		return 0;
	}

	for (const [offset, term] of terms.entries()) {
		const isPrefix = clause.isPrefix && offset === terms.length - 1;
		if (!matchesTerm(tokens[at + offset]!.term, term, isPrefix)) {
			return 0;
		}
	}

	return terms.length;
}

function rangesOf(tokens: readonly LineToken[], from: number, count: number): LineRange[] {
	const ranges: LineRange[] = [];
	for (let index = from; index < from + count; index++) {
		const token = tokens[index]!;
		const last = ranges.at(-1);
		if (last?.line === token.line) {
			// Bigrams overlap, words do not: either way the range grows to the end of this token.
			ranges[ranges.length - 1] = {line: last.line, start: last.start, end: Math.max(last.end, token.end)};
		} else {
			ranges.push({line: token.line, start: token.start, end: token.end});
		}
	}

	return ranges;
}

/**
Every match of the query's required clauses in `lines` (plain text, no escape sequences), in reading order and not
overlapping. Fields are ignored: on screen an article is one text. A query given as a string is parsed here.
*/
export function findMatches(lines: readonly string[], query: SearchQuery | string): TextMatch[] {
	const parsed = typeof query === 'string' ? parseQuery(query) : query;
	const clauses = parsed.clauses.filter(clause => !clause.isExcluded);
	if (clauses.length === 0) {
		return [];
	}

	const tokens: LineToken[] = [];
	for (const [line, text] of lines.entries()) {
		tokenize(text, (term, start, end) => {
			tokens.push({term, line, start, end});
		});
	}

	const matches: TextMatch[] = [];
	let coveredUntil = 0;
	for (let at = 0; at < tokens.length; at++) {
		if (at < coveredUntil) {
			continue;
		}

		let longest = 0;
		for (const clause of clauses) {
			longest = Math.max(longest, matchAt(tokens, at, clause));
		}

		if (longest > 0) {
			matches.push({ranges: rangesOf(tokens, at, longest)});
			// A bigram phrase's tokens overlap by one character: the next match starts after its last token.
			coveredUntil = at + longest;
		}
	}

	return matches;
}

/** The matches in one line of text, as [start, end) pairs: for a snippet or a list row. */
export function findMatchesInLine(text: string, query: SearchQuery | string): Array<[number, number]> {
	return findMatches([text], query).flatMap(match => match.ranges.map(range => [range.start, range.end] as [number, number]));
}
