import path from 'node:path';
import {sanitizeLine} from '../core/text/sanitize.js';
import {openInBrowser} from '../io/browser.js';
import type {RenderClient} from '../io/render/render-client.js';
import type {StoredArticle} from '../io/store/scan.js';
import {warn} from '../io/output.js';
import {runReader} from '../ui/run.js';
import type {ReaderServices} from '../ui/services.js';
import {documentOf} from './renderer.js';
import type {TerminalSession} from '../io/terminal.js';
import {loadStore, type CommonFlags} from './context.js';
import {createFeedsService} from './reader-feeds.js';
import {createSearchService} from './reader-search.js';
import {resolveStorePath} from './store-path.js';
import type {StartScreen} from './first-paint.js';
import type {StartInput} from './start-input.js';

/** What the reader gets from the first screen: the terminal, the keys read so far and the warming renderer. */
export type StartedReader = {
	readonly screen: StartScreen;
	readonly stdin: NodeJS.ReadStream;
	readonly terminal: TerminalSession;
	readonly input: StartInput;
	readonly renderer: RenderClient;
};

/**
Scan the store (showing progress on the start screen when it has to be indexed), open its marks and run the Ink
reader until the user quits. The start screen is already on the alternate screen with keys not echoed, and reads keys
until Ink takes over.
*/
export async function startReader(flags: CommonFlags & {readonly unread?: boolean}, started: StartedReader): Promise<number> {
	const {screen, stdin, terminal, input, renderer} = started;
	// The mark store loads while the store is scanned, as a step of its own.
	const marksModule = import('../io/marks/marks.js');
	let storeName = '';
	await input.settle();
	const scan = await loadStore(flags, process.env, {
		report: false,
		onProgress(done, total) {
			storeName ||= path.basename(resolveStorePath(flags, process.env));
			if (total > 500) {
				screen.paintProgress(storeName, done, total);
			}
		},
	});
	await input.settle();
	const marks = (await marksModule).openMarks({storeRoot: scan.root});
	const warningsAtStart = marks.warnings.length;
	let byId: Map<string, StoredArticle> | undefined;
	const services: ReaderServices = {
		storeName: path.basename(scan.root),
		storePath: scan.root,
		articles: scan.articles,
		skipped: scan.skipped.length,
		// The mark store saves in the background, a moment after a change: a keypress never waits for the disk.
		readState: marks,
		async renderArticle(id, width) {
			// The first screen may have opened this article already, or rendered it ahead: that render is the one to wait
			// for, unless it was superseded.
			const early = await input.renderedDocument(id, width);
			if (early) {
				return early;
			}

			// Built on the first open, not at start-up: at 100,000 articles the map is a noticeable cost.
			byId ??= new Map(scan.articles.map(article => [article.id, article]));
			const stored = byId.get(id);
			if (!stored) {
				return {lines: ['', `Could not open this article: no article with id ${sanitizeLine(id)}`], links: []};
			}

			return documentOf(await renderer.render({path: stored.path, rawPath: stored.rawPath, id: stored.id, width}));
		},
		renderedArticle: (id, width) => input.renderedDocumentNow(id, width),
		get renderNotice() {
			const {mode} = renderer;
			return mode.kind === 'in-process' ? `Articles render in the main thread, keys wait for them (no render worker: ${mode.reason})` : undefined;
		},
		openUrl: async url => openInBrowser(url, process.env, async (command, arguments_) => terminal.runExternal(command, arguments_)),
		warnings: [...scan.warnings, ...marks.warnings],
		isUnreadOnly: flags.unread ?? false,
		suspend: async () => terminal.suspend(),
		search: createSearchService(scan),
		feeds: createFeedsService(flags, scan),
		isColor: renderer.settings.color,
	};
	// The list as the scan found it, in the state the keys left it, so that the screen is never empty or stale while
	// Ink computes its first frame.
	const shown = flags.unread ? scan.articles.filter(article => !marks.isRead(article.id)) : scan.articles;
	input.show({storeName: services.storeName, list: {articles: shown, total: shown.length}, storeTotal: scan.articles.length, reads: marks});
	await input.settle();
	try {
		return await runReader(services, {stdin, stdout: process.stdout, terminal, isScreenPainted: true, start: input.handOver()});
	} finally {
		// Marks are saved as they are made; any not on disk yet (the last key's, or a save that failed because another
		// inkwire held the lock too long) are saved here, on every way out: q, Ctrl-C, SIGTERM, SIGHUP. What went wrong
		// while the reader ran is said once the terminal is back.
		marks.flush();
		for (const message of marks.warnings.slice(warningsAtStart)) {
			warn(message);
		}
	}
}
