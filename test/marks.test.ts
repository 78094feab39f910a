import {execFile} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import {promisify} from 'node:util';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {openMarks, type Marks, type MarksOptions} from '../source/io/marks/marks.js';
import {lockPathFor} from '../source/io/marks/lock.js';
import {peekReadMarks} from '../source/io/marks/peek.js';
import {positionLimit} from '../source/core/marks/positions.js';

const isRoot = process.getuid?.() === 0;
const helper = fileURLToPath(new URL('helpers/mark-read.ts', import.meta.url));
const v1Fixture = fileURLToPath(new URL('fixtures/marks/config-v1.json', import.meta.url));
const run = promisify(execFile);

function temporaryDirectory(prefix: string): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A config directory that does not exist yet, and a store root. */
function setup(): {configDirectory: string; storeRoot: string; open: (options?: Partial<MarksOptions>) => Marks} {
	const configDirectory = path.join(temporaryDirectory('inkwire-config-'), 'inkwire');
	const storeRoot = temporaryDirectory('inkwire-store-');
	return {configDirectory, storeRoot, open: options => openMarks({configDirectory, storeRoot, ...options})};
}

function readConfig(configDirectory: string): Record<string, any> {
	return JSON.parse(fs.readFileSync(path.join(configDirectory, 'config.json'), 'utf8')) as Record<string, any>;
}

function writeConfig(configDirectory: string, content: string): void {
	fs.mkdirSync(configDirectory, {recursive: true});
	fs.writeFileSync(path.join(configDirectory, 'config.json'), content);
}

/**
Wait for `predicate` (a background save, another process); the deadline only turns a hang into a failure. Keep the
predicate cheap (peekReadMarks, not openMarks): ava runs these tests side by side in one process.
*/
async function waitFor(predicate: () => boolean, what: string | (() => string)): Promise<void> {
	const deadline = Date.now() + 60_000;
	while (!predicate()) {
		if (Date.now() > deadline) {
			throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
		}

		// eslint-disable-next-line no-await-in-loop
		await delay(20);
	}
}

function leftovers(configDirectory: string): string[] {
	return fs.readdirSync(configDirectory).filter(name => name !== 'config.json');
}

test('opening creates no file; marks persist across a new openMarks; no lock is left', t => {
	const {configDirectory, open} = setup();
	const marks = open();
	t.is(marks.path, path.join(configDirectory, 'config.json'));
	t.true(marks.canSave);
	t.deepEqual(marks.warnings, []);
	t.false(fs.existsSync(marks.path));
	marks.setRead(['world/a', 'b.c/with.dots', 'x'], true);
	t.true(marks.isRead('world/a'));
	t.is(marks.version, 1);
	marks.setRead(['x'], false);
	t.is(marks.version, 2);
	t.true(marks.flush());
	const again = open();
	t.true(again.isRead('world/a'));
	t.true(again.isRead('b.c/with.dots'));
	t.false(again.isRead('x'));
	t.false(again.isRead('world'));
	t.false(fs.existsSync(lockPathFor(marks.path)));
	t.deepEqual(leftovers(configDirectory), []);
});

test('setting what is already set changes no version', t => {
	const {open} = setup();
	const marks = open();
	marks.setRead(['a'], true);
	const {version} = marks;
	marks.setRead(['a'], true);
	marks.setSaved(['a'], false);
	marks.setPosition('a', undefined);
	t.is(marks.version, version);
});

test('a change is in memory at once and on disk a moment later, without flush', async t => {
	const {configDirectory, storeRoot, open} = setup();
	const marks = open();
	marks.setRead(['a', 'b'], true);
	marks.setSaved(['c'], true);
	t.true(marks.isRead('a'));
	t.false(open().isRead('a'), 'not saved on the caller\'s path');
	await waitFor(() => peekReadMarks(configDirectory, storeRoot)?.isRead('b') ?? false, () => `the background save (${marks.warnings.join('; ')})`);
	t.true(open().isSaved('c'));
	t.false(marks.refresh(), 'its own save is not a change from outside');
});

