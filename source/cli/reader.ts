import path from 'node:path';
import {shouldUseColor, shouldUseHyperlinks} from '../core/render/capabilities.js';
import {UserError} from '../core/errors.js';
import {renderArticle} from '../core/render/article.js';
import {openInBrowser} from '../io/browser.js';
import {loadStoredArticle} from '../io/store/load-article.js';
import type {StoredArticle} from '../io/store/scan.js';
import {openReadState} from '../io/marks/read-state.js';
import {runReader, type ReaderServices} from '../ui/run.js';
import {loadStore, type CommonFlags} from './context.js';
import type {StartScreen} from './first-paint.js';

/**
Scan the store (showing progress on the start screen when it has to be indexed), open the read state and run the Ink
reader until the user quits. The start screen is already on the alternate screen with keys not echoed.
*/
export async function startReader(flags: CommonFlags, screen: StartScreen, stdin: NodeJS.ReadStream): Promise<number> {
	let storeName = '';
	const scan = await loadStore(flags, process.env, {
		report: false,
		onProgress(done, total) {
			storeName ||= path.basename(path.resolve(flags.data ?? process.env['INKWIRE_DATA'] ?? 'data'));
			if (total > 500) {
				screen.paintProgress(storeName, done, total);
			}
		},
	});
	const readState = openReadState();
	const color = shouldUseColor(true, process.env);
	const hyperlinks = shouldUseHyperlinks(true, process.env);
	let byId: Map<string, StoredArticle> | undefined;
	const services: ReaderServices = {
		storeName: path.basename(scan.root),
		storePath: scan.root,
		articles: scan.articles,
		skipped: scan.skipped.length,
		readState: {
			isRead: id => readState.isRead(id),
			// Saved right after the frame is drawn, not before: a keypress does not wait for the save's fsync.
			setRead: (ids, read) => {
				readState.setReadSoon(ids, read);
			},
			refresh: () => readState.refresh(),
			get version() {
				return readState.version;
			},
		},
		loadArticle(id) {
			// Built on the first open, not at start-up: at 100,000 articles the map is a noticeable cost.
			byId ??= new Map(scan.articles.map(article => [article.id, article]));
			const stored = byId.get(id);
			if (!stored) {
				throw new UserError(`no article with id ${id}`);
			}

			return loadStoredArticle(stored);
		},
		renderArticle: (article, width) => renderArticle(article, {width, color, hyperlinks}),
		openUrl: async url => openInBrowser(url),
		warnings: [...scan.warnings, ...readState.warnings],
	};
	// The list as it is now, so that the screen is never empty while Ink computes its first frame.
	screen.paintList(services.storeName, scan.articles.slice(0, screen.height), scan.articles.length, readState);
	screen.handOver();
	try {
		return await runReader(services, {stdin, stdout: process.stdout, isScreenPainted: true});
	} finally {
		// Marks are saved as they are made; one whose save failed (another inkwire held the lock too long) is retried
		// here, on every way out: q, Ctrl-C, SIGTERM, SIGHUP.
		readState.setRead([], true);
	}
}
