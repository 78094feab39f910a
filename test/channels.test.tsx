/**
Every channel by which text from outside can reach the terminal, enumerated, with hostile names and arguments on each:
stdout of every command and format, stderr (counts, --verbose reasons, errors quoting arguments and paths), the
progress line painted while a new store is indexed, and the reader's screens. File and folder names, ids and
command-line arguments are outside text as much as article bodies are.
*/
import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {render} from 'ink-testing-library';
import {StartScreen} from '../source/cli/first-paint.js';
import {isSafeTerminalOutput} from '../source/core/text/sanitize.js';
import EmptyStore from '../source/ui/EmptyStore.js';
import App from '../source/ui/App.js';
import {cliEnvironment, makeHome, runCli} from './helpers/cli.js';
import {makeServices, waitForFrame} from './fixtures/ui/services.js';

// Any control character but newline and tab, escapes included, and C1 and bidi controls.
// eslint-disable-next-line no-control-regex
const anyControl = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const osc = '\u001B]0;PWNED\u0007';
const csi = '\u001B[2J';

const home = makeHome();
const store = path.join(home.home, `store ${osc}`);
const folder = path.join(store, `folder${csi}\u202E`);
fs.mkdirSync(folder, {recursive: true});
fs.writeFileSync(path.join(folder, `good${osc}.md`), `---\ntitle: Title ${osc} here\nsource: Source ${csi}\n---\n\nBody ${osc} text.\n`);
fs.writeFileSync(path.join(store, `empty${osc}.md`), '');
fs.writeFileSync(path.join(store, `binary${csi}.txt`), Buffer.from([0x41, 0, 0x42]));
const environment = cliEnvironment(home, {INKWIRE_DATA: store});

const channels: Array<{name: string; arguments: string[]; styled?: boolean}> = [
	{name: 'list (tab-separated)', arguments: ['list']},
	{name: 'list --json', arguments: ['list', '--json']},
	{name: 'list --verbose (stderr names every skipped file)', arguments: ['list', '--verbose']},
	{name: 'show plain', arguments: ['show', 'folder']},
	{name: 'show ansi', arguments: ['show', 'folder', '--format', 'ansi'], styled: true},
	{name: 'show markdown', arguments: ['show', 'folder', '--format', 'markdown']},
	{name: 'show json', arguments: ['show', 'folder', '--format', 'json']},
	{name: 'show, an unknown id quoted in the error', arguments: ['show', `nothing${osc}`]},
	{name: 'show, a missing path quoted in the error', arguments: ['show', path.join(store, `missing${osc}.md`)]},
	{name: 'read, an unknown id quoted in the error', arguments: ['read', `nothing${csi}`]},
	{name: 'an unknown command quoted in the error', arguments: [`bogus${osc}`]},
	{name: 'an unknown option quoted in the error', arguments: ['list', `--bogus${osc}`]},
	{name: 'a store that does not exist, its path quoted', arguments: ['list', '--data', path.join(home.home, `none${osc}`)]},
];

for (const channel of channels) {
	test(`no control character reaches the terminal: ${channel.name}`, t => {
		const result = runCli(channel.arguments, {env: environment});
		t.not(result.status, null);
		t.false(anyControl.test(result.stderr), `stderr: ${JSON.stringify(result.stderr)}`);
		t.notRegex(result.stderr, /\n\s+at .+:\d+:\d+/);
		if (channel.styled) {
			t.true(isSafeTerminalOutput(result.stdout), `stdout: ${JSON.stringify(result.stdout)}`);
		} else {
			t.false(anyControl.test(result.stdout), `stdout: ${JSON.stringify(result.stdout)}`);
		}
	});
}

test('skipped files are named visibly on stderr, escapes written out', t => {
	const result = runCli(['list', '--verbose'], {env: environment});
	t.true(result.stderr.includes('empty\\x1b]0;PWNED\\x07.md: empty file'), result.stderr);
	t.true(result.stderr.includes('binary\\x1b[2J.txt: binary file'), result.stderr);
});

test('the progress line painted while a new store is indexed is sanitised', t => {
	let written = '';
	const stdout = {columns: 80, rows: 24, write(text: string) {
		written += text;
		return true;
	}} as unknown as NodeJS.WriteStream;
	new StartScreen(stdout).paintProgress(`store ${osc}${csi}`, 10, 10);
	t.true(written.includes('indexing 10 of 10 articles'));
	t.false(written.includes(osc));
	t.false(written.includes('PWNED\u0007'));
	t.false(written.replaceAll(/\u001B\[(?:\d+;)*\d*[mHK]/g, '').includes('\u001B'));
});

test('the reader\'s header, list and status line, and the empty-store screen, are sanitised', async t => {
	const services = makeServices({warnings: [`a warning ${osc}`]});
	const app = render(<App services={{...services, storeName: `store ${osc}`}} width={100} height={20}/>);
	const frame = await waitForFrame(app.lastFrame, frame => frame.includes('a warning'), 'the list');
	app.unmount();
	t.false(anyControl.test(frame), frame);
	t.true(frame.includes('store'));
	const empty = render(<EmptyStore storePath={`/tmp/${osc}`} storeName={`name${csi}`} width={100} height={20}/>);
	const emptyFrame = empty.lastFrame() ?? '';
	empty.unmount();
	t.false(anyControl.test(emptyFrame), emptyFrame);
});
