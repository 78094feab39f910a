import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {generateArticle, toMarkdown} from '../bench/corpus.js';
import {scanStore, type StoreScan} from '../source/io/store/scan.js';
import {loadStoredArticle} from '../source/io/store/load-article.js';
import {indexPathFor, readIndex} from '../source/io/store/index-cache.js';

const isRoot = process.getuid?.() === 0;

function makeStore(files: Record<string, string> = {'kept.md': '# Kept\n\nBody.\n'}): {root: string; cache: string; base: string} {
	const base = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-hostile-store-'));
	const root = path.join(base, 'store');
	fs.mkdirSync(root);
	for (const [name, content] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(root, name)), {recursive: true});
		fs.writeFileSync(path.join(root, name), content);
	}

	return {root, cache: path.join(base, 'cache'), base};
}

function reasonOf(result: StoreScan, relativePath: string): string | undefined {
	return result.skipped.find(file => file.path === path.join(result.root, relativePath))?.reason;
}

function ids(result: StoreScan): string[] {
	return result.articles.map(article => article.id).sort();
}

async function listen(socketPath: string): Promise<net.Server> {
	return new Promise(resolve => {
		const server = net.createServer().listen(socketPath, () => {
			resolve(server);
		});
	});
}

test('FIFOs, sockets and devices with article names are skipped with a reason, never opened', async t => {
	const {root, cache} = makeStore();
	execFileSync('mkfifo', [path.join(root, 'pipe.md')]);
	fs.symlinkSync('pipe.md', path.join(root, 'link-to-pipe.md'));
	execFileSync('mkfifo', [path.join(root, 'not-an-article')]);
	const server = await listen(path.join(root, 'socket.txt'));
	t.teardown(() => server.close());
	if (isRoot) {
		execFileSync('mknod', [path.join(root, 'device.md'), 'c', '1', '3']);
	}

	for (const parseThreads of [1, 3]) {
		// eslint-disable-next-line no-await-in-loop
		const result = await scanStore(root, {cacheDirectory: cache, parseThreads});
		t.deepEqual(ids(result), ['kept']);
		t.is(reasonOf(result, 'pipe.md'), 'not a regular file (a FIFO)');
		t.is(reasonOf(result, 'link-to-pipe.md'), 'not a regular file (link to a FIFO)');
		t.is(reasonOf(result, 'socket.txt'), 'not a regular file (a socket)');
		t.is(reasonOf(result, 'not-an-article'), undefined);
		if (isRoot) {
			t.is(reasonOf(result, 'device.md'), 'not a regular file (a device)');
		}
	}

	// A link out of the store to a device is not followed; when outside links are, it is still not opened.
	fs.symlinkSync('/dev/zero', path.join(root, 'zero.md'));
	t.is(reasonOf(await scanStore(root, {cacheDirectory: cache}), 'zero.md'), 'symbolic link that leads out of the store');
	t.is(reasonOf(await scanStore(root, {cacheDirectory: cache, followOutsideLinks: true}), 'zero.md'), 'not a regular file (link to a device)');
});

test('an article replaced by a FIFO after the scan fails to load at once, and the next scan skips it', async t => {
	const {root, cache} = makeStore({'kept.md': '# Kept\n\nBody.\n', 'other.md': '# Other\n\nBody.\n'});
	const first = await scanStore(root, {cacheDirectory: cache});
	const kept = first.articles.find(article => article.id === 'kept')!;
	fs.rmSync(kept.path);
	execFileSync('mkfifo', [kept.path]);
	t.throws(() => loadStoredArticle(kept), {name: 'UserError', message: `cannot read ${kept.path}: not a regular file (a FIFO)`});
	for (const parseThreads of [1, 2]) {
		// eslint-disable-next-line no-await-in-loop
		const again = await scanStore(root, {cacheDirectory: cache, parseThreads});
		t.deepEqual(ids(again), ['other']);
		t.is(reasonOf(again, 'kept.md'), 'not a regular file (a FIFO)');
	}
});

test('a link to / is not followed: the scan stays in the store', async t => {
	const {root, cache} = makeStore();
	fs.symlinkSync('/', path.join(root, 'root'));
	const result = await scanStore(root, {cacheDirectory: cache});
	t.deepEqual(ids(result), ['kept']);
	t.is(reasonOf(result, 'root'), 'symbolic link that leads out of the store');
	t.is(result.skipped.length, 1);
});

