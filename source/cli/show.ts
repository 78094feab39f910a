import fs from 'node:fs';
import path from 'node:path';
import type {Article} from '../core/article/article.js';
import {UserError} from '../core/errors.js';
import {findArticle} from '../core/store/library.js';
import {articleIdFromPath, formatOfPath} from '../core/article/parse.js';
import {formatJson, formatMarkdown, renderArticle} from '../core/render/article.js';
import {chooseWidth, shouldUseColor, shouldUseHyperlinks} from '../core/render/capabilities.js';
import {loadArticle, loadStoredArticle, parseArticleText, readArticleStream} from '../io/store/load-article.js';
import type {StoreScan} from '../io/store/scan.js';
import {writeOut} from '../io/output.js';
import {loadStore, openReadStateWithWarnings, type CommonFlags} from './context.js';

/** The formats `show` writes. */
export const showFormats = ['ansi', 'plain', 'markdown', 'json'] as const;
export type ShowFormat = typeof showFormats[number];

/** Read all of stdin as UTF-8, waiting for a slow pipe, within the store's size limit. */
async function readStdin(): Promise<string> {
	if (process.stdin.isTTY) {
		throw new UserError('show -: stdin is a terminal; pipe an article in, for example `curl -s URL | inkwire show -`', 2);
	}

	return readArticleStream(process.stdin, 'show -: stdin');
}

/** Markdown when it opens with front matter or a heading; otherwise scraped text. */
function guessFormatName(text: string): string {
	return /^(?:\uFEFF)?(?:---\r?\n|# )/.test(text) ? 'stdin.md' : 'stdin.txt';
}

function isFile(candidate: string): boolean {
	try {
		return fs.statSync(candidate).isFile();
	} catch {
		return false;
	}
}

/** The article named on the command line: `-`, an id, a path to a file, or a unique id prefix. */
export async function resolveArticle(query: string, scan: StoreScan): Promise<Article> {
	if (query === '-') {
		const text = await readStdin();
		return parseArticleText(text, guessFormatName(text), 'stdin');
	}

	const exact = scan.articles.find(article => article.id === query);
	if (exact) {
		return loadStoredArticle(exact);
	}

	if (formatOfPath(query) && isFile(query)) {
		const absolute = path.resolve(query);
		const relative = path.relative(scan.root, absolute);
		const isInStore = !relative.startsWith('..') && !path.isAbsolute(relative);
		const id = isInStore ? articleIdFromPath(relative) : articleIdFromPath(path.basename(absolute));
		return loadArticle(absolute, id);
	}

	const lookup = findArticle(scan.articles, query);
	switch (lookup.kind) {
		case 'found': {
			return loadStoredArticle(lookup.article);
		}

		case 'ambiguous': {
			const shown = lookup.candidates.slice(0, 8).map(article => article.id);
			const more = lookup.candidates.length > shown.length ? `, … (${lookup.candidates.length - shown.length} more)` : '';
			throw new UserError(`"${query}" matches ${lookup.candidates.length} articles: ${shown.join(', ')}${more}`);
		}

		case 'none': {
			throw new UserError(`no article matches "${query}" (\`inkwire list\` shows the ids)`);
		}
	}
}

export type ShowOptions = {
	readonly format: ShowFormat;
	readonly width: number;
	readonly hyperlinks: boolean;
	readonly isRead: boolean;
};

/** The text `show` writes, ending in a newline. */
export function formatArticle(article: Article, options: ShowOptions): string {
	switch (options.format) {
		case 'json': {
			return formatJson(article, options.isRead);
		}

		case 'markdown': {
			const text = formatMarkdown(article);
			return text.endsWith('\n') ? text : text + '\n';
		}

		case 'ansi':
		case 'plain': {
			const color = options.format === 'ansi';
			const lines = renderArticle(article, {width: options.width, color, hyperlinks: color && options.hyperlinks});
			return lines.join('\n') + '\n';
		}
	}
}

export function parseWidth(value: string | undefined): number | undefined {
	if (value === undefined) {
		return undefined;
	}

	const width = Number(value);
	if (!Number.isInteger(width) || width < 20 || width > 1000) {
		throw new UserError(`--width takes a whole number of columns from 20 to 1000, not "${value}"`, 2);
	}

	return width;
}

export function parseFormat(value: string | undefined): ShowFormat | undefined {
	if (value === undefined) {
		return undefined;
	}

	if (!(showFormats as readonly string[]).includes(value)) {
		throw new UserError(`--format takes ${showFormats.join(', ')}, not "${value}"`, 2);
	}

	return value as ShowFormat;
}

/** `inkwire show <id | id-prefix | path | ->`: the article formatted for the terminal or a pipe. */
export async function runShow(queries: readonly string[], flags: CommonFlags & {readonly format?: string; readonly width?: string}): Promise<number> {
	if (queries.length !== 1) {
		throw new UserError('show takes one article: an id, an id prefix, a path, or - for stdin', 2);
	}

	const format = parseFormat(flags.format);
	const width = parseWidth(flags.width);
	const scan = await loadStore(flags, process.env);
	const article = await resolveArticle(queries[0]!, scan);
	const readState = openReadStateWithWarnings();
	const isTty = Boolean(process.stdout.isTTY);
	await writeOut(formatArticle(article, {
		format: format ?? (shouldUseColor(isTty, process.env) ? 'ansi' : 'plain'),
		width: chooseWidth(width, isTty ? process.stdout.columns : undefined),
		hyperlinks: shouldUseHyperlinks(isTty, process.env),
		isRead: readState.isRead(article.id),
	}));
	return 0;
}
