/**
Everything the reader needs from the outside world, as data and functions: the UI imports no io module. The command
line (cli/reader.ts) builds these from the store, the marks and the terminal.
*/
import type {ArticleMeta} from '../core/article/article.js';
import type {RenderLink} from '../core/render/article.js';

/**
The marks of the open store as the reader sees them (io/marks/marks.ts provides them). Lookups are in memory; a change
is made in memory at once and saved in the background a moment later, so a key never waits for the disk.
*/
export type ReadStateService = {
	isRead(id: string): boolean;
	setRead(ids: readonly string[], read: boolean): void;
	/** Saved (starred). */
	isSaved(id: string): boolean;
	setSaved(ids: readonly string[], saved: boolean): void;
	/** Where the reader left the article, 0..1, or undefined (not started, or finished). */
	position(id: string): number | undefined;
	/** Remember the place as a fraction of the article; undefined or 1 (finished) clears it. */
	setPosition(id: string, fraction: number | undefined): void;
	/** One stat: true if marks changed on disk (another inkwire marked something); call it on a timer. */
	refresh(): boolean;
	/** Bumps on every change. */
	readonly version: number;
};

/** What the reader may ask of the terminal (io/terminal.ts provides it). */
export type TerminalService = {
	/** Alternate screen, hidden cursor, raw mode; `clear: false` keeps what a first paint left on the screen. */
	enter(options?: {readonly clear?: boolean}): void;
	/** Back to the terminal as it was found. Safe to call more than once. */
	restore(): void;
	/** Who ends the process on a fatal signal (SIGTERM, SIGHUP, SIGQUIT…): called with 128 + the signal's number. */
	onSignal(handler: ((exitCode: number) => void) | undefined): void;
	/** Called when the terminal was taken back after a suspend or another program: everything must be drawn again. */
	onResume(handler: (() => void) | undefined): void;
	/** Ctrl-Z: give the terminal back, stop until `fg`, take it again. */
	suspend(): Promise<void>;
	/** Run a program that needs the terminal (a terminal browser), then take the terminal back. */
	runExternal(command: string, arguments_: readonly string[]): Promise<number>;
};

/** An article as the pager shows it: terminal lines, each carrying its own styling, and its numbered links. */
export type ArticleDocument = {
	readonly lines: readonly string[];
	/** As its Links section lists them, for `L`. */
	readonly links: readonly RenderLink[];
};

/** Where the reader's full-text search is. */
export type SearchState =
	| {readonly kind: 'idle'; readonly warning?: string}
	| {readonly kind: 'building'; readonly done: number; readonly total: number; readonly warning?: string}
	| {readonly kind: 'ready'; readonly warning?: string}
	| {readonly kind: 'failed'; readonly reason: string; readonly warning?: string};

/** The store's full-text index, as the reader's `/` uses it (cli/reader-search.ts). */
export type SearchService = {
	readonly state: SearchState;
	/** Open (building or updating) the index in the background, once; later calls do nothing. */
	start(): void;
	/** The ids of the articles that match, best first, and how many match in all; undefined until the index is ready. */
	find(query: string): {readonly ids: readonly string[]; readonly total: number} | undefined;
	/** Called whenever `state` changes; returns the way to stop. */
	subscribe(listener: () => void): () => void;
};

/** A subscription as the feeds view shows it. */
export type FeedSummary = {
	readonly name: string;
	/** Its articles' ids start with `FOLDER/`. */
	readonly folder: string;
	readonly url: string;
	readonly isFailed: boolean;
	/** How the last fetch went: "ok", "not modified", or why it failed. */
	readonly status?: string;
};

/** Progress of a fetch: feeds done of the total, and new articles so far. */
export type FetchProgress = {readonly done: number; readonly total: number; readonly newArticles: number};

/** The subscriptions, for the feeds view and `R` (cli/reader-feeds.ts). */
export type FeedsService = {
	list(): Promise<{readonly feeds: readonly FeedSummary[]; readonly warnings: readonly string[]}>;
	/**
	Fetch every subscription into the store, then scan it again: `articles` is the store's new list, undefined when
	the articles went to a store other than the one shown. Rejects only when no fetch could start.
	*/
	fetch(onProgress: (progress: FetchProgress) => void, signal?: AbortSignal): Promise<{
		readonly summary: string;
		readonly failures: readonly string[];
		readonly warnings: readonly string[];
		readonly articles?: readonly ArticleMeta[];
	}>;
};

export type ReaderServices = {
	/** For example "data" (basename of the store dir). */
	readonly storeName: string;
	/** Absolute, for the empty-store screen. */
	readonly storePath: string;
	/** Newest first. */
	readonly articles: readonly ArticleMeta[];
	/** Files skipped by the scan (the header shows "N skipped" when > 0). */
	readonly skipped: number;
	readonly readState: ReadStateService;
	/**
	Load and render an article for the pager, off the key handler's thread, already bound to colour and hyperlink
	choices. A later call supersedes this one if it is still going: it then resolves with undefined. A file that
	cannot be read, or a render given up as too slow, resolves with a document that says so.
	*/
	renderArticle(id: string, width: number): Promise<ArticleDocument | undefined>;
	/** An article already rendered at this width (by the first screen, before Ink was up), to show without waiting. */
	renderedArticle?(id: string, width: number): ArticleDocument | undefined;
	/** Said once in the status line when articles are rendered in the key handler's thread (no worker could start). */
	readonly renderNotice?: string;
	/** Only http, https and mailto URLs are passed. */
	openUrl(url: string): Promise<void>;
	/** Shown once in the status line. */
	readonly warnings: readonly string[];
	/** Ctrl-Z: give the terminal back, stop until `fg`, then take it back and redraw. */
	suspend?(): Promise<void>;
	/**
	Whether styling may be added (the reader's colour choice): search matches in reverse video, filter matches
	underlined. Off, nothing is added (NO_COLOR, --color=never), as Ink adds nothing then.
	*/
	readonly isColor?: boolean;
	/** Subscriptions: the feeds view (`F`) and fetching (`R`). */
	readonly feeds?: FeedsService;
	/** Full-text search for `/`; without it the filter matches titles and sources only. */
	readonly search?: SearchService;
	/** Start with only unread articles shown (`inkwire --unread`). */
	readonly isUnreadOnly?: boolean;
};
