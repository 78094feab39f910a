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

test('serialize and parse round-trip every field, optional ones left absent', async t => {
	const text = serializeIndex(root, writer, entries, 2);
	const parsed = await parseIndex(text, root, writer, prefix);
	t.deepEqual(parsed?.entries, entries);
	t.is(parsed?.header.articles, 2);
	t.is(parsed?.invalid, 0);
	const second = parsed?.entries[1];
	t.false(second && 'article' in second && 'source' in second.article);
});

test('one header line, then one line per entry; an id the path gives is left empty, text with a tab or a break quoted', async t => {
	const text = serializeIndex(root, writer, entries, 2);
	const lines = text.split('\n');
	t.is(lines.length, entries.length + 2);
	t.is(lines.at(-1), '');
	t.like(JSON.parse(lines[0]!), {format: 'inkwire-index', root, writer, articles: 2, entries: 3});
	t.is(lines[1], 'a.md\t\t100\t1700000000123.456\t\t"A \\"quoted\\"\\nline"\tSrc\tAu\t2024-01-02\thttps://x.test/a\tCap (AFP)\t["t1","t2"]\t700\t4\t');
	t.is(lines[2], 'b/c.txt\t\t100\t1700000000123.456\tcustom\tC\t\t\t\t\t\t\t0\t1\t["front matter is not valid YAML"]');
	t.is(lines[3], 'empty.md\t\t0\t5\tempty file');
});

test('an index for another store, another writer, or truncated is not used', async t => {
	const text = serializeIndex(root, writer, entries, 2);
	t.is((await parseIndex(text, '/other', writer, prefix)), undefined);
	t.is((await parseIndex(text, root, 'inkwire 9.9.9', prefix)), undefined);
	t.is((await parseIndex(text.slice(0, -10), root, writer, prefix)), undefined);
	t.is((await parseIndex(text.slice(0, -1), root, writer, prefix)), undefined);
	// A whole line missing: the header's count says so.
	const lines = text.split('\n');
	t.is((await parseIndex([...lines.slice(0, 2), ...lines.slice(3)].join('\n'), root, writer, prefix)), undefined);
	t.is((await parseIndex('', root, writer, prefix)), undefined);
	t.is((await parseIndex('[{"format":"inkwire-index"}\n]\n', root, writer, prefix)), undefined);
});

test('an entry with a wrong type is dropped alone and counted, whatever field it is in', async t => {
	const text = serializeIndex(root, writer, entries, 2);
	const broken = [
		text.replace('\t100\t', '\tx100\t'),
		text.replace('\t100\t', '\t\t'),
		text.replace('["t1","t2"]', '["t1",2]'),
		text.replace('["t1","t2"]', '"t1"'),
		text.replace('["t1","t2"]', '[not json'),
		text.replace('\tSrc\t', '\t"unterminated\t'),
		text.replace('\t700\t', '\t-700\t'),
		text.replace('["front matter is not valid YAML"]', '[1]'),
		text.replace('\tcustom\t', '\t""\t'),
		text.replace('\tempty file', '\t"empty file'),
		text.replace('\tempty file', '\tempty file\textra'),
		text.replace('\t["t1","t2"]\t700\t4\t', '\t["t1","t2"]\t700\t4'),
	];
	for (const variant of broken) {
		const parsed = (await parseIndex(variant, root, writer, prefix));
		t.is(parsed?.invalid, 1, variant);
		t.is(parsed?.entries.length, 2);
	}
});

test('a name that is not UTF-8 keeps its bytes, and the article knows the real path', async t => {
	const raw: IndexEntry = {...article('caf%E9.md', {id: 'caf%E9', title: 'Raw', tags: [], words: 1, readingMinutes: 1}), rawRelativePath: '636166e92e6d64'};
	(raw as {article: {rawPath?: string}}).article.rawPath = prefix.hex + '636166e92e6d64';
	const text = serializeIndex(root, writer, [raw], 1);
	t.true(text.includes('\ncaf%E9.md\t636166e92e6d64\t'));
	t.deepEqual((await parseIndex(text, root, writer, prefix))?.entries, [raw]);
	t.is((await parseIndex(text.replace('\t636166e92e6d64\t', '\tzz\t'), root, writer, prefix))?.invalid, 1);
});

