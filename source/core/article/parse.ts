import {articleFormatOf} from '../store/article-path.js';
import type {Article, ArticleFormat, ArticleMeta} from './article.js';
import {markdownLineText} from '../render/inline.js';
import {normalizeInput} from '../text/input.js';
import {countWords} from './word-count.js';
import {readFrontMatter, splitFrontMatter, type FrontMatter} from './front-matter.js';
import {comparable} from './scraped/header.js';
import {parseRawText} from './scraped/raw-text.js';
import {isClean, sanitizeLine, sanitizeText} from '../text/sanitize.js';
// [feeds] .html pages are read through the page extractor (see html-page.ts).
import {readHtmlPage} from './html-page.js';

/**
Turning a stored file into an `Article`: Markdown with optional YAML front matter, or raw scraped text. Pure and total:
any input gives an article plus warnings.
*/

const wordsPerMinute = 230;

/** `sanitizeText`, skipping the character-by-character scan when a quick test finds nothing it would remove. */
function sanitizeBody(text: string): string {
	return isClean(text) ? text : sanitizeText(text);
}

/** The format of an article file by its name (core/store/article-path.ts decides, for the walk and the parser alike). */
export const formatOfPath: (path: string) => ArticleFormat | undefined = articleFormatOf;

export {countWords} from './word-count.js';

/** An article's id from its path inside the store: extension dropped, `\\` turned into `/`, no leading './'. */
export function articleIdFromPath(relativePath: string): string {
	let id = relativePath.replaceAll('\\', '/');
	while (id.startsWith('./')) {
		id = id.slice(2);
	}

	const dot = id.lastIndexOf('.');
	return dot > id.lastIndexOf('/') + 1 ? id.slice(0, dot) : id;
}

function readingMinutes(words: number): number {
	return Math.max(1, Math.round(words / wordsPerMinute));
}

/** Heading text without its closing `#`s; done by hand because a regex here could backtrack. */
function headingText(text: string): string {
	let end = text.trimEnd().length;
	let hashes = end;
	while (hashes > 0 && text[hashes - 1] === '#') {
		hashes--;
	}

	if (hashes < end && (hashes === 0 || text[hashes - 1] === ' ' || text[hashes - 1] === '\t')) {
		end = hashes;
	}

	return text.slice(0, end).trim();
}

// A title is read from at most this much of its line: no title is longer, and the inline lexer need not see more.
const longestTitleSource = 4096;

/** The plain text a title shows for a line of Markdown: no badges, tags, backticks or escapes. */
function titleText(markdown: string): string {
	return markdownLineText(markdown.slice(0, longestTitleSource));
}

type Heading = {title: string; start: number; end: number};

