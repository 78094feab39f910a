import fs from 'node:fs';
import path from 'node:path';
import type {Article} from '../core/article/article.js';
import {UserError} from '../core/errors.js';
import {articleIdFromPath, formatOfPath} from '../core/article/parse.js';
import {formatJson, formatMarkdown, maximumMeasure, prepareRender, renderArticle, type RenderWarning} from '../core/render/article.js';
import {chooseWidth, shouldUseHyperlinks} from '../core/render/capabilities.js';
import {stripByteOrderMark} from '../core/text/input.js';
import {loadArticle, loadStoredArticle, parseArticleText, readArticleStream} from '../io/store/load-article.js';
import {maxArticleBytes, readTextFile} from '../io/store/read-file.js';
import {prepareFormat} from '../io/store/html-reader.js';
import {warn, writeOut} from '../io/output.js';
import {sanitizeText} from '../core/text/sanitize.js';
import {chooseColor} from './color.js';
import {openMarksWithWarnings, type CommonFlags} from './context.js';
import {findStoredArticles} from './lookup.js';
import {resolveStorePath} from './store-path.js';

/** The formats `show` writes. */
export const showFormats = ['ansi', 'plain', 'markdown', 'json'] as const;
export type ShowFormat = typeof showFormats[number];

/** Markdown when it opens with front matter or a heading; otherwise scraped text. */
function guessFormatName(text: string): string {
	return /^(?:---\r?\n|# )/.test(stripByteOrderMark(text)) ? 'stdin.md' : 'stdin.txt';
}

function isFile(candidate: string): boolean {
	try {
		return fs.statSync(candidate).isFile();
	} catch {
		return false;
	}
}

/**
The article named on the command line: `-` (stdin), a path to a file, an id, or a unique id prefix. Only an id needs
the store, and then its index first: `echo '# Hi' | inkwire show -` works without any store.
*/
export async function resolveArticle(query: string, flags: CommonFlags): Promise<Article> {
	if (query === '-') {
		if (process.stdin.isTTY) {
			throw new UserError('show -: stdin is a terminal; pipe an article in, for example `curl -s URL | inkwire show -`', 2);
		}

		const text = await readArticleStream(process.stdin, 'show -: stdin');
		return parseArticleText(text, guessFormatName(text), 'stdin');
	}

	if (formatOfPath(query) && isFile(query)) {
		const absolute = path.resolve(query);
		const relative = path.relative(resolveStorePath(flags, process.env), absolute);
		const isInStore = !relative.startsWith('..') && !path.isAbsolute(relative);
		const id = isInStore ? articleIdFromPath(relative) : articleIdFromPath(path.basename(absolute));
		await prepareFormat(absolute);
		return loadArticle(absolute, id);
	}

	const [stored] = await findStoredArticles([query], flags);
	await prepareFormat(stored!.path);

	return loadStoredArticle(stored!);
}

export type ShowOptions = {
	readonly format: ShowFormat;
	/** Lines of at most this many columns (no margins: a pipe or a terminal gets the whole width). */
	readonly width: number;
	readonly hyperlinks: boolean;
	readonly isRead: boolean;
	readonly isStarred?: boolean;
};

/** The text `show` writes, ending in a newline, and the simplifications the terminal formats had to make. */
export function formatArticle(article: Article, options: ShowOptions): {text: string; warnings: readonly RenderWarning[]} {
	switch (options.format) {
		case 'json': {
			return {text: formatJson(article, options.isRead, options.isStarred), warnings: []};
		}

		case 'markdown': {
			const text = formatMarkdown(article);
			return {text: text.endsWith('\n') ? text : text + '\n', warnings: []};
		}

		case 'ansi':
		case 'plain': {
			const color = options.format === 'ansi';
			const {lines, warnings} = renderArticle(article, {width: options.width, measure: options.width, color, hyperlinks: color && options.hyperlinks});
			return {text: lines.join('\n') + '\n', warnings};
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

/**
The text of the file `show --explain` explains, with the name that says its format: stdin, a path, or a stored
article by id. Read with the store's size limit.
*/
async function readArticleSource(query: string, flags: CommonFlags): Promise<{text: string; name: string}> {
	if (query === '-') {
		const text = await readArticleStream(process.stdin, 'show -: stdin');
		return {text, name: guessFormatName(text)};
	}

	const file = formatOfPath(query) && isFile(query) ? query : (await findStoredArticles([query], flags))[0]!.path;
	try {
		return {text: readTextFile(file, maxArticleBytes), name: file};
	} catch (error) {
		throw new UserError(`cannot read ${file}: ${(error as Error).message}`);
	}
}

/** `show --explain`: every decision the scraped-text cleaner made on the article, one line each. */
async function explainArticle(query: string, flags: CommonFlags, width: number): Promise<number> {
	const {text, name} = await readArticleSource(query, flags);
	if (formatOfPath(name) !== 'text') {
		throw new UserError(`--explain explains scraped text (.txt); ${name} is Markdown, shown as written`, 2);
	}

	const {explainRawText, formatRawExplanation} = await import('../core/article/scraped/raw-text.js');
	await writeOut(sanitizeText(formatRawExplanation(explainRawText(text), width)) + '\n');
	return 0;
}

/** `inkwire show <id | id-prefix | path | ->`: the article formatted for the terminal or a pipe. */
export async function runShow(queries: readonly string[], flags: CommonFlags & {readonly format?: string; readonly width?: string; readonly color?: string; readonly explain?: boolean}): Promise<number> {
	if (queries.length !== 1) {
		throw new UserError('show takes one article: an id, an id prefix, a path, or - for stdin', 2);
	}

	const format = parseFormat(flags.format);
	const width = parseWidth(flags.width);
	const isTty = Boolean(process.stdout.isTTY);
	if (flags.explain) {
		return explainArticle(queries[0]!, flags, chooseWidth(width, isTty ? process.stdout.columns : undefined));
	}

	const color = chooseColor(flags.color, isTty, process.env);
	const article = await resolveArticle(queries[0]!, flags);
	const marks = openMarksWithWarnings(resolveStorePath(flags, process.env));
	const chosen = format ?? (color ? 'ansi' : 'plain');
	if (chosen === 'ansi' || chosen === 'plain') {
		// What the article needs loads here, and only for such an article: syntax colours for the languages its code
		// names (ansi only), emoji for its shortcodes.
		await prepareRender(article, {highlight: chosen === 'ansi'});
	}

	const {text, warnings} = formatArticle(article, {
		format: chosen,
		// --width N is exactly N; otherwise the terminal's width (80 in a pipe), at most a comfortable 100.
		width: width ?? Math.min(maximumMeasure, chooseWidth(undefined, isTty ? process.stdout.columns : undefined)),
		hyperlinks: shouldUseHyperlinks(isTty, process.env),
		isRead: marks.isRead(article.id),
		isStarred: marks.isSaved(article.id),
	});
	if (flags.verbose) {
		// The article itself says what was simplified; --verbose says why.
		for (const warning of warnings) {
			warn(`${warning.message} (${warning.reason}${warning.count > 1 ? `; ${warning.count} times` : ''})`);
		}
	}

	await writeOut(text);
	return 0;
}
