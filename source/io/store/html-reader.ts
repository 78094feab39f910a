import {installHtmlReader} from '../../core/article/html-page.js';
import {articleFormatOf} from '../../core/store/article-path.js';

/**
[feeds hook] Load the page extractor for `.html` files in a store (see core/article/html-page.ts). Loaded once, on
demand: a store without `.html` files never pays for Readability and linkedom.
*/

let loading: Promise<void> | undefined;

/** Make `parseArticle` able to read `.html` files. Safe to call any number of times. */
export async function loadHtmlReader(): Promise<void> {
	loading ??= import('../../core/article/page/extract-page.js').then(({htmlPageToArticleText}) => {
		installHtmlReader(html => htmlPageToArticleText(html));
	});
	return loading;
}

/**
Load what parsing an article file named `name` needs, before a synchronous load or parse of it: the page extractor
for an `.html` page, nothing for any other format. Every loader calls this (show, the scan and its workers, the render
worker, the search index and its snippets), so no path can meet an `.html` file without its reader.
*/
export async function prepareFormat(name: string): Promise<void> {
	if (articleFormatOf(name) === 'html') {
		await loadHtmlReader();
	}
}