test('marks belong to a store: the same id in another store is not marked; a symlink to the store shares them', t => {
	const {configDirectory, storeRoot} = setup();
	const other = temporaryDirectory('inkwire-store-');
	const link = path.join(temporaryDirectory('inkwire-link-'), 'news');
	fs.symlinkSync(storeRoot, link);
	const first = openMarks({configDirectory, storeRoot});
	first.setRead(['a'], true);
	first.setSaved(['a'], true);
	first.setPosition('a', 0.25);
	t.true(first.flush());
	const second = openMarks({configDirectory, storeRoot: other});
	t.false(second.isRead('a'));
	t.false(second.isSaved('a'));
	t.is(second.position('a'), undefined);
	second.setRead(['b'], true);
	t.true(second.flush());
	const viaLink = openMarks({configDirectory, storeRoot: link});
	t.is(viaLink.storeKey, fs.realpathSync(storeRoot));
	t.true(viaLink.isRead('a'));
	t.false(viaLink.isRead('b'));
	t.deepEqual(Object.keys(readConfig(configDirectory).marks.stores).sort(), [fs.realpathSync(storeRoot), fs.realpathSync(other)].sort());
	t.true(peekReadMarks(configDirectory, storeRoot)!.isRead('a'));
	t.false(peekReadMarks(configDirectory, other)!.isRead('a'));
});

test('saved marks and reading positions persist; 1 (finished) and undefined clear a position', t => {
	const {open} = setup();
	const marks = open();
	marks.setSaved(['s1', 's2'], true);
	marks.setPosition('p', 0.4);
	marks.setPosition('done', 0.9);
	marks.setPosition('done', 1);
	marks.setPosition('gone', 0.5);
	marks.setPosition('gone', undefined);
	marks.setPosition('nan', Number.NaN);
	t.true(marks.flush());
	const again = open();
	t.true(again.isSaved('s1') && again.isSaved('s2'));
	t.false(again.isRead('s1'), 'saved is not read');
	t.true(Math.abs(again.position('p')! - 0.4) < 1 / 60_000);
	t.is(again.position('done'), undefined);
	t.is(again.position('gone'), undefined);
	t.is(again.position('nan'), undefined);
	again.setSaved(['s1'], false);
	t.true(again.flush());
	t.false(open().isSaved('s1'));
});

test(`positions are bounded: the most recent ${positionLimit} are kept`, t => {
	const {open} = setup();
	const marks = open();
	for (let index = 0; index <= positionLimit; index++) {
		marks.setPosition(`article-${index}`, 0.5);
	}

	// Setting an old one again makes it recent; one more new one then pushes out the oldest, article-2.
	marks.setPosition('article-1', 0.75);
	marks.setPosition('article-new', 0.5);
	t.true(marks.flush());
	const again = open();
	t.is(again.position('article-0'), undefined);
	t.is(again.position('article-2'), undefined);
	t.true(Math.abs(again.position('article-1')! - 0.75) < 1 / 60_000);
	t.true(again.position(`article-${positionLimit}`)! > 0);
});

test('format 1 (one read set for every store) is migrated to the first store opened, other settings kept', t => {
	const {configDirectory, storeRoot} = setup();
	writeConfig(configDirectory, fs.readFileSync(v1Fixture, 'utf8'));
	t.true(peekReadMarks(configDirectory, storeRoot)!.isRead('a'), 'the first paint sees format 1 too');
	const first = openMarks({configDirectory, storeRoot});
	t.deepEqual(first.warnings, []);
	t.true(first.isRead('a'));
	t.true(first.isRead('harbour-2024-12-24-market'));
	t.true(first.isRead('world/asharq-al-awsat-2020-06-26-russia-syria-national-unity'));
	t.false(first.isRead('b'));
	const config = readConfig(configDirectory);
	t.is(config['read'], undefined, 'format 1 is gone from the file');
	t.is(config['theme'], 'kept as is');
	t.is(config.marks.version, 2);
	t.is(config.marks.stores[fs.realpathSync(storeRoot)].read.count, 3);
	const other = openMarks({configDirectory, storeRoot: temporaryDirectory('inkwire-store-')});
	t.false(other.isRead('a'), 'a second store starts with none');
	t.true(openMarks({configDirectory, storeRoot}).isRead('a'));
});

