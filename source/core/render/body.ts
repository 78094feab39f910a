/**
An article body (Markdown) as terminal lines: bounded (bounds.ts), lexed by marked once for prepareRender and the
render, then rendered block by block (blocks.ts). marked's own failures (a stack overflow) fall back to plain text.
Every fallback is recorded as a warning; none is silent.
*/
import {Marked, type Token, type Tokens} from 'marked';
import {sanitizeText} from '../text/sanitize.js';
import {maximumNesting, renderBlocks, topLevel, wrapParagraphs, type BlockContext} from './blocks.js';
import {boundNesting, maximumDelimiters, splitPathological} from './bounds.js';
import {codeLanguage} from './code.js';
import {inlinePlainText, renderHtmlText, stripStyles} from './inline.js';
import {createStyles} from './styles.js';
import {createWarningLog, formatCount, type RenderFallback} from './warnings.js';

type Segment = {readonly tokens: readonly Token[]} | {readonly plain: string};
type Note = {readonly kind: RenderFallback; readonly message: string; readonly reason: string};

/** A body as marked read it: runs of tokens and of text set aside as plain, and the fallbacks taken to get there. */
type LexedBody = {readonly segments: readonly Segment[]; readonly notes: readonly Note[]; languages?: readonly string[]};

const marked = new Marked({gfm: true});

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
