import {useRef} from 'react';
import {findInLines, type LineMatch} from '../core/reader/find-in-lines.js';

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
