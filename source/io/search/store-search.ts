/**
Full-text search over a scanned store: what `inkwire search` and the reader's `/` call.

The index is a cache beside the metadata index, never the source of truth: it is brought up to date from the same
size and mtime check as the store scan (taken from the metadata index the scan just wrote), and it is skipped when
that index has not changed since the last update. Hits are mapped back to the scan's articles by path, so a result is
always an article the store has now; ties in score go newest first, in the scan's order.

Why an index of its own (segments of sorted postings read with positioned reads, BM25 at query time) rather than a
library, measured at 100,000 generated articles (467 MB of Markdown, bench/search.ts) on this 2-core machine:
- SQLite FTS5 in WebAssembly (node-sqlite3-wasm, the only FTS5 that installs without a compiler on Node 20):
  218 MB contentless (ours: 164 MB), 23 s to insert the text alone; the same ten queries, best 20 by BM25, on the
  same machine at the same time: 84 ms of CPU median, 120 ms p95 (ours: 7 ms and 50 ms, the phrase). It has no
  Chinese or Japanese segmentation (we would feed it our own terms), checksums nothing (a flipped byte can change
  results silently), is built without large-file support (2 GB at most), and brings a 1.3 MB wasm file into the
  bundle. better-sqlite3 compiles from source on Node 20.
- FlexSearch (13 ms, +291 MB of memory) and MiniSearch (203 ms, +1.28 GB), as measured for issue 11: both keep the
  whole index in memory and would load it from a file on every start; neither updates a file incrementally.
Ours holds in memory only what queries touch (dictionary blocks, decoded postings up to a bound, tokens per
document): about 100 MB above the store scan at 100,000 articles, most of it transient. It updates in proportion to
what changed, and verifies every byte it uses.
*/
import fs from 'node:fs';
import type {Article} from '../../core/article/article.js';
import {evaluateQuery} from '../../core/search/evaluate.js';
import {rankMatches} from '../../core/search/rank.js';
import {highlightTerms, parseQuery, type HighlightTerm, type SearchQuery} from '../../core/search/query.js';
import {makeSnippet, type Snippet} from '../../core/search/snippet.js';
import {defaultCacheDirectory, indexPathFor, indexWriter, pathPrefixFor, readIndex} from '../store/index-cache.js';
import {articleFormatOf} from '../../core/store/article-path.js';
import {prepareFormat} from '../store/html-reader.js';
import {loadStoredArticle} from '../store/load-article.js';
import type {StoredArticle, StoreScan} from '../store/scan.js';
import {SearchIndexDamagedError} from './bytes.js';
import {LockBusyError, openIndex, syncIndex, type OpenIndex, type SourceDocument, type SyncReport} from './index-sync.js';
import {readManifest, searchDirectoryFor, type FileStamp} from './manifest.js';
import type {DocumentFields} from './segment-writer.js';

export {SearchIndexDamagedError} from './bytes.js';
export type {SyncReport} from './index-sync.js';

export type StoreSearchOptions = {
	/** Where the index lives. Default `$XDG_CACHE_HOME/inkwire` or `~/.cache/inkwire`, as for the metadata index. */
	readonly cacheDirectory?: string;
	/** Called while documents are indexed, with how many are done and how many there are. */
	readonly onProgress?: (done: number, total: number) => void;
	/** One line each: a damaged index rebuilt, an index in use by another process. */
	readonly onWarning?: (message: string) => void;
	/** How to read a document's fields (tests count reads through it). */
	readonly readDocument?: (document: SourceDocument) => DocumentFields;
};

export type FindOptions = {
	/** The articles to search among, newest first (default: the whole scan). Hits outside them are left out. */
	readonly articles?: readonly StoredArticle[];
	/** At most this many hits (default: all). */
	readonly limit?: number;
	/** The last word is a prefix unless the query ends with a space (filtering as one types). */
	readonly isPrefixLast?: boolean;
};

export type SearchHit = {readonly article: StoredArticle; readonly score: number};

export type SearchResults = {
	readonly query: SearchQuery;
	/** Best first; equal scores newest first. */
	readonly hits: SearchHit[];
	/** How many articles match in all (`hits` may be cut by `limit`). */
	readonly total: number;
	/** What to highlight in a list row or an article (see core/search/highlight.ts for finding them). */
	readonly terms: HighlightTerm[];
	/** Things to tell the user about the results, one line each. */
	readonly notes: string[];
};

