import fs from 'node:fs';
import path from 'node:path';
import tty from 'node:tty';
import {shouldUseColor, shouldUseHyperlinks} from '../core/capabilities.js';
import {UserError} from '../core/errors.js';
import {renderArticle} from '../core/render.js';
import {openInBrowser} from '../io/browser.js';
import {loadArticle} from '../io/store.js';
import {openReadState} from '../io/settings.js';
import {runReader, type ReaderServices} from '../ui/run.js';
import {loadStore, type CommonFlags} from './context.js';

/** Keys come from stdin when it is a terminal, else from /dev/tty, so `something | inkwire` still reads keys. */
function openKeyboard(): NodeJS.ReadStream {
	if (process.stdin.isTTY) {
		return process.stdin;
	}

	try {
		const fd = fs.openSync('/dev/tty', 'r');
		return new tty.ReadStream(fd) as unknown as NodeJS.ReadStream;
	} catch {
		throw new UserError('the reader needs a terminal for keys, and /dev/tty cannot be opened');
	}
}

/** Scan the store, open the read state and run the Ink reader until the user quits. */
export async function startReader(flags: CommonFlags): Promise<number> {
	const stdin = openKeyboard();
	const scan = await loadStore(flags, process.env);
	const readState = openReadState();
	const stdout = process.stdout;
	const color = shouldUseColor(true, process.env);
	const hyperlinks = shouldUseHyperlinks(true, process.env);
	const byId = new Map(scan.articles.map(article => [article.id, article]));
	const services: ReaderServices = {
		storeName: path.basename(scan.root),
		storePath: scan.root,
		articles: scan.articles,
		skipped: scan.skipped.length,
		readState,
		loadArticle(id) {
			const stored = byId.get(id);
			if (!stored) {
				throw new UserError(`no article with id ${id}`);
			}

			return loadArticle(stored.path, stored.id);
		},
		renderArticle: (article, width) => renderArticle(article, {width, color, hyperlinks}),
		openUrl: async url => openInBrowser(url),
		warnings: [...scan.warnings, ...readState.warnings],
	};
	return runReader(services, {stdin, stdout});
}
