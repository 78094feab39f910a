import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {commandHelpText, commands, findCommand, helpText, usageLine} from '../source/cli/commands.js';
import {flagSpecs} from '../source/cli/flags.js';
import {formatListColumns} from '../source/core/render/list-columns.js';
import type {ArticleMeta} from '../source/core/article/article.js';
import {cliEnvironment, cliPath, fixtureStore, makeHome, runCli} from './helpers/cli.js';

function environment(extra: Record<string, string | undefined> = {}) {
	return cliEnvironment(makeHome(), {INKWIRE_DATA: fixtureStore, ...extra});
}

test('every command of the table is in --help, with its usage line and every flag it takes', t => {
	const help = helpText();
	for (const command of commands) {
		t.true(help.includes(usageLine(command)), command.name);
		t.true(help.includes(command.summary), command.name);
		for (const flag of command.flags) {
			t.true(help.includes(`--${flag}`), `${command.name} --${flag}`);
		}
	}

	for (const flag of Object.keys(flagSpecs)) {
		t.true(help.includes(`--${flag}`), flag);
	}
});

test('a command\'s own help lists its flags and the global ones, and the CLI prints it', t => {
	const show = findCommand('show')!;
	const text = commandHelpText(show);
	t.regex(text, /--format FORMAT/);
	t.regex(text, /--data DIR/);
	t.notRegex(text, /--unread/);
	const result = runCli(['show', '--help'], {env: environment()});
	t.is(result.status, 0);
	t.is(result.stdout, text);
});

test('a flag the command does not take is a usage error, not ignored', t => {
	for (const arguments_ of [['list', '--format', 'json'], ['list', '--width', '50'], ['show', 'x', '--unread'], ['read', 'x', '--json']]) {
		const result = runCli(arguments_, {env: environment()});
		t.is(result.status, 2, arguments_.join(' '));
		t.regex(result.stderr, /^inkwire: \w+ does not take --\w+ \(see inkwire \w+ --help\)\n$/);
		t.is(result.stdout, '');
	}
});

test('unknown commands, unknown options and stray arguments are usage errors', t => {
	t.is(runCli(['bogus'], {env: environment()}).status, 2);
	t.is(runCli(['list', '--bogus'], {env: environment()}).status, 2);
	t.is(runCli(['list', 'extra'], {env: environment()}).status, 2);
	t.regex(runCli(['show', 'x', '--color', 'sometimes'], {env: environment()}).stderr, /--color takes auto, always, never/);
});

test('show - reads stdin without any store, also from a slow writer', async t => {
	const child = spawn(process.execPath, [cliPath, 'show', '-'], {env: environment({INKWIRE_DATA: '/nonexistent/store'})});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		stdout += chunk;
	});
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	// The article arrives after the reader has started waiting: stdin must be read until its end, not once.
	await new Promise(resolve => setTimeout(resolve, 500));
	child.stdin.end('# Late Arrival\n\nThe body came after a pause.\n');
	const status = await new Promise(resolve => child.on('close', resolve));
	t.is(status, 0, stderr);
	t.regex(stdout, /^Late Arrival\n/);
	t.regex(stdout, /The body came after a pause\./);
});

test('show - stops at the article size limit with one clear line', t => {
	const result = runCli(['show', '-'], {env: environment(), input: 'x'.repeat(6 * 1024 * 1024)});
	t.is(result.status, 1);
	t.is(result.stdout, '');
	t.regex(result.stderr, /^inkwire: show -: stdin: larger than 5 MB\n$/);
});

test('--color=always styles a piped show and list; --color=never keeps a forced colour off', t => {
	const always = runCli(['show', 'harbour-2025-03-01', '--color=always'], {env: environment()});
	t.is(always.status, 0, always.stderr);
	t.true(always.stdout.includes('\u001B[1m'));
	const never = runCli(['show', 'harbour-2025-03-01', '--color=never'], {env: environment({FORCE_COLOR: '1'})});
	t.false(never.stdout.includes('\u001B'));
});

