import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {helpText} from '../source/cli/commands.js';
import {cliEnvironment, cliPath, fixtureStore, makeHome, root, runCli} from './helpers/cli.js';

const seedId = 'world/asharq-al-awsat-2020-06-26-russia-syria-national-unity';
const seedTitle = 'Russia Expands its Syrian Contacts to Hold ‘National Unity’ Meeting';
// eslint-disable-next-line no-control-regex
const escapeByte = /\u001B/;

function environment(extra: Record<string, string | undefined> = {}) {
	return cliEnvironment(makeHome(), {INKWIRE_DATA: fixtureStore, ...extra});
}

test('list prints one tab-separated line per article, newest first, undated last', t => {
	const result = runCli(['list'], {env: environment()});
	t.is(result.status, 0, result.stderr);
	t.is(result.stderr, '');
	const lines = result.stdout.trimEnd().split('\n');
	t.is(lines.length, 4);
	for (const line of lines) {
		t.is(line.split('\t').length, 5, line);
	}

	t.deepEqual(lines.map(line => line.split('\t')[0]), [
		'harbour-2025-03-01-ferry-timetable',
		'harbour-2024-12-24-market',
		seedId,
		'undated-note',
	]);
	t.deepEqual(lines[0]!.split('\t'), ['harbour-2025-03-01-ferry-timetable', '2025-03-01', 'unread', 'The Harbour Gazette', 'New Ferry Timetable Cuts Waiting Times']);
	t.deepEqual(lines[2]!.split('\t'), [seedId, '2020-06-26', 'unread', 'Asharq Al-Awsat', seedTitle]);
	t.is(lines[3]!.split('\t')[1], '');
	t.false(escapeByte.test(result.stdout));
});

test('list --json has every field but the body', t => {
	const result = runCli(['list', '--json'], {env: environment()});
	t.is(result.status, 0, result.stderr);
	const articles = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
	t.is(articles.length, 4);
	const ferry = articles[0]!;
	t.deepEqual(Object.keys(ferry).sort(), ['author', 'caption', 'date', 'id', 'read', 'readingMinutes', 'source', 'starred', 'tags', 'title', 'url', 'words'].sort());
	t.is(ferry['author'], 'Ines Duarte');
	t.is(ferry['date'], '2025-03-01T08:30');
	t.deepEqual(ferry['tags'], ['transport', 'city']);
	t.is(ferry['read'], false);
	t.false('body' in ferry);
});

test('the store comes from --data, which wins over INKWIRE_DATA', t => {
	const result = runCli(['--data', fixtureStore, 'list'], {env: environment({INKWIRE_DATA: '/nonexistent'})});
	t.is(result.status, 0, result.stderr);
	t.is(result.stdout.trimEnd().split('\n').length, 4);
});

test('a missing store is one line on stderr and a non-zero exit', t => {
	const result = runCli(['list'], {env: environment({INKWIRE_DATA: '/nonexistent/store'})});
	t.is(result.status, 1);
	t.is(result.stdout, '');
	t.regex(result.stderr, /^inkwire: no article store at \/nonexistent\/store.*\n$/);
});

test('show, piped, prints the seed as a clean plain article', t => {
	const result = runCli(['show', seedId], {env: environment()});
	t.is(result.status, 0, result.stderr);
	t.false(escapeByte.test(result.stdout));
	const lines = result.stdout.split('\n');
	t.is(lines[0]!.trim(), seedTitle);
	t.is(result.stdout.split(seedTitle).length - 1, 1, 'the headline appears once');
	t.regex(result.stdout, /Asharq Al-Awsat/);
	t.regex(result.stdout, /2020/);
	t.regex(result.stdout, /old Damascus\. \(AFP\)/);
	t.regex(result.stdout, /Deep return/);
	t.regex(result.stdout, /Strong state/);
	t.notRegex(result.stdout, /Middle-east and International News/);
	t.notRegex(result.stdout, /Editor Picks/);
	t.regex(result.stdout, /Moaz\s+al-Khatib\.\n$/);
});

test('show --format ansi styles, plain does not, and --width wraps', t => {
	const ansi = runCli(['show', seedId, '--format', 'ansi', '--width', '60'], {env: environment()});
	t.is(ansi.status, 0, ansi.stderr);
	t.true(escapeByte.test(ansi.stdout));
	const plain = runCli(['show', seedId, '--format', 'plain', '--width', '60'], {env: environment()});
	t.false(escapeByte.test(plain.stdout));
	for (const line of plain.stdout.split('\n')) {
		t.true([...line].length <= 60, line);
	}
});

