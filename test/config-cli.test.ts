import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {cliEnvironment, fixtureStore, makeHome, runCli, runCliAsync} from './helpers/cli.js';

const seedId = 'world/asharq-al-awsat-2020-06-26-russia-syria-national-unity';

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
	t.regex(first.stderr, /^inkwire: config file was invalid and was moved aside to .*config\.json\.corrupt-[^\n]+\n$/);
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
	t.regex(list.stderr, /read marks cannot be saved/);
	const read = runCli(['read', seedId], {env});
	t.is(read.status, 1);
	t.regex(read.stderr, /read marks cannot be saved/);
	t.notRegex(read.stderr, /\n\s+at /);
});

test('four processes marking 100 different articles at once keep all 100 marks', async t => {
	const home = makeHome();
	const store = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-store-'));
	const ids = Array.from({length: 100}, (_, index) => `article-${String(index).padStart(3, '0')}`);
	for (const [index, id] of ids.entries()) {
		fs.writeFileSync(path.join(store, `${id}.md`), `---\ntitle: Article ${index}\ndate: 2025-01-${String(1 + (index % 28)).padStart(2, '0')}\n---\n\nBody ${index}.\n`);
	}

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
	const lines = runCli(['list'], {env}).stdout.trimEnd().split('\n');
	const read = lines.filter(line => line.split('\t')[2] === 'read').length;
	t.log(`${read} of 100 marks kept`);
	t.is(read, 100);
});