test('with outside links allowed, they are followed with the same loop protection', async t => {
	const {root, cache, base} = makeStore();
	const outside = path.join(base, 'outside');
	fs.mkdirSync(outside);
	fs.writeFileSync(path.join(outside, 'far.md'), '# Far away\n\nBody.\n');
	fs.symlinkSync(root, path.join(outside, 'back-to-the-store'));
	fs.symlinkSync(outside, path.join(root, 'elsewhere'));
	fs.symlinkSync(path.join(outside, 'far.md'), path.join(root, 'far-file.md'));
	const closed = await scanStore(root, {cacheDirectory: cache});
	t.deepEqual(ids(closed), ['kept']);
	t.is(reasonOf(closed, 'far-file.md'), 'symbolic link that leads out of the store');
	const open = await scanStore(root, {cacheDirectory: cache, followOutsideLinks: true});
	t.deepEqual(ids(open), ['elsewhere/far', 'far-file', 'kept']);
	t.is(reasonOf(open, 'elsewhere/back-to-the-store'), 'link to a folder already scanned');
});

test('links inside the store are followed, a loop of them is entered once', async t => {
	const {root, cache} = makeStore({'real/inner/one.md': '# One\n\nBody.\n'});
	fs.symlinkSync('../..', path.join(root, 'real/inner/up'));
	fs.symlinkSync('real/inner', path.join(root, 'alias'));
	fs.symlinkSync('real/inner/one.md', path.join(root, 'one-again.md'));
	const result = await scanStore(root, {cacheDirectory: cache});
	t.deepEqual(ids(result), ['one-again', 'real/inner/one']);
	t.is(reasonOf(result, 'alias'), 'link to a folder already scanned');
	t.is(reasonOf(result, 'real/inner/up'), 'link to a folder already scanned');
});

test('a name that is not valid UTF-8 is listed by its escaped name, loads, and stays in the index', async t => {
	const {root, cache} = makeStore();
	const raw = (...parts: Array<string | number[]>) => Buffer.concat([Buffer.from(root + '/'), ...parts.map(part => Buffer.from(part as never))]);
	fs.writeFileSync(raw('caf', [0xE9], '.md'), '# Café in Latin-1\n\nBody.\n');
	fs.mkdirSync(raw('folder', [0xFF]));
	fs.writeFileSync(raw('folder', [0xFF], '/inside.md'), '# Inside\n\nBody.\n');
	fs.writeFileSync(raw('bin', [0xFE], '.txt'), Buffer.from([0, 1, 2]));
	// Its escaped name would be that of the raw caf\xE9.md, so one of the two cannot be told apart and is skipped.
	fs.writeFileSync(path.join(root, 'caf%E9.md'), '# Literal percent\n\nBody.\n');
	const parsed: string[] = [];
	const first = await scanStore(root, {cacheDirectory: cache, onParse: file => parsed.push(file)});
	t.deepEqual(ids(first), ['caf%E9', 'folder%FF/inside', 'kept']);
	t.is(first.articles.find(article => article.id === 'caf%E9')?.title, 'Literal percent');
	t.is(reasonOf(first, 'caf%E9.md'), 'its escaped name is that of another file');
	t.is(reasonOf(first, 'bin%FE.txt'), 'binary file');
	t.false(first.skipped.some(file => file.reason === 'deleted during the scan'));
	const inside = first.articles.find(article => article.id === 'folder%FF/inside')!;
	t.is(inside.path, path.join(root, 'folder%FF/inside.md'));
	t.is(loadStoredArticle(inside).title, 'Inside');

	const warm: string[] = [];
	const second = await scanStore(root, {cacheDirectory: cache, onParse: file => warm.push(file)});
	t.deepEqual(warm, []);
	t.deepEqual(second, first);
	t.is(loadStoredArticle(second.articles.find(article => article.id === 'folder%FF/inside')!).body.trim(), 'Body.');
});

test('the walk is bounded in depth and entries, and deep trees do not recurse', async t => {
	const deep = Array.from({length: 200}, (_, index) => `d${index}`).join('/');
	const {root, cache} = makeStore({'top.md': '# Top\n\nBody.\n', 'a/b/c/d/deep.md': '# Deep\n\nBody.\n', [`${deep}/bottom.md`]: '# Bottom\n\nBody.\n'});
	const bounded = await scanStore(root, {cacheDirectory: cache, maxDepth: 3});
	t.deepEqual(ids(bounded), ['top']);
	t.is(reasonOf(bounded, 'a/b/c/d'), 'folder nested more than 3 deep');
	const byDefault = await scanStore(root, {cacheDirectory: cache});
	t.deepEqual(ids(byDefault), ['a/b/c/d/deep', 'top']);
	t.truthy(reasonOf(byDefault, deep.split('/').slice(0, 65).join('/')));
	const few = await scanStore(root, {cacheDirectory: cache, maxEntries: 2});
	t.true(few.warnings.includes('the store has more than 2 entries: the rest were not scanned'));
	t.true(few.articles.length <= 1);
});