test('format 1 in a read-only config directory: marks show, the file is left as it was', t => {
	if (isRoot) {
		t.pass('root writes through chmod 555');
		return;
	}

	const {configDirectory, storeRoot} = setup();
	const text = fs.readFileSync(v1Fixture, 'utf8');
	writeConfig(configDirectory, text);
	fs.chmodSync(configDirectory, 0o555);
	t.teardown(() => {
		fs.chmodSync(configDirectory, 0o755);
	});
	const marks = openMarks({configDirectory, storeRoot});
	t.false(marks.canSave);
	t.true(marks.isRead('a'));
	t.is(fs.readFileSync(path.join(configDirectory, 'config.json'), 'utf8'), text);
});

for (const [name, content] of [
	['truncated JSON', '{"marks": {"version": 2, "sto'],
	['not JSON', 'hello'],
	['wrong shape', '{"read": "yes"}'],
	['wrong shape of a store', '{"marks": {"version": 2, "stores": {"/x": {"read": 7}}}}'],
] as const) {
	test(`a corrupt config (${name}) is moved aside with one warning, and marks start fresh`, t => {
		const {configDirectory, open} = setup();
		writeConfig(configDirectory, content);
		const marks = open();
		t.is(marks.warnings.length, 1);
		const aside = fs.readdirSync(configDirectory).find(file => file.startsWith('config.json.corrupt-'));
		t.truthy(aside);
		t.is(fs.readFileSync(path.join(configDirectory, aside!), 'utf8'), content);
		t.true(marks.warnings[0]!.includes(path.join(configDirectory, aside!)));
		t.false(marks.warnings[0]!.includes('\n'));
		t.true(marks.canSave);
		marks.setRead(['a'], true);
		t.true(marks.flush());
		const again = open();
		t.true(again.isRead('a'));
		t.deepEqual(again.warnings, []);
	});
}

test('a config that fails its consistency checks is reported once, kept aside, and the marks that pass are kept', t => {
	const {configDirectory, storeRoot, open} = setup();
	const good = open();
	good.setRead(['a', 'b'], true);
	good.setSaved(['s'], true);
	t.true(good.flush());
	const config = readConfig(configDirectory);
	const entry = config.marks.stores[fs.realpathSync(storeRoot)];
	// The read count lies, and the saved set has junk that Buffer's base64 decoder would skip without a word.
	entry.read.count = 7;
	entry.saved.data = `${entry.saved.data.slice(0, 2)}!${entry.saved.data.slice(2)}`;
	const damaged = JSON.stringify(config);
	writeConfig(configDirectory, damaged);
	t.is(peekReadMarks(configDirectory, storeRoot), undefined, 'the first paint does not trust it either');
	const marks = open();
	t.is(marks.warnings.length, 1);
	t.regex(marks.warnings[0]!, /failed its consistency checks \(read marks say 7, hold 2; saved marks are not canonical base64\)/);
	const aside = fs.readdirSync(configDirectory).find(file => file.startsWith('config.json.inconsistent-'));
	t.is(fs.readFileSync(path.join(configDirectory, aside!), 'utf8'), damaged);
	t.true(marks.isRead('a') && marks.isRead('b'));
	t.false(marks.isSaved('s'));
	t.deepEqual(open().warnings, [], 'repaired: said once');
	t.true(open().isRead('b'));
});

test('reading positions out of range fail the checks too', t => {
	const {configDirectory, storeRoot, open} = setup();
	const bytes = Buffer.alloc(18);
	bytes.writeUInt32LE(12_345, 0);
	bytes.writeUInt16LE(30_000, 7);
	bytes.writeUInt32LE(678, 9);
	// 65,535 would mean "at the end", which is never stored.
	bytes.writeUInt16LE(65_535, 16);
	writeConfig(configDirectory, JSON.stringify({marks: {version: 2, stores: {[fs.realpathSync(storeRoot)]: {positions: {count: 2, data: bytes.toString('base64')}}}}}));
	const marks = open();
	t.regex(marks.warnings[0] ?? '', /1 reading position is out of range/);
});

