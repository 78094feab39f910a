import {useEffect, useRef, useState} from 'react';
import {sanitizeLine} from '../core/text/sanitize.js';
import type {ArticleDocument} from './services.js';

type Renderer = {
	renderArticle(id: string, width: number): Promise<ArticleDocument | undefined>;
	renderedArticle?(id: string, width: number): ArticleDocument | undefined;
};

/** What the pager shows for an article. */
export type ShownDocument = ArticleDocument & {
	/** The render is still coming: these are its title and "Rendering…", or the article at the old width. */
	readonly isPending: boolean;
	/** The width these lines were rendered for; undefined for the placeholder. */
	readonly width: number | undefined;
};

/** How many rendered documents to keep: enough for n/p back and forth and a resize, small at any store size. */
const cacheSize = 8;

type Cache = {
	/** Documents by width and id. */
	readonly documents: Map<string, {readonly document: ArticleDocument; readonly width: number; readonly id: string}>;
	/** The render asked for last and not answered yet. */
	requested: {readonly id: string; readonly width: number} | undefined;
	/** The document last shown in full: what stays on screen while the same article renders at a new width. */
	shown: {readonly document: ArticleDocument; readonly width: number; readonly id: string} | undefined;
};

const keyOf = (id: string, width: number) => `${width}\u0000${id}`;

/**
Rendered articles, cached per (article id, width): paging and moving between articles never render again, and a resize
renders only the article that is shown. Rendering happens off the key handler's thread (services.renderArticle), so
an article first shows its title and "Rendering…" (or, after a resize, the lines at the old width) and its lines
when they arrive; asking for another article supersedes the render still going.
*/
export function useArticleLines(services: Renderer, width: number): (id: string, title: string | undefined) => ShownDocument {
	const cache = useRef<Cache>({documents: new Map(), requested: undefined, shown: undefined});
	const isMounted = useRef(true);
	const [, setArrivals] = useState(0);
	useEffect(() => {
		isMounted.current = true;
		return () => {
			isMounted.current = false;
		};
	}, []);

	const current = cache.current;
	const remember = (id: string, document: ArticleDocument) => {
		current.documents.set(keyOf(id, width), {document, width, id});
		if (current.documents.size > cacheSize) {
			current.documents.delete(current.documents.keys().next().value!);
		}
	};

	return (id: string, title: string | undefined) => {
		const cached = current.documents.get(keyOf(id, width));
		if (cached) {
			current.shown = cached;
			return {...cached.document, isPending: false, width};
		}

		// Rendered already (the first screen opened it): shown in the first frame, not after a round trip.
		const rendered = services.renderedArticle?.(id, width);
		if (rendered) {
			remember(id, rendered);
			current.shown = {document: rendered, width, id};
			return {...rendered, isPending: false, width};
		}

		if (current.requested?.id !== id || current.requested.width !== width) {
			const requested = {id, width};
			current.requested = requested;
			void services.renderArticle(id, width).then(document => {
				if (current.requested === requested) {
					current.requested = undefined;
				}

				if (document === undefined || !isMounted.current) {
					return;
				}

				remember(id, document);
				setArrivals(count => count + 1);
			});
		}

		// The lines on screen stay until the new ones come (the reader's position refers to them), not some other
		// width's from the cache.
		if (current.shown?.id === id) {
			return {...current.shown.document, isPending: true, width: current.shown.width};
		}

		return {lines: [sanitizeLine(title ?? '') || 'Untitled', '', 'Rendering…'], links: [], isPending: true, width: undefined};
	};
}
