import type {ArticleMeta} from '../article/article.js';

/** Something that knows which articles are read, and perhaps which are starred and how far each was read. */
export type ReadLookup = {
	isRead(id: string): boolean;
	isSaved?(id: string): boolean;
	position?(id: string): number | undefined;
};

/**
Compare two articles for "newest first": ISO 8601 dates of any precision sort correctly as strings once the time
zone suffix is ignored; undated articles go last; ties fall back to the id so the order is stable across runs.
*/
export function compareNewestFirst(a: ArticleMeta, b: ArticleMeta): number {
	const left = a.date ?? '';
	const right = b.date ?? '';
	if (left !== right) {
		return left < right ? 1 : -1;
	}

	return compareCodeUnits(a.id, b.id);
}

/** Code unit order, the same on every machine and locale (unlike localeCompare). */
export function compareCodeUnits(left: string, right: string): number {
	return left < right ? -1 : (left > right ? 1 : 0);
}

export type ArticleFilter = {
	/** Keep only unread articles. */
	readonly unreadOnly?: boolean;
	/** Keep only starred (saved) articles. */
	readonly starredOnly?: boolean;
	/** Keep only articles with this tag (case-insensitive). */
	readonly tag?: string;
	/** Keep only articles whose source contains this text (case-insensitive). */
	readonly source?: string;
	/** Case-insensitive text that must appear in the title or the source. */
	readonly query?: string;
};

/** True when the article passes the filter. */
export function matchesFilter(article: ArticleMeta, filter: ArticleFilter, reads: ReadLookup): boolean {
	if (filter.unreadOnly && reads.isRead(article.id)) {
		return false;
	}

	if (filter.starredOnly && !reads.isSaved?.(article.id)) {
		return false;
	}

	const tag = filter.tag?.trim().toLocaleLowerCase();
	if (tag && !article.tags.some(candidate => candidate.toLocaleLowerCase() === tag)) {
		return false;
	}

	const source = filter.source?.trim().toLocaleLowerCase();
	if (source && !(article.source ?? '').toLocaleLowerCase().includes(source)) {
		return false;
	}

	const query = filter.query?.trim().toLocaleLowerCase();
	if (query) {
		const haystack = `${article.title}\n${article.source ?? ''}`.toLocaleLowerCase();
		return haystack.includes(query);
	}

	return true;
}

/** The articles that pass the filter, in their given order. */
export function filterArticles<T extends ArticleMeta>(articles: readonly T[], filter: ArticleFilter, reads: ReadLookup): T[] {
	if (!filter.unreadOnly && !filter.starredOnly && !filter.query?.trim() && !filter.tag?.trim() && !filter.source?.trim()) {
		return articles as T[];
	}

	return articles.filter(article => matchesFilter(article, filter, reads));
}

/** How many of the articles are unread. */
export function countUnread(articles: readonly ArticleMeta[], reads: ReadLookup): number {
	let count = 0;
	for (const article of articles) {
		if (!reads.isRead(article.id)) {
			count++;
		}
	}

	return count;
}

/** What an id or id prefix given on the command line points at. */
export type Lookup<T> =
	| {readonly kind: 'found'; readonly article: T}
	| {readonly kind: 'ambiguous'; readonly candidates: readonly T[]}
	| {readonly kind: 'none'};

/** Find an article by exact id, else by a unique id prefix (case-sensitive, as ids are paths). */
export function findArticle<T extends ArticleMeta>(articles: readonly T[], query: string): Lookup<T> {
	const exact = articles.find(article => article.id === query);
	if (exact) {
		return {kind: 'found', article: exact};
	}

	const candidates = query === '' ? [] : articles.filter(article => article.id.startsWith(query));
	if (candidates.length === 1) {
		return {kind: 'found', article: candidates[0]!};
	}

	return candidates.length > 1 ? {kind: 'ambiguous', candidates} : {kind: 'none'};
}
