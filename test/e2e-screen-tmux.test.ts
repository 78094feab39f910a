import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {cliEnvironment, cliPath} from './helpers/cli.js';
import {hasTmux, Tmux} from './helpers/tmux.js';

// In CI tmux is installed by .ci/run and these tests must run; elsewhere they are skipped when tmux is missing.
const available = hasTmux() || Boolean(process.env['CI']);
const run = available ? test.serial : test.skip;

const columns = 100;
const rows = 30;
const pageRows = rows - 2;

const paragraphs = Array.from({length: 40}, (_, index) => `Paragraph ${index + 1} of the long report on the harbour, which the reader pages through line by line.`);
const article = `---
title: The Long Harbour Report
source: Test Gazette
date: 2026-11-30
---
${paragraphs.slice(0, 3).join('\n\n')}

See [the harbour board](https://example.org/board), [the tide tables](https://example.org/tides) and
[the ferry timetable](https://example.org/ferry).

${paragraphs.slice(3).join('\n\n')}

The word lighthouse appears here, and a lighthouse again, and one last lighthouse at the end.
`;

const other = `---
title: A Short Note on Lichens
source: Test Gazette
date: 2026-11-01
---
Lichens on the roofs.
`;

function setUp() {
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-e2e-screen-'));
	const store = path.join(home, 'store');
	fs.mkdirSync(store);
	fs.writeFileSync(path.join(store, 'harbour.md'), article);
	fs.writeFileSync(path.join(store, 'lichens.md'), other);
	const environment = {config: path.join(home, 'config'), cache: path.join(home, 'cache'), home};
	const quote = (value: string) => `'${value.replaceAll('\'', '\'\\\'\'')}'`;
	const command = [
		'env', '-u', 'CI', '-u', 'NO_COLOR', '-u', 'FORCE_COLOR', 'TERM=xterm-256color',
		`XDG_CONFIG_HOME=${quote(environment.config)}`, `XDG_CACHE_HOME=${quote(environment.cache)}`,
		quote(process.execPath), quote(cliPath), '--data', quote(store),
	].join(' ');
	return {home, store, environment, command: `${command}; echo "inkwire exited with $?"; sleep 60`};
}

/** The pane's rows, without the trailing blank ones tmux pads with. */
function screenRows(screen: string): string[] {
	return screen.split('\n').slice(0, rows).map(line => line.trimEnd());
}

run('the terminal shows exactly the frame: pager windows equal `show` at the same width, the links list leaves nothing of the article behind', async t => {
	const {store, environment, command} = setUp();
	const shown = spawnSync(process.execPath, [cliPath, '--data', store, 'show', 'harbour', '--format', 'plain', '--width', String(columns - 2)], {
		encoding: 'utf8', env: cliEnvironment(environment),
	});
	t.is(shown.status, 0, shown.stderr);
	const lines = shown.stdout.replace(/\n$/, '').split('\n').map(line => line.trimEnd());
	t.true(lines.length > pageRows * 2, 'the article is longer than two pages');
	// The pager draws the same lines with a margin of one column.
	const window = (offset: number) => lines.slice(offset, offset + pageRows).map(line => (line === '' ? '' : ` ${line}`));

	const tmux = new Tmux();
	t.teardown(() => {
		tmux.kill();
	});
	tmux.start('screen', command, columns, rows);
	await tmux.waitFor('screen', s => s.includes('The Long Harbour Report') && s.includes('2 unread'), 'the list');
	tmux.keys('screen', 'Enter');
	let screen = await tmux.waitFor('screen', s => /lines 1-28 of \d+/.test(s), 'the article');
	t.deepEqual(screenRows(screen).slice(0, pageRows), window(0));

	// Line moves rewrite only the lines that changed: every row must still be the right one.
	tmux.keys('screen', 'j', 'j', 'j', 'j', 'j');
	screen = await tmux.waitFor('screen', s => /lines 6-33 of/.test(s), 'five lines down');
	t.deepEqual(screenRows(screen).slice(0, pageRows), window(5));

	// The links list over the article: nothing of the article may be left on the rows it does not use.
	tmux.keys('screen', 'L');
	screen = await tmux.waitFor('screen', s => /^Links \(3\)/m.test(s), 'the links');
	const linkRows = screenRows(screen);
	t.regex(linkRows.join('\n'), /\[3] the ferry timetable — https:\/\/example\.org\/ferry/);
	t.deepEqual(linkRows.slice(6, rows - 2).filter(line => line !== ''), [], 'rows below the links are empty');

	tmux.keys('screen', 'Escape');
	screen = await tmux.waitFor('screen', s => /lines 6-33 of/.test(s), 'the article again');
	t.deepEqual(screenRows(screen).slice(0, pageRows), window(5));

	tmux.keys('screen', 'Space');
	screen = await tmux.waitFor('screen', s => /lines 34-61 of/.test(s), 'a page down');
	t.deepEqual(screenRows(screen).slice(0, pageRows), window(33));

	tmux.keys('screen', 'q', 'q');
	screen = await tmux.waitFor('screen', s => s.includes('inkwire exited with'), 'the exit');
	t.regex(screen, /inkwire exited with 0/);
});

run('search in a real terminal: / finds an article by a word of its body, / in the pager counts the matches, s stars it', async t => {
	const {store, environment, command} = setUp();
	const tmux = new Tmux();
	t.teardown(() => {
		tmux.kill();
	});
	tmux.start('search', command, columns, rows);
	await tmux.waitFor('search', s => s.includes('The Long Harbour Report') && s.includes('2 unread'), 'the list');
	// "lighthouse" is only in the body of the harbour report: the full-text index finds it.
	tmux.keys('search', '/');
	tmux.keys('search', '-l', 'lighthouse');
	tmux.keys('search', 'Enter');
	let screen = await tmux.waitFor('search', s => /filter: lighthouse · 1 shown/.test(s), 'the filtered list');
	t.regex(screen, /❯.*The Long Harbour Report/);
	t.notRegex(screen, /Lichens/);

	tmux.keys('search', 'Enter');
	await tmux.waitFor('search', s => /lines 1-28 of \d+/.test(s), 'the article');
	tmux.keys('search', '/');
	tmux.keys('search', '-l', 'lighthouse');
	tmux.keys('search', 'Enter');
	screen = await tmux.waitFor('search', s => /match 1 of 3/.test(s), 'the first match');
	t.regex(screen, /lighthouse/);
	tmux.keys('search', 'n');
	await tmux.waitFor('search', s => /match 2 of 3/.test(s), 'the next match');
	tmux.keys('search', 's');
	await tmux.waitFor('search', s => /[Ss]tarred/.test(s), 'the star');
	tmux.keys('search', 'q', 'q');
	screen = await tmux.waitFor('search', s => s.includes('inkwire exited with'), 'the exit');
	t.regex(screen, /inkwire exited with 0/);

	const starred = spawnSync(process.execPath, [cliPath, '--data', store, 'list', '--starred', '--json'], {encoding: 'utf8', env: cliEnvironment(environment)});
	t.is(starred.status, 0, starred.stderr);
	const listed = JSON.parse(starred.stdout) as Array<{title: string; starred: boolean}>;
	t.deepEqual(listed.map(entry => entry.title), ['The Long Harbour Report']);
});
