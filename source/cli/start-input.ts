import type {ReadLookup} from '../core/store/library.js';
import type {LocatedMeta} from '../core/store/index-format.js';
import {KeyDecoder} from '../core/reader/key-decoder.js';
import {readerLayout} from '../core/reader/layout.js';
import type {ArticleDocument} from '../ui/services.js';
import {highlightedId, reduce, type ReaderContext} from '../core/reader/state.js';
import {createStartKeys, pressStartKey, startContext, type StartHandover, type StartKeys, type StartList} from '../core/reader/start-keys.js';
import type {StartScreen} from './first-paint.js';

type Opened = {readonly article: LocatedMeta; readonly width: number; readonly rendering: Promise<ArticleDocument | undefined>; document?: ArticleDocument};

type Shown = {
	readonly storeName: string;
	readonly list: StartList & {readonly articles: readonly LocatedMeta[]};
	readonly storeTotal: number;
	readonly reads: ReadLookup | undefined;
};

/**
Keys from launch until Ink takes over. stdin is already in raw mode (io/terminal.ts), so Ctrl-C is a byte that
nobody reads unless something does: this does, from the first screen on, through loading the reader and scanning the
store. Keys are named by core/reader/key-decoder.ts and handled by the reader's own reducer over the rows the first
screen shows (core/reader/start-keys.ts); q and Ctrl-C end the process at once.
*/
export class StartInput {
	readonly #stdin: NodeJS.ReadStream;
	readonly #screen: StartScreen;
	readonly #quit: (exitCode: number) => void;
	readonly #render: (article: LocatedMeta, width: number) => Promise<ArticleDocument | undefined>;
	/** The article opened here, and its document once rendered: the reader's first render of it. */
	#opened: Opened | undefined;
	/** Renders asked for here, by width and id: the article opened, and the highlighted one rendered ahead. */
	readonly #renders = new Map<string, Opened>();
	readonly #decoder = new KeyDecoder();
	#start: StartKeys;
	#shown: Shown | undefined;
	#context: ReaderContext;
	#isReading = false;
	#escapeFlush: NodeJS.Immediate | undefined;
	readonly #onReadable = () => {
		this.#read();
	};

	/**
	`quit` ends the process with an exit code (the caller restores the terminal first); `render` loads and renders an
	article opened on the first screen (in the render worker), so that it shows before the reader is up.
	*/
	constructor(options: {
		readonly stdin: NodeJS.ReadStream;
		readonly screen: StartScreen;
		readonly unreadOnly: boolean;
		readonly quit: (exitCode: number) => void;
		readonly render: (article: LocatedMeta, width: number) => Promise<ArticleDocument | undefined>;
	}) {
		this.#stdin = options.stdin;
		this.#screen = options.screen;
		this.#quit = options.quit;
		this.#render = options.render;
		this.#start = createStartKeys({unreadOnly: options.unreadOnly});
		this.#context = this.#makeContext();
	}

	/** Start reading keys. */
	listen(): void {
		if (this.#isReading) {
			return;
		}

		this.#isReading = true;
		this.#stdin.setEncoding('utf8');
		this.#stdin.on('readable', this.#onReadable);
	}

	/**
	Show this list and let keys move on it. Called with the head of the index first, then with the list the scan made;
	the highlighted article stays highlighted if it is still there.
	*/
	show(shown: Shown): void {
		const before = this.#shown ? highlightedId(this.#start.state, this.#context) : undefined;
		this.#shown = shown;
		this.#context = this.#makeContext();
		if (before !== undefined && this.#start.state.screen === 'list') {
			const {state} = reduce(this.#start.state, {type: 'list-changed', highlightedId: before}, this.#context);
			this.#start = {...this.#start, state};
		}

		this.#paint();
		// The article under the highlight is the one most often opened first: rendered ahead, while the worker is free,
		// it opens at once, however soon after launch Enter comes.
		const highlighted = this.#start.state.screen === 'list' && this.#renders.size === 0 ? shown.list.articles[this.#start.state.cursor] : undefined;
		if (highlighted) {
			this.#renderOnce(highlighted);
		}
	}

	/**
	A render of this article at this width asked for on the first screen (opened, or rendered ahead): the reader takes
	it over rather than asking again, which would supersede it. Undefined when there is none; the promise gives
	undefined when it was superseded after all.
	*/
	renderedDocument(id: string, width: number): Promise<ArticleDocument | undefined> | undefined {
		return this.#renders.get(`${width}\u0000${id}`)?.rendering;
	}

	/** The same render, if it has arrived. */
	renderedDocumentNow(id: string, width: number): ArticleDocument | undefined {
		return this.#renders.get(`${width}\u0000${id}`)?.document;
	}

	/**
	Resolves once an article opened here is on screen (at once when none is being rendered). The reader's own start-up
	steps wait for it between them: an answer from the render worker is only seen when this thread is free, so a
	reader scanning the store or mounting Ink would keep the article off the screen.
	*/
	async settle(): Promise<void> {
		const opened = this.#opened;
		if (opened && !opened.document) {
			await opened.rendering;
		}
	}

	/** Stop reading keys and hand over: the state to start from, the work left to do, the keys to replay. */
	handOver(): StartHandover {
		this.#stdin.off('readable', this.#onReadable);
		this.#isReading = false;
		if (this.#escapeFlush) {
			clearImmediate(this.#escapeFlush);
			this.#escapeFlush = undefined;
		}

		// Read what the terminal has already sent, so that no key is left between this reader and Ink's.
		this.#read();
		this.#press(this.#decoder.flush());
		return {...this.#start, highlightedId: this.#shown ? highlightedId(this.#start.state, this.#context) : undefined};
	}

	#makeContext(): ReaderContext {
		const {listRows, pageRows} = readerLayout(this.#screen.width, this.#screen.height);
		return startContext(this.#shown?.list, {listRows, pageRows}, this.#shown?.reads);
	}

	#read(): void {
		let chunk: string | null;
		const keys: string[] = [];
		while ((chunk = this.#stdin.read() as string | null) !== null) {
			keys.push(...this.#decoder.push(chunk));
		}

		this.#press(keys);
		// A lone Escape may be the start of a sequence still on its way; if nothing follows at once, it is the key.
		if (this.#isReading && this.#decoder.isPending && !this.#escapeFlush) {
			this.#escapeFlush = setImmediate(() => {
				this.#escapeFlush = undefined;
				this.#press(this.#decoder.flush());
			});
		}
	}

	#press(keys: readonly string[]): void {
		let changed = false;
		for (const key of keys) {
			const {start, outcome} = pressStartKey(this.#start, key, this.#context, this.#shown?.list.articles.length ?? 0);
			this.#start = start;
			if (outcome === 'quit' || outcome === 'force-quit') {
				this.#quit(outcome === 'quit' ? 0 : 130);
				return;
			}

			changed ||= outcome === 'moved' || outcome === 'opened';
			if (outcome === 'opened') {
				this.#open();
			}
		}

		if (changed) {
			this.#paint();
		}
	}

	/** Render the article just opened (unless it was rendered ahead); show its first page if the reader is not up yet. */
	#open(): void {
		const article = this.#shown?.list.articles[this.#start.state.cursor];
		if (!article) {
			return;
		}

		const opened = this.#renderOnce(article);
		this.#opened = opened;
		void opened.rendering.then(() => {
			if (this.#isReading && this.#opened === opened) {
				this.#paint();
			}
		});
	}

	/** The render of `article` at the pager's width: the one asked for already, or a new one. */
	#renderOnce(article: LocatedMeta): Opened {
		const {textWidth} = readerLayout(this.#screen.width, this.#screen.height);
		const key = `${textWidth}\u0000${article.id}`;
		let render = this.#renders.get(key);
		if (!render) {
			const rendering = this.#render(article, textWidth);
			const made: Opened = {article, width: textWidth, rendering};
			void rendering.then(document => {
				made.document = document;
			});
			render = made;
			this.#renders.set(key, render);
		}

		return render;
	}

	#paint(): void {
		const shown = this.#shown;
		if (!shown) {
			return;
		}

		const {state} = this.#start;
		if (state.screen === 'article' && this.#opened) {
			const {article, document} = this.#opened;
			if (document) {
				this.#screen.paintArticle(document.lines);
			} else {
				this.#screen.paintOpening(article);
			}
		} else {
			this.#screen.paintList({...shown, state});
		}
	}
}
