import {execFile} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {openReadState} from '../source/io/marks/read-state.js';
import {lockPathFor} from '../source/io/marks/lock.js';

const isRoot = process.getuid?.() === 0;
const helper = fileURLToPath(new URL('helpers/mark-read.ts', import.meta.url));
const run = promisify(execFile);

function makeDirectory(): string {
	return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-config-')), 'inkwire');
}

test('opening creates nothing; setRead persists across a new openReadState', t => {
	const cwd = makeDirectory();
	const state = openReadState({cwd});
	t.is(state.path, path.join(cwd, 'config.json'));
	t.true(state.canSave);
	t.deepEqual(state.warnings, []);
	t.false(fs.existsSync(state.path));
	state.setRead(['world/a', 'b.c/with.dots', 'x'], true);
	t.true(state.isRead('world/a'));
	t.is(state.version, 1);
	state.setRead(['x'], false);
	t.is(state.version, 2);
	const again = openReadState({cwd});
	t.true(again.isRead('world/a'));
	t.true(again.isRead('b.c/with.dots'));
	t.false(again.isRead('x'));
	t.false(again.isRead('world'));
	t.false(fs.existsSync(lockPathFor(state.path)));
});

test('setting what is already set changes no version', t => {
	const state = openReadState({cwd: makeDirectory()});
	state.setRead(['a'], true);
	const {version} = state;
	state.setRead(['a'], true);
	t.is(state.version, version);
});

for (const [name, content] of [
	['truncated JSON', '{"read": {"version": 1, "cou'],
	['not JSON', 'hello'],
	['wrong shape', '{"read": "yes"}'],
	['undecodable marks', '{"read": {"version": 1, "count": 1, "hashes": "gA"}}'],
	['wrong count', '{"read": {"version": 1, "count": 7, "hashes": "AQ"}}'],
] as const) {
	test(`a corrupt config (${name}) is moved aside with a warning, and marks start fresh`, t => {
		const cwd = makeDirectory();
		fs.mkdirSync(cwd, {recursive: true});
		fs.writeFileSync(path.join(cwd, 'config.json'), content);
		const state = openReadState({cwd});
		t.is(state.warnings.length, 1);
		const aside = fs.readdirSync(cwd).find(file => file.startsWith('config.json.corrupt-'));
		t.truthy(aside);
		t.is(fs.readFileSync(path.join(cwd, aside!), 'utf8'), content);
		t.true(state.warnings[0]!.includes(path.join(cwd, aside!)));
		t.false(state.warnings[0]!.includes('\n'));
		t.true(state.canSave);
		state.setRead(['a'], true);
		t.true(openReadState({cwd}).isRead('a'));
	});
}

test('an uncreatable config directory: reading works, nothing is saved, setRead does not throw', t => {
	const base = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-config-'));
	fs.writeFileSync(path.join(base, 'file'), '');
	const state = openReadState({cwd: path.join(base, 'file', 'inkwire')});
	t.false(state.canSave);
	t.is(state.warnings.length, 1);
	t.regex(state.warnings[0]!, /^read marks cannot be saved: /);
	t.false(state.isRead('a'));
	t.notThrows(() => {
		state.setRead(['a'], true);
	});
	t.true(state.isRead('a'));
	t.false(state.refresh());
});

test('a read-only config directory: marks load, canSave is false', t => {
	if (isRoot) {
		// Root writes through chmod 555 (as in CI); the uncreatable-directory test covers canSave there.
		t.pass();
		return;
	}

	const cwd = makeDirectory();
	openReadState({cwd}).setRead(['a'], true);
	fs.chmodSync(cwd, 0o555);
	t.teardown(() => {
		fs.chmodSync(cwd, 0o755);
	});
	const state = openReadState({cwd});
	t.true(state.isRead('a'));
	t.false(state.canSave);
	t.regex(state.warnings[0] ?? '', /^read marks cannot be saved: /);
	state.setRead(['b'], true);
	t.true(state.isRead('b'));
	t.false(openReadState({cwd}).isRead('b'));
});

