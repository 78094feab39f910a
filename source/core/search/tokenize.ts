/**
Splitting text into search terms, the same way for articles, queries and highlighting.

- A word is a run of letters, digits and combining marks. It is folded: accents stripped (NFKD, marks removed),
  lower-cased, compatibility forms unified (ﬁ → fi, fullwidth Ａ → a), ß → ss, and Arabic normalised (see foldArabic).
- Chinese and Japanese are written without spaces: their runs become overlapping bigrams (東京都 → 東京, 京都), the
  approach of Lucene's CJK analyser; a run of one character stays a unigram. A query of several characters becomes
  the phrase of its bigrams (see query.ts), so it matches the same characters in a row.
- Terms are cut to `maxTermLength` code units, on both sides alike, so that a base64 blob or a long URL cannot bloat
  the dictionary.

One scan, left to right, over the text: linear in its length whatever it holds.
*/

import {memoizeString} from '../text/memo.js';

/** Longer terms are cut to this many UTF-16 code units (after folding). */
export const maxTermLength = 64;

/** Bump whenever the terms produced for some text change: an index built with other terms is rebuilt. */
export const tokenizerVersion = 1;

/** Called for every term: its folded text and the span of the original text it came from (UTF-16 offsets). */
export type TokenSink = (term: string, start: number, end: number) => void;

const separator = 0;
const wordCharacter = 1;
const cjkCharacter = 2;

// Classes of BMP characters, filled on first use of a non-ASCII character (a loop over 65,536 code points costs a few
// milliseconds, which ASCII-only work never pays).
let classes: Uint8Array | undefined;
const letterOrDigit = /[\p{L}\p{N}\p{M}\u00AD\u200C\u200D]/u;
const chineseOrJapanese = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC]/u;

function classOf(character: string): number {
	if (chineseOrJapanese.test(character)) {
		return cjkCharacter;
	}

	return letterOrDigit.test(character) ? wordCharacter : separator;
}

function buildClasses(): Uint8Array {
	const table = new Uint8Array(65_536);
	for (let code = 0; code < 65_536; code++) {
		// Surrogates are classified as pairs, by code point (see classAt).
		if (code < 0xD8_00 || code > 0xDF_FF) {
			table[code] = classOf(String.fromCharCode(code));
		}
	}

	return table;
}

const asciiClasses = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
	const isAlphanumeric = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
	asciiClasses[code] = isAlphanumeric ? wordCharacter : separator;
}

// The width in code units of the character last classified by classAt (2 for a surrogate pair); a variable rather
// than a returned pair, because tokenize calls classAt for every character and a pair per call is garbage.
let lastWidth = 1;

/** The class of the character at `index`; its width in code units is left in `lastWidth`. */
function classAt(text: string, index: number): number {
	const code = text.charCodeAt(index);
	lastWidth = 1;
	if (code < 128) {
		return asciiClasses[code]!;
	}

	if (code >= 0xD8_00 && code <= 0xDB_FF) {
		const next = text.charCodeAt(index + 1);
		if (next >= 0xDC_00 && next <= 0xDF_FF) {
			lastWidth = 2;
			return classOf(text.slice(index, index + 2));
		}

		return separator;
	}

	classes ??= buildClasses();
	return classes[code]!;
}

/**
Arabic as it is searched: the hamza forms of alef (أ إ آ, already split into alef + mark by NFKD) and alef wasla
become bare alef, alef maksura becomes yeh, teh marbuta becomes heh, tatweel goes, Persian yeh and keheh become
their Arabic letters, and Arabic-Indic digits become ASCII digits. Diacritics (harakat) are marks, stripped before.
The normalisation of Lucene's ArabicNormalizer, plus the digits.
*/
function foldArabic(text: string): string {
	let output = '';
	for (const character of text) {
		const code = character.codePointAt(0)!;
		if (code === 0x06_40) {
			continue;
		}

		if (code >= 0x06_60 && code <= 0x06_69) {
			output += String.fromCharCode(48 + code - 0x06_60);
		} else if (code >= 0x06_F0 && code <= 0x06_F9) {
			output += String.fromCharCode(48 + code - 0x06_F0);
		} else {
			output += arabicLetters.get(code) ?? character;
		}
	}

	return output;
}

const arabicLetters = new Map<number, string>([
	[0x06_22, '\u0627'], [0x06_23, '\u0627'], [0x06_25, '\u0627'], [0x06_71, '\u0627'],
	[0x06_49, '\u064A'], [0x06_CC, '\u064A'], [0x06_29, '\u0647'], [0x06_A9, '\u0643'],
]);

const marks = /[\p{M}\u00AD\u200C\u200D]/gu;
const arabicBlock = /[\u0600-\u06FF]/;

