/**
An article as terminal lines, styled or plain: the header (title, metadata, the article's URL, caption), a line for
each way the render had to simplify the article, the body (body.ts), and the numbered links. Colour and hyperlinks
are the caller's decision, passed as booleans: nothing here looks at the environment or at process.stdout.
*/
import {hasShortcodes, isEmojiReady, loadEmoji} from './emoji.js';
import type {Article} from '../article/article.js';
import {isSafeTerminalOutput, sanitizeLine} from '../text/sanitize.js';
import {balanceStyles} from '../text/sgr.js';
import {fitWidth} from '../text/width.js';
import {hardBreak} from '../text/marks.js';
import {wrapText} from '../text/wrap.js';
import {bodyLanguages, renderBody} from './body.js';
import {formatMetadata} from './formats.js';
import {isLanguageReady, loadLanguages} from './highlight.js';
import {checkLinkTarget, createLinkRegistry, hyperlink, type RenderLink} from './links.js';
import {createStyles, type Styles} from './styles.js';
import {createWarningLog, type RenderWarning, type WarningLog} from './warnings.js';

export {formatDate, formatJson, formatMarkdown, formatMetadata} from './formats.js';
export type {RenderLink} from './links.js';
export type {RenderFallback, RenderWarning} from './warnings.js';

export type RenderOptions = {
	/** Terminal columns available; text is wrapped to min(width, 100) minus margins (a comfortable measure). */
	readonly width: number;
	/**
	The exact measure instead: lines of at most this many columns, no margins taken off and no cap (`show --width N`
	in a pipe means N). At least 10.
	*/
	readonly measure?: number;
	/** Styled (bold headings, colours) when true; plain text when false. */
	readonly color: boolean;
	/** OSC 8 hyperlinks on numbered links when true (links are numbered and listed either way). */
	readonly hyperlinks: boolean;
	/**
	Colour code blocks by their language when colour is on (default true). The languages must have been loaded with
	`prepareRender`; false renders code in the plain code colour without a warning (while they load).
	*/
	readonly highlight?: boolean;
};

/** A rendered article. */
export type RenderResult = {
	/** Terminal lines: no `\n` inside a line, none wider than the measure, each carrying its own styling. */
	readonly lines: readonly string[];
	/** The numbered links, in number order, as the `Links` section lists them. */
	readonly links: readonly RenderLink[];
	/** Every deliberate simplification, each also shown as a line under the header. Empty for ordinary articles. */
	readonly warnings: readonly RenderWarning[];
};

/** Lines are never longer than this, however wide the terminal: long lines are hard to read. */
export const maximumMeasure = 100;

/** Columns kept free of text: one each side, for the pager's margins. */
const margins = 2;
const minimumMeasure = 10;
// A URL is shown whole up to this many columns (the link list keeps the whole address for opening).
const maximumShownUrl = 2000;

/** The widest a rendered line may be (in display columns) for a terminal `width` wide. */
export function textMeasure(width: number): number {
	const columns = Number.isFinite(width) ? Math.floor(width) : maximumMeasure;
	return Math.max(minimumMeasure, Math.min(columns, maximumMeasure) - margins);
}

/**
Load what rendering `article` needs that is not loaded yet: the highlighters of the languages its code blocks name.
Await it before `renderArticle` with colour on; it resolves at once for an article without such code, and never
rejects (a failure shows as a warning in the render).
*/
export async function prepareRender(article: Article, options: {readonly highlight?: boolean} = {}): Promise<void> {
	const {highlight = true} = options;
	await Promise.all([
		highlight ? loadLanguages(bodyLanguages(article.body)) : undefined,
		hasShortcodes(article.body) ? loadEmoji() : undefined,
	]);
}

/** Whether `renderArticle` has everything it needs for `article` now (prepareRender would load nothing). */
export function isRenderPrepared(article: Article): boolean {
	return bodyLanguages(article.body).every(language => isLanguageReady(language)) && (isEmojiReady() || !hasShortcodes(article.body));
}

/** A URL as shown: sanitised, cut past `maximumShownUrl` columns. */
function showUrl(url: string): string {
	return fitWidth(url, maximumShownUrl);
}

