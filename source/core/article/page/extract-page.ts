import {Readability} from '@mozilla/readability';
import {parseHTML} from 'linkedom';
import {formatArticleFile, type ArticleFields} from '../../feed/article-file.js';
import {htmlToMarkdown} from '../../feed/html-markdown.js';
import {normaliseDate, resolveUrl} from '../../feed/read-values.js';

/**
A web page's article, as `inkwire save` stores it and as a `.html` file in a store is read: @mozilla/readability
(Firefox's reader view) finds the article and drops the boilerplate, on a linkedom document (measured on 36 news
pages: 8 s, against 34 s and 1.1 GB with jsdom); the metadata comes from Readability and the page's own `<meta>`
tags (Open Graph, article:published_time), the lead image's caption from the first `<figcaption>`.
*/

/** What a page holds, cleaned of nothing yet: `formatPage` cleans it as it writes the file. */
export type ExtractedPage = {
	readonly title: string;
	readonly byline?: string;
	readonly siteName?: string;
	/** ISO 8601 UTC when the page gives a date that parses. */
	readonly published?: string;
	/** The page's canonical URL (or the one it was fetched from). */
	readonly url?: string;
	readonly image?: string;
	readonly caption?: string;
	readonly markdown: string;
	/** Set when no article was found and the whole page's text was kept. */
	readonly warning?: string;
};

type Document = ReturnType<typeof parseHTML>['document'];

function meta(document: Document, ...names: string[]): string | undefined {
	for (const name of names) {
		const element = document.querySelector(`meta[property="${name}"], meta[name="${name}"]`);
		const content = element?.getAttribute('content')?.trim();
		if (content) {
			return content;
		}
	}

	return undefined;
}

function text(value: string | null | undefined): string | undefined {
	const line = (value ?? '').replace(/\s+/g, ' ').trim();
	return line === '' ? undefined : line;
}

/** A byline without its "By": "By Jane Roe" -> "Jane Roe". */
function cleanByline(byline: string | undefined): string | undefined {
	return text(byline?.replace(/^\s*(?:by|von|par|por)\s+/i, ''));
}

/** Where a page saved from a browser came from: canonical link, og:url, or Chrome's "saved from url" comment. */
function canonicalUrl(document: Document, html: string): string | undefined {
	const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
	const savedFrom = /<!-- saved from url=\(\d+\)(\S{1,2000}) -->/.exec(html.slice(0, 4096))?.[1];
	return resolveUrl(canonical ?? meta(document, 'og:url') ?? savedFrom, undefined);
}

// Past this depth of nested elements a page is not an article but an attack: linkedom and Readability slow down
// quadratically (30,000 nested <div>s took a minute), so its text is kept without them.
const maxDepth = 1000;
// Elements that never hold others, or whose end tag may be left out (an unclosed <p> is not nesting).
const notNesting = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'optgroup', 'rt', 'rp']);

/** The deepest nesting of elements in `html`, counted on its tags alone (one linear pass, no parser). */
export function nestingDepth(html: string): number {
	let depth = 0;
	let deepest = 0;
	for (const match of html.matchAll(/<(\/?)([a-zA-Z][\w-]{0,30})[^<>]{0,4000}?(\/?)>/g)) {
		const name = match[2]!.toLowerCase();
		if (notNesting.has(name) || match[3] === '/') {
			continue;
		}

		depth = match[1] === '/' ? Math.max(0, depth - 1) : depth + 1;
		deepest = Math.max(deepest, depth);
	}

	return deepest;
}

