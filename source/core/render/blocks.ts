/**
Markdown blocks (marked's block tokens) as terminal lines: paragraphs wrapped to the measure, headings that differ by
level (H1 underlined with ═, H2 with ─, H3 and below by style alone), lists with hanging markers, quotes with a bar,
rules, code (code.ts), tables (table.ts) and HTML blocks (html.ts) as text. Containers nest by recursion, but only to
a fixed depth: anything deeper is flattened, so no input can make the recursion deep.
*/
import type {Token, Tokens} from 'marked';
import {displayWidth} from '../text/width.js';
import {wrapText} from '../text/wrap.js';
import {renderCode, type CodeContext} from './code.js';
import {paragraphMark, renderHtmlText, renderInline, stripStyles, type InlineContext} from './inline.js';
import {renderTable} from './table.js';

/** Everything block rendering needs: the measure, styles, links and warnings of this render. */
export type BlockContext = InlineContext & CodeContext & {
	/** Columns available to text at the top level. */
	readonly measure: number;
};

/** Where a block is: how far in it is indented and how deeply it is nested. */
type Layout = {readonly indent: number; readonly depth: number; readonly listDepth: number};

const minimumColumns = 10;
const bullets = ['•', '◦', '▪'];
/** Containers nested deeper than this are flattened (the body's own cap keeps marked from seeing deeper ones). */
export const maximumNesting = 32;

function widthOf(layout: Layout, context: BlockContext): number {
	return Math.max(minimumColumns, context.measure - layout.indent);
}

/** Whether a container may indent its content `columns` more: nesting stops indenting at half the measure. */
function canIndent(layout: Layout, columns: number, context: BlockContext): boolean {
	return layout.indent + columns <= Math.floor(context.measure / 2);
}

function renderHeading(token: Tokens.Heading, width: number, context: BlockContext): string[] {
	const {styles} = context;
	const paint = styles.headings[Math.min(token.depth, 4) - 1]!;
	const lines = wrapText(renderInline(token.tokens, context), width);
	const underline = token.depth === 1 ? '═' : (token.depth === 2 ? '─' : '');
	const painted = lines.map(line => paint(line));
	if (underline !== '') {
		const widest = lines.reduce((most, line) => Math.max(most, displayWidth(stripStyles(line))), 1);
		painted.push(styles.rule(underline.repeat(Math.min(widest, width))));
	}

	return painted;
}

/** Paragraphs of inline text wrapped to `width`, one blank line between them; blank paragraphs take no room. */
export function wrapParagraphs(paragraphs: Iterable<string>, width: number): string[] {
	const lines: string[] = [];
	for (const paragraph of paragraphs) {
		if (stripStyles(paragraph).trim() === '') {
			continue;
		}

		if (lines.length > 0) {
			lines.push('');
		}

		for (const line of wrapText(paragraph, width)) {
			lines.push(line);
		}
	}

	return lines;
}

function renderHtmlBlock(html: string, width: number, context: BlockContext): string[] {
	return wrapParagraphs(renderHtmlText(html, {...context, blockBreak: paragraphMark}).split(paragraphMark), width);
}

/** The tokens of a list item without its task checkbox: the list draws that as the item's marker. */
function withoutCheckbox(tokens: readonly Token[]): Token[] {
	return tokens.filter(token => token.type !== 'checkbox').map(token => (
		(token.type === 'paragraph' || token.type === 'text') && 'tokens' in token && token.tokens
			? {...token, tokens: token.tokens.filter(inner => inner.type !== 'checkbox')}
			: token
	));
}

function renderList(token: Tokens.List, layout: Layout, context: BlockContext): string[] {
	const {styles} = context;
	const lead = layout.listDepth === 0 ? 2 : 0;
	const start = token.start === '' ? 1 : Number(token.start);
	const markers = token.items.map((item, index) => {
		if (item.task) {
			return item.checked ? '[x]' : '[ ]';
		}

		return token.ordered ? `${start + index}.` : bullets[layout.listDepth % bullets.length]!;
	});
	// Numbers are right-aligned on a common width ( 9. / 10.); bullets and task boxes hang by their own width.
	const numberWidth = markers.reduce((widest, marker) => Math.max(widest, displayWidth(marker)), 1);
	const isIndented = canIndent(layout, lead + numberWidth + 1, context);
	const lines: string[] = [];
	for (const [index, item] of token.items.entries()) {
		const marker = markers[index]!;
		const markerWidth = token.ordered && !item.task ? numberWidth : displayWidth(marker);
		const hang = isIndented ? lead + markerWidth + 1 : 0;
		const inner = {indent: layout.indent + hang, depth: layout.depth + 1, listDepth: layout.listDepth + 1};
		const body = renderBlocks(withoutCheckbox(item.tokens), inner, context, !token.loose);
		if (token.loose && index > 0) {
			lines.push('');
		}

		const padding = ' '.repeat(markerWidth - displayWidth(marker));
		const head = isIndented ? `${' '.repeat(lead)}${padding}${styles.marker(marker)} ` : `${styles.marker(marker)} `;
		lines.push(`${head}${body[0] ?? ''}`.trimEnd());
		for (const line of body.slice(1)) {
			lines.push(line === '' ? '' : ' '.repeat(hang) + line);
		}
	}

	return lines;
}

