import test from 'ava';
import {rememberSerializedEntry, serializeEntry, type LocatedMeta} from '../source/core/store/index-entry.js';
import {parseIndex, parseIndexHead, serializeIndex, type IndexEntry} from '../source/core/store/index-format.js';
import {utf8Hex} from '../source/core/store/file-name.js';

const root = '/real/store';
const writer = 'inkwire 0.0.0';
const prefix = {text: '/given/store/', hex: utf8Hex('/given/store/')};

function article(relativePath: string, meta: Omit<LocatedMeta, 'path'>, warnings: string[] = []): IndexEntry {
	return {relativePath, size: 100, mtimeMs: 1_700_000_000_123.456, article: {...meta, path: prefix.text + relativePath}, warnings};
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
	t.is(parsed?.invalid, 0);
	const second = parsed?.entries[1];
	t.false(second && 'article' in second && 'source' in second.article);
});

test('the file is one JSON array and one line per entry; an id the path gives is not written', t => {
	const text = serializeIndex(root, writer, entries, 2);
	t.true(Array.isArray(JSON.parse(text)));
	t.is(text.split('\n').length, entries.length + 3);
	t.true(text.includes('["a.md",100,1700000000123.456,0,'));
	t.true(text.includes('"custom"'));
});

test('an index for another store, another writer, or truncated is not used', t => {
	const text = serializeIndex(root, writer, entries, 2);
	t.is(parseIndex(text, '/other', writer, prefix), undefined);
	t.is(parseIndex(text, root, 'inkwire 9.9.9', prefix), undefined);
	t.is(parseIndex(text.slice(0, -10), root, writer, prefix), undefined);
	// A whole line missing: the header's count says so.
	const lines = text.split('\n');
	t.is(parseIndex([...lines.slice(0, 2), ...lines.slice(3)].join('\n'), root, writer, prefix), undefined);
	t.is(parseIndex('', root, writer, prefix), undefined);
});

test('an entry with a wrong type is dropped alone and counted, whatever field it is in', t => {
	const text = serializeIndex(root, writer, entries, 2);
	const broken = [
		text.replace('"a.md",100', '"a.md","100"'),
		text.replace('["t1","t2"]', '["t1",2]'),
		text.replace('["t1","t2"]', '"t1"'),
		text.replace('"Src"', '{"x":1}'),
		text.replace('"Src"', 'null'),
		text.replace(',700,4', ',-700,4'),
		text.replace('["front matter is not valid YAML"]', '[1]'),
		text.replace('"custom"', '""'),
		text.replace('"empty file"', '5'),
	];
	for (const variant of broken) {
		const parsed = parseIndex(variant, root, writer, prefix);
		t.is(parsed?.invalid, 1, variant);
		t.is(parsed?.entries.length, 2);
	}
});

test('a name that is not UTF-8 keeps its bytes, and the article knows the real path', t => {
	const raw: IndexEntry = {...article('caf%E9.md', {id: 'caf%E9', title: 'Raw', tags: [], words: 1, readingMinutes: 1}), rawRelativePath: '636166e92e6d64'};
	(raw as {article: {rawPath?: string}}).article.rawPath = prefix.hex + '636166e92e6d64';
	const text = serializeIndex(root, writer, [raw], 1);
	t.true(text.includes('["caf%E9.md","636166e92e6d64"]'));
	t.deepEqual(parseIndex(text, root, writer, prefix)?.entries, [raw]);
	t.is(parseIndex(text.replace('636166e92e6d64"]', 'zz"]'), root, writer, prefix)?.invalid, 1);
});

test('the head gives the first articles from whole lines only', t => {
	const text = serializeIndex(root, writer, entries, 2);
	t.deepEqual(parseIndexHead(text, 1, root, writer, prefix), {entries: entries.slice(0, 1), total: 2});
	// Never more than the articles shown, even when more is asked for.
	t.deepEqual(parseIndexHead(text, 10, root, writer, prefix)?.entries, entries.slice(0, 2));
	const firstLineEnd = text.indexOf('\n', text.indexOf('\n') + 1);
	t.deepEqual(parseIndexHead(text.slice(0, firstLineEnd - 3), 1, root, writer, prefix), undefined);
	t.is(parseIndexHead(text, 1, '/other', writer, prefix), undefined);
	// A bad entry ends the preview there.
	t.deepEqual(parseIndexHead(text.replace('"C"', '7'), 10, root, writer, prefix)?.entries, entries.slice(0, 1));
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