test('marks of a later format are neither read nor overwritten nor moved aside', t => {
	const {configDirectory, open} = setup();
	const text = '{"marks": {"version": 3, "stores": "something new"}}';
	writeConfig(configDirectory, text);
	const marks = open();
	t.false(marks.canSave);
	t.regex(marks.warnings[0] ?? '', /format 3, and this inkwire knows format 2/);
	marks.setRead(['a'], true);
	t.false(marks.flush());
	t.is(fs.readFileSync(path.join(configDirectory, 'config.json'), 'utf8'), text);
});

test('an uncreatable config directory: reading works, nothing is saved, nothing throws', t => {
	const base = temporaryDirectory('inkwire-config-');
	fs.writeFileSync(path.join(base, 'file'), '');
	const marks = openMarks({configDirectory: path.join(base, 'file', 'inkwire'), storeRoot: base});
	t.false(marks.canSave);
	t.is(marks.warnings.length, 1);
	t.regex(marks.warnings[0]!, /^marks cannot be saved: /);
	t.false(marks.isRead('a'));
	t.notThrows(() => {
		marks.setRead(['a'], true);
	});
	t.true(marks.isRead('a'));
	t.false(marks.flush());
	t.false(marks.refresh());
});

test('a read-only config directory: marks load, canSave is false', t => {
	if (isRoot) {
		t.pass('root writes through chmod 555; the uncreatable-directory test covers canSave there');
		return;
	}

	const {configDirectory, open} = setup();
	const first = open();
	first.setRead(['a'], true);
	t.true(first.flush());
	fs.chmodSync(configDirectory, 0o555);
	t.teardown(() => {
		fs.chmodSync(configDirectory, 0o755);
	});
	const marks = open();
	t.true(marks.isRead('a'));
	t.false(marks.canSave);
	t.regex(marks.warnings[0] ?? '', /^marks cannot be saved: /);
	marks.setRead(['b'], true);
	t.true(marks.isRead('b'));
	t.false(open().isRead('b'));
});

test('refresh sees marks written by another process with one stat, and saving keeps them', async t => {
	const {configDirectory, storeRoot, open} = setup();
	const marks = open();
	marks.setRead(['mine'], true);
	t.true(marks.flush());
	t.false(marks.refresh());
	await run(process.execPath, ['--import=tsx', helper, configDirectory, storeRoot, 'other', '3']);
	const before = marks.version;
	t.true(marks.refresh());
	t.true(marks.version > before);
	t.true(marks.isRead('other-2'));
	t.false(marks.refresh());
	marks.setRead(['mine-2'], true);
	t.true(marks.flush());
	const fresh = open();
	t.true(fresh.isRead('other-0') && fresh.isRead('mine') && fresh.isRead('mine-2'));
});

test('a save merges into what is on disk: another writer\'s marks are kept, unmarks apply', t => {
	const {open} = setup();
	const first = open();
	const second = open();
	first.setRead(['a', 'b'], true);
	t.true(first.flush());
	second.setRead(['c'], true);
	second.setRead(['a'], false);
	second.setSaved(['c'], true);
	t.true(second.flush());
	first.setRead(['d'], true);
	first.setPosition('d', 0.5);
	t.true(first.flush());
	const result = open();
	t.deepEqual(['a', 'b', 'c', 'd'].map(id => result.isRead(id)), [false, true, true, true]);
	t.true(result.isSaved('c'));
	t.truthy(result.position('d'));
	t.true(first.isRead('c'));
	t.false(first.isRead('a'));
});

test('6 processes marking 30 ids each at the same time: all 180 marks kept', async t => {
	const {configDirectory, storeRoot, open} = setup();
	const start = Date.now() + 1500;
	const workers = [0, 1, 2, 3, 4, 5];
	const results = await Promise.all(workers.map(async worker =>
		run(process.execPath, ['--import=tsx', helper, configDirectory, storeRoot, `worker${worker}`, '30', String(start)])));
	t.deepEqual(results.map(result => result.stderr), workers.map(() => ''));
	const marks = open();
	let kept = 0;
	for (const worker of workers) {
		for (let index = 0; index < 30; index++) {
			kept += marks.isRead(`worker${worker}-${index}`) ? 1 : 0;
		}
	}

	t.log(`${kept} of 180 marks kept`);
	t.is(kept, 180);
});

