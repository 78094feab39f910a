import path from 'node:path';
import {shouldUseColor, shouldUseHyperlinks} from '../core/render/capabilities.js';
import {UserError} from '../core/errors.js';
import {renderArticle} from '../core/render/article.js';
import {openInBrowser} from '../io/browser.js';
import {loadArticle, type StoredArticle} from '../io/store/scan.js';
import {openMarks} from '../io/marks/marks.js';
import {warn} from '../io/output.js';
import {runReader, type ReaderServices} from '../ui/run.js';
import {loadStore, type CommonFlags} from './context.js';
import type {StartScreen} from './first-paint.js';

/**
Scan the store (showing progress on the start screen when it has to be indexed), open its marks and run the Ink
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
	const marks = openMarks({storeRoot: scan.root});
	const warningsAtStart = marks.warnings.length;
	const color = shouldUseColor(true, process.env);
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

			return loadArticle(stored.path, stored.id);
		},
		renderArticle: (article, width) => renderArticle(article, {width, color, hyperlinks}),
		openUrl: async url => openInBrowser(url),
		warnings: [...scan.warnings, ...marks.warnings],
	};
	// The list as it is now, so that the screen is never empty while Ink computes its first frame.
	screen.paintList(services.storeName, scan.articles.slice(0, screen.height), scan.articles.length, marks);
	screen.handOver();
	try {
		return await runReader(services, {stdin, stdout: process.stdout, isScreenPainted: true});
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
