import {useRef, useState} from 'react';
import type {Article} from '../core/article/article.js';
import {isRenderPrepared, type RenderResult} from '../core/render/article.js';
import {sanitizeLine} from '../core/text/sanitize.js';

type Loader = {
	loadArticle(id: string): Article;
	renderArticle(article: Article, width: number, highlight?: boolean): RenderResult;
	prepareArticle?(article: Article): Promise<void>;
};

/** How many loaded articles and rendered documents to keep: enough for n/p back and forth, small at any store size. */
const cacheSize = 8;

type Cache = {
	width: number;
	documents: Map<string, RenderResult>;
	articles: Map<string, Article | Error>;
	/** Ids whose code highlighters are loading: rendered without syntax colours until then, and not cached. */
	preparing: Set<string>;
	/** Ids whose loading has finished, whether or not it worked (a failure shows as a warning in the render). */
	prepared: Set<string>;
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

function message(lines: string[]): RenderResult {
	return {lines, links: [], warnings: []};
}

/**
Rendered articles at one width, cached per (article id, width): paging and moving between articles never re-renders
Markdown, and a resize re-wraps only the article that is shown. A load error becomes the document's text. An article
whose code names a language is shown at once without syntax colours, and again with them once they have loaded.
*/
export function useArticleLines(services: Loader, width: number): (id: string) => RenderResult {
	const cache = useRef<Cache>({width, documents: new Map(), articles: new Map(), preparing: new Set(), prepared: new Set()});
	const [, setPrepared] = useState(0);
	if (cache.current.width !== width) {
		// Documents at the old width are of no more use; the loaded articles are.
		cache.current = {...cache.current, width, documents: new Map()};
	}

	const current = cache.current;
	return (id: string) => {
		const cached = current.documents.get(id);
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

		if (article instanceof Error) {
			return remember(current.documents, id, message(['', `Could not open this article: ${sanitizeLine(article.message)}`]));
		}

		const isReady = services.prepareArticle === undefined || current.prepared.has(id) || isRenderPrepared(article);
		if (!isReady && !current.preparing.has(id)) {
			current.preparing.add(id);
			void services.prepareArticle!(article).then(() => {
				current.preparing.delete(id);
				if (current.prepared.size > 1000) {
					current.prepared.clear();
				}

				current.prepared.add(id);
				current.documents.delete(id);
				setPrepared(version => version + 1);
			});
		}

		let document: RenderResult;
		try {
			document = services.renderArticle(article, width, isReady);
		} catch (error) {
			document = message(['', `Could not show this article: ${sanitizeLine(error instanceof Error ? error.message : String(error))}`]);
		}

		return isReady ? remember(current.documents, id, document) : document;
	};
}
