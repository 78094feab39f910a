/**
Code blocks: indented, tabs expanded to stops of four, coloured by language when the article's languages were
loaded (highlight.ts), and never wider than the measure: a long line goes on under a `↪` mark, cut by display width
with every character kept.
*/
import {decodeEntities} from '../text/entities.js';
import {sanitizeLine, sanitizeText} from '../text/sanitize.js';
import {sliceColumns} from '../text/wrap.js';
import {findLanguage, highlightCode, highlightFailure, isLanguageReady} from './highlight.js';
import type {Styles} from './styles.js';
import type {WarningLog} from './warnings.js';

/** What a code block needs from the render. */
export type CodeContext = {
	readonly styles: Styles;
	readonly color: boolean;
	/** Colour code by language when its language is loaded (false while the UI is still loading it). */
	readonly highlight: boolean;
	readonly warnings: WarningLog;
};

const indent = '  ';
const continuation = '↪ ';
const tabStop = 4;
// highlight.js is fast, but not on a megabyte of minified script: such a block is shown in the plain code colour.
const maximumHighlighted = 100_000;

/** A line with its tabs turned into spaces up to the next stop. */
function expandTabs(line: string): string {
	if (!line.includes('\t')) {
		return line;
	}

	let output = '';
	let column = 0;
	for (const character of line) {
		if (character === '\t') {
			const spaces = tabStop - (column % tabStop);
			output += ' '.repeat(spaces);
			column += spaces;
		} else {
			output += character;
			column++;
		}
	}

	return output;
}

/** The fence's language name, decoded and sanitised: the word that highlight.js is asked for. */
export function codeLanguage(info: string | undefined): string | undefined {
	return info === undefined ? undefined : findLanguage(sanitizeLine(decodeEntities(info)));
}

/** The code's lines, each styled: by syntax when possible, else in the code colour, else plain. */
function styleLines(code: string, info: string | undefined, context: CodeContext): string[] {
	const {styles} = context;
	const lines = code.split('\n').map(line => expandTabs(line).trimEnd());
	if (!context.color) {
		return lines;
	}

	const language = context.highlight ? codeLanguage(info) : undefined;
	if (language === undefined) {
		return lines.map(line => styles.code(line));
	}

	if (!isLanguageReady(language) || code.length > maximumHighlighted) {
		const reason = code.length > maximumHighlighted
			? `a ${language} block of ${code.length} characters is too long to colour`
			: `the ${language} highlighter is not loaded (${highlightFailure() ?? 'prepareRender was not awaited'})`;
		context.warnings.add('highlight', 'Code is shown without syntax colours.', reason);
		return lines.map(line => styles.code(line));
	}

	const styled: string[] = [''];
	for (const span of highlightCode(lines.join('\n'), language) ?? []) {
		const paint = span.scope === undefined ? undefined : styles.syntax(span.scope);
		for (const [index, part] of span.text.split('\n').entries()) {
			if (index > 0) {
				styled.push('');
			}

			styled[styled.length - 1] += paint === undefined ? part : paint(part);
		}
	}

	return styled;
}

/** A fenced or indented code block as lines no wider than `width`. */
export function renderCode(code: string, info: string | undefined, width: number, context: CodeContext): string[] {
	const text = sanitizeText(code).replace(/\n+$/, '');
	const lead = width >= 20 ? indent : '';
	const available = Math.max(4, width - lead.length);
	const lines: string[] = [];
	for (const line of styleLines(text, info, context)) {
		if (line === '') {
			lines.push('');
			continue;
		}

		for (const [index, piece] of sliceColumns(line, available, available - continuation.length).entries()) {
			lines.push(index === 0 ? lead + piece.raw : lead + context.styles.continuation(continuation) + piece.raw);
		}
	}

	return lines;
}
