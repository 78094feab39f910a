/**
An article as terminal lines, styled or plain. The header (title, metadata, caption) is built here; the body goes
through marked in render-markdown.ts. Colour and hyperlinks are the caller's decision, passed as booleans: nothing
here looks at the environment or at process.stdout.
*/
import type {Article} from '../article/article.js';
import {formatMetadata} from './formats.js';
import {renderMarkdown} from './body.js';
import {createStyles} from './styles.js';
import {balanceStyles, wrapText} from '../text/wrap.js';
import {isSafeTerminalOutput, sanitizeLine, sanitizeText} from '../text/sanitize.js';

export {formatDate, formatJson, formatMarkdown, formatMetadata} from './formats.js';

export type RenderOptions = {
	/** Terminal columns available; text is wrapped to min(width, 100) minus margins (a comfortable measure). */
	readonly width: number;
	/** Styled (bold headings, colours) when true; plain text when false. */
	readonly color: boolean;
	/** OSC 8 hyperlinks for http/https/mailto links when true; otherwise links print as `text (url)`. */
	readonly hyperlinks: boolean;
};

/** Lines are never longer than this, however wide the terminal: long lines are hard to read. */
export const maximumMeasure = 100;

/** Columns kept free of text: one each side, for the pager's margins. */
const margins = 2;
const minimumMeasure = 10;

/** The widest a rendered line may be (in display columns, code blocks and tables excepted) for a terminal `width` wide. */
export function textMeasure(width: number): number {
	const columns = Number.isFinite(width) ? Math.floor(width) : maximumMeasure;
	return Math.max(minimumMeasure, Math.min(columns, maximumMeasure) - margins);
}

/**
The article as terminal lines: header (title; then source · date · N min read), caption, blank line, body.
No trailing empty lines, no '\n' inside a line. Every line sanitised; only inkwire's own SGR styling and OSC 8
links (http, https, mailto only) may appear as escapes. No line wider than the measure (display width, CJK/emoji
count 2) except code blocks and tables, which are not wrapped.
*/
export function renderArticle(article: Article, options: RenderOptions): string[] {
	const measure = textMeasure(options.width);
	const styles = createStyles(options.color);
	const title = sanitizeLine(article.title);
	const lines = wrapText(title === '' ? 'Untitled' : title, measure).map(line => styles.title(line));
	lines.push(...wrapText(formatMetadata(article), measure).map(line => styles.meta(line)));

	const caption = sanitizeLine(article.caption ?? '');
	if (caption !== '') {
		lines.push('', ...wrapText(caption, measure).map(line => styles.caption(line)));
	}

	const body = renderMarkdown(article.body, {measure, color: options.color, hyperlinks: options.hyperlinks}, title);
	if (body.length > 0) {
		lines.push('', ...body);
	}

	// The body was sanitised token by token; this last check guarantees the contract even if a path was missed,
	// at the price of that one line's styling.
	return balanceStyles(lines).map(line => (isSafeTerminalOutput(line) ? line : sanitizeText(line)));
}
