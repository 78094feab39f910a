import {useRef} from 'react';
import type {ArticleMeta} from '../core/article/article.js';
import type {ReadLookup} from '../core/store/library.js';
import type {ReaderState} from '../core/reader/state.js';

type Entry = {
	readonly filter: string;
	readonly query: string;
	readonly unreadOnly: boolean;
	readonly generation: number;
	readonly articles: readonly ArticleMeta[];
	/** Positions of `articles` in the store's list, when filtered; undefined when it is the store's list itself. */
	readonly indexes: readonly number[] | undefined;
};

/**
The shown list for a state: the store's articles after the filter and unread-only, with the meaning of core/library's
`filterArticles` (case-insensitive text in title or source). Built for speed at 100,000 articles:
- the same array comes back until filter, unread-only or the list generation change, so a keypress costs nothing per
  article, and without a filter it is the store's own array;
- the lower-cased text of each article is made once, on the first filter, not on every typed character;
- a longer query (typing on) only searches the previous matches.
*/
export function createShownArticles(articles: readonly ArticleMeta[], reads: ReadLookup): (state: ReaderState) => readonly ArticleMeta[] {
	let entry: Entry | undefined;
	let haystacks: string[] | undefined;
	return (state: ReaderState) => {
		if (entry && entry.filter === state.filter && entry.unreadOnly === state.unreadOnly && entry.generation === state.listGeneration) {
			return entry.articles;
		}

		const query = state.filter.trim().toLocaleLowerCase();
		const {unreadOnly} = state;
		if (!query && !unreadOnly) {
			entry = {filter: state.filter, query, unreadOnly, generation: state.listGeneration, articles, indexes: undefined};
			return articles;
		}

		haystacks ??= query ? articles.map(article => `${article.title}\n${article.source ?? ''}`.toLocaleLowerCase()) : undefined;
		const canNarrow = entry?.indexes !== undefined
			&& entry.unreadOnly === unreadOnly
			&& entry.generation === state.listGeneration
			&& query.includes(entry.query);
		const candidates = canNarrow ? entry!.indexes! : undefined;
		const shown: ArticleMeta[] = [];
		const indexes: number[] = [];
		const consider = (index: number) => {
			const article = articles[index]!;
			if (unreadOnly && reads.isRead(article.id)) {
				return;
			}

			if (query && !haystacks![index]!.includes(query)) {
				return;
			}

			shown.push(article);
			indexes.push(index);
		};

		if (candidates) {
			for (const index of candidates) {
				consider(index);
			}
		} else {
			for (let index = 0; index < articles.length; index++) {
				consider(index);
			}
		}

		entry = {filter: state.filter, query, unreadOnly, generation: state.listGeneration, articles: shown, indexes};
		return shown;
	};
}

/** `createShownArticles`, kept for the life of the component. */
export function useShownArticles(articles: readonly ArticleMeta[], reads: ReadLookup): (state: ReaderState) => readonly ArticleMeta[] {
	const shown = useRef<ReturnType<typeof createShownArticles> | undefined>(undefined);
	shown.current ??= createShownArticles(articles, reads);
	return shown.current;
}
