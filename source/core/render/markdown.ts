/**
The marked renderer that turns Markdown tokens into terminal text (render-body.ts drives it).

marked-terminal gives the tables; the block layout is inkwire's own, because marked-terminal's reflow counts code
units instead of columns, leaves tight list items and blockquotes unwrapped past the measure, prints task boxes twice,
writes raw HTML as it is, and reads colour and hyperlink support from the process. Every string that comes from the
article is sanitised after marked has decoded its entities, so only the renderer's own escapes reach the output.
*/
import {Marked, type MarkedExtension, type Token, type Tokens} from 'marked';
import {markedTerminal} from 'marked-terminal';
import {sanitizeLine, sanitizeText} from '../text/sanitize.js';
import {createStyles, decodeEntities, type Styles} from './styles.js';
import {displayWidth, hardBreak, wrapText} from '../text/wrap.js';

/** How to lay out a body. */
export type BodyOptions = {
	/** Columns available to text, margins already taken off. */
	readonly measure: number;
	readonly color: boolean;
	readonly hyperlinks: boolean;
};

/** Mutable layout state for one render: how far nested blocks are indented. */
type Layout = {indent: number; listDepth: number; isInTable: boolean};

/** A configured marked instance and the layout state its renderer reads. */
export type Renderer = {
	readonly marked: Marked;
	readonly layout: Layout;
};

const minimumColumns = 10;
const codeIndent = '  ';
const bullets = ['•', '◦', '▪'];
const allowedLinkTarget = /^(?:https?:\/\/|mailto:)[^\s]/i;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const closeHyperlink = '\u001B]8;;\u001B\\';

/** A rendered block: its lines, then the blank line that separates blocks. */
export function section(lines: readonly string[]): string {
	return lines.join('\n') + '\n\n';
}

/** Lines of a rendered block without leading or trailing blank lines. */
function trimLines(text: string): string[] {
	const lines = text.split('\n');
	while (lines.length > 0 && lines[0]!.trim() === '') {
		lines.shift();
	}

	while (lines.length > 0 && lines.at(-1)!.trim() === '') {
		lines.pop();
	}

	return lines;
}

