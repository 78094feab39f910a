/**
Inline Markdown (marked's inline tokens) as one styled string, ready for wrapText: text decoded and sanitised,
emphasis and code styled, links numbered, images as `[image: alt]`, inline HTML through html.ts. Nesting deeper than
a fixed cap is flattened to its text, so the depth of recursion never depends on the input.
*/
import {replaceShortcodes} from './emoji.js';
import {Lexer, type Token, type Tokens} from 'marked';
import {decodeEntities} from '../text/entities.js';
import {sanitizeText} from '../text/sanitize.js';
import {hardBreak} from '../text/marks.js';
import {readHtml, type HtmlEvent, type HtmlStyle} from './html.js';
import type {LinkRegistry} from './links.js';
import {createStyles, type Paint, type Styles} from './styles.js';
import {createWarningLog, type WarningLog} from './warnings.js';

/** What inline rendering needs to know. */
export type InlineContext = {
	readonly styles: Styles;
	/** Where links are numbered and styled; without one, links show their text only (titles, comparisons). */
	readonly links?: LinkRegistry;
	readonly warnings: WarningLog;
	/** `[image: alt]` for images; false drops them (a title made of badges is no title). */
	readonly showImages: boolean;
	/** What a block-level HTML element inside the text becomes: a line break inline, a paragraph mark in an HTML block. */
	readonly blockBreak: string;
};

export {paragraphMark} from '../text/marks.js';

const maximumDepth = 32;
// eslint-disable-next-line no-control-regex
const ownEscapes = /\u001B\[[\d;:]*m|\u001B\]8;[^\u0007\u001B]*(?:\u0007|\u001B\\)/g;

/** Rendered text without inkwire's own escapes. */
export function stripStyles(text: string): string {
	return text.includes('\u001B') ? text.replace(ownEscapes, '') : text;
}

/** The text of inline tokens without any styling, walked without recursion (for alt text and over-deep nesting). */
function plainTextOf(tokens: readonly Token[]): string {
	let text = '';
	const stack: Token[] = [...tokens].reverse();
	while (stack.length > 0) {
		const token = stack.pop()!;
		if ('tokens' in token && Array.isArray(token.tokens) && token.type !== 'codespan') {
			for (let index = token.tokens.length - 1; index >= 0; index--) {
				stack.push(token.tokens[index]!);
			}
		} else if (token.type === 'text') {
			text += decodeEntities(token.raw);
		} else if (token.type === 'escape' || token.type === 'codespan') {
			text += token.text;
		} else if (token.type === 'br') {
			text += ' ';
		}
	}

	return sanitizeText(text);
}

type Span = {readonly tag: HtmlStyle | 'a'; readonly start: number; readonly level: number; readonly href?: string};

/** Builds one paragraph's styled text from tokens and HTML events. */
class InlineBuilder {
	private readonly parts: string[] = [];
	private readonly spans: Span[] = [];
	private level = 0;
	private hidden = 0;
	private pre = 0;
	private readonly paints: Record<HtmlStyle, Paint>;

	constructor(private readonly context: InlineContext) {
		const {styles} = context;
		this.paints = {strong: styles.strong, emphasis: styles.emphasis, code: styles.code, strike: styles.strike};
	}

	addTokens(tokens: readonly Token[], depth: number): void {
		if (depth > maximumDepth) {
			this.addText(plainTextOf(tokens));
			return;
		}

		for (const token of tokens) {
			this.addToken(token, depth);
		}
	}

	finish(): string {
		while (this.spans.length > 0) {
			this.closeSpan(this.spans.length - 1);
		}

		return this.parts.join('');
	}

	/** The text of an HTML block, paragraphs separated by `paragraphMark`. */
	addHtml(html: string, isFragment: boolean): void {
		readHtml(html, event => {
			this.addHtmlEvent(event);
		}, isFragment);
	}

	private addToken(token: Token, depth: number): void {
		const {styles} = this.context;
		switch (token.type) {
			case 'text': {
				if ('tokens' in token && token.tokens) {
					this.addTokens(token.tokens, depth + 1);
				} else {
					// From the source: marked's `text` has numeric references decoded by its own rules and `&` escaped.
					this.addText(replaceShortcodes(decodeEntities(token.raw)));
				}

				break;
			}

			case 'escape': {
				this.addText(token.text);
				break;
			}

			case 'codespan': {
				this.addRaw(styles.code(sanitizeText(token.text).replaceAll('\n', ' ')));
				break;
			}

			case 'br': {
				this.addRaw(hardBreak);
				break;
			}

			case 'strong':
			case 'em':
			case 'del': {
				const paint = token.type === 'strong' ? styles.strong : (token.type === 'em' ? styles.emphasis : styles.strike);
				this.addNested((token as Tokens.Strong).tokens, depth, inner => paint(inner));
				break;
			}

			case 'link': {
				const link = token as Tokens.Link;
				// Autolinks keep their target as written; other destinations may hold character references.
				const href = 'autolink' in link && link.autolink ? link.href : decodeEntities(link.href);
				this.addNested(link.tokens, depth, inner => this.formatLink(inner, href));
				break;
			}

			case 'image': {
				this.addImage(plainTextOf((token as Tokens.Image).tokens ?? [{type: 'text', raw: token.text, text: token.text}]));
				break;
			}

			case 'html': {
				this.addHtml(token.text, true);
				break;
			}

			case 'checkbox': {
				break;
			}

			default: {
				if ('tokens' in token && Array.isArray(token.tokens)) {
					this.addTokens(token.tokens as Token[], depth + 1);
				} else if ('text' in token && typeof token.text === 'string') {
					this.addText(token.text);
				}
			}
		}
	}