// Latin letters that are a base letter and a stroke or a ligature rather than a letter and an accent: NFKD keeps
// them, so they are folded by hand, as Lucene's ASCII folding does.
const latinLetters: Readonly<Record<string, string>> = {
	ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ħ: 'h', ı: 'i', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd', ŧ: 't', ŀ: 'l',
};
const latinLetter = /[ßøłđħıæœþðŧŀ]/g;

/** Fold a non-ASCII word (see the file comment). Memoised: words repeat, and normalize() is the slow part. */
function foldWordSlowly(word: string): string {
	let folded = word.normalize('NFKD').replace(marks, '').toLowerCase().replace(latinLetter, letter => latinLetters[letter]!);
	if (arabicBlock.test(folded)) {
		folded = foldArabic(folded);
	}

	// NFKD split Hangul syllables into jamo, which are letters, not marks: put them back together.
	return folded.normalize('NFC');
}

const foldWordCached = memoizeString(word => foldWordSlowly(word), 50_000);

function foldWord(word: string, isAscii: boolean): string {
	if (isAscii) {
		return word.toLowerCase();
	}

	return foldWordCached(word);
}

function emit(sink: TokenSink, term: string, start: number, end: number): void {
	if (term !== '') {
		sink(term.length > maxTermLength ? term.slice(0, maxTermLength) : term, start, end);
	}
}

/** Bigrams of a run of Chinese or Japanese characters (`starts` holds each character's offset, then the end). */
function emitCjkRun(text: string, starts: readonly number[], sink: TokenSink): void {
	const count = starts.length - 1;
	if (count === 1) {
		emit(sink, foldCjk(text.slice(starts[0], starts[1])), starts[0]!, starts[1]!);
		return;
	}

	for (let index = 0; index + 1 < count; index++) {
		emit(sink, foldCjk(text.slice(starts[index], starts[index + 2])), starts[index]!, starts[index + 2]!);
	}
}

// Halfwidth katakana and other compatibility forms (ｶﾀｶﾅ → カタカナ).
function foldCjk(text: string): string {
	return /[\uFF00-\uFFEF\u3300-\u33FF\uF900-\uFAFF]/.test(text) ? text.normalize('NFKC') : text;
}

const nonAscii = /[^\u0000-\u007F]/;

/** Call `sink` for every term of `text`, in order. */
export function tokenize(text: string, sink: TokenSink): void {
	// ASCII text lower-cases to the same length: one lower-cased copy, then each term is a plain slice of it.
	const lower = nonAscii.test(text) ? undefined : text.toLowerCase();
	const {length} = text;
	let index = 0;
	const cjkStarts: number[] = [];
	while (index < length) {
		const code = text.charCodeAt(index);
		let kind: number;
		if (code < 128) {
			kind = asciiClasses[code]!;
			lastWidth = 1;
		} else {
			kind = classAt(text, index);
		}

		if (kind === separator) {
			index += lastWidth;
			continue;
		}

		const start = index;
		if (kind === cjkCharacter) {
			cjkStarts.length = 0;
			let next = kind;
			while (next === cjkCharacter) {
				cjkStarts.push(index);
				index += lastWidth;
				if (index >= length) {
					break;
				}

				next = classAt(text, index);
			}

			cjkStarts.push(index);
			emitCjkRun(text, cjkStarts, sink);
			continue;
		}

		if (lower !== undefined) {
			index++;
			while (index < length && asciiClasses[text.charCodeAt(index)] === wordCharacter) {
				index++;
			}

			emit(sink, lower.slice(start, index), start, index);
			continue;
		}

		let isAscii = true;
		let next = kind;
		while (next === wordCharacter) {
			if (text.charCodeAt(index) >= 128) {
				isAscii = false;
			}

			index += lastWidth;
			if (index >= length) {
				break;
			}

			const nextCode = text.charCodeAt(index);
			if (nextCode < 128) {
				lastWidth = 1;
				next = asciiClasses[nextCode]!;
			} else {
				next = classAt(text, index);
			}
		}

		emit(sink, foldWord(text.slice(start, index), isAscii), start, index);
	}
}

/** The terms of `text`, in order. */
export function tokenizeTerms(text: string): string[] {
	const terms: string[] = [];
	tokenize(text, term => {
		terms.push(term);
	});
	return terms;
}

/** A token with where it came from. */
export type Token = {readonly term: string; readonly start: number; readonly end: number};

/** The terms of `text` with their spans. */
export function tokenizeWithSpans(text: string): Token[] {
	const tokens: Token[] = [];
	tokenize(text, (term, start, end) => {
		tokens.push({term, start, end});
	});
	return tokens;
}

/** True for a term made of Chinese or Japanese characters (a bigram or a single character). */
export function isCjkTerm(term: string): boolean {
	const first = term.codePointAt(0);
	return first !== undefined && first >= 0x30_00 && classOf(String.fromCodePoint(first)) === cjkCharacter;
}
