/**
The search query language, parsed into clauses that every article must match (or, excluded, must not):

- `word`: the word in any field; `word*`: any word starting with it.
- `"two words"`: the words next to each other, in that order; a lone quote runs to the end of the query.
- `title:`, `source:`, `author:`, `tag:` (or `tags:`) and `body:` before a word or a phrase: only in that field.
- `-word`, `-"a phrase"`, `-tag:sport`: articles that match it are left out.

A word that the tokenizer splits into several terms (`e-mail`, `U.S.`, `東京都`) is a phrase of them. Parsing never
fails: whatever cannot be read as syntax is read as text, and text without any term is ignored.
*/
import {isCjkTerm, tokenizeTerms} from './tokenize.js';

/** The parts of an article that are searched, in the order of their field numbers in the index. */
export const searchFields = ['title', 'source', 'author', 'tags', 'body'] as const;
export type SearchField = typeof searchFields[number];

/** One condition of a query. */
export type QueryClause = {
	/** Folded terms: one for a word, several for a phrase. */
	readonly terms: readonly string[];
	/** The terms must follow each other (a quoted phrase, or a word that splits into several terms). */
	readonly isPhrase: boolean;
	/** The last term matches any term that starts with it. */
	readonly isPrefix: boolean;
	/** Where the clause is looked for. */
	readonly fields: readonly SearchField[];
	/** Articles that match it are left out. */
	readonly isExcluded: boolean;
};

export type SearchQuery = {
	readonly clauses: readonly QueryClause[];
};

/** Longer queries are cut: each clause costs a look-up, and nobody types this much. */
export const maxQueryLength = 1000;
export const maxClauses = 32;

const fieldNames: Readonly<Record<string, SearchField>> = {
	title: 'title', source: 'source', author: 'author', tag: 'tags', tags: 'tags', body: 'body',
};

const fieldPrefix = /(title|source|author|tags?|body):(?=\S)/iy;
const quotes = new Set(['"', '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB']);

function isSpace(character: string): boolean {
	return character === ' ' || character === '\t' || character === '\n' || character === '\r' || character === '\u3000' || character === '\u00A0';
}

export type ParseOptions = {
	/**
	Treat the last word as a prefix unless the query ends with a space: for filtering as the user types, where the
	last word is usually unfinished.
	*/
	readonly isPrefixLast?: boolean;
};

/** Parse a query. Never throws. */
export function parseQuery(input: string, options: ParseOptions = {}): SearchQuery {
	const text = input.slice(0, maxQueryLength);
	const clauses: QueryClause[] = [];
	let index = 0;
	let lastWordClause = -1;
	while (index < text.length && clauses.length < maxClauses) {
		if (isSpace(text[index]!)) {
			index++;
			continue;
		}

		let isExcluded = false;
		if ((text[index] === '-' || text[index] === '+') && index + 1 < text.length && !isSpace(text[index + 1]!)) {
			isExcluded = text[index] === '-';
			index++;
		}

		let fields: readonly SearchField[] = searchFields;
		fieldPrefix.lastIndex = index;
		const field = fieldPrefix.exec(text);
		if (field) {
			fields = [fieldNames[field[1]!.toLowerCase()]!];
			index = fieldPrefix.lastIndex;
		}

		let body: string;
		let isQuoted = false;
		let isPrefix = false;
		if (quotes.has(text[index]!)) {
			const close = findClosingQuote(text, index + 1);
			body = text.slice(index + 1, close);
			index = close + 1;
			isQuoted = true;
			if (text[index] === '*') {
				isPrefix = true;
				index++;
			}
		} else {
			const start = index;
			while (index < text.length && !isSpace(text[index]!)) {
				index++;
			}

			body = text.slice(start, index);
			isPrefix = /[^*]\*+$/.test(body);
		}

		const terms = tokenizeTerms(body);
		if (terms.length === 0) {
			continue;
		}

		// A lone Chinese or Japanese character is indexed inside bigrams: it is found as the start of one.
		const isLoneCjk = terms.length === 1 && [...terms[0]!].length === 1 && isCjkTerm(terms[0]!);
		clauses.push({terms, isPhrase: terms.length > 1, isPrefix: isPrefix || isLoneCjk, fields, isExcluded});
		lastWordClause = isQuoted || isExcluded ? -1 : clauses.length - 1;
	}

	if (options.isPrefixLast && lastWordClause === clauses.length - 1 && lastWordClause >= 0 && !isSpace(input.at(-1) ?? ' ')) {
		clauses[lastWordClause] = {...clauses[lastWordClause]!, isPrefix: true};
	}

	return {clauses};
}

/** Where the quote opened before `start` closes: the next quote, or the end of the text. */
function findClosingQuote(text: string, start: number): number {
	for (let index = start; index < text.length; index++) {
		if (quotes.has(text[index]!)) {
			return index;
		}
	}

	return text.length;
}

/** True when the query has something to look for (excluded clauses alone find nothing). */
export function hasPositiveClause(query: SearchQuery): boolean {
	return query.clauses.some(clause => !clause.isExcluded);
}

/** A term to highlight: the folded term, and whether words that start with it count. */
export type HighlightTerm = {readonly term: string; readonly isPrefix: boolean};

/** The terms worth highlighting: those of the clauses that must match. */
export function highlightTerms(query: SearchQuery): HighlightTerm[] {
	const seen = new Set<string>();
	const terms: HighlightTerm[] = [];
	for (const clause of query.clauses) {
		if (clause.isExcluded) {
			continue;
		}

		for (const [index, term] of clause.terms.entries()) {
			const isPrefix = clause.isPrefix && index === clause.terms.length - 1;
			const key = `${isPrefix ? '*' : '='}${term}`;
			if (!seen.has(key)) {
				seen.add(key);
				terms.push({term, isPrefix});
			}
		}
	}

	return terms;
}
