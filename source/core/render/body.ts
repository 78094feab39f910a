/**
An article body (Markdown) as terminal lines. Before marked sees the text, two bounds are put on it: containers
nested past a cap are flattened (marked's list lexer is superlinear in depth: 1,100 levels took 10 s), and paragraphs
with thousands of emphasis or bracket delimiters are set aside as plain text (marked's inline lexer is superlinear in
them). marked's own failures (a stack overflow) fall back to plain text too. Every such fallback is recorded as a
warning; none is silent.
*/
import {Marked, type Token, type Tokens} from 'marked';
import {sanitizeText} from '../text/sanitize.js';
import {maximumNesting, renderBlocks, topLevel, wrapParagraphs, type BlockContext} from './blocks.js';
import {codeLanguage} from './code.js';
import {inlinePlainText, renderHtmlText, stripStyles} from './inline.js';
import {createStyles} from './styles.js';
import {createWarningLog, formatCount, type RenderFallback} from './warnings.js';

type Segment = {readonly tokens: readonly Token[]} | {readonly plain: string};
type Note = {readonly kind: RenderFallback; readonly message: string; readonly reason: string};

/** A body as marked read it: runs of tokens and of text set aside as plain, and the fallbacks taken to get there. */
type LexedBody = {readonly segments: readonly Segment[]; readonly notes: readonly Note[]; languages?: readonly string[]};

const marked = new Marked({gfm: true});

// No real paragraph has thousands of these; 600,000 of them (`_*[` repeated) took seconds to lex and tens of seconds
// to render.
const maximumDelimiters = 2000;
// Leading whitespace past this is cut to it: 64 levels of a two-space list, 32 of a four-space one.
const maximumIndent = maximumNesting * 4;

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

/**
One line with its container prefix bounded: at most `maximumIndent` columns of leading whitespace, and at most
`maximumNesting` quote or list markers. Returns the line itself when it is within both.
*/
function boundLine(line: string): string {
	let index = 0;
	let column = 0;
	while (index < line.length && (line[index] === ' ' || line[index] === '\t')) {
		column += line[index] === '\t' ? 4 - (column % 4) : 1;
		index++;
	}

	let bounded = column > maximumIndent ? ' '.repeat(maximumIndent) + line.slice(index) : line;
	index = column > maximumIndent ? maximumIndent : index;
	let markers = 0;
	while (index < bounded.length) {
		if (bounded[index] === ' ' || bounded[index] === '\t') {
			index++;
			continue;
		}

		const marker = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/.exec(bounded.slice(index, index + 11));
		if (!marker) {
			break;
		}

		index += marker[0].length;
		markers++;
		if (markers === maximumNesting) {
			// Drop every marker after this one; the text they led to stays.
			const rest = bounded.slice(index).replace(/^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+/, '');
			bounded = bounded.slice(0, index) + (rest.length < bounded.length - index ? ' ' + rest.trimStart() : rest);
			break;
		}
	}

	return bounded;
}

// A line that may need bounding: deep indentation, or many container markers. Linear: each quantified part is unambiguous.
const deepLine = new RegExp(`^[ \\t]{${maximumIndent + 1}}|^(?:[ \\t]*(?:>|[-*+]|\\d{1,9}[.)])){${maximumNesting + 1}}`, 'm');

/** The body with container nesting bounded (see boundLine), code fences left as they are; counts the lines changed. */
function boundNesting(markdown: string): {text: string; changed: number} {
	if (!deepLine.test(markdown)) {
		return {text: markdown, changed: 0};
	}

	let fence = '';
	let changed = 0;
	const lines = markdown.split('\n');
	for (const [index, line] of lines.entries()) {
		const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
		if (fence !== '') {
			if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) {
				fence = '';
			}

			continue;
		}

		if (fenceMatch) {
			fence = fenceMatch[1]!;
			continue;
		}

		const bounded = boundLine(line);
		if (bounded !== line) {
			lines[index] = bounded;
			changed++;
		}
	}

	return {text: lines.join('\n'), changed};
}

