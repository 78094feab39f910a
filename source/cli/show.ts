import fs from 'node:fs';
import path from 'node:path';
import type {Article} from '../core/article.js';
import {UserError} from '../core/errors.js';
import {findArticle} from '../core/library.js';
import {articleIdFromPath, formatOfPath} from '../core/parse.js';
import {formatJson, formatMarkdown, renderArticle} from '../core/render.js';
import {loadArticle, parseArticleText, type StoreScan} from '../io/store.js';

/** The formats `show` writes. */
export const showFormats = ['ansi', 'plain', 'markdown', 'json'] as const;
export type ShowFormat = typeof showFormats[number];

/** Read all of stdin as UTF-8. */
function readStdin(): string {
	if (process.stdin.isTTY) {
		throw new UserError('show -: stdin is a terminal; pipe an article in, for example `curl -s URL | inkwire show -`', 2);
	}

	try {
		return fs.readFileSync(0, 'utf8');
	} catch (error) {
		throw new UserError(`show -: cannot read stdin (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
	}
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
export function resolveArticle(query: string, scan: StoreScan): Article {
	if (query === '-') {
		const text = readStdin();
		return parseArticleText(text, guessFormatName(text), 'stdin');
	}

	const exact = scan.articles.find(article => article.id === query);
	if (exact) {
		return loadArticle(exact.path, exact.id);
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
			return loadArticle(lookup.article.path, lookup.article.id);
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
