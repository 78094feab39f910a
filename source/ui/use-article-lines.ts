import {useRef} from 'react';
import type {Article} from '../core/article/article.js';
import {sanitizeLine} from '../core/text/sanitize.js';

type Loader = {
	loadArticle(id: string): Article;
	renderArticle(article: Article, width: number): string[];
};

/** How many loaded articles and rendered documents to keep: enough for n/p back and forth, small at any store size. */
const cacheSize = 8;

type Cache = {
	width: number;
	lines: Map<string, readonly string[]>;
	articles: Map<string, Article | Error>;
};

function remember<T>(map: Map<string, T>, key: string, value: T): T {
	map.set(key, value);
	if (map.size > cacheSize) {
		const oldest = map.keys().next();
		if (!oldest.done) {
			map.delete(oldest.value);
		}
	}

	return value;
}

/**
Rendered lines of articles at one width, cached per (article id, width): paging and moving between articles never
re-renders Markdown, and a resize re-wraps only the article that is shown. A load error becomes the document's text.
*/
export function useArticleLines(services: Loader, width: number): (id: string) => readonly string[] {
	const cache = useRef<Cache>({width, lines: new Map(), articles: new Map()});
	if (cache.current.width !== width) {
		// Lines at the old width are of no more use; the loaded articles are.
		cache.current = {width, lines: new Map(), articles: cache.current.articles};
	}

	const current = cache.current;
	return (id: string) => {
		const cached = current.lines.get(id);
		if (cached) {
			return cached;
		}

		let article = current.articles.get(id);
		if (article === undefined) {
			try {
				article = services.loadArticle(id);
			} catch (error) {
				article = error instanceof Error ? error : new Error(String(error));
			}

			remember(current.articles, id, article);
		}

		let lines: readonly string[];
		if (article instanceof Error) {
			lines = ['', `Could not open this article: ${sanitizeLine(article.message)}`];
		} else {
			try {
				lines = services.renderArticle(article, width);
			} catch (error) {
				lines = ['', `Could not show this article: ${sanitizeLine(error instanceof Error ? error.message : String(error))}`];
			}
		}

		return remember(current.lines, id, lines);
	};
}