function lex(markdown: string): LexedBody {
	const notes: Note[] = [];
	const {text, changed} = boundNesting(markdown);
	if (changed > 0) {
		notes.push({kind: 'nesting', message: `Lists and quotes nested more than ${maximumNesting} deep are flattened.`, reason: `${formatCount(changed)} lines nested too deep`});
	}

	const segments: Segment[] = [];
	for (const part of splitPathological(text)) {
		if (part.isPlain) {
			notes.push({kind: 'delimiters', message: 'Part of this article is shown as plain text.', reason: `a paragraph with more than ${formatCount(maximumDelimiters)} emphasis or bracket delimiters`});
			segments.push({plain: part.text});
			continue;
		}

		try {
			segments.push({tokens: marked.lexer(part.text)});
		} catch (error) {
			// marked can exhaust the stack on pathological nesting: show the text unformatted rather than nothing.
			notes.push({kind: 'format-error', message: 'Part of this article is shown as plain text.', reason: `marked could not read it: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`});
			segments.push({plain: part.text});
		}
	}

	return {segments, notes};
}

// The body of the article just rendered (and of the one just prepared): prepareRender and renderArticle lex once.
const cache = new Map<string, LexedBody>();
const cacheSize = 4;

/** The body lexed, from the cache when it was just lexed. */
function lexBody(markdown: string): LexedBody {
	let lexed = cache.get(markdown);
	if (!lexed) {
		lexed = lex(markdown);
		if (cache.size >= cacheSize) {
			cache.delete(cache.keys().next().value!);
		}

		cache.set(markdown, lexed);
	}

	return lexed;
}

/** The highlight.js names of the languages the body's code blocks name, found without recursion. */
export function bodyLanguages(markdown: string): readonly string[] {
	const lexed = lexBody(markdown);
	if (lexed.languages === undefined) {
		const found = new Set<string>();
		const stack: Token[] = lexed.segments.flatMap(segment => ('tokens' in segment ? [...segment.tokens] : []));
		while (stack.length > 0) {
			const token = stack.pop()!;
			if (token.type === 'code') {
				const language = codeLanguage((token as Tokens.Code).lang);
				if (language !== undefined) {
					found.add(language);
				}
			} else if (token.type === 'list') {
				for (const item of (token as Tokens.List).items) {
					for (const inner of item.tokens) {
						stack.push(inner);
					}
				}
			} else if (token.type === 'blockquote') {
				for (const inner of (token as Tokens.Blockquote).tokens) {
					stack.push(inner);
				}
			}
		}

		lexed.languages = [...found];
	}

	return lexed.languages;
}

/** Text shown without Markdown: sanitised, split at blank lines, wrapped. */
function plainParagraphs(text: string, measure: number): string[] {
	return wrapParagraphs(sanitizeText(text).split(/\n[ \t]*\n/), measure);
}

const plainStyles = createStyles(false);

/** The visible text of a block, when it could repeat the title: a heading, or an HTML block (`<h1 align=center>`). */
function visibleText(token: Token): string | undefined {
	if (token.type === 'heading') {
		return inlinePlainText((token as Tokens.Heading).tokens);
	}

	if (token.type === 'html') {
		const text = renderHtmlText(token.text, {styles: plainStyles, warnings: createWarningLog(), showImages: false, blockBreak: ' '});
		return stripStyles(text).replace(/\s+/g, ' ').trim();
	}

	return undefined;
}

function isSameText(text: string | undefined, title: string): boolean {
	const normal = (value: string) => value.replace(/\s+/g, ' ').trim().toLowerCase();
	return text !== undefined && title !== '' && normal(text) === normal(title);
}

/**
The body as lines, blocks separated by one blank line, none at either end. A first block that repeats `title` (the
header shows it) is left out; a later one stays.
*/
export function renderBody(markdown: string, title: string, context: BlockContext): string[] {
	const lexed = lexBody(markdown);
	for (const note of lexed.notes) {
		context.warnings.add(note.kind, note.message, note.reason);
	}

	const lines: string[] = [];
	for (const [index, segment] of lexed.segments.entries()) {
		let block: string[];
		if ('plain' in segment) {
			block = plainParagraphs(segment.plain, context.measure);
		} else {
			let tokens = segment.tokens;
			const first = tokens.findIndex(token => token.type !== 'space');
			if (index === 0 && first !== -1 && isSameText(visibleText(tokens[first]!), title)) {
				tokens = tokens.filter((_token, position) => position !== first);
			}

			try {
				block = renderBlocks(tokens, topLevel, context);
			} catch (error) {
				// Nothing here recurses with the input, but a bug must not cost the reader the article.
				context.warnings.add('format-error', 'Part of this article is shown as plain text.', `rendering failed: ${error instanceof Error ? error.message : String(error)}`);
				block = plainParagraphs(segment.tokens.map(token => token.raw).join(''), context.measure);
			}
		}

		if (block.length > 0 && lines.length > 0) {
			lines.push('');
		}

		for (const line of block) {
			lines.push(line);
		}
	}

	return lines;
}
