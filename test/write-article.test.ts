import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {scanStore} from '../source/io/store/scan.js';
import {writeArticle} from '../source/io/store/write-article.js';

function makeStore(): {root: string; base: string} {
	const base = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-write-'));
	return {root: path.join(base, 'store'), base};
}

const article = '---\ntitle: Fetched\ndate: 2025-01-02\n---\n\nBody.\n';

test('writes a new article, creating the store and the feed folder; the scan lists it', async t => {
	const {root, base} = makeStore();
	const written = writeArticle(root, 'harbour-news/2025-01-02-fetched.md', article);
	t.is(written, path.join(root, 'harbour-news/2025-01-02-fetched.md'));
	t.is(fs.readFileSync(written, 'utf8'), article);
	// No temporary file is left next to it.
	t.deepEqual(fs.readdirSync(path.join(root, 'harbour-news')), ['2025-01-02-fetched.md']);
	const scan = await scanStore(root, {cacheDirectory: path.join(base, 'cache')});
	t.deepEqual(scan.articles.map(item => [item.id, item.title]), [['harbour-news/2025-01-02-fetched', 'Fetched']]);
});

test('an existing file is replaced only when asked', t => {
	const {root} = makeStore();
	writeArticle(root, 'feed/item.md', article);
	t.throws(() => writeArticle(root, 'feed/item.md', '# Other\n'), {name: 'UserError', message: `cannot write ${path.join(root, 'feed/item.md')}: a file is already there`});
	t.is(fs.readFileSync(path.join(root, 'feed/item.md'), 'utf8'), article);
	writeArticle(root, 'feed/item.md', '# Updated\n\nBody.\n', {overwrite: true});
	t.is(fs.readFileSync(path.join(root, 'feed/item.md'), 'utf8'), '# Updated\n\nBody.\n');
	t.deepEqual(fs.readdirSync(path.join(root, 'feed')), ['item.md']);
});

test('paths that leave the store, hide, or are not articles are refused with one line', t => {
	const {root} = makeStore();
	const refused = {
		'../outside.md': 'not a plain relative path inside the store',
		'/etc/passwd.md': 'not a plain relative path inside the store',
		'feed/../../outside.md': 'not a plain relative path inside the store',
		'feed//double.md': 'not a plain relative path inside the store',
		'.hidden.md': 'not a plain relative path inside the store',
		'feed/.hidden/a.md': 'not a plain relative path inside the store',
		'back\\slash.md': 'not a plain relative path inside the store',
		'nul\u0000.md': 'not a plain relative path inside the store',
		'node_modules/a.md': 'the scan leaves node_modules out',
		[`${'x'.repeat(256)}.md`]: 'a name longer than 255 bytes',
		'feed/notes.json': 'not an article file name (.md, .markdown, .txt or .html)',
		'': 'not a plain relative path inside the store',
	};
	for (const [relativePath, reason] of Object.entries(refused)) {
		const error = t.throws(() => writeArticle(root, relativePath, article), {name: 'UserError'}, relativePath);
		t.true(error?.message.endsWith(`: ${reason}`), `${relativePath}: ${error?.message}`);
		t.false(error?.message.includes('\n'));
	}

	t.false(fs.existsSync(path.join(path.dirname(root), 'outside.md')));
});

test('a folder on the way that is a link out of the store is refused; one inside is followed', t => {
	const {root, base} = makeStore();
	const outside = path.join(base, 'outside');
	fs.mkdirSync(outside);
	fs.mkdirSync(path.join(root, 'real'), {recursive: true});
	fs.symlinkSync(outside, path.join(root, 'escape'));
	fs.symlinkSync('real', path.join(root, 'alias'));
	t.throws(() => writeArticle(root, 'escape/a.md', article), {message: /: escape leads out of the store$/});
	t.deepEqual(fs.readdirSync(outside), []);
	writeArticle(root, 'alias/a.md', article);
	t.true(fs.existsSync(path.join(root, 'real/a.md')));
	fs.writeFileSync(path.join(root, 'plain-file'), 'x');
	t.throws(() => writeArticle(root, 'plain-file/a.md', article), {message: /: plain-file is not a folder$|: a file is in the way of a folder$/});
});

test('content the scan would skip is refused', t => {
	const {root} = makeStore();
	t.throws(() => writeArticle(root, 'a.md', ''), {message: /: nothing to write$/});
	t.throws(() => writeArticle(root, 'a.md', Buffer.alloc((5 * 1024 * 1024) + 1, 0x61)), {message: /: larger than 5 MB$/});
	t.throws(() => writeArticle(root, 'a.md', Buffer.from([0x23, 0, 0x41])), {message: /: NUL bytes: the scan would skip it as binary$/});
	t.false(fs.existsSync(path.join(root, 'a.md')));
});

test('temporary files of writers killed in a write are removed when a write first comes to their folder; live and recent ones stay', t => {
	const {root} = makeStore();
	const folder = path.join(root, 'cleanup-feed');
	fs.mkdirSync(folder, {recursive: true});
	// A pid that no process has any more: a child that has exited.
	const deadPid = spawnSync(process.execPath, ['-e', '0']).pid!;
	const old = new Date(Date.now() - 10 * 60_000);
	const stale = path.join(folder, `.a.md.${deadPid}-0123abcd.tmp`);
	const recent = path.join(folder, `.b.md.${deadPid}-0123abce.tmp`);
	const live = path.join(folder, `.c.md.${process.pid}-0123abcf.tmp`);
	const other = path.join(folder, '.notes.tmp');
	for (const file of [stale, recent, live, other]) {
		fs.writeFileSync(file, 'half');
	}

	for (const file of [stale, live, other]) {
		fs.utimesSync(file, old, old);
	}

	writeArticle(root, 'cleanup-feed/2025-01-02-fetched.md', article);
	t.false(fs.existsSync(stale), 'an old file of a dead writer is removed');
	t.true(fs.existsSync(recent), 'a recent one may be a writer synced from elsewhere: kept');
	t.true(fs.existsSync(live), 'this process is alive: kept');
	t.true(fs.existsSync(other), 'a name this writer never makes: kept');
});