/**
The heading that opens the body, if it does: a `# heading` or a `===` underlined line as its first content (a heading
further down is a section of the article, never its title), with the span of its lines.
*/
function findLeadingHeading(body: string): Heading | undefined {
	let start = 0;
	while (start < body.length) {
		const newline = body.indexOf('\n', start);
		const end = newline === -1 ? body.length : newline;
		if (body.slice(start, Math.min(end, start + 4096)).trim() !== '') {
			break;
		}

		start = end + 1;
	}

	const firstEnd = body.indexOf('\n', start) === -1 ? body.length : body.indexOf('\n', start);
	const first = body.slice(start, Math.min(firstEnd, start + longestTitleSource));
	if (/^ {0,3}#(?:[ \t]|$)/.test(first)) {
		return {title: titleText(headingText(first.replace(/^ {0,3}#/, ''))), start, end: firstEnd};
	}

	const secondEnd = body.indexOf('\n', firstEnd + 1) === -1 ? body.length : body.indexOf('\n', firstEnd + 1);
	const second = body.slice(firstEnd + 1, Math.min(secondEnd, firstEnd + 1 + 4096));
	if (first !== '' && !/^ {0,3}(?:`{3,}|~{3,}|[>*+-]|\d{1,9}[.)]|<)/.test(first) && /^ {0,3}=+[ \t]*$/.test(second)) {
		return {title: titleText(first.trim()), start, end: secondEnd};
	}

	return undefined;
}

function removeSpan(body: string, start: number, end: number): string {
	return body.slice(0, start) + body.slice(Math.min(body.length, end + 1));
}

/**
A title from the first line of text when nothing names one: outside code fences, holding a letter once its Markdown
and HTML are taken away (a line of badges or an `<img>` logo is passed over), at most about 120 characters.
*/
function titleFromFirstLine(body: string): string | undefined {
	let isInFence = false;
	for (const raw of body.slice(0, 8192).split('\n')) {
		const line = raw.trim();
		if (/^(?:`{3,}|~{3,})/.test(line)) {
			isInFence = !isInFence;
			continue;
		}

		if (isInFence || !/\p{L}/u.test(line)) {
			continue;
		}

		const text = titleText(line.replace(/^(?:[#>*+-]+|\d{1,9}[.)])[ \t]+/, ''));
		if (!/\p{L}/u.test(text)) {
			continue;
		}

		if (text.length <= 120) {
			return text;
		}

		const space = text.lastIndexOf(' ', 120);
		return `${text.slice(0, space > 60 ? space : 120)}…`;
	}

	return undefined;
}

function trimBlankLines(text: string): string {
	return text.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}

function parseMarkdown(text: string, warnings: string[]): {fields: FrontMatter; body: string} {
	const split = splitFrontMatter(text);
	const read = split.yaml === undefined ? undefined : readFrontMatter(split.yaml);
	// A leading `---` block that is not a mapping of fields (prose between two rules, say) is the article's Markdown.
	const isFrontMatter = read !== undefined && read.kind !== 'not-fields';
	const fields = isFrontMatter ? read.fields : {};
	if (read === undefined || isFrontMatter) {
		warnings.push(...split.warnings, ...(read?.warnings ?? []));
	}

	let body = sanitizeBody(isFrontMatter || read === undefined ? split.body : text);
	const heading = findLeadingHeading(body);
	if (fields.title === undefined) {
		if (heading && heading.title !== '') {
			fields.title = heading.title;
			body = removeSpan(body, heading.start, heading.end);
		}
	} else if (heading && comparable(heading.title) === comparable(fields.title)) {
		body = removeSpan(body, heading.start, heading.end);
	}

	return {fields, body: trimBlankLines(body)};
}

/**
The metadata of an article whose clean body is `body`. The fields come from the front matter reader or the raw-text
parser, which clean them (entities decoded, then sanitised): only the path-derived id is cleaned here.
*/
function buildMeta(id: string, fields: FrontMatter, body: string): ArticleMeta {
	const words = countWords(body);
	const article: Record<string, unknown> = {
		id: fields.id || sanitizeLine(id),
		title: fields.title || titleFromFirstLine(body) || sanitizeLine(id) || 'Untitled',
	};
	for (const key of ['source', 'author', 'date', 'url', 'caption'] as const) {
		if (fields[key] !== undefined && fields[key] !== '') {
			article[key] = fields[key];
		}
	}

	Object.assign(article, {tags: fields.tags ?? [], words, readingMinutes: readingMinutes(words)});
	return article as ArticleMeta;
}

function build(id: string, fields: FrontMatter, body: string): Article {
	const article = buildMeta(id, fields, body) as Record<string, unknown>;
	article['body'] = body;
	return article as Article;
}

/** What a file that made the parser fail shows: an empty article named by its id, and why. */
function failed(error: unknown, id: string, warnings: readonly string[]): {article: Article; warnings: string[]} {
	const message = error instanceof Error ? error.message : String(error);
	const name = sanitizeLine(String(id)) || 'untitled';
	return {
		article: {id: name, title: name, tags: [], words: 0, readingMinutes: 1, body: ''},
		warnings: [...warnings, sanitizeLine(`could not parse: ${message.slice(0, 200)}`)],
	};
}

/** Parse with the builder given: the shared steps of `parseArticle` and `parseArticleMeta`. Never throws. */
function parseWith<T>(text: string, options: {id: string; format: ArticleFormat}, builder: (id: string, fields: FrontMatter, body: string) => T, onFailure: (failure: {article: Article; warnings: string[]}) => {article: T; warnings: string[]}): {article: T; warnings: string[]} {
	const warnings: string[] = [];
	try {
		const input = normalizeInput(typeof text === 'string' ? text : String(text ?? ''));
		if (options.format === 'text') {
			const {body, ...fields} = parseRawText(input);
			return {article: builder(options.id, fields, body), warnings};
		}

		// [feeds] a page becomes the Markdown file `inkwire save` would have written for it, then is read as one.
		const {fields, body} = parseMarkdown(options.format === 'html' ? readHtmlPage(input) : input, warnings);
		return {article: builder(options.id, fields, body), warnings: warnings.map(warning => sanitizeLine(warning))};
	} catch (error) {
		// A bug here must not take the whole store down: show the file as an empty article and say why.
		return onFailure(failed(error, options.id, warnings));
	}
}

/**
Parse a file's text. `id` is the path-derived id (front matter `id` wins for markdown). Never throws on any input:
bad front matter degrades (warning) instead of failing; a missing title falls back to the first heading, the first
line, or the id.
*/
export function parseArticle(text: string, options: {id: string; format: ArticleFormat}): {article: Article; warnings: string[]} {
	return parseWith(text, options, build, failure => failure);
}

/**
Exactly `parseArticle(text, options)` without the body: the same metadata and warnings, for the store's index. It
skips the work only the body needs (its last sanitising pass, and the search for a heading deep in the body when
front matter names the title).
*/
export function parseArticleMeta(text: string, options: {id: string; format: ArticleFormat}): {article: ArticleMeta; warnings: string[]} {
	return parseWith<ArticleMeta>(text, options, buildMeta, ({article: {body: _body, ...meta}, warnings}) => ({article: meta, warnings}));
}
