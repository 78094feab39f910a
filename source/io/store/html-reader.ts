import {installHtmlReader} from '../../core/article/html-page.js';

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

/** True for a path the store reads through the page extractor. */
export function isHtmlPath(path: string): boolean {
	return /\.html?$/i.test(path);
}
