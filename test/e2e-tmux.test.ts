import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {cliPath, fixtureStore} from './helpers/cli.js';
import {hasTmux, Tmux} from './helpers/tmux.js';

// In CI tmux is installed by .ci/run and this test must run; elsewhere it is skipped when tmux is missing.
const available = hasTmux() || Boolean(process.env['CI']);
const run = available ? test.serial : test.skip;

const seedTitle = 'Russia Expands its Syrian Contacts';

function rowOf(screen: string, text: string): string {
	return screen.split('\n').find(line => line.includes(text)) ?? '';
}

const quote = (value: string) => `'${value.replaceAll('\'', '\'\\\'\'')}'`;

/** The reader on `store` with its own config and cache under `home`, colours as a terminal would have them. */
function readerCommand(home: string, store: string): string {
	return [
		'env', '-u', 'CI', '-u', 'NO_COLOR', '-u', 'FORCE_COLOR', 'TERM=xterm-256color',
		`XDG_CONFIG_HOME=${quote(path.join(home, 'config'))}`, `XDG_CACHE_HOME=${quote(path.join(home, 'cache'))}`,
		quote(process.execPath), quote(cliPath), '--data', quote(store),
	].join(' ');
}

/** A copy of the fixture store with its own config and cache, the command that reads it, and a tmux of the test's own. */
function fixtureReader(t: ExecutionContext): {command: string; tmux: Tmux} {
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-e2e-'));
	const store = path.join(home, 'store');
	fs.cpSync(fixtureStore, store, {recursive: true});
	const tmux = new Tmux();
	t.teardown(() => {
		tmux.kill();
	});
	return {command: readerCommand(home, store), tmux};
}

run('a reader in a real terminal: open, read to the end, back, marked read, quit, and still read on restart', async t => {
	const {command, tmux} = fixtureReader(t);

	tmux.start('first', `${command}; echo "inkwire exited with $?"; sleep 60`);
	let screen = await tmux.waitFor('first', s => s.includes('inkwire ·') && s.includes(seedTitle) && s.includes('4 unread'), 'the list');
	t.regex(screen, /4 articles · 4 unread/);
	t.regex(rowOf(screen, seedTitle), /●/, 'the seed starts unread');
	t.true(screen.trimEnd().split('\n').length <= 29, 'the frame is at most rows - 1 lines');

	// The list is newest first: the ferry story, the market, then the seed.
	tmux.keys('first', 'j', 'j', 'Enter');
	screen = await tmux.waitFor('first', s => s.includes('(AFP)') && /lines 1-\d+ of \d+/.test(s), 'the article');
	t.regex(screen, /Asharq Al-Awsat/);
	t.notRegex(screen, /Middle-east and International News/);

	for (let page = 0; page < 20 && !/100%/.test(screen); page++) {
		tmux.keys('first', 'Space');
		// eslint-disable-next-line no-await-in-loop
		screen = await tmux.waitFor('first', s => s !== screen, 'the next page', 5000).catch(() => tmux.screen('first'));
	}

	t.regex(screen, /100%/);
	t.regex(screen, /al-Khatib\./);
	t.notRegex(screen, /Editor Picks/);

	tmux.keys('first', 'q');
	screen = await tmux.waitFor('first', s => s.includes('inkwire ·') && s.includes('3 unread'), 'the list again');
	const row = rowOf(screen, seedTitle);
	t.notRegex(row, /●/, 'the seed is marked read');
	t.regex(row, /❯/, 'the seed is still highlighted');

	tmux.keys('first', 'q');
	screen = await tmux.waitFor('first', s => s.includes('inkwire exited with'), 'the exit');
	t.regex(screen, /inkwire exited with 0/);
	t.notRegex(screen, /inkwire ·/, 'the alternate screen is gone');

	tmux.start('second', `${command}; echo "inkwire exited with $?"; sleep 60`);
	screen = await tmux.waitFor('second', s => s.includes('inkwire ·') && s.includes(seedTitle) && s.includes('3 unread'), 'the list after a restart');
	t.regex(screen, /4 articles · 3 unread/);
	t.notRegex(rowOf(screen, seedTitle), /●/, 'the seed is still read');
	t.regex(rowOf(screen, 'New Ferry Timetable'), /●/);
	tmux.keys('second', 'q');
	await tmux.waitFor('second', s => s.includes('inkwire exited with 0'), 'the second exit');
});

run('keys typed from launch take effect before the reader is up: down, down, Enter opens the third article', async t => {
	const {command, tmux} = fixtureReader(t);

	// A first run builds the index, so that the second paints its first screen from it.
	tmux.start('index', `${command}; echo "inkwire exited with $?"; sleep 60`);
	await tmux.waitFor('index', s => s.includes(seedTitle), 'the list');
	tmux.keys('index', 'q');
	await tmux.waitFor('index', s => s.includes('inkwire exited with 0'), 'the exit');

	tmux.start('typed', `${command}; echo "inkwire exited with $?"; sleep 60`);
	tmux.keys('typed', 'j', 'j', 'Enter');
	let screen = await tmux.waitFor('typed', s => s.includes('(AFP)') && /lines 1-\d+ of \d+/.test(s), 'the third article');
	t.regex(screen, /Asharq Al-Awsat/);
	tmux.keys('typed', 'q');
	screen = await tmux.waitFor('typed', s => s.includes('inkwire ·') && s.includes('3 unread'), 'the list');
	t.regex(rowOf(screen, seedTitle), /❯/, 'the article opened is highlighted');
	tmux.keys('typed', 'q');
	await tmux.waitFor('typed', s => s.includes('inkwire exited with 0'), 'the exit');
});

run('Ctrl-C during the first index of a large store quits at once with 130 and gives the terminal back', async t => {
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-e2e-'));
	const store = path.join(home, 'store');
	// Thousands of articles and an empty cache: the reader shows indexing progress for a while.
	for (let index = 0; index < 6000; index++) {
		const directory = path.join(store, `d${index % 20}`);
		fs.mkdirSync(directory, {recursive: true});
		fs.writeFileSync(path.join(directory, `a${index}.md`), `---\ntitle: Article ${index}\ndate: 2024-01-01\n---\n\n${'Some words of a paragraph. '.repeat(200)}\n`);
	}

	const tmux = new Tmux();
	t.teardown(() => {
		tmux.kill();
		fs.rmSync(home, {recursive: true, force: true});
	});
	tmux.start('cold', `${readerCommand(home, store)}; echo "inkwire exited with $?"; sleep 60`);
	await tmux.waitFor('cold', s => s.includes('indexing'), 'the indexing progress');
	tmux.keys('cold', 'C-c');
	// A generous bound: the index itself takes far longer, so an answer within it is Ctrl-C's.
	const screen = await tmux.waitFor('cold', s => s.includes('inkwire exited with'), 'the exit', 3000);
	t.regex(screen, /inkwire exited with 130/);
	t.notRegex(screen, /indexing/, 'the alternate screen is gone');
});
