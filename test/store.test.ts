import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {scanStore, type StoreScan} from '../source/io/store/scan.js';
import {loadArticle, parseArticleText} from '../source/io/store/load-article.js';
import {indexPathFor, readFirstScreen} from '../source/io/store/index-cache.js';
import {generateArticle, toMarkdown} from '../bench/corpus.js';

const fixture = fileURLToPath(new URL('fixtures/store', import.meta.url));
const isRoot = process.getuid?.() === 0;

/** A fresh copy of the fixture store and an empty cache directory. */
function makeStore(): {root: string; cache: string} {
	const base = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-store-'));
	const root = path.join(base, 'store');
	fs.cpSync(fixture, root, {recursive: true});
	// Made here rather than in git: node_modules is ignored by git, and hidden fixtures are easy to lose.
	fs.mkdirSync(path.join(root, 'node_modules/pkg'), {recursive: true});
	fs.writeFileSync(path.join(root, 'node_modules/pkg/readme.md'), '# Not an article\n');
	fs.mkdirSync(path.join(root, '.hidden'));
	fs.writeFileSync(path.join(root, '.hidden/secret.md'), '# Hidden\n');
	return {root, cache: path.join(base, 'cache')};
}

async function scan(root: string, cache: string): Promise<{result: StoreScan; parsed: string[]}> {
	const parsed: string[] = [];
	const result = await scanStore(root, {cacheDirectory: cache, onParse: relativePath => parsed.push(relativePath)});
	return {result, parsed};
}

function reasonOf(result: StoreScan, relativePath: string): string | undefined {
	return result.skipped.find(file => file.path === path.join(result.root, relativePath))?.reason;
}

test('scans nested folders and both formats, newest first, first duplicate by path order wins', async t => {
	const {root, cache} = makeStore();
	const {result} = await scan(root, cache);
	t.deepEqual(result.articles.map(article => article.id), ['world/deep/gamma', 'world/alpha', 'same', 'latin1', 'world/beta']);
	t.is(result.articles[1]!.path, path.join(root, 'dup/one.md'));
	t.is(result.articles[1]!.title, 'Alpha again, first by path order');
	t.is(result.articles[4]!.title, 'Beta headline');
	t.is(reasonOf(result, 'world/alpha.md'), 'duplicate id (kept dup/one.md)');
	t.is(reasonOf(result, 'same.txt'), 'duplicate id (kept same.md)');
	t.false(result.articles.some(article => article.path.includes('node_modules') || article.path.includes('.hidden')));
});

test('empty, binary and invalid UTF-8 files are skipped or warned about, never fatal', async t => {
	const {root, cache} = makeStore();
	const {result} = await scan(root, cache);
	t.is(reasonOf(result, 'empty.md'), 'empty file');
	t.is(reasonOf(result, 'binary.txt'), 'binary file');
	t.deepEqual(result.warnings, ['latin1.md: invalid UTF-8 replaced with U+FFFD']);
	t.is(result.articles.find(article => article.id === 'latin1')?.title, 'Caf\uFFFD latin-1');
	t.is(reasonOf(result, 'notes.json'), undefined);
});

test('files over 5 MB are skipped without being parsed', async t => {
	const {root, cache} = makeStore();
	fs.writeFileSync(path.join(root, 'huge.md'), Buffer.alloc((5 * 1024 * 1024) + 1, 'a'));
	const {result, parsed} = await scan(root, cache);
	t.is(reasonOf(result, 'huge.md'), 'larger than 5 MB');
	t.true(parsed.includes('huge.md'));
	t.false(result.articles.some(article => article.id === 'huge'));
});