/** Visible text of raw HTML: comments, scripts and styles dropped, tags removed, entities decoded, then sanitised. */
export function htmlToText(html: string): string {
	const text = html
		.replace(/<!--[\s\S]*?(?:-->|$)/g, '')
		.replace(/<(script|style|template)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
		.replace(/<br\s*\/?>/gi, hardBreak)
		.replace(/<\/?[A-Za-z][^>]*>?/g, '');
	return sanitizeText(decodeEntities(text, true)).replaceAll('\n', ' ');
}

/** A link target as the terminal may receive it inside OSC 8: printable ASCII only. */
function encodeLinkTarget(href: string): string {
	return href.replace(loneSurrogate, '\uFFFD').replace(/[^\u0021-\u007E]/gu, character => encodeURIComponent(character));
}

/** Remove task checkboxes from a list item's tokens: the list draws them as the item's marker instead. */
function withoutCheckbox(tokens: readonly Token[]): Token[] {
	return tokens.filter(token => token.type !== 'checkbox').map(token => (
		(token.type === 'paragraph' || token.type === 'text') && 'tokens' in token && token.tokens
			? {...token, tokens: token.tokens.filter(inner => inner.type !== 'checkbox')}
			: token
	));
}

/** A marked instance that renders to terminal text for one set of options. */
export function createRenderer(options: BodyOptions): Renderer {
	const styles: Styles = createStyles(options.color);
	const layout: Layout = {indent: 0, listDepth: 0, isInTable: false};
	const available = () => Math.max(minimumColumns, options.measure - layout.indent);
	const wrap = (text: string) => wrapText(text, available());
	// Absurdly deep nesting (a hostile `>>>>>…` or a list 60 levels deep) stops indenting at half the measure, so text
	// keeps room and no line outgrows the measure.
	const canIndent = (columns: number) => layout.indent + columns <= Math.floor(options.measure / 2);

	// marked-terminal draws tables with cli-table3: no colours of its own (they would follow the environment) and no
	// rule between body rows, which made news tables twice as tall.
	const tableOptions: Record<string, unknown> = {
		style: {head: [], border: []},
		chars: {mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': ''},
	};
	const terminal = markedTerminal({
		width: options.measure,
		reflowText: true,
		showSectionPrefix: false,
		tab: 2,
		emoji: false,
		unescape: false,
		table: text => text,
		tableOptions,
	});
	const terminalTable = terminal.renderer?.table;

	const renderer: MarkedExtension['renderer'] = {
		space: () => '',
		def: () => '',
		checkbox: () => '',
		hr: () => section([styles.rule('─'.repeat(available()))]),
		// A table cell is one line: a break there is a space.
		br: () => (layout.isInTable ? ' ' : hardBreak),
		paragraph(token) {
			return section(wrap(this.parser.parseInline(token.tokens)));
		},
		text(token) {
			// Block-level text (a tight list item) carries inline tokens: render them, which also fixes marked-terminal's
			// raw `**bold**` in tight lists. Inline text has marked's numeric references decoded already.
			if ('tokens' in token && token.tokens) {
				return wrap(this.parser.parseInline(token.tokens)).join('\n') + '\n';
			}

			return sanitizeText(decodeEntities(token.text, false));
		},
		heading(token) {
			const paint = token.depth <= 2 ? styles.heading : styles.subheading;
			return section(wrap(this.parser.parseInline(token.tokens)).map(line => paint(line)));
		},
		strong(token) {
			return styles.strong(this.parser.parseInline(token.tokens));
		},
		em(token) {
			return styles.emphasis(this.parser.parseInline(token.tokens));
		},
		del(token) {
			return styles.strike(this.parser.parseInline(token.tokens));
		},
		codespan(token) {
			return styles.code(sanitizeText(token.text).replaceAll('\n', ' '));
		},
		code(token) {
			const lines = sanitizeText(token.text).replace(/\n+$/, '').split('\n');
			return section(lines.map(line => {
				const expanded = line.replaceAll('\t', '    ').trimEnd();
				return expanded === '' ? '' : codeIndent + styles.code(expanded);
			}));
		},
		html(token) {
			const text = htmlToText(token.text);
			if (token.type === 'html' && token.block) {
				return text.trim() === '' ? '' : section(wrap(text));
			}

			return text;
		},
		image(token) {
			const alt = sanitizeLine(token.text);
			return styles.image(alt === '' ? '[image]' : `[image: ${alt}]`);
		},
		link(token) {
			const text = this.parser.parseInline(token.tokens);
			const href = sanitizeLine(decodeEntities(token.href, true));
			if (!allowedLinkTarget.test(href)) {
				// javascript:, data:, file: and relative targets are never links; their text still reads.
				return text;
			}

			const isBare = text === '' || text === href || `mailto:${text}` === href;
			if (options.hyperlinks) {
				const target = encodeLinkTarget(href);
				return `\u001B]8;;${target}\u001B\\${styles.link(isBare ? href.replace(/^mailto:/i, '') : text)}${closeHyperlink}`;
			}

			return isBare ? styles.url(href.replace(/^mailto:/i, '')) : `${text} (${styles.url(href)})`;
		},
		blockquote(token) {
			if (!canIndent(2)) {
				return this.parser.parse(token.tokens);
			}

			layout.indent += 2;
			try {
				const lines = trimLines(this.parser.parse(token.tokens));
				return section(lines.map(line => (line === '' ? styles.quoteBar('│') : `${styles.quoteBar('│')} ${styles.quote(line)}`)));
			} finally {
				layout.indent -= 2;
			}
		},
		list(token) {
			const lead = layout.listDepth === 0 ? 2 : 0;
			const start = token.start === '' ? 1 : token.start;
			const markers = token.items.map((item, index) => {
				if (item.task) {
					return item.checked ? '[x]' : '[ ]';
				}

				return token.ordered ? `${start + index}.` : bullets[layout.listDepth % bullets.length]!;
			});
			// Numbers are right-aligned on a common width ( 9. / 10.); bullets and task boxes hang by their own width.
			const numberWidth = Math.max(...markers.map(marker => displayWidth(marker)));
			if (!canIndent(lead + numberWidth + 1)) {
				return token.items.map(item => this.parser.parse(withoutCheckbox(item.tokens))).join('');
			}

			const output: string[] = [];
			layout.listDepth++;
			try {
				for (const [index, item] of token.items.entries()) {
					const marker = markers[index]!;
					const markerWidth = token.ordered && !item.task ? numberWidth : displayWidth(marker);
					const hang = lead + markerWidth + 1;
					layout.indent += hang;
					let lines: string[];
					try {
						lines = trimLines(this.parser.parse(withoutCheckbox(item.tokens)));
					} finally {
						layout.indent -= hang;
					}

					if (token.loose && index > 0) {
						output.push('');
					}

					const padding = ' '.repeat(markerWidth - displayWidth(marker));
					output.push(`${' '.repeat(lead)}${padding}${styles.marker(marker)} ${lines[0] ?? ''}`.trimEnd());
					for (const line of lines.slice(1)) {
						output.push(line === '' ? '' : ' '.repeat(hang) + line);
					}
				}
			} finally {
				layout.listDepth--;
			}

			return section(output);
		},
		table(token) {
			// marked-terminal hands this same options object to cli-table3 for every table, so the alignment is set per
			// table. Header cells are rendered as if they were strong, so they come out bold (plain when colour is off).
			tableOptions.colAligns = token.align.map(align => align ?? 'left');
			const header = token.header.map(cell => ({
				...cell,
				tokens: [{type: 'strong', raw: cell.text, text: cell.text, tokens: cell.tokens} satisfies Tokens.Strong],
			}));
			layout.isInTable = true;
			let table: unknown;
			try {
				table = terminalTable?.call(this, {...token, header});
			} finally {
				layout.isInTable = false;
			}

			if (typeof table !== 'string') {
				return false;
			}

			// cli-table3 draws a rule between all rows or none: keep none, then put back the one under the header.
			const lines = trimLines(table);
			if (lines.length > 2 && lines[0]!.startsWith('┌')) {
				lines.splice(2, 0, lines[0]!.replace('┌', '├').replaceAll('┬', '┼').replace('┐', '┤'));
			}

			return section(options.color ? lines.map(line => line.replace(/[─│┌┬┐├┼┤└┴┘]+/g, run => styles.rule(run))) : lines);
		},
	};

	const marked = new Marked().use(terminal).use({renderer});
	return {marked, layout};
}