/**
Extract the article of a page fetched from `url` (or read from a file, `url` undefined). Never throws on any HTML:
a page Readability finds no article in keeps its whole text, and says so in `warning`.
*/
export function extractPage(html: string, url?: string): ExtractedPage {
	if (nestingDepth(html) > maxDepth) {
		const text = html.replace(/<[^<>]{0,4000}>/g, ' ').replace(/[ \t]+/g, ' ');
		const converted = htmlToMarkdown(`<p>${text.replaceAll('<', '&lt;')}</p>`, url ?? '');
		return compact({title: 'Untitled', url, markdown: converted.markdown, warning: `page nested more than ${maxDepth} elements deep; kept its text only`});
	}

	// A fragment or an empty string has no document element for Readability to start from: give it one.
	const parsed = parseHTML(html).document;
	const document = parsed.documentElement && parsed.body ? parsed : parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document;
	const pageUrl = canonicalUrl(document, html) ?? url;
	const base = resolveUrl(document.querySelector('base[href]')?.getAttribute('href') ?? undefined, pageUrl) ?? pageUrl ?? '';
	const image = resolveUrl(meta(document, 'og:image', 'twitter:image'), base);
	const published = normaliseDate(meta(document, 'article:published_time', 'og:published_time', 'date', 'dc.date', 'DC.date.issued')
		?? document.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined);
	const caption = text(document.querySelector('figure figcaption')?.textContent);
	const fallbackTitle = text(meta(document, 'og:title')) ?? text(document.querySelector('title')?.textContent) ?? 'Untitled';
	let article: ReturnType<Readability['parse']> = null;
	let warning: string | undefined;
	try {
		article = new Readability(document as unknown as globalThis.Document, {charThreshold: 200}).parse();
	} catch (error) {
		warning = error instanceof RangeError ? 'page nested too deeply for the article extractor' : `the article extractor failed (${error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : String(error)})`;
	}

	const body = article?.content ?? document.body?.innerHTML ?? '';
	if (!article && warning === undefined) {
		warning = 'no article found on the page; kept all its text';
	}

	const converted = htmlToMarkdown(body, base);
	const byline = cleanByline(article?.byline ?? meta(document, 'author', 'article:author'));
	return compact({
		title: text(article?.title) ?? fallbackTitle,
		byline,
		siteName: text(article?.siteName ?? meta(document, 'og:site_name')),
		published: published ?? normaliseDate(article?.publishedTime ?? undefined),
		url: pageUrl,
		image,
		caption,
		markdown: byline === undefined ? converted.markdown : dropLeadingByline(converted.markdown, byline),
		warning: warning ?? converted.warning,
	});
}

/** The body without a first paragraph that only repeats the byline ("By Jane Roe"), which the header shows. */
function dropLeadingByline(markdown: string, byline: string): string {
	const end = markdown.indexOf('\n\n');
	const first = (end === -1 ? markdown : markdown.slice(0, end)).trim();
	return cleanByline(first) === byline ? markdown.slice(end === -1 ? markdown.length : end + 2) : markdown;
}

function compact<T extends Record<string, unknown>>(object: T): T {
	for (const key of Object.keys(object)) {
		if (object[key] === undefined) {
			delete object[key];
		}
	}

	return object;
}

/** The fields of a saved page's front matter; `fallbackDate` dates a page that gives none (save uses the fetch time). */
export function pageFields(page: ExtractedPage, fallbackDate?: string): ArticleFields {
	return {
		title: page.title,
		...(page.siteName === undefined ? {} : {source: page.siteName}),
		...(page.byline === undefined ? {} : {author: page.byline}),
		date: page.published ?? fallbackDate ?? '',
		...(page.url === undefined ? {} : {url: page.url}),
		tags: [],
		...(page.image === undefined ? {} : {image: page.image}),
		...(page.caption === undefined ? {} : {caption: page.caption}),
	};
}

/** A page as the article file `inkwire save` writes (and as a `.html` file in a store is read). */
export function formatPage(page: ExtractedPage, fallbackDate?: string): string {
	return formatArticleFile(pageFields(page, fallbackDate), page.markdown);
}

/** `extractPage` then `formatPage`: the Markdown article file of an HTML page. */
export function htmlPageToArticleText(html: string, url?: string, fallbackDate?: string): string {
	return formatPage(extractPage(html, url), fallbackDate);
}