	/** Render nested tokens on their own level (so HTML spans cannot cross them), then transform the result. */
	private addNested(tokens: readonly Token[], depth: number, transform: (inner: string) => string): void {
		const start = this.parts.length;
		const spans = this.spans.length;
		this.level++;
		this.addTokens(tokens, depth + 1);
		while (this.spans.length > spans) {
			this.closeSpan(this.spans.length - 1);
		}

		this.level--;
		this.parts.push(transform(this.parts.splice(start).join('')));
	}

	private addText(text: string): void {
		if (this.hidden === 0 && text !== '') {
			this.parts.push(sanitizeText(text));
		}
	}

	private addRaw(text: string): void {
		if (this.hidden === 0) {
			this.parts.push(text);
		}
	}

	private addImage(alt: string): void {
		if (this.context.showImages) {
			const text = alt.replaceAll('\n', ' ').trim();
			this.addRaw(this.context.styles.image(text === '' ? '[image]' : `[image: ${text}]`));
		}
	}

	private addHtmlEvent(event: HtmlEvent): void {
		switch (event.type) {
			case 'hide': {
				this.hidden++;
				break;
			}

			case 'show': {
				this.hidden = Math.max(0, this.hidden - 1);
				break;
			}

			case 'text': {
				this.addText(this.pre > 0 ? event.text.replaceAll('\n', hardBreak) : event.text.replace(/\s+/g, ' '));
				break;
			}

			case 'break': {
				this.addRaw(hardBreak);
				break;
			}

			case 'paragraph': {
				this.addRaw(this.context.blockBreak);
				break;
			}

			case 'image': {
				this.addImage(sanitizeText(event.alt));
				break;
			}

			case 'open': {
				if (event.tag === 'pre') {
					this.pre++;
				} else {
					this.spans.push({tag: event.tag, start: this.parts.length, level: this.level, href: event.href});
				}

				break;
			}

			case 'close': {
				if (event.tag === 'pre') {
					this.pre = Math.max(0, this.pre - 1);
					break;
				}

				for (let index = this.spans.length - 1; index >= 0; index--) {
					const span = this.spans[index]!;
					if (span.tag === event.tag && span.level === this.level) {
						this.closeSpan(index);
						break;
					}
				}

				break;
			}
		}
	}

	/** Close the span at `index` and every span opened after it (HTML may close out of order). */
	private closeSpan(index: number): void {
		while (this.spans.length > index) {
			const span = this.spans.pop()!;
			const inner = this.parts.splice(span.start).join('');
			this.parts.push(span.tag === 'a' ? this.formatLink(inner, span.href ?? '') : this.paints[span.tag](inner));
		}
	}

	/** A link's text, numbered when its target may be a link; otherwise its text alone. */
	private formatLink(inner: string, href: string): string {
		return this.context.links?.format(inner, stripStyles(inner), href) ?? inner;
	}
}

/** Inline tokens as styled text: hard breaks as `hardBreak`, newlines as soft breaks. */
export function renderInline(tokens: readonly Token[], context: InlineContext): string {
	const builder = new InlineBuilder(context);
	builder.addTokens(tokens, 0);
	return builder.finish();
}

/** An HTML block as styled text, paragraphs separated by `paragraphMark`. */
export function renderHtmlText(html: string, context: InlineContext): string {
	const builder = new InlineBuilder(context);
	builder.addHtml(html, false);
	return builder.finish();
}

const plainContext: InlineContext = {
	styles: createStyles(false),
	warnings: createWarningLog(),
	showImages: false,
	blockBreak: ' ',
};

/** The visible text of inline tokens, for comparing a heading with the title: no styles, links or images. */
export function inlinePlainText(tokens: readonly Token[]): string {
	return renderInline(tokens, plainContext).replaceAll(hardBreak, ' ').replace(/\s+/g, ' ').trim();
}

/**
The visible text of one line of inline Markdown, as a title would show it: `` `code` `` as code, `[text](url)` as its
text, badges and other images dropped, HTML tags removed, entities decoded once, sanitised.
*/
export function markdownLineText(markdown: string): string {
	return inlinePlainText(Lexer.lexInline(markdown));
}
