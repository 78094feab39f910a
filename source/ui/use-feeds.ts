import {useEffect, useMemo, useRef, useState} from 'react';
import type {ArticleMeta} from '../core/article/article.js';
import type {Effect, FeedRow} from '../core/reader/state.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import type {Dispatch} from './use-reader-store.js';
import type {FeedSummary, ReaderServices} from './services.js';

type Feeds = {
	/** The store's articles: those the reader started with, then the list scanned after each fetch. */
	readonly articles: readonly ArticleMeta[];
	/** The subscriptions with their counts, once loaded for the feeds view. */
	readonly feedRows: readonly FeedRow[];
	/** "fetching 3/10 feeds · 12 new" while a fetch runs; undefined otherwise. */
	readonly activity: string | undefined;
	/** Carries out `load-feeds` and `fetch-feeds`; false for any other effect. */
	runFeedEffect(effect: Effect, dispatch: Dispatch, highlightedId: () => string | undefined): boolean;
};

/** Which feed each article belongs to (an index into `feeds`, -1 for none): ids of a feed's articles start with its folder. */
function feedOfArticles(feeds: readonly FeedSummary[], articles: readonly ArticleMeta[]): Int32Array {
	const owners = new Int32Array(articles.length).fill(-1);
	if (feeds.length === 0) {
		return owners;
	}

	const indexOfFolder = new Map(feeds.map((feed, index) => [feed.folder, index]));
	for (const [index, article] of articles.entries()) {
		const slash = article.id.indexOf('/');
		owners[index] = slash === -1 ? -1 : indexOfFolder.get(article.id.slice(0, slash)) ?? -1;
	}

	return owners;
}

/**
Unread and total articles of each feed. The owners are worked out once per list (`feedOfArticles`): a read mark, which
changes this on every r, then costs one look-up per article of a feed, and nothing when there are no subscriptions
(at 100,000 articles the whole count on every mark was the largest cost of a key in the list).
*/
function countByFeed(feeds: readonly FeedSummary[], articles: readonly ArticleMeta[], owners: Int32Array, isRead: (id: string) => boolean): FeedRow[] {
	if (feeds.length === 0) {
		return [];
	}

	const counts = feeds.map(() => ({unread: 0, total: 0}));
	for (const [index, owner] of owners.entries()) {
		if (owner !== -1) {
			const count = counts[owner]!;
			count.total++;
			count.unread += isRead(articles[index]!.id) ? 0 : 1;
		}
	}

	return feeds.map((feed, index) => ({name: feed.name, folder: feed.folder, isFailed: feed.isFailed, ...counts[index]!}));
}

/**
The feeds view's subscriptions and `R`'s background fetch: progress while it runs, then the store scanned again, the
new articles shown unread, the highlighted article still highlighted, and the summary in the status line.
*/
export function useFeeds(services: ReaderServices, readVersion: number): Feeds {
	const [articles, setArticles] = useState(services.articles);
	const [feeds, setFeeds] = useState<readonly FeedSummary[]>([]);
	const [activity, setActivity] = useState<string | undefined>(undefined);
	const afterFetch = useRef<{dispatch: Dispatch; highlightedId: string | undefined; message: string} | undefined>(undefined);
	const owners = useMemo(() => feedOfArticles(feeds, articles), [feeds, articles]);
	const feedRows = useMemo(
		() => countByFeed(feeds, articles, owners, id => services.readState.isRead(id)),
		// `readVersion` stands for the read marks.
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[feeds, articles, owners, services.readState, readVersion],
	);

	// The new list is drawn first; then the shown list is rebuilt from it with the same article highlighted.
	useEffect(() => {
		const pending = afterFetch.current;
		if (pending) {
			afterFetch.current = undefined;
			pending.dispatch({type: 'reload'});
			pending.dispatch({type: 'list-changed', highlightedId: pending.highlightedId});
			pending.dispatch({type: 'fetch-ended', message: pending.message});
		}
	}, [articles]);

	const loadFeeds = async (dispatch: Dispatch) => {
		try {
			const listed = await services.feeds!.list();
			setFeeds(listed.feeds);
			if (listed.feeds.length === 0) {
				dispatch({type: 'status', text: 'No feeds yet: inkwire add URL subscribes to one'});
			}
		} catch (error) {
			dispatch({type: 'status', text: `Could not read the subscriptions: ${sanitizeLine(error instanceof Error ? error.message : String(error))}`});
		}
	};

	const runFeedEffect = (effect: Effect, dispatch: Dispatch, highlightedId: () => string | undefined): boolean => {
		if (effect.type !== 'load-feeds' && effect.type !== 'fetch-feeds') {
			return false;
		}

		if (!services.feeds) {
			const message = 'Feeds are not available here';
			dispatch(effect.type === 'fetch-feeds' ? {type: 'fetch-ended', message} : {type: 'status', text: message});
			return true;
		}

		if (effect.type === 'load-feeds') {
			void loadFeeds(dispatch);
			return true;
		}

		setActivity('fetching the feeds…');
		services.feeds.fetch(progress => {
			setActivity(`fetching ${progress.done}/${progress.total} feeds · ${progress.newArticles} new`);
		}).then(result => {
			setActivity(undefined);
			const failures = result.failures.length > 0 ? ` (${result.failures.slice(0, 2).join('; ')})` : '';
			const message = sanitizeLine(`Fetched: ${result.summary}${failures}`);
			void loadFeeds(dispatch);
			if (result.articles) {
				afterFetch.current = {dispatch, highlightedId: highlightedId(), message};
				setArticles(result.articles);
			} else {
				dispatch({type: 'fetch-ended', message});
			}
		}, (error: unknown) => {
			setActivity(undefined);
			dispatch({type: 'fetch-ended', message: sanitizeLine(`Could not fetch: ${error instanceof Error ? error.message : String(error)}`)});
		});
		return true;
	};

	return {articles, feedRows, activity, runFeedEffect};
}
