/**
Word wrapping by display width, and making every rendered line carry its own styling.

marked-terminal's reflow counts UTF-16 code units, so CJK and emoji lines came out up to twice the measure. This
wrapper measures with string-width, breaks between CJK characters (which are written without spaces), and treats
inkwire's own escapes (SGR and OSC 8) as zero-width. The input must already be sanitised: the only escapes it may
hold are the ones the renderer itself produced.
*/
import stringWidth from 'string-width';

/** Marks a hard line break (Markdown `  \n` or `<br>`) inside inline text; sanitised text has no CR left. */
export const hardBreak = '\r';

// eslint-disable-next-line no-control-regex
const piece = /\u001B\[[\d;:]*m|\u001B\]8;[^\u0007\u001B]*(?:\u0007|\u001B\\)|\r|[ \t\n]+|[^\u001B\r \t\n]+/g;
// eslint-disable-next-line no-control-regex
const escapeOnly = /^\u001B/;
const printableAscii = /^[\u0020-\u007E]*$/;
// Characters one column wide each (checked against string-width for every code point listed): Latin, Greek, Cyrillic
// and general punctuation such as curly quotes and dashes. Text made only of them needs no string-width call, which
// was the renderer's largest cost on ordinary news text.
const narrowText = /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u0370-\u0482\u048A-\u052F\u2010-\u2027\u2030-\u205E]*$/;
// Scripts written without spaces between words: a line may break between any two of their characters.
const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFF60]/u;
// Punctuation that must not start a line, so it stays with the character before it.
const closingPunctuation = /^[、。，．：；！？）」』】〕〉》”’ー々ゝゞ・…,.!?:;)\]]/u;

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const graphemeWindow = 128;
const maximumGraphemeWindow = 256;

/** Whether a grapheme cluster certainly starts at `index`: a base letter or ideograph not joined to what precedes it. */
function isClusterStart(text: string, index: number): boolean {
	const previous = text.charCodeAt(index - 1);
	if (previous === 0x20_0D || (previous >= 0x11_00 && previous <= 0x11_FF)) {
		return false;
	}

	const code = text.charCodeAt(index);
	return (code >= 0x20 && code <= 0x7E) || (code >= 0xA0 && code <= 0x2_FF) || (code >= 0x3_70 && code <= 0x4_82)
		|| (code >= 0x6_21 && code <= 0x6_4A) || (code >= 0x30_40 && code <= 0x30_FF) || (code >= 0x34_00 && code <= 0x9F_FF)
		|| (code >= 0xAC_00 && code <= 0xD7_A3) || (code >= 0xFF_01 && code <= 0xFF_60);
}

/**
`text` in windows of a few hundred code units, each cut where a grapheme cluster surely starts. V8's Intl.Segmenter
(Node 20), which string-width also uses, is quadratic in the length of the string it walks: 80,000 ideographs took
32 s. So it only ever sees windows; a run of 256 code units with no clear cluster start (a wall of emoji) is cut at
any code point not after a joiner.
*/
function * splitWindows(text: string): Generator<string> {
	let start = 0;
	while (start < text.length) {
		let end = Math.min(text.length, start + graphemeWindow);
		while (end < text.length && !isClusterStart(text, end)) {
			const code = text.charCodeAt(end);
			const isCodePointStart = code < 0xDC_00 || code > 0xDF_FF;
			if (end - start >= maximumGraphemeWindow && isCodePointStart && text.charCodeAt(end - 1) !== 0x20_0D) {
				break;
			}

			end++;
		}

		yield text.slice(start, end);
		start = end;
	}
}

/** The grapheme clusters of `text`, in linear time. */
export function * splitGraphemes(text: string): Generator<string> {
	for (const window of splitWindows(text)) {
		for (const {segment} of graphemes.segment(window)) {
			yield segment;
		}
	}
}

// eslint-disable-next-line no-control-regex
const ownEscape = /\u001B\[[\d;:]*m|\u001B\]8;[^\u0007\u001B]*(?:\u0007|\u001B\\)/g;

// Single code units that are always two columns (checked against string-width for every code unit): CJK symbols and
// punctuation, kana, ideographs, Hangul syllables, fullwidth forms. They skip string-width, which is slow per character.
function isWideCodeUnit(code: number): boolean {
	return (code >= 0x30_00 && code <= 0x30_29) || (code >= 0x30_2E && code <= 0x30_3E) || (code >= 0x30_41 && code <= 0x30_96)
		|| (code >= 0x30_9B && code <= 0x30_FF) || (code >= 0x34_00 && code <= 0x4D_BF) || (code >= 0x4E_00 && code <= 0x9F_FF)
		|| (code >= 0xAC_00 && code <= 0xD7_A3) || (code >= 0xF9_00 && code <= 0xFA_FF) || (code >= 0xFF_01 && code <= 0xFF_60)
		|| (code >= 0xFF_E0 && code <= 0xFF_E6);
}

const shortWidths = new Map<string, number>();
const maximumCachedWidths = 10_000;

