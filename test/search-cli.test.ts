import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {isSafeTerminalOutput} from '../source/core/text/sanitize.js';
import {formatResultsForTerminal} from '../source/core/search/format.js';
import {parseQuery} from '../source/core/search/query.js';
import {cliEnvironment, makeHome, root, runCli} from './helpers/cli.js';
import {writeHostileStore} from './helpers/hostile-store.js';

const store = path.join(root, 'test/fixtures/search-store');

// eslint-disable-next-line no-control-regex
const anyControl = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

function environment(extra: Record<string, string> = {}) {
	return cliEnvironment(makeHome(), {INKWIRE_DATA: store, ...extra});
}

test('search --json: ranked results with score and snippet, like list --json', t => {
	const result = runCli(['search', 'harbour', '--json'], {env: environment()});
	t.is(result.status, 0, result.stderr);
	t.is(result.stderr, '');
	const results = JSON.parse(result.stdout) as Array<{id: string; title: string; score: number; snippet: string | null; read: boolean; tags: string[]}>;
	t.deepEqual(results.map(entry => entry.id), [
		'gazette-2025-01-17-harbour-dredging', 'gazette-2025-01-16-ferry-strike-again', 'gazette-2025-01-15-ferry-strike',
		'reuters-2025-01-10-climate-summit', 'courier-2025-01-18-council-budget',
	]);
	t.true(results.every((entry, index) => entry.score > 0 && (index === 0 || entry.score <= results[index - 1]!.score)));
	t.is(results[0]!.snippet, 'Harbour dredging begins. The harbour authority says the harbour will stay open.');
	t.regex(results[3]!.snippet!, /harbour towns/);
	t.deepEqual(results[0]!.tags, ['port']);
	t.false(results[0]!.read);
});

test('search in a pipe: one tab-separated line per result, --limit, words joined into one query', t => {
	const result = runCli(['search', 'ferry', 'strike', '--limit', '1'], {env: environment()});
	t.is(result.status, 0, result.stderr);
	t.is(result.stdout, 'gazette-2025-01-16-ferry-strike-again\t2025-01-16\tHarbour Gazette\tFerry strike ends\tThe ferry strike ended after the operator agreed to new rotas.\n');
	const all = runCli(['search', 'source:"harbour gazette" -title:ferry'], {env: environment()});
	t.is(all.stdout.split('\n')[0]!.split('\t')[0], 'gazette-2025-01-17-harbour-dredging');
	t.is(all.stdout.trimEnd().split('\n').length, 1);
	const arabic = runCli(['search', 'المدرسة'], {env: environment()});
	t.is(arabic.stdout.split('\t')[0], 'world/aljazeera-2025-01-14-school');
	const japanese = runCli(['search', '東京都'], {env: environment()});
	t.is(japanese.stdout.split('\t')[0], 'world/nhk-2025-01-12-tokyo');
});

test('no match exits 1 like grep, silently in a pipe; --json prints an empty array', t => {
	const home = environment();
	const none = runCli(['search', 'zeppelin'], {env: home});
	t.is(none.status, 1);
	t.is(none.stdout, '');
	t.is(none.stderr, '');
	const json = runCli(['search', 'zeppelin', '--json'], {env: home});
	t.is(json.status, 1);
	t.deepEqual(JSON.parse(json.stdout), []);
	// A query that starts with a dash follows `--`, as for any command line tool.
	const excluded = runCli(['search', '--', '-ferry'], {env: home});
	t.is(excluded.status, 1);
	t.regex(excluded.stderr, /^inkwire: a query of exclusions alone finds nothing/);
});

test('usage mistakes exit 2 with one line', t => {
	for (const arguments_ of [['search'], ['search', '   '], ['search', 'x', '--limit', '0'], ['search', 'x', '--limit', 'many'], ['search', 'x', '--limt', '3']]) {
		const result = runCli(arguments_, {env: environment()});
		t.is(result.status, 2, arguments_.join(' '));
		t.regex(result.stderr, /^inkwire: [^\n]+\n$/, arguments_.join(' '));
		t.is(result.stdout, '');
	}
});