function renderQuote(token: Tokens.Blockquote, layout: Layout, context: BlockContext): string[] {
	const {styles} = context;
	if (!canIndent(layout, 2, context)) {
		return renderBlocks(token.tokens, {...layout, depth: layout.depth + 1}, context);
	}

	const body = renderBlocks(token.tokens, {...layout, indent: layout.indent + 2, depth: layout.depth + 1}, context);
	const bar = styles.quoteBar('│');
	return body.map(line => (line === '' ? bar : `${bar} ${styles.quote(line)}`));
}

/** One block as lines; containers recurse through renderBlocks. */
function renderBlock(token: Token, layout: Layout, context: BlockContext): string[] {
	const width = widthOf(layout, context);
	switch (token.type) {
		case 'space':
		case 'def': {
			return [];
		}

		case 'paragraph':
		case 'text': {
			const tokens = 'tokens' in token && token.tokens ? token.tokens : [{type: 'text', raw: token.raw, text: token.text} satisfies Tokens.Text];
			return wrapText(renderInline(tokens, context), width);
		}

		case 'heading': {
			return renderHeading(token as Tokens.Heading, width, context);
		}

		case 'hr': {
			return [context.styles.rule('─'.repeat(width))];
		}

		case 'code': {
			return renderCode(token.text, (token as Tokens.Code).lang, width, context);
		}

		case 'table': {
			return renderTable(token as Tokens.Table, width, context);
		}

		case 'html': {
			return renderHtmlBlock(token.text, width, context);
		}

		case 'blockquote': {
			return renderQuote(token as Tokens.Blockquote, layout, context);
		}

		case 'list': {
			return renderList(token as Tokens.List, layout, context);
		}

		default: {
			return 'tokens' in token && Array.isArray(token.tokens)
				? wrapText(renderInline(token.tokens as Token[], context), width)
				: [];
		}
	}
}

/**
The leaf blocks under `tokens` in document order, found without recursion: what an over-deep container shows, all at
one level.
*/
function flatten(tokens: readonly Token[]): Token[] {
	const leaves: Token[] = [];
	const stack: Token[] = [...tokens].reverse();
	while (stack.length > 0) {
		const token = stack.pop()!;
		const children = token.type === 'list' ? (token as Tokens.List).items.flatMap(item => item.tokens)
			: (token.type === 'blockquote' ? (token as Tokens.Blockquote).tokens : undefined);
		if (children === undefined) {
			leaves.push(token);
		} else {
			for (let index = children.length - 1; index >= 0; index--) {
				stack.push(children[index]!);
			}
		}
	}

	return leaves;
}

/**
Blocks as lines, one blank line between blocks (none inside a tight list item), no blank line at either end.
*/
export function renderBlocks(tokens: readonly Token[], layout: Layout, context: BlockContext, isTight = false): string[] {
	let blocks = tokens;
	if (layout.depth >= maximumNesting && tokens.some(token => token.type === 'list' || token.type === 'blockquote')) {
		context.warnings.add('nesting', `Lists and quotes nested more than ${maximumNesting} deep are flattened.`, 'the renderer met deeper nesting');
		blocks = flatten(tokens);
	}

	const lines: string[] = [];
	for (const token of blocks) {
		const block = renderBlock(token, layout, context);
		// A block may come out empty (a paragraph of control characters, a comment): it takes no room at all.
		while (block.length > 0 && block.at(-1)!.trim() === '') {
			block.pop();
		}

		let first = 0;
		while (first < block.length && block[first]!.trim() === '') {
			first++;
		}

		if (first === block.length) {
			continue;
		}

		if (lines.length > 0 && !isTight) {
			lines.push('');
		}

		for (let index = first; index < block.length; index++) {
			lines.push(block[index]!);
		}
	}

	return lines;
}

/** The top-level layout. */
export const topLevel: Layout = {indent: 0, depth: 0, listDepth: 0};