test('an index entry of the wrong types is read again from its file, never trusted', async t => {
	const {root, cache} = makeStore({'one.md': '---\ntitle: One\ntags: [a, b]\n---\n\nBody.\n', 'two.md': '# Two\n\nBody.\n'});
	const first = await scanStore(root, {cacheDirectory: cache});
	const indexFile = indexPathFor(fs.realpathSync(root), cache);
	const text = fs.readFileSync(indexFile, 'utf8');
	t.true(text.includes('["a","b"]'));
	fs.writeFileSync(indexFile, text.replace('["a","b"]', '["a",2]'));
	const parsed: string[] = [];
	const second = await scanStore(root, {cacheDirectory: cache, onParse: file => parsed.push(file)});
	t.deepEqual(parsed, ['one.md']);
	t.deepEqual(second.articles, first.articles);
	t.deepEqual(second.warnings, ['index cache: 1 entry did not check out and were read again']);
	// The index was rewritten: the next scan trusts it again.
	const third: string[] = [];
	t.deepEqual((await scanStore(root, {cacheDirectory: cache, onParse: file => third.push(file)})).warnings, []);
	t.deepEqual(third, []);
});

test('an index entry for a path the walk does not find is never used, and is dropped from the index', async t => {
	const {root, cache} = makeStore();
	const first = await scanStore(root, {cacheDirectory: cache});
	const indexFile = indexPathFor(fs.realpathSync(root), cache);
	const text = fs.readFileSync(indexFile, 'utf8');
	const line = text.split('\n').find(candidate => candidate.startsWith('kept.md\t'))!;
	const forged = line.replace('kept.md', '../outside.md').replace('\t\tKept\t', '\tforged\tForged\t');
	fs.writeFileSync(indexFile, text.replace(line, `${forged}\n${line}`).replace('"articles":1,"entries":1', '"articles":1,"entries":2'));
	const forgedIndex = await readIndex(root, fs.realpathSync(root), {cacheDirectory: cache});
	t.deepEqual(forgedIndex?.entries.map(entry => entry.relativePath), ['../outside.md', 'kept.md']);
	const second = await scanStore(root, {cacheDirectory: cache});
	t.deepEqual(second, first);
	t.false(fs.readFileSync(indexFile, 'utf8').includes('outside'));
});

test('a FIFO where the index should be does not block the scan', async t => {
	const {root, cache} = makeStore();
	fs.mkdirSync(cache);
	execFileSync('mkfifo', [indexPathFor(fs.realpathSync(root), cache)]);
	const indexFile = indexPathFor(fs.realpathSync(root), cache);
	const result = await scanStore(root, {cacheDirectory: cache});
	t.deepEqual(ids(result), ['kept']);
	// The index took the FIFO's place.
	t.true(fs.statSync(indexFile).isFile());
});

/** A store of `count` generated articles. */
function makeGeneratedStore(count: number): {root: string; cache: string} {
	const files: Record<string, string> = {};
	for (let index = 0; index < count; index++) {
		files[`feed-${index % 7}/${index}.md`] = toMarkdown(generateArticle(5, index));
	}

	return makeStore(files);
}

test('an abort mid-scan stops it with the reason, ends the worker threads and writes no index', async t => {
	const {root, cache} = makeGeneratedStore(3000);
	const child = spawnSync(process.execPath, ['--import=tsx', fileURLToPath(new URL('helpers/abort-scan.ts', import.meta.url)), root, cache], {encoding: 'utf8', timeout: 60_000});
	t.is(child.status, 0, child.stderr);
	const match = /^aborted: stopped at (\d+) of (\d+)\n$/.exec(child.stdout);
	t.truthy(match, child.stdout);
	t.true(Number(match?.[1]) < Number(match?.[2]));
	t.is(match?.[2], '3000');
	t.false(fs.existsSync(indexPathFor(fs.realpathSync(root), cache)));
	// Nothing is left half done: a scan after it is complete.
	t.is((await scanStore(root, {cacheDirectory: cache})).articles.length, 3000);
});