test('with no --data nor INKWIRE_DATA the user\'s store is read once it exists, else the samples', t => {
	const home = makeHome();
	const base = cliEnvironment(home);
	const samples = runCli(['list'], {env: base});
	t.is(samples.status, 0, samples.stderr);
	t.regex(samples.stdout, /asharq-al-awsat-2020-06-26/);
	const userStore = path.join(base['XDG_DATA_HOME']!, 'inkwire');
	fs.mkdirSync(path.join(userStore, 'my-feed'), {recursive: true});
	fs.writeFileSync(path.join(userStore, 'my-feed', 'mine.md'), '---\ntitle: Mine\n---\n\nMy own article.\n');
	const own = runCli(['list'], {env: base});
	t.is(own.status, 0, own.stderr);
	t.is(own.stdout.trimEnd().split('\n').length, 1);
	t.regex(own.stdout, /^my-feed\/mine\t/);
});

test('file names reach stderr only through the sanitiser', t => {
	const store = fs.mkdtempSync(path.join(makeHome().home, 'store-'));
	fs.writeFileSync(path.join(store, '\u001B]0;PWNED\u0007.md'), '');
	const result = runCli(['list', '--verbose'], {env: environment({INKWIRE_DATA: store})});
	t.is(result.status, 0);
	t.true(result.stderr.includes('skipped \\x1b]0;PWNED\\x07.md: empty file'), result.stderr);
	t.false(result.stderr.includes('\u001B'));
	t.false(result.stderr.includes('\u0007'));
});

const articles: ArticleMeta[] = [
	{id: 'a', title: 'A rather long title that cannot fit in a narrow window at all', source: 'Gazette', date: '2025-03-01T08:30', tags: [], words: 10, readingMinutes: 1},
	{id: 'b', title: '東京の朝', source: 'Kanto Weekly', tags: [], words: 10, readingMinutes: 1},
];

test('list columns on a terminal are aligned and fit the width, unread marked', t => {
	const text = formatListColumns(articles, {isRead: id => id === 'b'}, {width: 40, color: false});
	const lines = text.trimEnd().split('\n');
	t.deepEqual(lines, [
		'●  2025-03-01  Gazette     A rather lon…',
		'               Kanto Wee…  東京の朝',
	]);
	const styled = formatListColumns(articles, {isRead: () => false}, {width: 40, color: true});
	t.true(styled.startsWith('\u001B[1m●'));
});

test('show --width N writes lines of at most N columns, no margins taken off', t => {
	for (const width of [40, 80, 120]) {
		const result = runCli(['show', 'world/asharq', '--width', String(width)], {env: environment()});
		t.is(result.status, 0, result.stderr);
		const widest = Math.max(...result.stdout.split('\n').map(line => [...line].length));
		t.true(widest <= width, `${width}: ${widest}`);
		t.true(widest > width - 12, `${width}: the measure is used (${widest})`);
	}
});

test('star and unstar mark articles; list --starred, --tag and --source filter; --json says starred', t => {
	const env = environment();
	t.is(runCli(['star', 'harbour-2024-12', 'world/asharq'], {env}).status, 0);
	const starred = runCli(['list', '--starred'], {env});
	t.deepEqual(starred.stdout.trimEnd().split('\n').map(line => line.split('\t')[0]), ['harbour-2024-12-24-market', 'world/asharq-al-awsat-2020-06-26-russia-syria-national-unity']);
	const json = JSON.parse(runCli(['list', '--json'], {env}).stdout) as Array<{id: string; starred: boolean}>;
	t.deepEqual(json.filter(article => article.starred).map(article => article.id), ['harbour-2024-12-24-market', 'world/asharq-al-awsat-2020-06-26-russia-syria-national-unity']);
	t.is(runCli(['unstar', 'world/asharq'], {env}).status, 0);
	t.is(runCli(['list', '--starred'], {env}).stdout.trimEnd().split('\n').length, 1);
	t.deepEqual(runCli(['list', '--tag', 'TRANSPORT'], {env}).stdout.trimEnd().split('\n').map(line => line.split('\t')[0]), ['harbour-2025-03-01-ferry-timetable']);
	t.deepEqual(runCli(['list', '--source', 'asharq'], {env}).stdout.trimEnd().split('\n').map(line => line.split('\t')[0]), ['world/asharq-al-awsat-2020-06-26-russia-syria-national-unity']);
	t.is(runCli(['star', 'no-such-article'], {env}).status, 1);
});
