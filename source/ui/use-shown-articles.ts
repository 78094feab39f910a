import {useRef} from 'react';
import type {ArticleMeta} from '../core/article/article.js';
import type {ReadLookup} from '../core/store/library.js';
import type {ReaderState} from '../core/reader/state.js';
import type {SearchService} from './services.js';

type Entry = {
	readonly filter: string;
	readonly query: string;
	readonly unreadOnly: boolean;
	readonly starredOnly: boolean;
	readonly feedFolder: string | undefined;
	readonly generation: number;
	readonly articles: readonly ArticleMeta[];
	/** Positions of `articles` in the store's list, when filtered; undefined when it is the store's list itself. */
	readonly indexes: readonly number[] | undefined;
	/** Whether the filter went through the full-text index (ranked, bodies too) rather than titles and sources. */
	readonly isFullText: boolean;
};

/**
The shown list for a state: the store's articles after unread-only, starred-only and the filter. The filter is a
search (core/search/query.ts: words, "phrases", prefix*, -exclusions, source:, tag:, title:, author:) over the
full-text index once it is ready, ranked, bodies included; until then, as core/library's `filterArticles` does,
case-insensitive text in the title or source. Built for speed at 100,000 articles:
- the same array comes back until filter, unread-only, starred-only or the list generation change, so a keypress
  costs nothing per article, and without a filter or view it is the store's own array;
- the lower-cased text of each article is made once, on the first title filter, not on every typed character;
- a longer title filter (typing on) only searches the previous matches.
*/
export function createShownArticles(articles: readonly ArticleMeta[], reads: ReadLookup, search?: SearchService): (state: ReaderState) => readonly ArticleMeta[] {
	let entry: Entry | undefined;
	let haystacks: string[] | undefined;
	let positions: Map<string, number> | undefined;
	const isSame = (state: ReaderState) => entry !== undefined && entry.filter === state.filter && entry.unreadOnly === state.unreadOnly
		&& entry.starredOnly === state.starredOnly && entry.feedFolder === state.feedFolder && entry.generation === state.listGeneration;
	const keeps = (article: ArticleMeta, state: ReaderState) => (!state.unreadOnly || !reads.isRead(article.id))
		&& (!state.starredOnly || (reads.isSaved?.(article.id) ?? false))
		&& (state.feedFolder === undefined || article.id.startsWith(`${state.feedFolder}/`));
	return (state: ReaderState) => {
		if (isSame(state)) {
			return entry!.articles;
		}

		const query = state.filter.trim().toLocaleLowerCase();
		const {unreadOnly, starredOnly, feedFolder} = state;
		const base = {filter: state.filter, query, unreadOnly, starredOnly, feedFolder, generation: state.listGeneration};
		if (!query && !unreadOnly && !starredOnly && feedFolder === undefined) {
			entry = {...base, articles, indexes: undefined, isFullText: false};
			return articles;
		}

		const found = query ? search?.find(state.filter) : undefined;
		if (found) {
			positions ??= new Map(articles.map((article, index) => [article.id, index]));
			const shown: ArticleMeta[] = [];
			for (const id of found.ids) {
				const index = positions.get(id);
				if (index !== undefined && keeps(articles[index]!, state)) {
					shown.push(articles[index]!);
				}
			}

			entry = {...base, articles: shown, indexes: undefined, isFullText: true};
			return shown;
		}

		haystacks ??= query ? articles.map(article => `${article.title}\n${article.source ?? ''}`.toLocaleLowerCase()) : undefined;
		const canNarrow = entry?.indexes !== undefined && !entry.isFullText
			&& entry.unreadOnly === unreadOnly && entry.starredOnly === starredOnly && entry.feedFolder === feedFolder
			&& entry.generation === state.listGeneration
			&& query.includes(entry.query);
		const candidates = canNarrow ? entry!.indexes! : undefined;
		const shown: ArticleMeta[] = [];
		const indexes: number[] = [];
		const consider = (index: number) => {
			const article = articles[index]!;
			if (!keeps(article, state) || (query && !haystacks![index]!.includes(query))) {
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

		entry = {...base, articles: shown, indexes, isFullText: false};
		return shown;
	};
}

/** `createShownArticles`, kept until the store's list changes (a fetch scans it again). */
export function useShownArticles(articles: readonly ArticleMeta[], reads: ReadLookup, search?: SearchService): (state: ReaderState) => readonly ArticleMeta[] {
	const shown = useRef<{articles: readonly ArticleMeta[]; shownFor: ReturnType<typeof createShownArticles>} | undefined>(undefined);
	if (shown.current?.articles !== articles) {
		shown.current = {articles, shownFor: createShownArticles(articles, reads, search)};
	}

	return shown.current.shownFor;
}
