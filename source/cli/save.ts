import process from 'node:process';
import {UserError} from '../core/errors.js';
import {storedKeys} from '../core/feed/dedupe.js';
import {articleBaseName, uniqueName} from '../core/feed/names.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {fetchPage} from '../io/feeds/full-text.js';
import {readStoredKeys, takenNames} from '../io/feeds/store-keys.js';
import {writeArticle} from '../io/store/write-article.js';
import {describeError, warn, writeOut} from '../io/output.js';
import {parseUrlArgument} from './add.js';
import {writableStorePath} from './feed-context.js';
import type {CommonFlags} from './store-path.js';

/** The store folder saved pages go to. */
const savedFolder = 'saved';

/**
`inkwire save URL`: fetch a web page, extract its article (title, byline, site, date, lead image caption, body) and
store it as Markdown in the store's `saved/` folder. Saving the same URL again rewrites the same file. Prints the
new article's id, so `inkwire save URL | xargs inkwire show` reads it at once.
*/
export async function runSave(args: readonly string[], flags: CommonFlags): Promise<number> {
	if (args.length > 1) {
		throw new UserError('save takes one URL', 2);
	}

	const url = parseUrlArgument(args[0], 'save');
	const storeRoot = writableStorePath(flags, process.env);
	let page: {html: string; url: string};
	try {
		page = await fetchPage(url, {});
	} catch (error) {
		throw new UserError(`save ${url}: ${describeError(error)}`);
	}

	const {extractPage, formatPage} = await import('../core/article/page/extract-page.js');
	const extracted = extractPage(page.html, page.url);
	if (extracted.warning !== undefined) {
		warn(`save ${url}: ${extracted.warning}`);
	}

	const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
	const text = formatPage(extracted, now);
	const taken = takenNames(`${storeRoot}/${savedFolder}`);
	// The same page saved twice is one article: found by its URL among what was saved before.
	const keys = new Set([...storedKeys({url: extracted.url ?? page.url}), ...storedKeys({url})]);
	const existing = [...readStoredKeys(storeRoot, savedFolder, taken)].find(([key]) => keys.has(key))?.[1];
	const file = existing ?? `${savedFolder}/${uniqueName(articleBaseName(extracted.published ?? now, extracted.title), candidate => taken.has(`${candidate}.md`))}.md`;
	writeArticle(storeRoot, file, text, {overwrite: true});
	await writeOut(`${sanitizeLine(file.slice(0, -3))}\n`);
	return 0;
}
