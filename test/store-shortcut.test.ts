/*
The warm scan's shortcut (scan.ts): when every folder keeps the stamp the index recorded, the store is not walked, but
every file is still checked. Each test makes a change and expects the very next scan to show it.
*/
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import test from 'ava';
import {checkChunk, checkIndexInWorker, isCheckStopped, makeCheckControl} from '../source/io/store/check-task.js';
import {indexPathFor, indexWriter, readIndexBytes} from '../source/io/store/index-cache.js';
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

async function scan(root: string, cache: string, options: {settleMs?: number; parseThreads?: number} = {settleMs}): Promise<{result: StoreScan; parsed: string[]; walked: boolean}> {
	const parsed: string[] = [];
	let walked = false;
	const result = await scanStore(root, {cacheDirectory: cache, onParse: relativePath => parsed.push(relativePath), onWalk() {
		walked = true;
	}, ...options});
	return {result, parsed, walked};
}

const titles = (result: StoreScan) => result.articles.map(meta => meta.title);

/** A store whose index has its folder stamps, checked by one scan that took the shortcut. */
async function makeWarmStore(): Promise<{root: string; cache: string; first: StoreScan}> {
	const {root, cache} = await makeStore();
	const first = await scan(root, cache);
	const second = await scan(root, cache);
	if (second.walked || second.parsed.length > 0) {
		throw new Error('the second scan of a still store did not take the shortcut');
	}

	return {root, cache, first: first.result};
}

test('a still store is not walked again: same articles, nothing parsed, the index not rewritten', async t => {
	const {root, cache, first} = await makeWarmStore();
	const indexFile = indexPathFor(fs.realpathSync(root), cache);
	const before = fs.statSync(indexFile).mtimeMs;
	const warm = await scan(root, cache);
	t.false(warm.walked);
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
	t.true(next.walked);
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
	t.false(warm.walked);
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
	t.true(next.walked);
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
	t.true(next.walked);
	t.deepEqual(next.parsed, []);
	t.deepEqual(titles(next.result), ['Top', 'One', 'Two']);
	// Rewritten with good stamps.
	t.false((await scan(root, cache)).walked);
});

test('a folder replaced by another with the same files is walked again', async t => {
	const {root, cache} = await makeWarmStore();
	fs.renameSync(path.join(root, 'news/2025'), path.join(root, 'old-2025'));
	fs.mkdirSync(path.join(root, 'news/2025'));
	fs.renameSync(path.join(root, 'old-2025/two.md'), path.join(root, 'news/2025/two.md'));
	fs.rmdirSync(path.join(root, 'old-2025'));
	const next = await scan(root, cache);
	t.true(next.walked);
	t.deepEqual(titles(next.result), ['Top', 'One', 'Two']);
});

test('a store with a symbolic link, or a folder that changed just before the walk, is always walked', async t => {
	const {root, cache} = await makeStore();
	fs.symlinkSync(path.join(root, 'news'), path.join(root, 'linked'));
	await settle();
	await scan(root, cache);
	const linked = await scan(root, cache);
	t.true(linked.walked);

	// With the default settle time, a store made a moment ago is not stamped.
	const fresh = await makeStore();
	await scan(fresh.root, fresh.cache, {});
	t.true((await scan(fresh.root, fresh.cache, {})).walked);
});

test('walk limits given by the caller are honoured: the stamps were taken with the defaults', async t => {
	const {root, cache} = await makeWarmStore();
	let walked = false;
	const limited = await scanStore(root, {cacheDirectory: cache, settleMs, maxDepth: 0, onWalk() {
		walked = true;
	}});
	t.true(walked);
	t.deepEqual(limited.articles.map(meta => meta.title), ['Top']);
});

test('with a worker sharing the check, a still store takes the shortcut and an edit in place is still seen', async t => {
	const {root, cache} = await makeStore();
	// Enough entries that both threads claim chunks of them (check-task.ts claims 1,024 at a time).
	fs.mkdirSync(path.join(root, 'many'));
	for (let index = 0; index < 2500; index++) {
		fs.writeFileSync(path.join(root, 'many', `${index}.md`), article(`Many ${index}`, '2024-06-01'));
	}

	await settle();
	const options = {settleMs, parseThreads: 2};
	const first = await scan(root, cache, options);
	const warm = await scan(root, cache, options);
	t.false(warm.walked);
	t.deepEqual(warm.parsed, []);
	t.deepEqual(warm.result.articles, first.result.articles);

	// Late in the index (its articles are newest first, these are the oldest): in whichever thread's share it falls.
	for (const name of ['many/7.md', 'news/2025/two.md']) {
		fs.writeFileSync(path.join(root, name), article(`Edited ${name}`, '2020-01-01'));
		// eslint-disable-next-line no-await-in-loop
		const next = await scan(root, cache, options);
		t.true(next.walked);
		t.deepEqual(next.parsed, [name]);
		t.is(next.result.articles.at(-1)?.title, `Edited ${name}`);
	}
});

test('the worker side of the check goes through the index lines itself and stops at the first file that differs', async t => {
	const {root, cache} = await makeStore();
	fs.mkdirSync(path.join(root, 'many'));
	for (let index = 0; index < 2100; index++) {
		fs.writeFileSync(path.join(root, 'many', `${index}.md`), article(`Many ${index}`, '2024-06-01'));
	}

	await scan(root, cache, {settleMs: 0});
	const realRoot = fs.realpathSync(root);
	const check = (skipChunks = 0) => {
		const control = makeCheckControl();
		// Chunks the other thread claimed first are not this one's to check.
		control[0] = skipChunks;
		const bytes = readIndexBytes(realRoot, {cacheDirectory: cache, isShared: true})!;
		const answer = checkIndexInWorker({task: 'check', bytes, control, root: realRoot, writer: indexWriter(), context: {prefix: root + path.sep}});
		return {answer, isStopped: isCheckStopped(control)};
	};

	t.deepEqual(check(), {answer: {checked: 2103}, isStopped: false});
	t.deepEqual(check(1), {answer: {checked: 2103 - checkChunk}, isStopped: false});
	// The last entry of the index is in the third chunk.
	const lastEntry = fs.readFileSync(indexPathFor(realRoot, cache), 'utf8').split('\n')[2103]!.split('\t')[0]!;
	fs.writeFileSync(path.join(root, lastEntry), article('Edited in place', '2024-06-01'));
	const edited = check(2);
	t.true(edited.isStopped);
	t.true(edited.answer.checked < 2103 - (2 * checkChunk));
	// And an index for another store is not gone through at all.
	const control = makeCheckControl();
	t.deepEqual(checkIndexInWorker({task: 'check', bytes: readIndexBytes(realRoot, {cacheDirectory: cache, isShared: true})!, control, root: '/elsewhere', writer: indexWriter(), context: {prefix: root + path.sep}}), {checked: 0});
	t.true(isCheckStopped(control));
});