function stampOf(file: string): FileStamp | undefined {
	try {
		const {size, mtimeMs} = fs.statSync(file);
		return {size, mtimeMs};
	} catch {
		return undefined;
	}
}

/** The documents to index: the scan's articles, with sizes and mtimes from the metadata index (or stat'ed). */
async function sourceDocuments(scan: StoreScan, realRoot: string, cacheDirectory: string): Promise<SourceDocument[]> {
	const prefix = pathPrefixFor(scan.root);
	const known = new Map<string, {size: number; mtimeMs: number}>();
	for (const entry of (await readIndex(scan.root, realRoot, {cacheDirectory}))?.entries ?? []) {
		if ('article' in entry) {
			known.set(entry.article.path, entry);
		}
	}

	const documents: SourceDocument[] = [];
	for (const article of scan.articles) {
		let stats = known.get(article.path);
		if (!stats) {
			// Not in the metadata index (it could not be saved): the file itself says.
			try {
				stats = fs.statSync(article.path);
			} catch {
				continue;
			}
		}

		documents.push({relativePath: article.path.slice(prefix.length), absolutePath: article.path, size: stats.size, mtimeMs: stats.mtimeMs});
	}

	return documents;
}

/** A store's search index, open for queries. */
export class StoreSearch {
	/**
	Open the search index of a scanned store, updating (or building) it first. Damage found on the way is repaired
	with a warning; an index being updated by another process is used as it is, with a warning.
	*/
	static async open(scan: StoreScan, options: StoreSearchOptions = {}): Promise<StoreSearch> {
		const search = new StoreSearch(scan, options);
		await search.update(false);
		return search;
	}

	/** What the last update did (all zero when the index was already up to date). */
	report: SyncReport = {indexed: 0, removed: 0, postingsWritten: 0, merged: 0, unreadable: []};
	private index: OpenIndex | undefined;
	private readonly realRoot: string;
	private readonly cacheDirectory: string;
	private readonly directory: string;
	private readonly byPath = new Map<string, number>();
	private readonly prefix: string;
	private repair: Promise<void> | undefined;
	private orders = new WeakMap<readonly StoredArticle[], Int32Array[]>();

	private constructor(private readonly scan: StoreScan, private readonly options: StoreSearchOptions) {
		this.realRoot = fs.realpathSync(scan.root);
		this.cacheDirectory = options.cacheDirectory ?? defaultCacheDirectory();
		this.directory = searchDirectoryFor(this.realRoot, this.cacheDirectory);
		this.prefix = pathPrefixFor(scan.root);
		for (const [order, article] of scan.articles.entries()) {
			this.byPath.set(article.path, order);
		}
	}

	/** Search; repairs a damaged index (with a warning) and searches again. */
	async find(text: string, options: FindOptions = {}): Promise<SearchResults> {
		try {
			return this.findNow(text, options);
		} catch (error) {
			if (!(error instanceof SearchIndexDamagedError)) {
				throw error;
			}

			// Several searches may find the damage at once (the reader types fast): one warning, one rebuild.
			if (!this.repair) {
				this.warnDamage(error.message);
				this.repair = this.update(true).finally(() => {
					this.repair = undefined;
				});
			}

			await this.repair;
			return this.findNow(text, options);
		}
	}

	/**
	Search at once, synchronously: for filtering as one types. Throws SearchIndexDamagedError when the index turns
	out damaged; then `rebuild()` and search again.
	*/
	findNow(text: string, options: FindOptions = {}): SearchResults {
		const query = parseQuery(text, {isPrefixLast: options.isPrefixLast});
		const index = this.index!;
		const {scores, count, notes} = evaluateQuery(query, index.segments, index.statistics);
		const articles = options.articles ?? this.scan.articles;
		const orders = this.documentOrders(articles);
		const matchOrders = new Int32Array(count);
		const matchScores = new Float64Array(count);
		let found = 0;
		for (const [segment, segmentScores] of scores.entries()) {
			const segmentOrders = orders[segment]!;
			for (let document = 0; document < segmentScores.length; document++) {
				const score = segmentScores[document]!;
				const position = segmentOrders[document]!;
				if (score > 0 && position >= 0) {
					matchOrders[found] = position;
					matchScores[found++] = score;
				}
			}
		}

		const ranking = rankMatches(matchOrders, matchScores, found, options.limit);
		const hits: SearchHit[] = [];
		for (let rank = 0; rank < ranking.orders.length; rank++) {
			hits.push({article: articles[ranking.orders[rank]!]!, score: ranking.scores[rank]!});
		}

		return {query, hits, total: found, terms: highlightTerms(query), notes};
	}