function renderHeader(article: Article, measure: number, styles: Styles, hyperlinks: boolean): string[] {
	const title = sanitizeLine(article.title);
	const lines = wrapText(title === '' ? 'Untitled' : title, measure).map(line => styles.title(line));
	for (const line of wrapText(formatMetadata(article), measure)) {
		lines.push(styles.meta(line));
	}

	const url = sanitizeLine(article.url ?? '');
	if (url !== '') {
		const target = checkLinkTarget(url);
		for (const line of wrapText(showUrl(url), measure)) {
			lines.push(hyperlinks && target && 'url' in target ? hyperlink(target.url, styles.url(line)) : styles.url(line));
		}
	}

	const tags = article.tags.map(tag => sanitizeLine(tag)).filter(tag => tag !== '');
	if (tags.length > 0) {
		for (const line of wrapText(tags.map(tag => `#${tag.replaceAll(' ', '-')}`).join(' '), measure)) {
			lines.push(styles.meta(line));
		}
	}

	const caption = sanitizeLine(article.caption ?? '');
	if (caption !== '') {
		lines.push('');
		for (const line of wrapText(caption, measure)) {
			lines.push(styles.caption(line));
		}
	}

	return lines;
}

/** The `Links` section: a heading, then `[3] https://…` for every numbered link, wrapped under its number. */
function renderLinks(links: readonly RenderLink[], measure: number, styles: Styles): string[] {
	const lines = [styles.headings[1]('Links'), styles.rule('─'.repeat(5))];
	const numberWidth = `[${links.length}]`.length;
	for (const link of links) {
		const label = `[${link.number}]`.padStart(numberWidth);
		for (const [index, line] of wrapText(showUrl(link.url), measure - numberWidth - 1).entries()) {
			lines.push(`${index === 0 ? styles.linkNumber(label) : ' '.repeat(numberWidth)} ${styles.url(line)}`);
		}
	}

	return lines;
}

/** Lines that passed the terminal-safety check; a line that did not loses its styling, and that is a warning. */
function guard(lines: readonly string[], warnings: WarningLog): string[] {
	return lines.map(line => {
		if (isSafeTerminalOutput(line)) {
			return line;
		}

		warnings.add('unsafe-line', 'A line is shown without its styling.', 'a rendered line failed the terminal-safety check');
		return sanitizeLine(line);
	});
}

/**
The article as terminal lines: header (title; source · author · date · N min read; URL; caption), a warning line for
each simplification, blank line, body, and a `Links` section listing the numbered links. No trailing empty lines, no
'\n' inside a line, no line wider than the measure (display width, CJK/emoji count 2). Every line sanitised; only
inkwire's own SGR styling and OSC 8 links (http, https, mailto only) may appear as escapes.
*/
export function renderArticle(article: Article, options: RenderOptions): RenderResult {
	const measure = options.measure === undefined ? textMeasure(options.width) : Math.max(minimumMeasure, Math.floor(options.measure));
	const styles = createStyles(options.color);
	const warnings = createWarningLog();
	const links = createLinkRegistry({styles, hyperlinks: options.hyperlinks, warnings});
	const header = guard(balanceStyles(renderHeader(article, measure, styles, options.hyperlinks)), warnings);
	const context = {
		measure, styles, color: options.color, highlight: options.highlight ?? true,
		links, warnings, showImages: true, blockBreak: hardBreak,
	};
	const body = renderBody(article.body, sanitizeLine(article.title), context);
	const numbered = links.list();
	if (numbered.length > 0) {
		body.push('');
		for (const line of renderLinks(numbered, measure, styles)) {
			body.push(line);
		}
	}

	const bodyLines = guard(balanceStyles(body), warnings);
	const taken = warnings.list();
	const lines = header;
	if (taken.length > 0) {
		lines.push('');
		for (const warning of taken) {
			for (const line of wrapText(`⚠ ${warning.message}`, measure)) {
				lines.push(styles.warning(line));
			}
		}
	}

	if (bodyLines.length > 0) {
		lines.push('');
		for (const line of bodyLines) {
			lines.push(line);
		}
	}

	return {lines, links: numbered, warnings: taken};
}
