/**
Word wrapping by display width (core/text/width.ts), with inkwire's own escapes (SGR and OSC 8) taking no room.
Breaks at spaces, between CJK characters (which are written without spaces) and at hard breaks; words wider than a
line are cut by columns. The input must already be sanitised: the only escapes it may hold are the renderer's own.
Every step is a single pass: linear in the text, whatever the text holds.
*/
import {hardBreak} from './marks.js';
import {displayWidth, splitGraphemes} from './width.js';

export {hardBreak} from './marks.js';

// eslint-disable-next-line no-control-regex
const piece = /\u001B\[[\d;:]*m|\u001B\]8;[^\u0007\u001B]*(?:\u0007|\u001B\\)|\r|[ \t\n]+|[^\u001B\r \t\n]+/g;
// eslint-disable-next-line no-control-regex
const escapeOnly = /^\u001B/;
const printableAscii = /^[\u0020-\u007E]*$/;
const singleSpacedAscii = /^[\u0021-\u007E]+(?: [\u0021-\u007E]+)*$/;
// Scripts written without spaces between words: a line may break between any two of their characters.
const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFF60]/u;
// Punctuation that must not start a line, so it stays with the character before it.
const closingPunctuation = /^[、。，．：；！？）」』】〕〉》”’ー々ゝゞ・…,.!?:;)\]]/u;

type Word = {raw: string; width: number; isSpaced: boolean};
type Item = Word | 'break';

/** Split inline text into words (with their escapes attached) and hard breaks. */
function toItems(text: string): Item[] {
	const items: Item[] = [];
	let current: Word | undefined;
	let isSpaced = false;
	const startWord = (spaced: boolean): Word => {
		current = {raw: '', width: 0, isSpaced: spaced};
		items.push(current);
		isSpaced = false;
		return current;
	};

	for (const [token] of text.matchAll(piece)) {
		if (token === hardBreak) {
			items.push('break');
			current = undefined;
			isSpaced = false;
		} else if (token.startsWith(' ') || token.startsWith('\t') || token.startsWith('\n')) {
			current = undefined;
			isSpaced = true;
		} else if (escapeOnly.test(token)) {
			(current ?? startWord(isSpaced)).raw += token;
		} else if (printableAscii.test(token) || !cjk.test(token)) {
			const word = current ?? startWord(isSpaced);
			word.raw += token;
			word.width += displayWidth(token);
		} else {
			// Each CJK character is a word of its own that joins its neighbours without a space; closing punctuation
			// stays with the character before it.
			let isAfterIdeograph = false;
			for (const segment of splitGraphemes(token)) {
				const isClosing = closingPunctuation.test(segment);
				const isIdeograph = !isClosing && cjk.test(segment);
				const isBreak = current !== undefined && current.width > 0 && (isIdeograph || (isAfterIdeograph && !isClosing));
				const word: Word = current === undefined ? startWord(isSpaced) : (isBreak ? startWord(false) : current);
				word.raw += segment;
				word.width += displayWidth(segment);
				isAfterIdeograph = isIdeograph || (isAfterIdeograph && isClosing);
			}
		}
	}

	return items;
}

/**
Cut text into pieces by display columns, keeping its escapes in place: the first piece at most `width` columns, the
others at most `restWidth` (a continuation line may carry a mark). Spaces are kept as they are, so code can be cut too.
*/
export function sliceColumns(text: string, width: number, restWidth = width): Array<{raw: string; width: number}> {
	const pieces: Array<{raw: string; width: number}> = [];
	let raw = '';
	let column = 0;
	let limit = Math.max(1, width);
	const endPiece = () => {
		pieces.push({raw, width: column});
		raw = '';
		column = 0;
		limit = Math.max(1, restWidth);
	};

	for (const [token] of text.matchAll(piece)) {
		if (escapeOnly.test(token)) {
			raw += token;
		} else if (printableAscii.test(token)) {
			// One column per code unit: cut by slicing, which keeps a 3 MB unspaced line linear and cheap.
			let start = 0;
			while (start < token.length) {
				if (column >= limit) {
					endPiece();
				}

				const end = Math.min(token.length, start + limit - column);
				raw += token.slice(start, end);
				column += end - start;
				start = end;
			}
		} else {
			for (const segment of splitGraphemes(token)) {
				const segmentWidth = displayWidth(segment);
				if (column + segmentWidth > limit && column > 0) {
					endPiece();
				}

				raw += segment;
				column += segmentWidth;
			}
		}
	}

	pieces.push({raw, width: column});
	return pieces;
}

/**
Wrap inline text into lines no wider than `width` columns. Spaces, tabs and soft newlines are break opportunities;
`hardBreak` forces one; words wider than a line are cut. Lines carry no leading or trailing spaces.
*/
export function wrapText(text: string, width: number): string[] {
	const measure = Math.max(1, width);
	// Most headings, cells and short paragraphs: printable ASCII words with single spaces that fit on one line.
	if (text.length <= measure && singleSpacedAscii.test(text)) {
		return [text];
	}

	const lines: string[] = [];
	let line = '';
	let column = 0;
	let isPendingSpace = false;
	const endLine = () => {
		lines.push(line);
		line = '';
		column = 0;
		isPendingSpace = false;
	};

	for (const item of toItems(text)) {
		if (item === 'break') {
			endLine();
			continue;
		}

		const isSpaced: boolean = (item.isSpaced || isPendingSpace) && column > 0;
		if (item.width === 0) {
			// Escapes alone take no room: they never cause a break, and a space before them waits for the next word.
			line += item.raw;
			isPendingSpace = isSpaced;
			continue;
		}

		const separator = isSpaced ? 1 : 0;
		if (column + separator + item.width <= measure) {
			line += (isSpaced ? ' ' : '') + item.raw;
			column += separator + item.width;
			isPendingSpace = false;
		} else if (item.width <= measure) {
			endLine();
			line = item.raw;
			column = item.width;
		} else {
			// A long URL or an unspaced run: start it on a fresh line, then cut it.
			if (column > 0) {
				endLine();
			}

			const pieces = sliceColumns(item.raw, measure);
			for (const [index, piece] of pieces.entries()) {
				if (index > 0) {
					endLine();
				}

				line = piece.raw;
				column = piece.width;
			}
		}
	}

	if (line !== '' || lines.length === 0) {
		lines.push(line);
	}

	return lines;
}

