import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import test from 'ava';
import {cliEnvironment, cliPath, fixtureStore, makeHome, root, runCli, runCliAsync} from './helpers/cli.js';

const seedId = 'world/asharq-al-awsat-2020-06-26-russia-syria-national-unity';

/** The ids `inkwire list` shows as read. */
function readIds(env: NodeJS.ProcessEnv): string[] {
	const result = runCli(['list'], {env});
	return result.stdout.trimEnd().split('\n').filter(line => line.split('\t')[2] === 'read').map(line => line.split('\t')[0]!);
}

/** A store of `count` small Markdown articles `article-000.md`... */
function makeStore(count: number): {store: string; ids: string[]} {
	const store = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-store-'));
	const ids = Array.from({length: count}, (_, index) => `article-${String(index).padStart(3, '0')}`);
	for (const [index, id] of ids.entries()) {
		fs.writeFileSync(path.join(store, `${id}.md`), `---\ntitle: Article ${index}\ndate: 2025-01-${String(1 + (index % 28)).padStart(2, '0')}\n---\n\nBody ${index}.\n`);
	}

	return {store, ids};
}

test('a corrupt config is moved aside with one message, and inkwire goes on with a fresh state', t => {
	const home = makeHome();
	const env = cliEnvironment(home, {INKWIRE_DATA: fixtureStore});
	const directory = path.join(home.config, 'inkwire');
	fs.mkdirSync(directory, {recursive: true});
	const damaged = '{"read": {"version": 1, "count": 3, "hashes": "AAEC';
	fs.writeFileSync(path.join(directory, 'config.json'), damaged);
	const first = runCli(['list'], {env});
	t.is(first.status, 0, first.stderr);
	t.is(first.stdout.trimEnd().split('\n').length, 4);
	t.regex(first.stderr, /^inkwire: config file was invalid \([^\n]*\) and was moved aside to .*config\.json\.corrupt-[^\n]+; starting with no marks\n$/);
	const aside = fs.readdirSync(directory).filter(name => name.startsWith('config.json.corrupt-'));
	t.is(aside.length, 1);
	t.is(fs.readFileSync(path.join(directory, aside[0]!), 'utf8'), damaged, 'what the user had is kept');
	t.is(runCli(['read', seedId], {env}).status, 0);
	const second = runCli(['list'], {env});
	t.is(second.stderr, '', 'said once');
	t.regex(second.stdout, new RegExp(`^${seedId}\\t2020-06-26\\tread\\t`, 'm'));
});

test('a config of the wrong shape is moved aside too', t => {
	const home = makeHome();
	const env = cliEnvironment(home, {INKWIRE_DATA: fixtureStore});
	fs.mkdirSync(path.join(home.config, 'inkwire'), {recursive: true});
	fs.writeFileSync(path.join(home.config, 'inkwire/config.json'), '{"read": "every article"}');
	const result = runCli(['list'], {env});
	t.is(result.status, 0);
	t.regex(result.stderr, /moved aside/);
});

test('without a usable config directory, reading works and marking says it cannot be saved', t => {
	const home = makeHome();
	const blocker = path.join(home.home, 'not-a-directory');
	fs.writeFileSync(blocker, 'a file where the config directory should be');
	const env = cliEnvironment({config: blocker, cache: home.cache}, {INKWIRE_DATA: fixtureStore});
	const list = runCli(['list'], {env});
	t.is(list.status, 0);
	t.is(list.stdout.trimEnd().split('\n').length, 4);
	t.regex(list.stderr, /marks cannot be saved/);
	const read = runCli(['read', seedId], {env});
	t.is(read.status, 1);
	t.regex(read.stderr, /marks cannot be saved/);
	t.notRegex(read.stderr, /\n\s+at /);
});

test('four processes marking 100 different articles at once keep all 100 marks', async t => {
	const home = makeHome();
	const {store, ids} = makeStore(100);
	const env = cliEnvironment(home, {INKWIRE_DATA: store});
	t.is(runCli(['list'], {env}).status, 0, 'the index is built before the race');
	const workers = [0, 1, 2, 3].map(async worker => {
		for (const id of ids.slice(worker * 25, worker * 25 + 25)) {
			// One process per mark: the most writers racing for the file.
			// eslint-disable-next-line no-await-in-loop
			const result = await runCliAsync(['read', id], {env});
			if (result.status !== 0) {
				throw new Error(`read ${id}: ${result.stderr}`);
			}
		}
	});
	await Promise.all(workers);
	const read = readIds(env).length;
	t.log(`${read} of 100 marks kept`);
	t.is(read, 100);
});

test('format 1 marks (inkwire 0.1) go to the first store opened; another store with the same ids starts unread', t => {
	const home = makeHome();
	fs.mkdirSync(path.join(home.config, 'inkwire'), {recursive: true});
	fs.copyFileSync(path.join(root, 'test/fixtures/marks/config-v1.json'), path.join(home.config, 'inkwire/config.json'));
	const env = cliEnvironment(home, {INKWIRE_DATA: fixtureStore});
	const first = runCli(['list'], {env});
	t.is(first.stderr, '');
	t.deepEqual(readIds(env).sort(), ['harbour-2024-12-24-market', seedId]);
	const config = JSON.parse(fs.readFileSync(path.join(home.config, 'inkwire/config.json'), 'utf8')) as Record<string, any>;
	t.is(config['read'], undefined);
	t.is(config['theme'], 'kept as is');
	t.deepEqual(Object.keys(config.marks.stores), [fs.realpathSync(fixtureStore)]);
	const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-store-'));
	fs.cpSync(fixtureStore, copy, {recursive: true});
	t.deepEqual(readIds(cliEnvironment(home, {INKWIRE_DATA: copy})), []);
	t.deepEqual(readIds(env).sort(), ['harbour-2024-12-24-market', seedId]);
});

