/*
The warm scan's shortcut (scan.ts): when every folder keeps the stamp the index recorded, the store is not walked, but
every file is still checked. Each test makes a change and expects the very next scan to show it.
*/
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import test from 'ava';
import {indexPathFor} from '../source/io/store/index-cache.js';
import {scanStore, type StoreScan} from '../source/io/store/scan.js';

/** Folders must have been still this long to be stamped: short for the tests, and far above any mtime tick here. */
const settleMs = 50;

function article(title: string, date: string): string {
	return `---\ntitle: ${title}\ndate: ${date}\n---\n\nBody of ${title}.\n`;
}

/** A store of three articles in nested folders that has been still for longer than `settleMs`. */
async function makeStore(): Promise<{root: string; cache: string}> {
	const base = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-shortcut-'));
	const root = path.join(base, 'store');
	fs.mkdirSync(path.join(root, 'news/2025'), {recursive: true});
	fs.writeFileSync(path.join(root, 'top.md'), article('Top', '2025-01-03'));
	fs.writeFileSync(path.join(root, 'news/one.md'), article('One', '2025-01-02'));
	fs.writeFileSync(path.join(root, 'news/2025/two.md'), article('Two', '2025-01-01'));
	await settle();
	return {root, cache: path.join(base, 'cache')};
}

async function settle(): Promise<void> {
	await sleep(settleMs * 3);
}

async function scan(root: string, cache: string, options: {settleMs?: number} = {settleMs}): Promise<{result: StoreScan; parsed: string[]}> {
	const parsed: string[] = [];
	const result = await scanStore(root, {cacheDirectory: cache, onParse: relativePath => parsed.push(relativePath), ...options});
	return {result, parsed};
}

const titles = (result: StoreScan) => result.articles.map(meta => meta.title);

/** A store whose index has its folder stamps, checked by one scan that took the shortcut. */
async function makeWarmStore(): Promise<{root: string; cache: string; first: StoreScan}> {
	const {root, cache} = await makeStore();
	const first = await scan(root, cache);
	const second = await scan(root, cache);
	if (!second.result.fromIndex || second.parsed.length > 0) {
		throw new Error('the second scan of a still store did not take the shortcut');
	}

	return {root, cache, first: first.result};
}

test('a still store is not walked again: same articles, nothing parsed, the index not rewritten', async t => {
	const {root, cache, first} = await makeWarmStore();
	const indexFile = indexPathFor(fs.realpathSync(root), cache);
	const before = fs.statSync(indexFile).mtimeMs;
	const warm = await scan(root, cache);
	t.true(warm.result.fromIndex);
	t.deepEqual(warm.parsed, []);
	t.deepEqual(warm.result.articles, first.articles);
	t.deepEqual(titles(warm.result), ['Top', 'One', 'Two']);
	t.is(fs.statSync(indexFile).mtimeMs, before);
});

test('an article edited in place (its folder unchanged) is read again on the next scan', async t => {
	const {root, cache} = await makeWarmStore();
	const file = path.join(root, 'news/2025/two.md');
	const folder = fs.statSync(path.dirname(file), {bigint: true});
	fs.writeFileSync(file, article('Two, edited in place', '2025-01-01'));
	// The point of the test: the folder did not change, only the file.
	const after = fs.statSync(path.dirname(file), {bigint: true});
	t.is(after.mtimeNs, folder.mtimeNs);
	t.is(after.ctimeNs, folder.ctimeNs);
	const next = await scan(root, cache);
	t.falsy(next.result.fromIndex);
	t.deepEqual(next.parsed, ['news/2025/two.md']);
	t.deepEqual(titles(next.result), ['Top', 'One', 'Two, edited in place']);
});

test('an edit that keeps the size is seen by its mtime', async t => {
	const {root, cache} = await makeWarmStore();
	const file = path.join(root, 'top.md');
	fs.writeFileSync(file, article('Pot', '2025-01-03'));
	fs.utimesSync(file, new Date('2030-01-01'), new Date('2030-01-01'));
	const next = await scan(root, cache);
	t.deepEqual(next.parsed, ['top.md']);
	t.is(titles(next.result)[0], 'Pot');
});

