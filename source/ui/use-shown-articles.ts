import {useRef} from 'react';
import type {ArticleMeta} from '../core/article.js';
import {filterArticles, type ReadLookup} from '../core/library.js';
import type {ReaderState} from '../core/state.js';

type Entry = {
	readonly filter: string;
	readonly unreadOnly: boolean;
	readonly generation: number;
	readonly articles: readonly ArticleMeta[];
};

/**
The shown list for a state: the store's articles after the filter and unread-only. It is rebuilt only when those
(or the list generation) change, and is otherwise the same array, so a keypress costs nothing per article even at
100,000 articles. Without a filter it is the store's own array.
*/
export function useShownArticles(articles: readonly ArticleMeta[], reads: ReadLookup): (state: ReaderState) => readonly ArticleMeta[] {
	const cache = useRef<Entry | undefined>(undefined);
	return (state: ReaderState) => {
		const entry = cache.current;
		if (entry && entry.filter === state.filter && entry.unreadOnly === state.unreadOnly && entry.generation === state.listGeneration) {
			return entry.articles;
		}

		const shown = filterArticles(articles, {query: state.filter, unreadOnly: state.unreadOnly}, reads);
		cache.current = {filter: state.filter, unreadOnly: state.unreadOnly, generation: state.listGeneration, articles: shown};
		return shown;
	};
}
