import {useRef} from 'react';
import {findInLines, visibleText, type LineMatch} from '../core/reader/find-in-lines.js';
import {findMatches} from '../core/search/highlight.js';
import {parseQuery} from '../core/search/query.js';

/**
A search in rendered lines, remembered for the lines and query it was made for: `n`, `N` and every frame ask again,
and only new lines (another article, a resize) or a new query search again.
*/
export function useArticleSearch(): (lines: readonly string[] | undefined, query: string) => readonly LineMatch[] {
	const cache = useRef<{lines: readonly string[] | undefined; query: string; matches: readonly LineMatch[]}>({lines: undefined, query: '', matches: []});
	return (lines, query) => {
		if (!lines || query === '') {
			return [];
		}

		if (cache.current.lines !== lines || cache.current.query !== query) {
			cache.current = {lines, query, matches: findInLines(lines, query)};
		}

		return cache.current.matches;
	};
}

/**
The words the list's filter matched, in rendered lines, as the full-text search matches them (whole words, the last a
prefix, phrases across lines): underlined in the article opened from a filtered list. Remembered like a search.
*/
export function useFilterMatches(): (lines: readonly string[] | undefined, filter: string) => readonly LineMatch[] {
	const cache = useRef<{lines: readonly string[] | undefined; filter: string; matches: readonly LineMatch[]}>({lines: undefined, filter: '', matches: []});
	return (lines, filter) => {
		if (!lines || filter.trim() === '') {
			return [];
		}

		if (cache.current.lines !== lines || cache.current.filter !== filter) {
			const found = findMatches(lines.map(line => visibleText(line)), parseQuery(filter, {isPrefixLast: true}));
			cache.current = {lines, filter, matches: found.flatMap(match => match.ranges)};
		}

		return cache.current.matches;
	};
}