test('a symbolic link loop does not hang the scan, linked folders inside the store are followed, outside ones not', async t => {
	const {root, cache} = makeStore();
	fs.symlinkSync('..', path.join(root, 'world/deep/loop'));
	fs.symlinkSync(path.join(root, 'world/deep'), path.join(root, 'linked'));
	fs.symlinkSync(path.join(root, 'missing.md'), path.join(root, 'broken.md'));
	const outside = path.join(path.dirname(root), 'outside');
	fs.mkdirSync(outside);
	fs.writeFileSync(path.join(outside, 'far.md'), '# Far away\n\nLinked in from outside.\n');
	fs.symlinkSync(outside, path.join(root, 'elsewhere'));
	const {result} = await scan(root, cache);
	t.false(result.articles.some(article => article.id === 'elsewhere/far'));
	t.is(reasonOf(result, 'elsewhere'), 'symbolic link that leads out of the store');
	// `linked` is the same real folder as world/deep: the real one is kept, whatever order readdir gives.
	t.deepEqual(result.articles.filter(article => article.title === 'Gamma falls').map(article => article.id), ['world/deep/gamma']);
	t.is(reasonOf(result, 'linked'), 'link to a folder already scanned');
	t.is(reasonOf(result, 'world/deep/loop'), 'link to a folder already scanned');
	t.is(reasonOf(result, 'broken.md'), 'broken symbolic link');
});

test('an unreadable file is skipped with a reason', async t => {
	const {root, cache} = makeStore();
	const file = path.join(root, 'world/beta.txt');
	fs.chmodSync(file, 0o000);
	const {result} = await scan(root, cache);
	if (isRoot) {
		// Root reads through chmod 000 (as in CI): nothing to observe but that the scan went through.
		t.true(result.articles.some(article => article.id === 'world/beta'));
	} else {
		t.is(reasonOf(result, 'world/beta.txt'), 'permission denied');
	}
});

test('a second scan parses nothing and gives the same result', async t => {
	const {root, cache} = makeStore();
	const first = await scan(root, cache);
	t.true(first.parsed.length >= 8);
	t.true(fs.existsSync(indexPathFor(fs.realpathSync(root), cache)));
	const indexStats = fs.statSync(indexPathFor(fs.realpathSync(root), cache));
	const second = await scan(root, cache);
	t.deepEqual(second.parsed, []);
	t.deepEqual(second.result, first.result);
	// Nothing changed, so the index was not rewritten.
	t.is(fs.statSync(indexPathFor(fs.realpathSync(root), cache)).mtimeMs, indexStats.mtimeMs);
});

test('the index is invalidated per file by mtime and by size; removed files are dropped', async t => {
	const {root, cache} = makeStore();
	await scan(root, cache);
	const gamma = path.join(root, 'world/deep/gamma.md');
	fs.utimesSync(gamma, new Date('2030-01-01'), new Date('2030-01-01'));
	const touched = await scan(root, cache);
	t.deepEqual(touched.parsed, ['world/deep/gamma.md']);

	// Same mtime, other size: still noticed.
	const {mtime} = fs.statSync(gamma);
	fs.writeFileSync(gamma, '---\ntitle: Gamma rewritten\ndate: 2023-01-01\n---\n\nLonger gamma body now.\n');
	fs.utimesSync(gamma, mtime, mtime);
	const resized = await scan(root, cache);
	t.deepEqual(resized.parsed, ['world/deep/gamma.md']);
	t.is(resized.result.articles.find(article => article.id === 'world/deep/gamma')?.title, 'Gamma rewritten');

	// Removing the kept duplicate brings the other file with that id back.
	fs.rmSync(path.join(root, 'dup/one.md'));
	const removed = await scan(root, cache);
	t.deepEqual(removed.parsed, []);
	t.is(removed.result.articles.find(article => article.id === 'world/alpha')?.title, 'Alpha rises');
	t.is(reasonOf(removed.result, 'world/alpha.md'), undefined);
	t.deepEqual((await scan(root, cache)).parsed, []);
});

test('cached skips and warnings are reported again on a warm scan', async t => {
	const {root, cache} = makeStore();
	const first = await scan(root, cache);
	const second = await scan(root, cache);
	t.deepEqual(second.parsed, []);
	t.deepEqual(second.result.skipped, first.result.skipped);
	t.deepEqual(second.result.warnings, first.result.warnings);
});

