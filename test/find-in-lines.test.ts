import test from 'ava';
import {findInLines, highlightRanges, visibleText} from '../source/core/reader/find-in-lines.js';

test('every occurrence is found, case and accents folded, in reading order', t => {
	const lines = ['The Café opened.', 'cafe CAFE café', 'nothing here'];
	t.deepEqual(findInLines(lines, 'cafe'), [
		{line: 0, start: 4, end: 8},
		{line: 1, start: 0, end: 4},
		{line: 1, start: 5, end: 9},
		{line: 1, start: 10, end: 14},
	]);
	t.deepEqual(findInLines(lines, 'CAFÉ').length, 4);
	t.deepEqual(findInLines(lines, '   '), []);
	t.deepEqual(findInLines(lines, 'absent'), []);
});

test('escapes in a line are not searched, and indexes are in the visible text', t => {
	const line = '\u001B[1mBold\u001B[22m and \u001B]8;;https://x\u001B\\link\u001B]8;;\u001B\\';
	t.is(visibleText(line), 'Bold and link');
	t.deepEqual(findInLines([line], 'link'), [{line: 0, start: 9, end: 13}]);
	t.deepEqual(findInLines([line], '8;;'), []);
});

test('CJK, Arabic and a ligature are found', t => {
	t.deepEqual(findInLines(['東京の朝、東京湾'], '東京'), [{line: 0, start: 0, end: 2}, {line: 0, start: 5, end: 7}]);
	t.is(findInLines(['قال المتحدث'], 'المتحدث').length, 1);
	// U+FB01 (ﬁ) folds to "fi": a match ending inside it covers the whole character.
	t.deepEqual(findInLines(['ﬁle'], 'f'), [{line: 0, start: 0, end: 1}]);
	t.deepEqual(findInLines(['ﬁle'], 'file'), [{line: 0, start: 0, end: 3}]);
});

test('highlighting keeps the line\'s own styling and wraps each range in reverse video', t => {
	t.is(highlightRanges('a cafe b', [{start: 2, end: 6}]), 'a \u001B[7mcafe\u001B[27m b');
	const styled = '\u001B[1mcafe\u001B[22m end';
	t.is(highlightRanges(styled, [{start: 1, end: 3}]), '\u001B[1mc\u001B[7maf\u001B[27me\u001B[22m end');
	t.is(visibleText(highlightRanges(styled, [{start: 0, end: 8}])), 'cafe end');
	t.is(highlightRanges('plain', []), 'plain');
});

test('the number of matches is bounded', t => {
	t.is(findInLines(['a'.repeat(50_000)], 'a', 1000).length, 1000);
});