test('show --format markdown gives the cleaned article with a title header', t => {
	const result = runCli(['show', seedId, '--format', 'markdown'], {env: environment()});
	t.is(result.status, 0, result.stderr);
	t.true(result.stdout.startsWith(`# ${seedTitle}\n`));
	t.regex(result.stdout, /^## Deep return$/m);
	t.notRegex(result.stdout, /Editor Picks/);
});

test('show --format json has the documented fields', t => {
	const result = runCli(['show', 'harbour-2025', '--format', 'json'], {env: environment()});
	t.is(result.status, 0, result.stderr);
	const article = JSON.parse(result.stdout) as Record<string, unknown>;
	t.deepEqual(Object.keys(article).sort(), ['author', 'body', 'caption', 'date', 'id', 'read', 'readingMinutes', 'source', 'starred', 'tags', 'title', 'url', 'words'].sort());
	t.is(article['id'], 'harbour-2025-03-01-ferry-timetable');
	t.is(article['url'], 'https://example.com/harbour/ferry-timetable');
	t.regex(article['body'] as string, /## What changes/);
	t.true((article['words'] as number) > 20);
	t.true((article['readingMinutes'] as number) >= 1);
});

test('show honours FORCE_COLOR and NO_COLOR', t => {
	const forced = runCli(['show', 'harbour-2025'], {env: environment({FORCE_COLOR: '1'})});
	t.true(escapeByte.test(forced.stdout));
	const plain = runCli(['show', 'harbour-2025'], {env: environment({NO_COLOR: '1'})});
	t.false(escapeByte.test(plain.stdout));
});

test('show takes a unique id prefix and lists the candidates of an ambiguous one', t => {
	const unique = runCli(['show', 'world/'], {env: environment()});
	t.is(unique.status, 0, unique.stderr);
	t.true(unique.stdout.startsWith(seedTitle));
	const ambiguous = runCli(['show', 'harbour'], {env: environment()});
	t.is(ambiguous.status, 1);
	t.is(ambiguous.stdout, '');
	t.regex(ambiguous.stderr, /^inkwire: "harbour" matches 2 articles: .*harbour-2025-03-01-ferry-timetable.*harbour-2024-12-24-market.*\n$/);
});

test('an unknown id is one clear line, no stack trace', t => {
	const result = runCli(['show', 'no-such-article'], {env: environment()});
	t.is(result.status, 1);
	t.is(result.stdout, '');
	t.is(result.stderr.split('\n').length, 2);
	t.regex(result.stderr, /^inkwire: no article matches "no-such-article"/);
	t.notRegex(result.stderr, /\bat .*\.js:\d+/);
});

test('show takes a path to any article file', t => {
	const file = path.join(fixtureStore, 'world/asharq-al-awsat-2020-06-26-russia-syria-national-unity.txt');
	const result = runCli(['show', file, '--format', 'json'], {env: environment({INKWIRE_DATA: path.join(root, 'test/fixtures')})});
	t.is(result.status, 0, result.stderr);
	t.is((JSON.parse(result.stdout) as {title: string}).title, seedTitle);
});

test('show - reads an article from stdin', t => {
	const text = fs.readFileSync(path.join(fixtureStore, 'world/asharq-al-awsat-2020-06-26-russia-syria-national-unity.txt'), 'utf8');
	const result = runCli(['show', '-', '--format', 'json'], {env: environment(), input: text});
	t.is(result.status, 0, result.stderr);
	const article = JSON.parse(result.stdout) as {title: string; source: string; id: string};
	t.is(article.title, seedTitle);
	t.is(article.source, 'Asharq Al-Awsat');
	const markdown = runCli(['show', '-', '--format', 'json'], {env: environment(), input: '---\ntitle: Piped In\n---\n\nHello.\n'});
	t.is((JSON.parse(markdown.stdout) as {title: string}).title, 'Piped In');
});

test('a closed pipe ends quietly with status 0', t => {
	const store = fs.mkdtempSync(path.join(makeHome().home, 'store-'));
	const paragraphs = Array.from({length: 4000}, (_, index) => `Paragraph ${index} of a very long article that keeps going.`).join('\n\n');
	fs.writeFileSync(path.join(store, 'long.md'), `---\ntitle: Long\n---\n\n${paragraphs}\n`);
	const home = makeHome();
	const result = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${cliPath}" show long | head -1`], {
		env: cliEnvironment(home, {INKWIRE_DATA: store}),
		encoding: 'utf8',
	});
	t.is(result.status, 0, result.stderr);
	t.is(result.stdout, 'Long\n');
	t.is(result.stderr, '');
});

