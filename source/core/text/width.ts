/**
Display width in terminal columns, the one measure every layout in inkwire uses (the renderer, the list rows, the
help overlay): CJK and most emoji take two columns, combining marks none, inkwire's own escapes (SGR and OSC 8) none.

string-width gives the width of one grapheme cluster; everything else here keeps it linear on any input: V8's
Intl.Segmenter (Node 20), which string-width also uses, is quadratic in the length of the string it walks (80,000
ideographs took 32 s), so it only ever sees windows of a few hundred code units. Nothing here recurses.
*/
import stringWidth from 'string-width';
import {memoizeString} from './memo.js';
import {narrowWidth} from './narrow-width.js';

// eslint-disable-next-line no-control-regex
const ownEscape = /\u001B\[[\d;:]*m|\u001B\]8;[^\u0007\u001B]*(?:\u0007|\u001B\\)/g;

// Made on first use: creating a segmenter loads ICU's break rules, a noticeable part of the first screen's time, and
// text of one-column characters (narrow-width.ts), which is most text, never needs one.
let graphemes: Intl.Segmenter | undefined;
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
`text` in windows of a few hundred code units, each cut where a grapheme cluster surely starts. A run of 256 code
units with no clear cluster start (a wall of emoji, a letter under a thousand combining marks) is cut at any code
point not after a joiner, so a window never grows past that.
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

/** The grapheme clusters of `text`, in linear time; none longer than a few hundred code units. */
export function * splitGraphemes(text: string): Generator<string> {
	for (const window of splitWindows(text)) {
		graphemes ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
		for (const {segment} of graphemes.segment(window)) {
			yield segment;
		}
	}
}

// Single code units that are always two columns (checked against string-width for every code unit): CJK symbols and
// punctuation, kana, ideographs, Hangul syllables, fullwidth forms. They skip string-width, which is slow per character.
function isWideCodeUnit(code: number): boolean {
	return (code >= 0x30_00 && code <= 0x30_29) || (code >= 0x30_2E && code <= 0x30_3E) || (code >= 0x30_41 && code <= 0x30_96)
		|| (code >= 0x30_9B && code <= 0x30_FF) || (code >= 0x34_00 && code <= 0x4D_BF) || (code >= 0x4E_00 && code <= 0x9F_FF)
		|| (code >= 0xAC_00 && code <= 0xD7_A3) || (code >= 0xF9_00 && code <= 0xFA_FF) || (code >= 0xFF_01 && code <= 0xFF_60)
		|| (code >= 0xFF_E0 && code <= 0xFF_E6);
}

// Clusters repeat a lot, and string-width takes ~50 µs for one emoji.
const cachedClusterWidth = memoizeString(cluster => stringWidth(cluster), 10_000);
const longestCachedCluster = 16;

/** The width of one grapheme cluster (or any string short enough for string-width to walk cheaply). */
function clusterWidth(cluster: string): number {
	if (cluster.length === 1) {
		const code = cluster.charCodeAt(0);
		if (code >= 0x20 && code <= 0x7E) {
			return 1;
		}

		if (isWideCodeUnit(code)) {
			return 2;
		}
	}

	if (cluster.length > longestCachedCluster) {
		return stringWidth(cluster);
	}

	return cachedClusterWidth(cluster);
}

/** Display width in terminal columns: CJK and emoji count 2, combining marks 0, SGR and OSC 8 escapes nothing. */
export function displayWidth(text: string): number {
	if (text.length === 1) {
		return clusterWidth(text);
	}

	// Latin, Greek, Cyrillic, punctuation, box drawing and inkwire's own escapes: the length, no string-width call (the
	// renderer's largest cost on ordinary news text).
	const narrow = narrowWidth(text);
	if (narrow !== undefined) {
		return narrow;
	}

	const plain = text.includes('\u001B') ? text.replace(ownEscape, '') : text;
	if (plain.length <= longestCachedCluster) {
		return clusterWidth(plain);
	}

	// The sum of the clusters' widths: string-width itself would walk a long string quadratically.
	let width = 0;
	for (const cluster of splitGraphemes(plain)) {
		width += clusterWidth(cluster);
	}

	return width;
}

/**
Plain text cut to at most `columns` display columns, with an ellipsis where something was cut. Counted grapheme by
grapheme, so a cut never falls inside a double-width character (one column too many makes Ink wrap a row).
*/
export function fitWidth(text: string, columns: number): string {
	if (columns <= 0) {
		return '';
	}

	if (displayWidth(text) <= columns) {
		return text;
	}

	let kept = '';
	let used = 0;
	for (const cluster of splitGraphemes(text)) {
		const width = clusterWidth(cluster);
		if (used + width > columns - 1) {
			break;
		}

		kept += cluster;
		used += width;
	}

	return kept + '…';
}

/** Plain text cut or padded with spaces to exactly `columns` display columns. */
export function padToWidth(text: string, columns: number): string {
	const fitted = fitWidth(text, columns);
	return fitted + ' '.repeat(Math.max(0, columns - displayWidth(fitted)));
}