test('a.md read in one store is not read in another store with its own a.md; --data through a symlink is the same store', t => {
	const home = makeHome();
	const first = makeStore(2);
	const second = makeStore(2);
	const link = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-link-')), 'news');
	fs.symlinkSync(first.store, link);
	const environmentOf = (store: string) => cliEnvironment(home, {INKWIRE_DATA: store});
	t.is(runCli(['read', 'article-000'], {env: environmentOf(first.store)}).status, 0);
	t.deepEqual(readIds(environmentOf(first.store)), ['article-000']);
	t.deepEqual(readIds(environmentOf(second.store)), []);
	t.deepEqual(readIds(environmentOf(link)), ['article-000']);
	const shown = JSON.parse(runCli(['show', 'article-000', '--format', 'json'], {env: environmentOf(second.store)}).stdout) as {read: boolean};
	t.false(shown.read);
});

test('a config that fails its consistency checks is reported once, and the marks that pass are kept', t => {
	const home = makeHome();
	const env = cliEnvironment(home, {INKWIRE_DATA: fixtureStore});
	t.is(runCli(['read', seedId], {env}).status, 0);
	const file = path.join(home.config, 'inkwire/config.json');
	const config = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, any>;
	config.marks.stores[fs.realpathSync(fixtureStore)].read.count = 2;
	fs.writeFileSync(file, JSON.stringify(config));
	const first = runCli(['list'], {env});
	t.is(first.status, 0);
	t.regex(first.stderr, /^inkwire: [^\n]*config\.json failed its consistency checks \(read marks say 2, hold 1\); a copy is kept at [^\n]*config\.json\.inconsistent-[^\n]+\n$/);
	t.regex(first.stdout, new RegExp(`^${seedId}\\t2020-06-26\\tread\\t`, 'm'));
	t.is(runCli(['list'], {env}).stderr, '', 'said once');
});

test('a symlinked config.json stays a symlink when inkwire marks', t => {
	const home = makeHome();
	const dotfiles = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-dotfiles-'));
	fs.writeFileSync(path.join(dotfiles, 'inkwire.json'), '{}');
	fs.mkdirSync(path.join(home.config, 'inkwire'), {recursive: true});
	const link = path.join(home.config, 'inkwire/config.json');
	fs.symlinkSync(path.join(dotfiles, 'inkwire.json'), link);
	const env = cliEnvironment(home, {INKWIRE_DATA: fixtureStore});
	t.is(runCli(['read', seedId], {env}).status, 0);
	t.true(fs.lstatSync(link).isSymbolicLink());
	t.deepEqual(readIds(env), [seedId]);
	t.regex(fs.readFileSync(path.join(dotfiles, 'inkwire.json'), 'utf8'), /"marks"/);
});

test('a lock left with an empty owner file (disk full) does not make inkwire read fail', t => {
	const home = makeHome();
	const env = cliEnvironment(home, {INKWIRE_DATA: fixtureStore});
	const lock = path.join(home.config, 'inkwire/config.json.lock');
	fs.mkdirSync(lock, {recursive: true});
	fs.writeFileSync(path.join(lock, 'owner'), '');
	const aMinuteAgo = new Date(Date.now() - 60_000);
	fs.utimesSync(lock, aMinuteAgo, aMinuteAgo);
	// Before: "held by another process" after waiting 3 s, for as long as the lock was younger than 10 s.
	const result = runCli(['read', seedId], {env});
	t.is(result.status, 0, result.stderr);
	t.is(result.stderr, '');
	t.false(fs.existsSync(lock));
	t.deepEqual(readIds(env), [seedId]);
});

test('kill -9 of inkwire read at any moment: the config stays valid, every mark reported saved is kept, no stray files', async t => {
	const home = makeHome();
	const {store, ids} = makeStore(40);
	const env = cliEnvironment(home, {INKWIRE_DATA: store});
	t.is(runCli(['list'], {env}).status, 0);
	// How long one `inkwire read` lives here, so that the kills spread over the whole of it.
	const started = performance.now();
	t.is((await runCliAsync(['read', ids.at(-1)!], {env})).status, 0);
	const lifetime = performance.now() - started;
	const confirmed: string[] = [ids.at(-1)!];
	for (const [round, id] of ids.slice(0, -1).entries()) {
		const child = spawn(process.execPath, [cliPath, 'read', id], {env, stdio: 'ignore'});
		const exit = new Promise<number | null>(resolve => {
			child.on('close', resolve);
		});
		// Every third process runs to its end (its mark must be kept); the others are killed at a moment spread over a
		// process's life: start-up, the index look-up, the save.
		if (round % 3 !== 0) {
			// eslint-disable-next-line no-await-in-loop
			const outcome = await Promise.race([exit, delay(lifetime * (0.2 + (round / ids.length))).then(() => 'kill' as const)]);
			if (outcome === 'kill') {
				child.kill('SIGKILL');
			}
		}

		// eslint-disable-next-line no-await-in-loop
		if (await exit === 0) {
			confirmed.push(id);
		}
	}

	const list = runCli(['list'], {env});
	t.is(list.status, 0);
	t.is(list.stderr, '', 'the config is valid: nothing moved aside');
	const read = new Set(readIds(env));
	t.deepEqual(confirmed.filter(id => !read.has(id)), [], 'no mark that was reported saved is lost');
	t.is(runCli(['read', ids[0]!], {env}).status, 0);
	t.deepEqual(fs.readdirSync(path.join(home.config, 'inkwire')), ['config.json'], 'no config.json.tmp-* and no lock left');
	t.log(`${confirmed.length} of ${ids.length} processes finished, ${ids.length - confirmed.length} killed (one lives ${Math.round(lifetime)} ms)`);
});