test('read and unread persist across processes, and list agrees', t => {
	const home = makeHome();
	const env = cliEnvironment(home, {INKWIRE_DATA: fixtureStore});
	t.is(runCli(['read', seedId, 'harbour-2024'], {env}).status, 0);
	const listed = runCli(['list'], {env}).stdout;
	t.regex(listed, new RegExp(`^${seedId}\\t2020-06-26\\tread\\t`, 'm'));
	t.regex(listed, /^harbour-2024-12-24-market\t2024-12-24\tread\t/m);
	t.regex(listed, /^harbour-2025-03-01-ferry-timetable\t2025-03-01\tunread\t/m);
	t.true(fs.existsSync(path.join(home.config, 'inkwire/config.json')));
	const unread = runCli(['list', '--unread'], {env}).stdout.trimEnd().split('\n').map(line => line.split('\t')[0]);
	t.deepEqual(unread, ['harbour-2025-03-01-ferry-timetable', 'undated-note']);
	t.is(runCli(['unread', seedId], {env}).status, 0);
	t.regex(runCli(['list'], {env}).stdout, new RegExp(`^${seedId}\\t2020-06-26\\tunread\\t`, 'm'));
	const shown = JSON.parse(runCli(['show', 'harbour-2024', '--format', 'json'], {env}).stdout) as {read: boolean};
	t.true(shown.read);
});

test('read with an unknown id fails and marks nothing', t => {
	const home = makeHome();
	const env = cliEnvironment(home, {INKWIRE_DATA: fixtureStore});
	const result = runCli(['read', seedId, 'nope'], {env});
	t.is(result.status, 1);
	t.regex(result.stderr, /^inkwire: no article matches "nope"/);
	t.regex(runCli(['list'], {env}).stdout, new RegExp(`^${seedId}\\t2020-06-26\\tunread\\t`, 'm'));
});

test('a bad flag or command is a usage error on one line', t => {
	for (const arguments_ of [['list', '--bogus'], ['frobnicate'], ['show', seedId, '--format', 'pdf'], ['show', seedId, '--width', 'wide'], ['show']]) {
		const result = runCli(arguments_, {env: environment()});
		t.is(result.status, 2, `${arguments_.join(' ')}: ${result.stderr}`);
		t.is(result.stdout, '');
		t.is(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
		t.regex(result.stderr, /^inkwire: /);
	}
});

test('inkwire with stdout piped behaves like inkwire list', t => {
	const env = environment();
	t.is(runCli([], {env}).stdout, runCli(['list'], {env}).stdout);
});

test('--help prints the usage, and the README holds it verbatim', t => {
	const result = runCli(['--help'], {env: environment()});
	t.is(result.status, 0);
	t.regex(result.stdout, /inkwire show <id \| id-prefix \| path \| ->/);
	const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
	const usage = /## Usage\n+```\n([\s\S]*?)```/.exec(readme);
	t.truthy(usage, 'README has a Usage section with a code block');
	t.is(usage![1], `$ inkwire --help\n${helpText()}`);
	t.is(result.stdout, helpText());
});

test('--version prints the package version', t => {
	const {version} = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string};
	t.is(runCli(['--version'], {env: environment()}).stdout, `${version}\n`);
});

test('the piping commands do not load Ink or React', t => {
	const seen = new Set<string>();
	const visit = (file: string) => {
		if (seen.has(file)) {
			return;
		}

		seen.add(file);
		const code = fs.readFileSync(file, 'utf8');
		for (const match of code.matchAll(/^import\s[^;]*?from\s*"(\.[^"]+)";?$|^import\s*"(\.[^"]+)";?$/gm)) {
			visit(path.resolve(path.dirname(file), match[1] ?? match[2]!));
		}
	};

	visit(cliPath);
	t.true(seen.size > 0);
	for (const file of seen) {
		const code = fs.readFileSync(file, 'utf8');
		t.notRegex(code, /node_modules\/(?:ink|react|react-reconciler|ink-select-input)\//, `${path.relative(root, file)} is loaded at start-up`);
	}
});