test('kill -9 during saves: the file stays valid, no confirmed mark is lost, and the next save leaves no stray files', async t => {
	const {configDirectory, storeRoot, open} = setup();
	const seed = open();
	// Enough marks that a save takes a while, so that some kills land inside one.
	seed.setRead(Array.from({length: 20_000}, (_, index) => `seed-${index}`), true);
	t.true(seed.flush());
	const confirmed: string[] = [];
	for (let round = 0; round < 12; round++) {
		const child = execFile(process.execPath, ['--import=tsx', helper, configDirectory, storeRoot, `round${round}`, '100000']);
		let output = '';
		child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
			output += chunk;
		});
		// eslint-disable-next-line no-await-in-loop
		await waitFor(() => output.split('\n').length > 3 + (round % 5), 'the child to save a few marks');
		child.kill('SIGKILL');
		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => child.on('close', resolve));
		// Only complete lines: the id was printed after its save returned.
		confirmed.push(...output.split('\n').slice(0, -1));
	}

	const marks = open();
	t.deepEqual(marks.warnings, []);
	t.is(confirmed.filter(id => !marks.isRead(id)).length, 0, 'every confirmed mark is there');
	t.true(marks.isRead('seed-19999'));
	marks.setRead(['after'], true);
	t.true(marks.flush());
	t.deepEqual(leftovers(configDirectory), [], 'no config.json.tmp-* and no lock left');
	t.log(`${confirmed.length} confirmed marks across 12 kills`);
});

test('a stale lock left by a dead process is taken over', t => {
	const {open} = setup();
	const marks = open();
	const lock = lockPathFor(marks.path);
	fs.mkdirSync(lock, {recursive: true});
	// A pid far above pid_max on Linux and macOS: certainly not running.
	fs.writeFileSync(path.join(lock, 'owner'), `99999999\n${os.hostname()}\n0123456789abcdef\n`);
	marks.setRead(['a'], true);
	t.true(marks.flush());
	t.deepEqual(marks.warnings, []);
	t.true(open().isRead('a'));
	t.false(fs.existsSync(lock));
});

test('a lock left with an empty owner file (a full disk) is taken over, not waited for until it is 10 s old', t => {
	const {open} = setup();
	// A lock timeout far below the 10 s stale age: before the fix this save failed as "held by another process".
	const marks = open({lock: {timeoutMs: 100}});
	const lock = lockPathFor(marks.path);
	fs.mkdirSync(lock, {recursive: true});
	fs.writeFileSync(path.join(lock, 'owner'), '');
	const twoSecondsAgo = new Date(Date.now() - 2000);
	fs.utimesSync(lock, twoSecondsAgo, twoSecondsAgo);
	marks.setRead(['a'], true);
	t.true(marks.flush(), marks.warnings.join('; '));
	t.true(open().isRead('a'));
	t.false(fs.existsSync(lock));
});

test('a busy lock: flush fails with a warning and keeps the change; the next flush writes it', t => {
	const {open} = setup();
	const marks = open({lock: {timeoutMs: 50}});
	const lock = lockPathFor(marks.path);
	fs.mkdirSync(lock, {recursive: true});
	fs.writeFileSync(path.join(lock, 'owner'), `${process.pid}\n${os.hostname()}\n0123456789abcdef\n`);
	marks.setRead(['a'], true);
	t.false(marks.flush());
	t.true(marks.isRead('a'));
	t.regex(marks.warnings[0] ?? '', new RegExp(`^marks cannot be saved: .*held by process ${process.pid}`));
	t.false(open().isRead('a'));
	fs.rmSync(lock, {recursive: true});
	marks.setRead(['b'], true);
	t.true(marks.flush());
	const fresh = open();
	t.true(fresh.isRead('a') && fresh.isRead('b'));
});

test('a background save never waits on a busy lock: it tries again later and gets there', async t => {
	const {configDirectory, storeRoot, open} = setup();
	const marks = open({saveDelayMs: 1});
	const lock = lockPathFor(marks.path);
	fs.mkdirSync(lock, {recursive: true});
	fs.writeFileSync(path.join(lock, 'owner'), `${process.pid}\n${os.hostname()}\n0123456789abcdef\n`);
	marks.setRead(['a'], true);
	// The event loop runs while the lock is busy: this timer fires although a save is due.
	await delay(50);
	t.false(open().isRead('a'));
	fs.rmSync(lock, {recursive: true});
	await waitFor(() => peekReadMarks(configDirectory, storeRoot)?.isRead('a') ?? false, 'the retried save');
	t.deepEqual(marks.warnings, []);
});

