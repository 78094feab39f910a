import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {cliEnvironment, makeHome, root, runCli} from './helpers/cli.js';

/** The raw dumps through the built bundle (stopword lists, Intl month names and all), as users run it. */

type Expected = {file: string; title: string; source: string | null; author: string | null; date: string | null; caption: string | null};

const rawDirectory = path.join(root, 'test/fixtures/raw');
const expectations = JSON.parse(fs.readFileSync(path.join(rawDirectory, 'expected.json'), 'utf8')) as Expected[];

test('list --json over the raw fixtures gives every expected title, source, author, date and caption', t => {
	const result = runCli(['list', '--json', '--data', rawDirectory], {env: cliEnvironment(makeHome())});
	t.is(result.status, 0, result.stderr);
	const listed = new Map((JSON.parse(result.stdout) as Array<Expected & {id: string}>).map(article => [article.id, article]));
	for (const expected of expectations) {
		const article = listed.get(expected.file.replace(/\.txt$/, ''));
		t.truthy(article, expected.file);
		// The terminal output writes wide spaces (U+3000) as plain ones.
		const spaced = (value: string | null | undefined): string | null => value?.replace(/\s/g, ' ') ?? null;
		for (const key of ['title', 'source', 'author', 'date', 'caption'] as const) {
			t.is(spaced(article?.[key]), spaced(expected[key]), `${expected.file} ${key}`);
		}
	}
});

test('show: a French dump and a live blog read as articles, furniture gone, each live update under its time', t => {
	const env = cliEnvironment(makeHome());
	const french = runCli(['show', path.join(rawDirectory, 'french-lyon-tramway.txt'), '--format', 'plain', '--width', '80'], {env});
	t.is(french.status, 0, french.stderr);
	t.true(french.stdout.startsWith('Le tramway T9 prolongé jusqu’à Vaulx-en-Velin d’ici 2026\n'));
	t.regex(french.stdout, /Jeanne Dupont/);
	for (const gone of ['Se connecter', 'Lire aussi', 'Les plus lus', 'Commentaires', 'Publié le']) {
		t.false(french.stdout.includes(gone), gone);
	}

	const live = runCli(['show', path.join(rawDirectory, 'live-blog-election-night.txt'), '--format', 'markdown'], {env});
	t.is(live.status, 0, live.stderr);
	t.regex(live.stdout, /## 14:07\n\nThe first ballot boxes have arrived/);
	t.regex(live.stdout, /## 12:58\n\nWelcome to our live coverage/);
	t.false(live.stdout.includes('Back to top'));
});
