/*
The store's defences through the built bundle (dist/cli.js), as a user meets them: a FIFO in place of an article, a
name that is not UTF-8, a cache edited to hold wrong types, a link to /, stdin that never ends or comes late.
*/
import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {cliEnvironment, cliPath, makeHome, runCli, runCliAsync, type Result} from './helpers/cli.js';

function makeStore(): {root: string; environment: NodeJS.ProcessEnv; cache: string} {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-store-cli-'));
	fs.writeFileSync(path.join(root, 'one.md'), '---\ntitle: One\ntags: [harbour, city]\ndate: 2025-01-02\n---\n\nBody one.\n');
	fs.writeFileSync(path.join(root, 'two.md'), '---\ntitle: Two\ndate: 2025-01-01\n---\n\nBody two.\n');
	const home = makeHome();
	return {root, cache: home.cache, environment: cliEnvironment(home, {INKWIRE_DATA: root})};
}

function assertOneLine(t: import('ava').ExecutionContext, result: Result, pattern: RegExp) {
	t.is(result.status, 1, result.stderr);
	t.regex(result.stderr, pattern);
	t.is(result.stderr.split('\n').length, 2, result.stderr);
}

test('a FIFO in place of an article is skipped with its reason, and show does not block on it', t => {
	const {root, environment} = makeStore();
	t.is(runCli(['list'], {env: environment}).status, 0);
	fs.rmSync(path.join(root, 'one.md'));
	execFileSync('mkfifo', [path.join(root, 'one.md')]);
	const shown = runCli(['show', 'one'], {env: environment});
	t.is(shown.status, 1);
	// The index of the last scan names the article; opening it finds a FIFO, refused at once without blocking.
	t.regex(shown.stderr, /^inkwire: cannot read \S+one\.md: not a regular file \(a FIFO\)\n$/);
	const listed = runCli(['list', '--verbose'], {env: environment});
	t.is(listed.status, 0);
	t.regex(listed.stderr, /skipped one\.md: not a regular file \(a FIFO\)/);
});

test('a name that is not UTF-8 is listed escaped, and show reaches it by that id', t => {
	const {root, environment} = makeStore();
	fs.writeFileSync(Buffer.concat([Buffer.from(`${root}/caf`), Buffer.from([0xE9]), Buffer.from('.md')]), '---\ntitle: Raw name\ndate: 2024-01-01\n---\n\nBody of the raw name.\n');
	const listed = runCli(['list'], {env: environment});
	t.is(listed.status, 0, listed.stderr);
	t.true(listed.stdout.split('\n').some(line => line.startsWith('caf%E9\t2024-01-01\t')), listed.stdout);
	const shown = runCli(['show', 'caf%E9', '--format', 'plain'], {env: environment});
	t.is(shown.status, 0, shown.stderr);
	t.true(shown.stdout.includes('Body of the raw name.'));
});

test('list --json survives a cache whose entries have the wrong types', t => {
	const {environment, cache} = makeStore();
	const first = runCli(['list', '--json'], {env: environment});
	t.is(first.status, 0, first.stderr);
	const [indexName] = fs.readdirSync(path.join(cache, 'inkwire'));
	const indexFile = path.join(cache, 'inkwire', indexName!);
	const text = fs.readFileSync(indexFile, 'utf8');
	fs.writeFileSync(indexFile, text.replace('["harbour","city"]', '["harbour",7]').replace(/\t(\d+)\t(1\d{12})/, '\tsize $1\t$2'));
	const second = runCli(['list', '--json'], {env: environment});
	t.is(second.status, 0, second.stderr);
	t.deepEqual(JSON.parse(second.stdout), JSON.parse(first.stdout));
});

test('a link to / in the store is not walked', t => {
	const {root, environment} = makeStore();
	fs.symlinkSync('/', path.join(root, 'root'));
	const result = runCli(['list', '--verbose'], {env: environment});
	t.is(result.status, 0, result.stderr);
	t.is(result.stdout.trimEnd().split('\n').length, 2);
	t.regex(result.stderr, /skipped root: symbolic link that leads out of the store/);
});