test('a damaged search index: one warning, rebuilt, right results, fine the next time', t => {
	const home = makeHome();
	const env = cliEnvironment(home, {INKWIRE_DATA: store});
	t.is(runCli(['search', 'ferry'], {env}).status, 0);
	const directory = path.join(home.cache, 'inkwire', fs.readdirSync(path.join(home.cache, 'inkwire')).find(name => name.startsWith('search-'))!);
	fs.writeFileSync(path.join(directory, 'manifest.json'), 'not json at all');
	const damaged = runCli(['search', 'ferry', '--limit', '1'], {env});
	t.is(damaged.status, 0);
	t.regex(damaged.stderr, /^inkwire: the search index was damaged \(manifest is not JSON\): rebuilding it\n$/);
	t.regex(damaged.stdout, /^gazette-2025-01-16-ferry-strike-again\t/);
	const next = runCli(['search', 'ferry', '--limit', '1'], {env});
	t.is(next.stderr, '');
	t.is(next.stdout, damaged.stdout);
});

test('a cache that cannot be written: one clear line, exit 1', t => {
	const home = makeHome();
	fs.mkdirSync(home.home, {recursive: true});
	const blocker = path.join(home.home, 'not-a-folder');
	fs.writeFileSync(blocker, '');
	const result = runCli(['search', 'ferry'], {env: cliEnvironment({config: home.config, cache: blocker}, {INKWIRE_DATA: store})});
	t.is(result.status, 1);
	t.is(result.stdout, '');
	t.regex(result.stderr, /inkwire: cannot write the search index under [^\n]+ \(ENOTDIR\): set XDG_CACHE_HOME to a writable folder\n$/);
	t.notRegex(result.stderr, /\n\s+at /);
});

test('hostile articles: nothing from them reaches the terminal unsanitised', t => {
	const hostile = writeHostileStore();
	const env = cliEnvironment(makeHome(), {INKWIRE_DATA: hostile});
	for (const query of ['clear', 'title', 'bidi', 'evil', 'safe*', 'word', 'paragraph', 'laughs', 'body']) {
		for (const extra of [[], ['--json']]) {
			const result = runCli(['search', query, '--limit', '50', ...extra], {env});
			t.not(result.status, null);
			t.true(result.status === 0 || result.status === 1, `${query}: ${result.stderr}`);
			t.false(anyControl.test(result.stdout), `${query} ${extra.join(' ')}: control character on stdout`);
			t.false(anyControl.test(result.stderr), `${query}: control character on stderr`);
			t.notRegex(result.stderr, /\n\s+at .+:\d+:\d+/);
		}
	}

	const clear = runCli(['search', 'clear', '--json'], {env});
	t.is(clear.status, 0, clear.stderr);
	t.true((JSON.parse(clear.stdout) as Array<{id: string}>).some(entry => entry.id === 'raw-escapes'));
});

test('on a terminal: matches in bold, only SGR escapes, and without colour plain text', t => {
	const query = parseQuery('harbour');
	const article = {id: 'a\u001B]0;x\u0007', title: 'Harbour \u001B[2Jnews', source: 'Evil\u202E', date: '2025-01-01', tags: [], words: 3, readingMinutes: 1};
	const results = [{article, score: 1, isRead: false, snippet: {text: 'the harbour opens', matches: [[4, 11]] as Array<[number, number]>}}];
	const colored = formatResultsForTerminal(results, query, true);
	t.true(isSafeTerminalOutput(colored));
	t.true(colored.includes('\u001B[1mharbour\u001B[22m'));
	t.true(colored.includes('\u001B[4mHarbour\u001B[24m'));
	const plain = formatResultsForTerminal(results, query, false);
	t.false(anyControl.test(plain));
	t.is(plain, 'Harbour news\na · 2025-01-01 · Evil\n  the harbour opens\n');
});
