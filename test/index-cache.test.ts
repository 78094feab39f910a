import test from 'ava';
import type {LocatedMeta} from '../source/core/store/index-format.js';
import {parseIndex, parseIndexHead, rememberSerializedEntry, serializeEntry, serializeIndex, type IndexEntry} from '../source/core/store/index-format.js';

const root = '/real/store';
const writer = 'inkwire 0.0.0';
const prefix = '/given/store/';

function article(relativePath: string, meta: Omit<LocatedMeta, 'path'>, warnings: string[] = []): IndexEntry {
	return {relativePath, size: 100, mtimeMs: 1_700_000_000_123.456, article: {...meta, path: prefix + relativePath}, warnings};
}

const entries: IndexEntry[] = [
	article('a.md', {id: 'a', title: 'A "quoted"\nline', source: 'Src', author: 'Au', date: '2024-01-02', url: 'https://x.test/a', caption: 'Cap (AFP)', tags: ['t1', 't2'], words: 700, readingMinutes: 4}),
	article('b/c.txt', {id: 'custom', title: 'C', tags: [], words: 0, readingMinutes: 1}, ['front matter is not valid YAML']),
	{relativePath: 'empty.md', size: 0, mtimeMs: 5, skipReason: 'empty file'},
];

test('serialize and parse round-trip every field, optional ones left absent', t => {
	const text = serializeIndex(root, writer, entries, 2);
	const parsed = parseIndex(text, root, writer, prefix);
	t.deepEqual(parsed?.entries, entries);
	t.is(parsed?.header.articles, 2);
	const second = parsed?.entries[1];
	t.false(second && 'article' in second && 'source' in second.article);
});

test('the file is one JSON array and one line per entry', t => {
	const text = serializeIndex(root, writer, entries, 2);
	t.true(Array.isArray(JSON.parse(text)));
	t.is(text.split('\n').length, entries.length + 3);
});

test('an index for another store, another writer, or truncated is not used', t => {
	const text = serializeIndex(root, writer, entries, 2);
	t.is(parseIndex(text, '/other', writer, prefix), undefined);
	t.is(parseIndex(text, root, 'inkwire 9.9.9', prefix), undefined);
	t.is(parseIndex(text.slice(0, -10), root, writer, prefix), undefined);
	t.is(parseIndex(text.replace('"a.md",100', '"a.md","100"'), root, writer, prefix), undefined);
	t.is(parseIndex('', root, writer, prefix), undefined);
});

test('the head gives the first articles from whole lines only', t => {
	const text = serializeIndex(root, writer, entries, 2);
	t.deepEqual(parseIndexHead(text, 1, root, writer, prefix), entries.slice(0, 1));
	// Never more than the articles shown, even when more is asked for.
	t.deepEqual(parseIndexHead(text, 10, root, writer, prefix), entries.slice(0, 2));
	const firstLineEnd = text.indexOf('\n', text.indexOf('\n') + 1);
	t.is(parseIndexHead(text.slice(0, firstLineEnd - 3), 1, root, writer, prefix), undefined);
	t.is(parseIndexHead(text, 1, '/other', writer, prefix), undefined);
});

test('a remembered line is what the entry serialises to; others are stringified', t => {
	const copies = structuredClone(entries);
	const lines = copies.map(entry => serializeEntry(entry));
	t.is(serializeIndex(root, writer, copies, 2), serializeIndex(root, writer, entries, 2));
	const marked = structuredClone(entries);
	rememberSerializedEntry(marked[0]!, lines[0]!.replace('"a.md"', '"remembered.md"'));
	const text = serializeIndex(root, writer, marked, 2);
	t.is(parseIndex(text, root, writer, prefix)?.entries[0]?.relativePath, 'remembered.md');
	t.is(parseIndex(text, root, writer, prefix)?.entries[1]?.relativePath, 'b/c.txt');
});
