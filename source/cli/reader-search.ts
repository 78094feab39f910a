import type {StoreScan} from '../io/store/scan.js';
import type {SearchService, SearchState} from '../ui/services.js';

/** Ranked hits the reader asks for at most: a screenful many times over, and cheap per keystroke at 100,000 articles. */
const searchLimit = 500;

/**
The store's full-text index for the reader's `/`, opened on the first `/` only: building it for a new store takes a
while and takes memory, which a reader who never searches should not pay. Until it is ready the list is filtered by
title and source, and the header says so.
*/
export function createSearchService(scan: StoreScan): SearchService {
	let state: SearchState = {kind: 'idle'};
	let search: import('../io/search/store-search.js').StoreSearch | undefined;
	const listeners = new Set<() => void>();
	const set = (next: SearchState) => {
		state = next;
		for (const listener of listeners) {
			listener();
		}
	};

	return {
		get state() {
			return state;
		},
		start() {
			if (state.kind !== 'idle') {
				return;
			}

			set({kind: 'building', done: 0, total: scan.articles.length});
			void (async () => {
				try {
					const {StoreSearch} = await import('../io/search/store-search.js');
					let last = 0;
					search = await StoreSearch.open(scan, {
						onProgress(done, total) {
							// A progress line ten times a second at most: every report would redraw the list.
							if (Date.now() - last > 100) {
								last = Date.now();
								set({kind: 'building', done, total});
							}
						},
						onWarning(message) {
							set({...state, warning: message});
						},
					});
					set({kind: 'ready'});
				} catch (error) {
					set({kind: 'failed', reason: error instanceof Error ? error.message : String(error)});
				}
			})();
		},
		find(query) {
			if (!search || state.kind !== 'ready') {
				return undefined;
			}

			try {
				const results = search.findNow(query, {isPrefixLast: true, limit: searchLimit});
				return {ids: results.hits.map(hit => hit.article.id), total: results.total};
			} catch (error) {
				// A damaged index: repaired in the background (with a warning), titles only meanwhile.
				set({kind: 'building', done: 0, total: scan.articles.length});
				void search.rebuild().then(() => {
					set({kind: 'ready'});
				}, (rebuildError: unknown) => {
					set({kind: 'failed', reason: rebuildError instanceof Error ? rebuildError.message : String(error)});
				});
				return undefined;
			}
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
	};
}
