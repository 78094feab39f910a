import path from 'node:path';
import {shouldUseHyperlinks} from '../core/render/capabilities.js';
import {chooseColor} from './color.js';
import {UserError} from '../core/errors.js';
import {prepareRender, renderArticle} from '../core/render/article.js';
import {openInBrowser} from '../io/browser.js';
import {loadStoredArticle} from '../io/store/load-article.js';
import type {StoredArticle} from '../io/store/scan.js';
import {openMarks} from '../io/marks/marks.js';
import {warn} from '../io/output.js';
import {runReader} from '../ui/run.js';
import type {ReaderServices} from '../ui/services.js';
import type {TerminalSession} from '../io/terminal.js';
import {loadStore, type CommonFlags} from './context.js';
import {createFeedsService} from './reader-feeds.js';
import {createSearchService} from './reader-search.js';
import {resolveStorePath} from './store-path.js';
import type {StartScreen} from './first-paint.js';

/**
Scan the store (showing progress on the start screen when it has to be indexed), open its marks and run the Ink
reader until the user quits. The start screen is already on the alternate screen with keys not echoed.
*/
export async function startReader(flags: CommonFlags & {readonly color?: string; readonly unread?: boolean}, io: {readonly screen: StartScreen; readonly stdin: NodeJS.ReadStream; readonly terminal: TerminalSession}): Promise<number> {
	const {screen, stdin, terminal} = io;
	let storeName = '';
	const stopWatching = terminal.watchInterrupt();
	const scan = await loadStore(flags, process.env, {
		report: false,
		onProgress(done, total) {
			storeName ||= path.basename(resolveStorePath(flags, process.env));
			if (total > 500) {
				screen.paintProgress(storeName, done, total);
			}
		},
	});
	const marks = openMarks({storeRoot: scan.root});
	const warningsAtStart = marks.warnings.length;
	const color = chooseColor(flags.color, true, process.env);
	const hyperlinks = shouldUseHyperlinks(true, process.env);
	let byId: Map<string, StoredArticle> | undefined;
	const services: ReaderServices = {
		storeName: path.basename(scan.root),
		storePath: scan.root,
		articles: scan.articles,
		skipped: scan.skipped.length,
		// The mark store saves in the background, a moment after a change: a keypress never waits for the disk.
		readState: marks,
		loadArticle(id) {
			// Built on the first open, not at start-up: at 100,000 articles the map is a noticeable cost.
			byId ??= new Map(scan.articles.map(article => [article.id, article]));
			const stored = byId.get(id);
			if (!stored) {
				throw new UserError(`no article with id ${id}`);
			}

			return loadStoredArticle(stored);
		},
		renderArticle: (article, width, highlight) => renderArticle(article, {width, color, hyperlinks, highlight}),
		prepareArticle: prepareRender,
		openUrl: async url => openInBrowser(url, process.env, async (command, arguments_) => terminal.runExternal(command, arguments_)),
		warnings: [...scan.warnings, ...marks.warnings],
		isUnreadOnly: flags.unread ?? false,
		suspend: async () => terminal.suspend(),
		search: createSearchService(scan),
		feeds: createFeedsService(flags, scan),
		isColor: color,
	};
	// The list as it is now, so that the screen is never empty while Ink computes its first frame.
	screen.paintList(services.storeName, scan.articles.slice(0, screen.height), scan.articles.length, marks);
	// From here Ink reads the keys, Ctrl-C included (a byte typed in between waits in the stream for it).
	stopWatching();
	try {
		return await runReader(services, {stdin, stdout: process.stdout, terminal, isScreenPainted: true});
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