test('flush while a background save waits for its fsync takes it over: everything saved, no stray file, no lock', async t => {
	const {configDirectory, open} = setup();
	const marks = open({saveDelayMs: 0});
	marks.setRead(['a'], true);
	let isFlushed = false;
	// Timers of the same delay fire in order: the background save starts (and awaits its write), then this runs.
	await new Promise<void>(resolve => {
		setTimeout(() => {
			marks.setRead(['b'], true);
			isFlushed = marks.flush();
			resolve();
		}, 0);
	});
	t.true(isFlushed);
	const fresh = open();
	t.true(fresh.isRead('a') && fresh.isRead('b'));
	await delay(100);
	t.deepEqual(leftovers(configDirectory), []);
	t.true(open().isRead('b'));
});

test('changes not saved yet are flushed when the process exits, also through process.exit', async t => {
	const {configDirectory, storeRoot, open} = setup();
	const script = (exit: string) => `
		import {openMarks} from ${JSON.stringify(path.resolve('source/io/marks/marks.ts'))};
		const marks = openMarks({configDirectory: ${JSON.stringify(configDirectory)}, storeRoot: ${JSON.stringify(storeRoot)}, saveDelayMs: 60_000});
		marks.setRead(['${exit}'], true);
		${exit === 'exit' ? 'process.exit(0);' : ''}
	`;
	for (const exit of ['natural', 'exit']) {
		// eslint-disable-next-line no-await-in-loop
		await run(process.execPath, ['--import=tsx', '--input-type=module', '-e', script(exit)]);
	}

	const marks = open();
	t.true(marks.isRead('natural'));
	t.true(marks.isRead('exit'));
});

test('a symlinked config.json stays a symlink: saves write through to its target', t => {
	const {configDirectory, open} = setup();
	const dotfiles = temporaryDirectory('inkwire-dotfiles-');
	const target = path.join(dotfiles, 'inkwire.json');
	fs.writeFileSync(target, '{"theme": "mine"}');
	fs.mkdirSync(configDirectory, {recursive: true});
	fs.symlinkSync(path.relative(configDirectory, target), path.join(configDirectory, 'config.json'));
	const marks = open();
	marks.setRead(['a'], true);
	t.true(marks.flush());
	t.true(fs.lstatSync(path.join(configDirectory, 'config.json')).isSymbolicLink());
	const written = JSON.parse(fs.readFileSync(target, 'utf8')) as Record<string, unknown>;
	t.is(written['theme'], 'mine');
	t.true(open().isRead('a'));
	t.deepEqual(fs.readdirSync(dotfiles), ['inkwire.json'], 'no temporary file or lock left beside the target');
});

test('a save keeps the file\'s permissions', t => {
	const {configDirectory, open} = setup();
	writeConfig(configDirectory, '{}');
	fs.chmodSync(path.join(configDirectory, 'config.json'), 0o600);
	const marks = open();
	marks.setRead(['a'], true);
	t.true(marks.flush());
	t.is(fs.statSync(path.join(configDirectory, 'config.json')).mode & 0o777, 0o600);
});

test('stray config.json.tmp-* files of dead writers are removed by the next save; a live writer\'s are left', t => {
	const {configDirectory, open} = setup();
	writeConfig(configDirectory, '{}');
	const dead = path.join(configDirectory, 'config.json.tmp-99999999-abcdef');
	const foreign = path.join(configDirectory, 'config.json.tmp-17390000000001234');
	const live = path.join(configDirectory, `config.json.tmp-${process.ppid}-abcdef`);
	for (const file of [dead, foreign, live]) {
		fs.writeFileSync(file, '{"half": ');
	}

	const marks = open();
	marks.setRead(['a'], true);
	t.true(marks.flush());
	t.false(fs.existsSync(dead));
	t.false(fs.existsSync(foreign));
	t.true(fs.existsSync(live));
});