test('added, removed and renamed articles and a new folder show on the next scan', async t => {
	const {root, cache} = await makeWarmStore();
	fs.writeFileSync(path.join(root, 'news/2025/three.md'), article('Three', '2025-01-04'));
	t.deepEqual(titles((await scan(root, cache)).result), ['Three', 'Top', 'One', 'Two']);

	fs.rmSync(path.join(root, 'news/one.md'));
	t.deepEqual(titles((await scan(root, cache)).result), ['Three', 'Top', 'Two']);

	fs.renameSync(path.join(root, 'top.md'), path.join(root, 'renamed.md'));
	const renamed = await scan(root, cache);
	t.deepEqual(renamed.result.articles.map(meta => meta.id), ['news/2025/three', 'renamed', 'news/2025/two']);

	fs.mkdirSync(path.join(root, 'news/2025/deeper'));
	fs.writeFileSync(path.join(root, 'news/2025/deeper/four.md'), article('Four', '2025-01-05'));
	t.deepEqual(titles((await scan(root, cache)).result), ['Four', 'Three', 'Top', 'Two']);

	// Once the folders are still again the shortcut comes back, with the new files.
	await settle();
	await scan(root, cache);
	const warm = await scan(root, cache);
	t.true(warm.result.fromIndex);
	t.deepEqual(titles(warm.result), ['Four', 'Three', 'Top', 'Two']);
});

test('a corrupt or wrongly typed entry makes the scan walk and read that file again, never crash', async t => {
	const {root, cache} = await makeWarmStore();
	const indexFile = indexPathFor(fs.realpathSync(root), cache);
	const text = fs.readFileSync(indexFile, 'utf8');
	const broken = text.replace(/^(news\/one\.md\t\t)\d+/m, '$1not-a-size');
	t.not(broken, text);
	fs.writeFileSync(indexFile, broken);
	const next = await scan(root, cache);
	t.falsy(next.result.fromIndex);
	t.deepEqual(next.parsed, ['news/one.md']);
	t.deepEqual(titles(next.result), ['Top', 'One', 'Two']);
	t.true(next.result.warnings.some(warning => warning.startsWith('index cache: 1 entry did not check out')));
});

test('a broken folder stamp costs only the shortcut', async t => {
	const {root, cache} = await makeWarmStore();
	const indexFile = indexPathFor(fs.realpathSync(root), cache);
	const lines = fs.readFileSync(indexFile, 'utf8').split('\n');
	lines[lines.length - 2] = '["news", 12]';
	fs.writeFileSync(indexFile, lines.join('\n'));
	const next = await scan(root, cache);
	t.falsy(next.result.fromIndex);
	t.deepEqual(next.parsed, []);
	t.deepEqual(titles(next.result), ['Top', 'One', 'Two']);
	// Rewritten with good stamps.
	t.true((await scan(root, cache)).result.fromIndex);
});

test('a folder replaced by another with the same files is walked again', async t => {
	const {root, cache} = await makeWarmStore();
	fs.renameSync(path.join(root, 'news/2025'), path.join(root, 'old-2025'));
	fs.mkdirSync(path.join(root, 'news/2025'));
	fs.renameSync(path.join(root, 'old-2025/two.md'), path.join(root, 'news/2025/two.md'));
	fs.rmdirSync(path.join(root, 'old-2025'));
	const next = await scan(root, cache);
	t.falsy(next.result.fromIndex);
	t.deepEqual(titles(next.result), ['Top', 'One', 'Two']);
});

test('a store with a symbolic link, or a folder that changed just before the walk, is always walked', async t => {
	const {root, cache} = await makeStore();
	fs.symlinkSync(path.join(root, 'news'), path.join(root, 'linked'));
	await settle();
	await scan(root, cache);
	const linked = await scan(root, cache);
	t.falsy(linked.result.fromIndex);

	// With the default settle time, a store made a moment ago is not stamped.
	const fresh = await makeStore();
	await scan(fresh.root, fresh.cache, {});
	t.falsy((await scan(fresh.root, fresh.cache, {})).result.fromIndex);
});

test('walk limits given by the caller are honoured: the stamps were taken with the defaults', async t => {
	const {root, cache} = await makeWarmStore();
	const limited = await scanStore(root, {cacheDirectory: cache, settleMs, maxDepth: 0});
	t.falsy(limited.fromIndex);
	t.deepEqual(limited.articles.map(meta => meta.title), ['Top']);
});