test('show - refuses endless stdin with one line, and waits for stdin that comes late', async t => {
	const {environment} = makeStore();
	const zero = fs.openSync('/dev/zero', 'r');
	const endless = spawnSync(process.execPath, [cliPath, 'show', '-'], {env: environment, stdio: [zero, 'pipe', 'pipe'], encoding: 'utf8', timeout: 60_000});
	fs.closeSync(zero);
	assertOneLine(t, {stdout: endless.stdout, stderr: endless.stderr, status: endless.status}, /^inkwire: show -: stdin: larger than 5 MB\n$/);

	const late = await runCliAsync(['show', '-', '--format', 'plain'], {env: environment, feed(stdin) {
		setTimeout(() => {
			stdin.end('# Late headline\n\nIt came after a second.\n');
		}, 1000);
	}});
	t.is(late.status, 0, late.stderr);
	t.true(late.stdout.includes('It came after a second.'));
});

test('a warm list does not load the parser: list loads no js-yaml and no article parsing statically', t => {
	const chunks = path.join(path.dirname(cliPath), 'chunks');
	const list = fs.readdirSync(chunks).find(name => name.startsWith('list-'));
	t.truthy(list);
	const queue = [path.join(chunks, list!)];
	const loaded = new Set<string>(queue);
	for (let index = 0; index < queue.length; index++) {
		const code = fs.readFileSync(queue[index]!, 'utf8');
		t.notRegex(code, /^\/\/ (?:node_modules\/js-yaml\/|source\/core\/article\/parse\.ts)/m, `${path.basename(queue[index]!)} is loaded by list`);
		for (const [, specifier] of code.matchAll(/^import\s(?:[^;]*?from\s*)?"(\.[^"]+)"/gm)) {
			const file = path.resolve(path.dirname(queue[index]!), specifier!);
			if (!loaded.has(file)) {
				loaded.add(file);
				queue.push(file);
			}
		}
	}

	t.true(loaded.size > 2);
});

test('once the store has been still, list skips the walk and still shows an edit in place, an added and a removed article', async t => {
	const {root, environment, cache} = makeStore();
	fs.mkdirSync(path.join(root, 'news'));
	fs.writeFileSync(path.join(root, 'news/three.md'), '---\ntitle: Three\ndate: 2024-12-31\n---\n\nBody three.\n');
	// Folders changed in the last 2 s are not stamped (walk.ts): wait them out, as a real store is usually still.
	await new Promise(resolve => {
		setTimeout(resolve, 2300);
	});
	const titles = () => {
		const result = runCli(['list'], {env: environment});
		t.is(result.status, 0, result.stderr);
		return result.stdout.trimEnd().split('\n').map(line => line.split('\t')[4]);
	};

	t.deepEqual(titles(), ['One', 'Two', 'Three']);
	const [indexName] = fs.readdirSync(path.join(cache, 'inkwire'));
	const lines = fs.readFileSync(path.join(cache, 'inkwire', indexName!), 'utf8').trimEnd().split('\n');
	// The header counts the stamps, one line per folder after the entries: the root and news/.
	t.is(JSON.parse(lines[0]!).folders, 2);
	t.is(lines.length, 1 + 3 + 2);
	t.deepEqual(titles(), ['One', 'Two', 'Three']);

	fs.writeFileSync(path.join(root, 'news/three.md'), '---\ntitle: Three, edited in place\ndate: 2024-12-31\n---\n\nBody three.\n');
	t.deepEqual(titles(), ['One', 'Two', 'Three, edited in place']);
	fs.writeFileSync(path.join(root, 'news/four.md'), '---\ntitle: Four\ndate: 2025-02-01\n---\n\nBody four.\n');
	t.deepEqual(titles(), ['Four', 'One', 'Two', 'Three, edited in place']);
	fs.rmSync(path.join(root, 'two.md'));
	t.deepEqual(titles(), ['Four', 'One', 'Three, edited in place']);
});