test('a corrupt or truncated index is rebuilt, never fatal', async t => {
	const {root, cache} = makeStore();
	const first = await scan(root, cache);
	const indexFile = indexPathFor(fs.realpathSync(root), cache);
	const text = fs.readFileSync(indexFile, 'utf8');
	fs.writeFileSync(indexFile, text.slice(0, text.length / 2));
	const truncated = await scan(root, cache);
	t.deepEqual(truncated.parsed.sort(), first.parsed.sort());
	t.deepEqual(truncated.result, first.result);
	fs.writeFileSync(indexFile, 'not json at all');
	t.deepEqual((await scan(root, cache)).result, first.result);
	t.deepEqual((await scan(root, cache)).parsed, []);
});

test('readFirstScreen gives the first screen of the last scan without touching the files', async t => {
	const {root, cache} = makeStore();
	t.is(readFirstScreen(root, 3, cache), undefined);
	const {result} = await scan(root, cache);
	t.deepEqual(readFirstScreen(root, 3, cache), {articles: result.articles.slice(0, 3), total: 5});
	t.deepEqual(readFirstScreen(root, 100, cache)?.articles, result.articles);
	fs.writeFileSync(indexPathFor(fs.realpathSync(root), cache), '[{"format":"something else"}\n]\n');
	t.is(readFirstScreen(root, 3, cache), undefined);
});

test('a file deleted between scan and load gives a one-line error', async t => {
	const {root, cache} = makeStore();
	const {result} = await scan(root, cache);
	const gamma = result.articles.find(article => article.id === 'world/deep/gamma')!;
	t.is(loadArticle(gamma.path, gamma.id).title, 'Gamma falls');
	t.is(loadArticle(gamma.path, gamma.id).body.trim(), 'Gamma body.');
	fs.rmSync(gamma.path);
	const error = t.throws(() => loadArticle(gamma.path, gamma.id));
	t.is(error?.message, `cannot read ${gamma.path}: no such file`);
	t.false(error?.message.includes('\n'));
	t.throws(() => loadArticle(path.join(root, 'binary.txt'), 'binary'), {message: /binary file$/});
});

test('a file deleted during the scan is skipped', async t => {
	const {root, cache} = makeStore();
	let deleted = false;
	const result = await scanStore(root, {
		cacheDirectory: cache,
		onProgress() {
			// The first progress call comes after the walk listed the files and before any is read.
			if (!deleted) {
				fs.rmSync(path.join(root, 'world/beta.txt'));
				deleted = true;
			}
		},
	});
	t.is(reasonOf(result, 'world/beta.txt'), 'deleted during the scan');
});

test('progress ends at total, and an aborted signal stops the scan', async t => {
	const {root, cache} = makeStore();
	const calls: Array<[number, number]> = [];
	await scanStore(root, {cacheDirectory: cache, onProgress: (done, total) => calls.push([done, total])});
	t.deepEqual(calls.at(-1), [9, 9]);
	const controller = new AbortController();
	controller.abort(new Error('stop'));
	await t.throwsAsync(scanStore(root, {cacheDirectory: cache, signal: controller.signal}), {message: 'stop'});
});

test('a missing store is a one-line user error', async t => {
	await t.throwsAsync(scanStore('/nonexistent/inkwire-store'), {name: 'UserError', message: /^cannot open the store \/nonexistent\/inkwire-store: /});
});

test('an unwritable cache gives a warning, not a failure', async t => {
	const {root} = makeStore();
	const blocker = path.join(path.dirname(root), 'blocker');
	fs.writeFileSync(blocker, '');
	const result = await scanStore(root, {cacheDirectory: path.join(blocker, 'cache')});
	t.is(result.articles.length, 5);
	t.true(result.warnings.some(warning => warning.startsWith('index cache not saved')));
});

test('parseArticleText picks the format from a name', t => {
	const markdown = parseArticleText('\uFEFF---\ntitle: From stdin\n---\n\nBody.\n', 'stdin.md', 'stdin');
	t.is(markdown.title, 'From stdin');
	t.is(markdown.id, 'stdin');
	const text = parseArticleText('Plain headline\n\nBody.\n', 'page.txt', 'page');
	t.is(text.title, 'Plain headline');
});

