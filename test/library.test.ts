import test from 'ava';
import type {ArticleMeta} from '../source/core/article/article.js';
import {compareNewestFirst, countUnread, filterArticles, findArticle} from '../source/core/store/library.js';
import {dayOf, formatListJson, formatListLine, formatListText} from '../source/core/render/list-format.js';
import {chooseWidth, shouldUseColor, shouldUseHyperlinks} from '../source/core/render/capabilities.js';

function meta(id: string, date?: string, extra: Partial<ArticleMeta> = {}): ArticleMeta {
	return {id, title: `Title of ${id}`, date, tags: [], words: 100, readingMinutes: 1, ...extra};
}

const reads = (ids: string[]) => {
	const set = new Set(ids);
	return {isRead: (id: string) => set.has(id)};
};

test('newest first across date precisions, undated last, ties by id', t => {
	const sorted = [
		meta('b', '2020-06-26'),
		meta('undated'),
		meta('a', '2020-06-26'),
		meta('later-same-day', '2020-06-26T07:00'),
		meta('newest', '2024-01-01T00:00Z'),
		meta('old', '1999-12-31'),
	].sort(compareNewestFirst);
	t.deepEqual(sorted.map(article => article.id), ['newest', 'later-same-day', 'a', 'b', 'old', 'undated']);
});

test('filters by unread and by text in title or source, case-insensitively', t => {
	const articles = [
		meta('one', '2020-01-01', {title: 'Ferry news', source: 'Harbour Gazette'}),
		meta('two', '2020-01-02', {title: 'Market opens'}),
		meta('three', '2020-01-03', {title: 'Weather', source: 'The FERRY Times'}),
	];
	const state = reads(['one']);
	t.deepEqual(filterArticles(articles, {query: 'ferry'}, state).map(article => article.id), ['one', 'three']);
	t.deepEqual(filterArticles(articles, {unreadOnly: true}, state).map(article => article.id), ['two', 'three']);
	t.deepEqual(filterArticles(articles, {unreadOnly: true, query: 'FERRY'}, state).map(article => article.id), ['three']);
	t.is(filterArticles(articles, {query: '  '}, state).length, 3);
	t.is(countUnread(articles, state), 2);
});

test('findArticle: exact id, unique prefix, ambiguous, none', t => {
	const articles = [meta('world/syria'), meta('world/sudan'), meta('tech/rss'), meta('tech')];
	t.like(findArticle(articles, 'tech'), {kind: 'found', article: {id: 'tech'}});
	t.like(findArticle(articles, 'tech/'), {kind: 'found', article: {id: 'tech/rss'}});
	const ambiguous = findArticle(articles, 'world/s');
	t.is(ambiguous.kind, 'ambiguous');
	t.is(ambiguous.kind === 'ambiguous' ? ambiguous.candidates.length : 0, 2);
	t.deepEqual(findArticle(articles, 'nothing'), {kind: 'none'});
	t.deepEqual(findArticle(articles, ''), {kind: 'none'});
});

test('list lines have five clean tab-separated fields', t => {
	t.is(dayOf('2020-06-26T07:00'), '2020-06-26');
	t.is(dayOf(undefined), '');
	t.is(dayOf('tomorrow'), '');
	const line = formatListLine(meta('a\tb', '2020-06-26', {title: 'Tab\there\nnewline \u001B[2Jclear', source: 'Src\u202E'}), true);
	t.deepEqual(line.split('\t'), ['a b', '2020-06-26', 'read', 'Src', 'Tab here newline clear']);
	t.is(formatListText([meta('x'), meta('y')], reads(['y'])), 'x\t\tunread\t\tTitle of x\ny\t\tread\t\tTitle of y\n');
});

test('list JSON has null for missing fields and no body', t => {
	const [first] = JSON.parse(formatListJson([meta('x', '2021-02-03', {url: 'https://example.com'})], reads([]))) as Array<Record<string, unknown>>;
	t.deepEqual(first, {id: 'x', title: 'Title of x', source: null, author: null, date: '2021-02-03', url: 'https://example.com', caption: null, tags: [], words: 100, readingMinutes: 1, read: false, starred: false});
});

test('colour: FORCE_COLOR wins, then NO_COLOR, then the terminal', t => {
	t.true(shouldUseColor(true, {}));
	t.false(shouldUseColor(false, {}));
	t.false(shouldUseColor(true, {NO_COLOR: '1'}));
	t.true(shouldUseColor(true, {NO_COLOR: ''}));
	t.true(shouldUseColor(false, {FORCE_COLOR: '1'}));
	t.false(shouldUseColor(true, {FORCE_COLOR: '0'}));
	t.false(shouldUseColor(true, {TERM: 'dumb'}));
});

test('hyperlinks only on a real terminal outside CI, unless forced', t => {
	// Never assumed: a terminal that says nothing about itself gets numbered links without OSC 8.
	t.false(shouldUseHyperlinks(true, {}));
	t.true(shouldUseHyperlinks(true, {TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.5.0'}));
	t.false(shouldUseHyperlinks(true, {CI: 'true'}));
	t.false(shouldUseHyperlinks(false, {}));
	t.true(shouldUseHyperlinks(false, {FORCE_HYPERLINK: '1'}));
	t.false(shouldUseHyperlinks(true, {FORCE_HYPERLINK: '0'}));
});

test('width: explicit, else the terminal, else 80', t => {
	t.is(chooseWidth(60, 120), 60);
	t.is(chooseWidth(undefined, 120), 120);
	t.is(chooseWidth(undefined, undefined), 80);
	t.is(chooseWidth(undefined, 0), 80);
});
