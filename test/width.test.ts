import test from 'ava';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {displayWidth, fitWidth, padToWidth, splitGraphemes} from '../source/core/text/width.js';
import {sliceColumns, wrapText} from '../source/core/text/wrap.js';

test('displayWidth agrees with string-width on any text of whole graphemes', t => {
	fc.assert(fc.property(fc.string({unit: 'grapheme', maxLength: 60}), text => displayWidth(text) === stringWidth(text)), {numRuns: 2000});
	fc.assert(fc.property(fc.string({unit: 'grapheme-composite', maxLength: 30}), text => displayWidth(text) === stringWidth(text)), {numRuns: 1000});
	for (const text of ['東京', '👩‍💻', '👨‍👩‍👧', '🇯🇵', 'café', 'cafe\u0301', 'مرحبا', '한국어', '…●', '\u00AD']) {
		t.is(displayWidth(text), stringWidth(text), text);
	}
});

test('own escapes take no columns', t => {
	t.is(displayWidth('\u001B[1mbold\u001B[22m'), 4);
	t.is(displayWidth('\u001B]8;;https://example.com\u001B\\東京\u001B]8;;\u001B\\'), 4);
});

test('one letter under 100,000 combining marks: no recursion, one column, linear', t => {
	const text = 'e' + '\u0301'.repeat(100_000);
	t.is(displayWidth(text), 1);
	t.is(wrapText(text + ' next', 10).length, 1);
	t.is(wrapText(text + ' next', 5).length, 2);
	t.is(fitWidth('x'.repeat(5) + text, 3), 'xx…');
	t.is([...splitGraphemes(text)].join(''), text);
	// Every window of the segmenter is bounded, whatever the text.
	t.true([...splitGraphemes('😀'.repeat(10_000))].every(cluster => cluster.length <= 256));
});

test('fitWidth and padToWidth never cut inside a wide character', t => {
	t.is(fitWidth('東京の記事', 8), '東京の…');
	t.is(stringWidth(fitWidth('東京の記事', 8)), 7);
	t.is(padToWidth('東京', 6), '東京  ');
	t.is(padToWidth('abcdef', 4), 'abc…');
});

test('sliceColumns cuts by columns, keeps every character and escape, and allows a narrower rest', t => {
	const pieces = sliceColumns('abcdefghij', 4, 2);
	t.deepEqual(pieces.map(piece => piece.raw), ['abcd', 'ef', 'gh', 'ij']);
	t.deepEqual(sliceColumns('東京東京', 3).map(piece => piece.raw), ['東', '京', '東', '京']);
	t.is(sliceColumns('\u001B[33mabcdef\u001B[39m', 3).map(piece => piece.raw).join(''), '\u001B[33mabcdef\u001B[39m');
	// A character wider than the room still makes progress.
	t.deepEqual(sliceColumns('東京', 1).map(piece => piece.raw), ['東', '京']);
});
