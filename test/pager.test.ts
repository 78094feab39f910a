import test from 'ava';
import {
	clampOffset,
	halfPageSize,
	maxOffset,
	pageSize,
	percent,
	positionLabel,
	proportionalOffset,
	visibleLines,
	visibleRange,
} from '../source/core/reader/viewport.js';

test('the offset stays within [0, lines - height]', t => {
	t.is(maxOffset(212, 28), 184);
	t.is(clampOffset(-5, 212, 28), 0);
	t.is(clampOffset(500, 212, 28), 184);
	t.is(clampOffset(10, 212, 28), 10);
	t.is(clampOffset(10.7, 212, 28), 10);
	t.is(clampOffset(Number.NaN, 212, 28), 0);
});

test('a document shorter than the window never scrolls', t => {
	t.is(maxOffset(5, 28), 0);
	t.is(clampOffset(0 + 1, 5, 28), 0);
	t.is(clampOffset(0 + 100, 5, 28), 0);
	t.true(clampOffset(0, 5, 28) === maxOffset(5, 28));
	t.is(percent(0, 5, 28), 100);
});

test('scrolling by lines, pages and half pages stops at both ends', t => {
	t.is(clampOffset(0 + 1, 100, 20), 1);
	t.is(clampOffset(0 - 1, 100, 20), 0);
	t.is(clampOffset(70 + pageSize(20), 100, 20), 80);
	t.is(clampOffset(80 + pageSize(20), 100, 20), 80);
	t.is(halfPageSize(20), 10);
	t.is(halfPageSize(7), 4);
	t.is(halfPageSize(1), 1);
	t.is(pageSize(0), 1);
	t.false(clampOffset(79, 100, 20) === maxOffset(100, 20));
	t.true(clampOffset(80, 100, 20) === maxOffset(100, 20));
});

test('percent runs from 0 at the top to 100 at the bottom', t => {
	t.is(percent(0, 212, 28), 0);
	t.is(percent(92, 212, 28), 50);
	t.is(percent(184, 212, 28), 100);
	t.is(percent(1000, 212, 28), 100);
});

test('the position label names the first and last lines on screen', t => {
	t.is(positionLabel(9, 212, 29), 'lines 10-38 of 212');
	t.is(positionLabel(0, 5, 28), 'lines 1-5 of 5');
	t.is(positionLabel(0, 0, 28), 'lines 0-0 of 0');
	t.deepEqual(visibleRange(500, 212, 28), {first: 185, last: 212});
});

test('only the lines in the window are returned', t => {
	const lines = Array.from({length: 100}, (_, index) => `line ${index}`);
	t.deepEqual(visibleLines(lines, 10, 3), ['line 10', 'line 11', 'line 12']);
	// The offset is clamped when it is set (the reducer does), not each time it is read.
	t.deepEqual(visibleLines(lines, clampOffset(99, 100, 3), 3), ['line 97', 'line 98', 'line 99']);
	t.is(visibleLines(lines, 0, 30).length, 30);
	t.deepEqual(visibleLines(['a', 'b'], clampOffset(5, 2, 10), 10), ['a', 'b']);
});

test('a re-wrap keeps the reading position at the same fraction of the document', t => {
	t.is(proportionalOffset(50, 200, 400, 20), 100);
	t.is(proportionalOffset(100, 400, 200, 20), 50);
	t.is(proportionalOffset(0, 400, 200, 20), 0);
	// Near the end of a document that got shorter, the last page stays full.
	t.is(proportionalOffset(390, 400, 100, 20), 80);
	// At the end, the end: 380 of 400 is the last page, and 180 the last page of 200.
	t.is(proportionalOffset(380, 400, 200, 20), 180);
	t.is(proportionalOffset(80, 100, 400, 20), 380);
});