test('text that looks like a quote, is empty, or holds tabs and breaks round-trips', async t => {
	const odd = article('"quoted" name.md', {id: 'tab\there', title: '', source: '"', author: 'line\r\nbreak', tags: ['', '\t'], words: 3, readingMinutes: 1});
	const text = serializeIndex(root, writer, [odd], 1);
	t.is(text.split('\n').length, 3);
	t.deepEqual((await parseIndex(text, root, writer, prefix))?.entries, [odd]);
});

test('the head gives the first articles from whole lines only', async t => {
	const text = serializeIndex(root, writer, entries, 2);
	t.deepEqual(parseIndexHead(text, 1, root, writer, prefix), {entries: entries.slice(0, 1), total: 2});
	// Never more than the articles shown, even when more is asked for.
	t.deepEqual(parseIndexHead(text, 10, root, writer, prefix)?.entries, entries.slice(0, 2));
	const firstLineEnd = text.indexOf('\n', text.indexOf('\n') + 1);
	t.deepEqual(parseIndexHead(text.slice(0, firstLineEnd - 3), 1, root, writer, prefix), undefined);
	t.is(parseIndexHead(text, 1, '/other', writer, prefix), undefined);
	// A bad entry ends the preview there.
	const lines = text.split('\n');
	lines[2] = lines[2]!.replace('\t100\t', '\tNaN\t');
	t.deepEqual(parseIndexHead(lines.join('\n'), 10, root, writer, prefix)?.entries, entries.slice(0, 1));
});

test('a remembered line is what the entry serialises to; others are serialised afresh', async t => {
	const copies = structuredClone(entries);
	const lines = copies.map(entry => serializeEntry(entry));
	t.is(serializeIndex(root, writer, copies, 2), serializeIndex(root, writer, entries, 2));
	const marked = structuredClone(entries);
	rememberSerializedEntry(marked[0]!, lines[0]!.replace('a.md', 'remembered.md'));
	const text = serializeIndex(root, writer, marked, 2);
	t.is((await parseIndex(text, root, writer, prefix))?.entries[0]?.relativePath, 'remembered.md');
	t.is((await parseIndex(text, root, writer, prefix))?.entries[1]?.relativePath, 'b/c.txt');
});

test('a long index is parsed in slices, and a pause that throws stops it', async t => {
	const many = Array.from({length: 5000}, (_, index) => ({...entries[2]!, relativePath: `file-${index}.md`}) as IndexEntry);
	const text = serializeIndex(root, writer, many, 0);
	let pauses = 0;
	t.is((await parseIndex(text, root, writer, prefix, async () => {
		pauses++;
	}))?.entries.length, 5000);
	t.is(pauses, 2);
	await t.throwsAsync(parseIndex(text, root, writer, prefix, async () => {
		throw new Error('aborted');
	}), {message: 'aborted'});
});

test('folder stamps round-trip after the entries; a bad one drops the stamps, never the entries', async t => {
	const folders = [
		{relativePath: '', identity: '64768:12', mtimeNs: '1700000000123456789', ctimeNs: '1700000000123456789'},
		{relativePath: 'news/2025', identity: '64768:13', mtimeNs: '1700000000000000001', ctimeNs: '1700000000000000002'},
	];
	const text = serializeIndex(root, writer, entries, 2, folders);
	const parsed = await parseIndex(text, root, writer, prefix);
	t.deepEqual(parsed?.folders, folders);
	t.deepEqual(parsed?.entries, entries);
	t.is((await parseIndex(serializeIndex(root, writer, entries, 2), root, writer, prefix))?.folders, undefined);
	// The first screen reads the head only, stamps or not.
	t.is(parseIndexHead(text, 2, root, writer, prefix)?.entries.length, 2);
	for (const bad of ['["news/2025","64768:13","17x","1"]', '["../up","1:2","1","1"]', '["a","1:2","1"]', '{}', 'not json']) {
		const broken = text.replace(JSON.stringify(['news/2025', '64768:13', '1700000000000000001', '1700000000000000002']), bad);
		const again = await parseIndex(broken, root, writer, prefix);
		t.is(again?.folders, undefined, bad);
		t.deepEqual(again?.entries, entries, bad);
	}

	// A stamp line missing is a truncated file.
	t.is(await parseIndex(text.split('\n').slice(0, -2).join('\n') + '\n', root, writer, prefix), undefined);
});