test('refresh picks up marks written by another process, and saving keeps them', async t => {
	const cwd = makeDirectory();
	const state = openReadState({cwd});
	state.setRead(['mine'], true);
	t.false(state.refresh());
	await run(process.execPath, ['--import=tsx', helper, cwd, 'other', '3']);
	const before = state.version;
	t.true(state.refresh());
	t.true(state.version > before);
	t.true(state.isRead('other-2'));
	t.false(state.refresh());
	state.setRead(['mine-2'], true);
	const fresh = openReadState({cwd});
	t.true(fresh.isRead('other-0') && fresh.isRead('mine') && fresh.isRead('mine-2'));
});

test('a save merges into what is on disk: another writer\'s marks are kept, unmarks apply', t => {
	const cwd = makeDirectory();
	const first = openReadState({cwd});
	const second = openReadState({cwd});
	first.setRead(['a', 'b'], true);
	second.setRead(['c'], true);
	second.setRead(['a'], false);
	first.setRead(['d'], true);
	const result = openReadState({cwd});
	t.deepEqual(['a', 'b', 'c', 'd'].map(id => result.isRead(id)), [false, true, true, true]);
	t.true(first.isRead('c'));
	t.false(first.isRead('a'));
});

test('4 processes marking 25 ids each at the same time: all 100 marks kept', async t => {
	const cwd = makeDirectory();
	const start = Date.now() + 1500;
	const results = await Promise.all([0, 1, 2, 3].map(async worker =>
		run(process.execPath, ['--import=tsx', helper, cwd, `worker${worker}`, '25', String(start)])));
	t.deepEqual(results.map(result => result.stderr), ['', '', '', '']);
	const state = openReadState({cwd});
	let kept = 0;
	for (const worker of [0, 1, 2, 3]) {
		for (let index = 0; index < 25; index++) {
			kept += state.isRead(`worker${worker}-${index}`) ? 1 : 0;
		}
	}

	t.log(`${kept} of 100 marks kept`);
	t.is(kept, 100);
});

test('a stale lock left by a dead process is taken over', t => {
	const cwd = makeDirectory();
	const state = openReadState({cwd});
	const lock = lockPathFor(state.path);
	fs.mkdirSync(lock, {recursive: true});
	// A pid far above pid_max on Linux and macOS: certainly not running.
	fs.writeFileSync(path.join(lock, 'owner'), `99999999\n${os.hostname()}\nsometoken\n`);
	state.setRead(['a'], true);
	t.deepEqual(state.warnings, []);
	t.true(openReadState({cwd}).isRead('a'));
	t.false(fs.existsSync(lock));
});

test('a busy lock leaves the change pending with a warning; the next save writes it', t => {
	const cwd = makeDirectory();
	const state = openReadState({cwd, lock: {timeoutMs: 50}});
	const lock = lockPathFor(state.path);
	fs.mkdirSync(lock, {recursive: true});
	fs.writeFileSync(path.join(lock, 'owner'), `${process.pid}\n${os.hostname()}\nsometoken\n`);
	state.setRead(['a'], true);
	t.true(state.isRead('a'));
	t.regex(state.warnings[0] ?? '', new RegExp(`^read marks not saved yet: .*held by process ${process.pid}`));
	t.false(openReadState({cwd}).isRead('a'));
	fs.rmSync(lock, {recursive: true});
	state.setRead(['b'], true);
	const fresh = openReadState({cwd});
	t.true(fresh.isRead('a') && fresh.isRead('b'));
});

test('setReadSoon changes memory at once and saves on the next turn', async t => {
	const cwd = makeDirectory();
	const state = openReadState({cwd});
	state.setReadSoon(['a', 'b'], true);
	state.setReadSoon(['c'], true);
	t.true(state.isRead('a'));
	t.false(openReadState({cwd}).isRead('a'), 'not on disk yet');
	await new Promise(resolve => {
		setImmediate(resolve);
	});
	const reopened = openReadState({cwd});
	t.deepEqual(['a', 'b', 'c'].map(id => reopened.isRead(id)), [true, true, true]);
});
