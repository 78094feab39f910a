import test from 'ava';
import stringWidth from 'string-width';
import type {ArticleMeta} from '../source/core/article/article.js';
import {formatRow, readMarker, starMarker, unreadMarker} from '../source/core/reader/list-row.js';
import {fitWidth, padToWidth} from '../source/core/text/width.js';

function meta(fields: Partial<ArticleMeta> = {}): ArticleMeta {
	return {id: 'a', title: 'Reed pens and patience', source: 'The Meridian Review', date: '2026-04-11T07:00', tags: [], words: 100, readingMinutes: 1, ...fields};
}

test('a row has the unread marker, the day, the source and the title', t => {
	const row = formatRow(meta(), {isRead: false}, 80);
	t.true(row.startsWith(`${unreadMarker}  2026-04-11  The Meridian Review`));
	t.true(row.endsWith('Reed pens and patience'));
	t.true(formatRow(meta(), {isRead: true}, 80).startsWith(`${readMarker}  2026-04-11`));
});

test('an article without a date gets blanks where the date goes, so columns line up', t => {
	const dated = formatRow(meta(), {isRead: false}, 80);
	const undated = formatRow(meta({date: undefined}), {isRead: false}, 80);
	t.is(undated.indexOf('The Meridian'), dated.indexOf('The Meridian'));
	t.is(formatRow(meta({date: 'sometime'}), {isRead: false}, 80).indexOf('The Meridian'), dated.indexOf('The Meridian'));
});

test('rows are cut to the width by display width: CJK and emoji count two columns', t => {
	const wide = meta({title: '東京の記事 🎉 '.repeat(20), source: '東京新聞'});
	for (const width of [10, 29, 30, 49, 50, 79, 98]) {
		const row = formatRow(wide, {isRead: false}, width);
		t.true(stringWidth(row) <= width, `width ${width}: ${row}`);
		t.true(stringWidth(row) >= width - 1, `width ${width} is filled: ${row}`);
	}

	t.true(formatRow(wide, {isRead: false}, 60).endsWith('…'));
});

test('narrow rows drop the source, then the date', t => {
	t.true(formatRow(meta(), {isRead: false}, 60).includes('Meridian'));
	t.false(formatRow(meta(), {isRead: false}, 40).includes('Meridian'));
	t.true(formatRow(meta(), {isRead: false}, 40).includes('2026-04-11'));
	t.false(formatRow(meta(), {isRead: false}, 25).includes('2026'));
	t.is(formatRow(meta(), {isRead: false}, 0), '');
});

test('control characters from the metadata never reach the row', t => {
	const row = formatRow(meta({title: 'Bad\u001B[2Jtitle\u202E', source: 'Src\u0007'}), {isRead: false}, 80);
	t.false(/[\u0000-\u001F\u007F-\u009F\u202E]/.test(row));
	t.true(row.includes('Badtitle'));
});

test('an untitled article still gets a readable row', t => {
	t.true(formatRow(meta({title: ''}), {isRead: false}, 80).includes('(untitled)'));
});

test('fitWidth and padToWidth count display columns', t => {
	t.is(fitWidth('abc', 5), 'abc');
	t.is(fitWidth('abcdef', 4), 'abc…');
	t.is(fitWidth('東京の記事', 8), '東京の…');
	t.is(fitWidth('e\u0301te\u0301', 2), 'e\u0301…');
	t.is(stringWidth(fitWidth('東京東京', 5)), 5);
	t.is(padToWidth('東京', 6), '東京  ');
	t.is(padToWidth('abcdef', 3), 'ab…');
});

test('a starred article has a star after the unread marker, and a started one how far it was read', t => {
	t.true(formatRow(meta(), {isRead: true, isStarred: true}, 80).startsWith(`${readMarker}${starMarker} 2026-04-11`));
	const started = formatRow(meta(), {isRead: true, progress: 0.42}, 80);
	t.true(started.endsWith('42% Reed pens and patience'), started);
	t.true(formatRow(meta(), {isRead: true, progress: 0.001}, 80).includes(' 1% Reed'));
	t.true(formatRow(meta(), {isRead: true, progress: 0.999}, 80).includes(' 99% Reed'));
});