/** The fixture store plus `count` generated articles and copies of the hostile and raw fixtures. */
function makeLargeStore(count: number): {root: string; cache: string} {
	const store = makeStore();
	fs.mkdirSync(path.join(store.root, 'generated'));
	for (let index = 0; index < count; index++) {
		const article = generateArticle(3, index);
		fs.writeFileSync(path.join(store.root, 'generated', `${index}.md`), toMarkdown(article));
	}

	for (const folder of ['hostile', 'raw', 'markdown']) {
		fs.cpSync(fileURLToPath(new URL(`fixtures/${folder}`, import.meta.url)), path.join(store.root, folder), {recursive: true});
	}

	return store;
}

test('worker threads parse exactly what one thread parses, index included', async t => {
	const {root, cache} = makeLargeStore(600);
	// No settle time: both scans record the folders' stamps, however long the store took to write.
	const single = await scanStore(root, {cacheDirectory: cache, parseThreads: 1, settleMs: 0});
	const singleIndex = fs.readFileSync(indexPathFor(fs.realpathSync(root), cache), 'utf8');
	fs.rmSync(cache, {recursive: true});
	const progress: Array<[number, number]> = [];
	const threaded = await scanStore(root, {cacheDirectory: cache, parseThreads: 3, settleMs: 0, onProgress: (done, total) => progress.push([done, total])});
	t.deepEqual(threaded, single);
	t.is(fs.readFileSync(indexPathFor(fs.realpathSync(root), cache), 'utf8'), singleIndex);
	t.true(single.articles.length > 600);
	// Progress never goes back and ends at the total.
	t.true(progress.every(([done], index) => index === 0 || done >= progress[index - 1]![0]));
	t.deepEqual(progress.at(-1), [progress[0]![1], progress[0]![1]]);
});

test('a warm scan that checks the files in a worker finds the same changes as one that does not', async t => {
	const {root, cache} = makeLargeStore(300);
	await scanStore(root, {cacheDirectory: cache, parseThreads: 1});
	const touched = path.join(root, 'generated/7.md');
	fs.writeFileSync(touched, '---\ntitle: Rewritten seven\n---\n\nNew body.\n');
	fs.rmSync(path.join(root, 'generated/8.md'));
	const indexFile = indexPathFor(fs.realpathSync(root), cache);
	const index = fs.readFileSync(indexFile);
	const parsedInWorker: string[] = [];
	const threaded = await scanStore(root, {cacheDirectory: cache, parseThreads: 2, onParse: file => parsedInWorker.push(file)});
	fs.writeFileSync(indexFile, index);
	const parsedHere: string[] = [];
	const single = await scanStore(root, {cacheDirectory: cache, parseThreads: 1, onParse: file => parsedHere.push(file)});
	t.deepEqual(threaded, single);
	t.deepEqual(parsedInWorker, ['generated/7.md']);
	t.deepEqual(parsedHere, ['generated/7.md']);
	t.is(threaded.articles.find(article => article.id === 'generated/7')?.title, 'Rewritten seven');
	t.false(threaded.articles.some(article => article.id === 'generated/8'));
});

test('a warm scan reads an all-ASCII index and one with other characters alike', async t => {
	for (const title of ['Plain title', 'Café “quoted” 東京']) {
		const base = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-store-'));
		const root = path.join(base, 'store');
		fs.mkdirSync(root);
		fs.writeFileSync(path.join(root, 'one.md'), `---\ntitle: ${title}\ndate: 2024-01-01\n---\n\nBody.\n`);
		fs.writeFileSync(path.join(root, 'two.md'), '# Second\n\nAnother body.\n');
		const cache = path.join(base, 'cache');
		const first = await scan(root, cache);
		const second = await scan(root, cache);
		t.deepEqual(second.parsed, []);
		t.deepEqual(second.result, first.result);
		t.is(second.result.articles[0]?.title, title);
	}
});