/** Display width in terminal columns: CJK and emoji count 2, combining marks 0, SGR and OSC 8 escapes nothing. */
export function displayWidth(text: string): number {
	if (text.length === 1 && isWideCodeUnit(text.charCodeAt(0))) {
		return 2;
	}

	if (narrowText.test(text)) {
		return text.length;
	}

	if (text.length <= 16) {
		// Short strings (one grapheme, a short word) repeat a lot, and string-width takes ~50 µs for one emoji.
		let width = shortWidths.get(text);
		if (width === undefined) {
			width = stringWidth(text);
			if (shortWidths.size >= maximumCachedWidths) {
				shortWidths.clear();
			}

			shortWidths.set(text, width);
		}

		return width;
	}

	// Longer text: the sum of its clusters' widths, which are cached; string-width itself would walk a long string
	// quadratically and test every cluster against the emoji regex again.
	const plain = text.includes('\u001B') ? text.replace(ownEscape, '') : text;
	let width = 0;
	for (const segment of splitGraphemes(plain)) {
		width += displayWidth(segment);
	}

	return width;
}

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

/** Cut one over-long word into pieces no wider than `width`, keeping its escapes in place. */
function cutWord(word: Word, width: number): Array<{raw: string; width: number}> {
	const pieces: Array<{raw: string; width: number}> = [];
	let raw = '';
	let column = 0;
	const endPiece = () => {
		pieces.push({raw, width: column});
		raw = '';
		column = 0;
	};

	for (const [token] of word.raw.matchAll(piece)) {
		if (escapeOnly.test(token)) {
			raw += token;
		} else if (printableAscii.test(token)) {
			// One column per code unit: cut by slicing, which keeps a 3 MB unspaced line linear and cheap.
			let start = 0;
			while (start < token.length) {
				if (column === width) {
					endPiece();
				}

				const end = Math.min(token.length, start + width - column);
				raw += token.slice(start, end);
				column += end - start;
				start = end;
			}
		} else {
			for (const segment of splitGraphemes(token)) {
				const segmentWidth = displayWidth(segment);
				if (column + segmentWidth > width && column > 0) {
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

			const pieces = cutWord(item, measure);
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

// SGR parameters grouped by what they switch, so a line can reopen exactly the styles still open at its start.
const sgrCategories = new Map<number, string>([
	[1, 'bold'], [2, 'dim'], [3, 'italic'], [4, 'underline'], [5, 'blink'], [7, 'inverse'], [8, 'hidden'],
	[9, 'strike'], [53, 'overline'],
]);
const sgrResets = new Map<number, readonly string[]>([
	[22, ['bold', 'dim']], [23, ['italic']], [24, ['underline']], [25, ['blink']], [27, ['inverse']], [28, ['hidden']],
	[29, ['strike']], [55, ['overline']], [39, ['foreground']], [49, ['background']],
]);

/** Apply one SGR parameter list to the open-style state. */
function applySgr(state: Map<string, string>, parameters: string): void {
	const values = parameters === '' ? [0] : parameters.split(/[;:]/).map(Number);
	for (let index = 0; index < values.length; index++) {
		const value = values[index]!;
		if (value === 0) {
			state.clear();
		} else if (sgrCategories.has(value)) {
			state.set(sgrCategories.get(value)!, String(value));
		} else if (sgrResets.has(value)) {
			for (const category of sgrResets.get(value)!) {
				state.delete(category);
			}
		} else if ((value >= 30 && value <= 37) || (value >= 90 && value <= 97)) {
			state.set('foreground', String(value));
		} else if ((value >= 40 && value <= 47) || (value >= 100 && value <= 107)) {
			state.set('background', String(value));
		} else if (value === 38 || value === 48) {
			const length = values[index + 1] === 5 ? 2 : (values[index + 1] === 2 ? 4 : 0);
			state.set(value === 38 ? 'foreground' : 'background', values.slice(index, index + 1 + length).join(';'));
			index += length;
		}
	}
}

// eslint-disable-next-line no-control-regex
const lineEscape = /\u001B\[([\d;:]*)m|\u001B\]8;[^;\u0007\u001B]*;([^\u0007\u001B]*)(?:\u0007|\u001B\\)/g;
const closeHyperlink = '\u001B]8;;\u001B\\';

/**
Make every line stand alone: styles and a hyperlink still open at the end of a line are closed there and reopened at
the start of the next. A pager shows any slice of lines, and a style left open would bleed into whatever comes next.
*/
export function balanceStyles(lines: readonly string[]): string[] {
	const state = new Map<string, string>();
	let link: string | undefined;
	return lines.map(line => {
		if (line === '' || (state.size === 0 && link === undefined && !line.includes('\u001B'))) {
			return line;
		}

		const prefix = (state.size > 0 ? `\u001B[${[...state.values()].join(';')}m` : '') + (link ?? '');
		for (const match of line.matchAll(lineEscape)) {
			if (match[1] === undefined) {
				link = match[2] === '' ? undefined : match[0];
			} else {
				applySgr(state, match[1]);
			}
		}

		const suffix = (link === undefined ? '' : closeHyperlink) + (state.size > 0 ? '\u001B[0m' : '');
		return prefix + line + suffix;
	});
}