	/** Build the index again from the articles' files. */
	async rebuild(): Promise<void> {
		this.repair ??= this.update(true).finally(() => {
			this.repair = undefined;
		});
		await this.repair;
	}

	/** A snippet of the article's body around the first match; undefined when its file cannot be read now. */
	snippetOf(article: StoredArticle, query: SearchQuery): Snippet | undefined {
		let loaded: Article;
		try {
			loaded = loadStoredArticle(article);
		} catch {
			return undefined;
		}

		return makeSnippet(loaded.body, query);
	}

	close(): void {
		this.index?.close();
		this.index = undefined;
	}

	private warnDamage(reason: string): void {
		this.options.onWarning?.(`the search index was damaged (${reason}): rebuilding it`);
	}

	private async update(isRebuild: boolean): Promise<void> {
		// The index reads documents and snippets read articles synchronously: a store with `.html` pages needs their
		// reader loaded first (the scan loads it only when it walks).
		const html = this.scan.articles.find(article => articleFormatOf(article.path) === 'html');
		if (html !== undefined) {
			await prepareFormat(html.path);
		}

		const writer = indexWriter();
		const stamp = stampOf(indexPathFor(this.realRoot, this.cacheDirectory));
		if (!isRebuild) {
			const state = readManifest(this.directory, writer, this.realRoot);
			// Nothing changed since the last update: the metadata index is the one it was made from.
			if (state.kind === 'ready' && stamp && state.manifest.source?.size === stamp.size && state.manifest.source.mtimeMs === stamp.mtimeMs
				&& state.manifest.documents === this.scan.articles.length) {
				try {
					this.replaceIndex(openIndex(this.directory, state.manifest));
					return;
				} catch {
					// Damaged, or merged away by another process meanwhile: the update below sorts it out.
				}
			}
		}

		const documents = await sourceDocuments(this.scan, this.realRoot, this.cacheDirectory);
		try {
			const {index, report} = await syncIndex({
				directory: this.directory, realRoot: this.realRoot, writer, documents, stamp,
				onProgress: this.options.onProgress, isRebuild, readDocument: this.options.readDocument,
			});
			this.replaceIndex(index);
			this.report = report;
			if (report.rebuilt === 'damaged' && !isRebuild) {
				this.warnDamage(report.damage ?? 'unknown damage');
			}
		} catch (error) {
			if (!(error instanceof LockBusyError) || isRebuild) {
				throw error;
			}

			const state = readManifest(this.directory, writer, this.realRoot);
			if (state.kind !== 'ready') {
				throw error;
			}

			this.options.onWarning?.('another inkwire is updating the search index: searched it as it was');
			this.replaceIndex(openIndex(this.directory, state.manifest));
		}
	}

	private replaceIndex(index: OpenIndex): void {
		this.index?.close();
		this.index = index;
		this.orders = new WeakMap();
	}

	/**
	Per segment and document, the position of its article in `articles`, or -1: worked out once per list of articles
	(decoding every path), so that a query as one types costs only the look-ups.
	*/
	private documentOrders(articles: readonly StoredArticle[]): Int32Array[] {
		let orders = this.orders.get(articles);
		if (!orders) {
			const byPath = articles === this.scan.articles ? this.byPath : new Map(articles.map((article, position) => [article.path, position]));
			orders = this.index!.segments.map(segment => {
				const order = new Int32Array(segment.documentCount).fill(-1);
				for (let document = 0; document < segment.documentCount; document++) {
					if (segment.live[document]) {
						order[document] = byPath.get(this.prefix + segment.pathOf(document)) ?? -1;
					}
				}

				return order;
			});
			this.orders.set(articles, orders);
		}

		return orders;
	}
}
