/**
Bounds put on a Markdown body before marked sees it, so that no input can make lexing superlinear or deep:
containers nested past a cap are flattened (marked's list lexer is superlinear in depth: 1,100 levels took 10 s),
and paragraphs with thousands of emphasis or bracket delimiters are set aside to be shown as plain text. Every scan
here is a single pass over the text.
*/
import {maximumNesting} from './blocks.js';

// No real paragraph has thousands of these; 600,000 of them (`_*[` repeated) took seconds to lex and tens of seconds
// to render.
/** A paragraph with more emphasis, code, strike, bracket or angle characters than this is shown as plain text. */
export const maximumDelimiters = 2000;
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
export function splitPathological(markdown: string): Array<{text: string; isPlain: boolean}> {
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
export function boundNesting(markdown: string): {text: string; changed: number} {
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

