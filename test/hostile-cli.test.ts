import test from 'ava';
import {isSafeTerminalOutput} from '../source/core/text/sanitize.js';
import {cliEnvironment, makeHome, runCli, type Result} from './helpers/cli.js';
import {goodIds, writeHostileStore} from './helpers/hostile-store.js';

// Control characters other than newline and tab, escape sequences included, C1 and bidi controls.
// eslint-disable-next-line no-control-regex
const anyControl = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

const store = writeHostileStore();
const environment = cliEnvironment(makeHome(), {INKWIRE_DATA: store});

function assertClean(t: import('ava').ExecutionContext, result: Result, label: string, allowStyling = false) {
	t.not(result.status, null, `${label}: did not finish`);
	t.notRegex(result.stderr, /\n\s+at .+:\d+:\d+/, `${label}: stack trace on stderr`);
	t.false(anyControl.test(result.stderr), `${label}: control character on stderr`);
	if (allowStyling) {
		t.true(isSafeTerminalOutput(result.stdout), `${label}: unsafe escape on stdout`);
	} else {
		t.false(anyControl.test(result.stdout), `${label}: control character on stdout`);
	}
}

test('list shows every good article, skips the broken ones, and leaks no control character', t => {
	const result = runCli(['list'], {env: environment});
	assertClean(t, result, 'list');
	t.is(result.status, 0, result.stderr);
	const ids = result.stdout.trimEnd().split('\n').map(line => line.split('\t')[0]);
	t.deepEqual([...ids].sort(), [...goodIds].sort());
	// A file hidden by another's id is named even without --verbose: it would otherwise vanish without a word.
	t.is(result.stderr, 'inkwire: not shown: duplicate.txt: duplicate id (kept duplicate.md); give it an id of its own in its front matter\ninkwire: skipped 4 unreadable files (--verbose says why)\n');
});

test('list --verbose says why each file was skipped', t => {
	const result = runCli(['list', '--verbose'], {env: environment});
	assertClean(t, result, 'list --verbose');
	t.regex(result.stderr, /empty\.md: .*empty/i);
	t.regex(result.stderr, /binary\.md: .*binary/i);
	t.regex(result.stderr, /duplicate\.txt: .*duplicate id/i);
	t.regex(result.stderr, /loop\/again: .*already scanned/i);
});

test('list --json strings are clean', t => {
	const result = runCli(['list', '--json'], {env: environment});
	assertClean(t, result, 'list --json');
	const articles = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
	t.is(articles.length, goodIds.length);
	for (const article of articles) {
		for (const value of Object.values(article).flat()) {
			if (typeof value === 'string') {
				t.false(anyControl.test(value), JSON.stringify(value));
			}
		}
	}
});

test('the title of a hostile article is cleaned, and a javascript: url is dropped', t => {
	const result = runCli(['show', 'raw-escapes', '--format', 'json'], {env: environment});
	t.is(result.status, 0, result.stderr);
	const article = JSON.parse(result.stdout) as {title: string; url: string | null; source: string};
	t.is(article.title, 'Clear screen in title');
	t.is(article.url, null);
	t.is(article.source, 'Evil News Daily');
});

for (const format of ['plain', 'markdown', 'json', 'ansi'] as const) {
	test(`show --format ${format} of every article leaks no control sequence`, t => {
		for (const id of goodIds) {
			const result = runCli(['show', id, '--format', format, '--width', '80'], {env: cliEnvironment(makeHome(), {INKWIRE_DATA: store, FORCE_HYPERLINK: '1'})});
			assertClean(t, result, `show ${id} --format ${format}`, format === 'ansi');
			t.is(result.status, 0, `${id}: ${result.stderr}`);
			if (format === 'json') {
				const article = JSON.parse(result.stdout) as Record<string, unknown>;
				for (const value of Object.values(article).flat()) {
					if (typeof value === 'string') {
						t.false(anyControl.test(value), `${id}: ${JSON.stringify(value).slice(0, 200)}`);
					}
				}
			}
		}
	});
}

test('ansi output links only http, https and mailto targets', t => {
	const result = runCli(['show', 'entities', '--format', 'ansi'], {env: cliEnvironment(makeHome(), {INKWIRE_DATA: store, FORCE_HYPERLINK: '1'})});
	t.is(result.status, 0, result.stderr);
	// eslint-disable-next-line no-control-regex
	const targets = [...result.stdout.matchAll(/\u001B\]8;[^;]*;([^\u0007\u001B]*)(?:\u0007|\u001B\\)/g)].map(match => match[1]).filter(Boolean);
	t.true(targets.length > 0, 'the http link is a hyperlink');
	for (const target of targets) {
		t.regex(target!, /^(?:https?:|mailto:)/);
	}

	t.regex(result.stdout, /javascript link/);
});
