/**
An article body (Markdown) as terminal lines: sanitise the tokens marked produced, drop a repeated title, render, and
keep pathological input (inline nesting that makes marked superlinear or overflow its stack) from stalling or
breaking the render.
*/
import type {Marked, Token} from 'marked';
import {createRenderer, section, type BodyOptions, type Renderer} from './markdown.js';
import {decodeEntities} from './styles.js';
import {hardBreak, wrapText} from '../text/wrap.js';
import {sanitizeLine, sanitizeText} from '../text/sanitize.js';

export type {BodyOptions} from './markdown.js';

// Sanitise every string a token carries that a renderer reads, once marked has decoded its entities. (`raw` is never
// rendered, and scanning it would rescan every nested block once per level.)
function sanitizeToken(token: Token): void {
	const record = token as Record<string, unknown>;
	for (const key of ['text', 'href', 'title', 'lang']) {
		const value = record[key];
		if (typeof value === 'string') {
			record[key] = sanitizeText(value);
		}
	}
}

const renderers = new Map<string, Renderer>();
const maximumCachedRenderers = 16;

function getRenderer(options: BodyOptions): Renderer {
	const key = `${options.measure}:${options.color}:${options.hyperlinks}`;
	let renderer = renderers.get(key);
	if (!renderer) {
		renderer = createRenderer(options);
		if (renderers.size >= maximumCachedRenderers) {
			renderers.delete(renderers.keys().next().value!);
		}

		renderers.set(key, renderer);
	}

	return renderer;
}

/** Whether a heading token repeats the article title (the parser may leave it in the body). */
function isTitleHeading(token: Token | undefined, title: string): boolean {
	return token?.type === 'heading' && sanitizeLine(decodeEntities(token.text, true)).toLowerCase() === title.toLowerCase();
}

/**
Render a Markdown body as terminal lines: no `\n` inside a line, blank runs collapsed to one blank line, none at
either end. A first heading equal to `title` is skipped, since the article header already shows it.
*/
export function renderMarkdown(markdown: string, options: BodyOptions, title = ''): string[] {
	const {marked, layout} = getRenderer(options);
	let output = '';
	for (const [index, segment] of splitPathological(markdown).entries()) {
		layout.indent = 0;
		layout.listDepth = 0;
		layout.isInTable = false;
		output += segment.isPlain
			? plainParagraphs(segment.text, options.measure)
			: parseSegment(marked, segment.text, index === 0 ? title : '', options.measure);
	}

	const lines: string[] = [];
	for (const line of output.replaceAll(hardBreak, ' ').split('\n')) {
		const trimmed = line.trimEnd();
		if (trimmed !== '' || (lines.length > 0 && lines.at(-1) !== '')) {
			lines.push(trimmed);
		}
	}

	while (lines.at(-1) === '') {
		lines.pop();
	}

	return lines;
}

/** Text shown without Markdown: sanitised, split at blank lines, wrapped. */
function plainParagraphs(text: string, measure: number): string {
	return sanitizeText(text).split(/\n[ \t]*\n/).map(paragraph => section(wrapText(paragraph, measure))).join('');
}

function parseSegment(marked: Marked, markdown: string, title: string, measure: number): string {
	try {
		const tokens = marked.lexer(markdown);
		marked.walkTokens(tokens, sanitizeToken);
		const first = tokens.findIndex(token => token.type !== 'space');
		if (title !== '' && isTitleHeading(tokens[first], title)) {
			tokens.splice(first, 1);
		}

		return marked.parser(tokens);
	} catch {
		// marked can exhaust the stack on pathological inline nesting: show the text unformatted rather than nothing.
		return plainParagraphs(markdown, measure);
	}
}

// marked's inline tokenizer is superlinear in emphasis and bracket delimiters: 600,000 of them (`_*[` repeated)
// take seconds to lex and tens of seconds to render. No real paragraph has thousands, so such a paragraph is shown as
// plain text instead.
const maximumDelimiters = 2000;

/** Whether `text` holds more than `maximumDelimiters` emphasis, code, strike, bracket or angle characters. */
function hasTooManyDelimiters(text: string): boolean {
	let count = 0;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		// * _ [ ] ~ ` < >
		if (code === 42 || code === 95 || code === 91 || code === 93 || code === 126 || code === 96 || code === 60 || code === 62) {
			count++;
			if (count > maximumDelimiters) {
				return true;
			}
		}
	}

	return false;
}

/** The body in runs of ordinary Markdown and of pathological paragraphs to show as plain text. */
function splitPathological(markdown: string): Array<{text: string; isPlain: boolean}> {
	if (!hasTooManyDelimiters(markdown)) {
		return [{text: markdown, isPlain: false}];
	}

	const segments: Array<{text: string; isPlain: boolean}> = [];
	for (const paragraph of markdown.split(/(?<=\n[ \t]*\n)/)) {
		const isPlain = hasTooManyDelimiters(paragraph);
		const last = segments.at(-1);
		if (last && last.isPlain === isPlain) {
			last.text += paragraph;
		} else {
			segments.push({text: paragraph, isPlain});
		}
	}

	return segments;
}
