/**
Hangs: renders that take too long, opens that block (FIFOs, devices), walks that never end (links out of the store,
loops), servers that never finish, stdin that arrives late, locks left behind, and keys and signals that must be
answered whatever the reader is busy with. The bounds are hang bounds, generous on purpose (a noisy machine must
not fail them), never timings.
*/
import fs from 'node:fs';
import path from 'node:path';
import type {Attack, Tools} from '../harness.js';
import {judgeReader} from '../harness.js';
import {drip, makeFifo, startHostileServer, writeManyArticles} from './common.js';

function table(rows: number, columns: number): string {
	const row = `| ${Array.from({length: columns}, (_, index) => `c${index}`).join(' | ')} |`;
	const rule = `|${'---|'.repeat(columns)}`;
	return [row, rule, ...Array.from({length: rows}, () => row)].join('\n');
}

function nestedList(depth: number): string {
	return Array.from({length: depth}, (_, index) => `${'  '.repeat(index)}- level ${index}`).join('\n');
}

function renderAttack(name: string, make: () => string, isListed = false): Attack {
	return {
		name,
		class: 'hang',
		isListed,
		setup(workspace) {
			workspace.write('big.md', make());
		},
		async act(workspace, tools) {
			for (const format of ['plain', 'ansi']) {
				// eslint-disable-next-line no-await-in-loop
				await tools.run({args: ['show', `${workspace.store}/big.md`, '--format', format], expect: 'ok', isStyled: format === 'ansi', timeoutMs: 30_000}, `show --format ${format}`);
			}
		},
	};
}

/** Open the reader, get to the big article, and answer `key` (or a signal) within the bound, terminal restored. */
async function interruptReader(tools: Tools, args: readonly string[], interrupt: {readonly key?: string; readonly signal?: NodeJS.Signals}, waitForText: RegExp, open: boolean, beforeInterrupt?: () => void): Promise<void> {
	const reader = await tools.reader(args);
	// The raw output too: a screen that was up for less than a poll (a fast first index) was still drawn.
	if (!await reader.waitFor(screen => waitForText.test(screen) || waitForText.test(reader.raw()), 30_000)) {
		tools.fail(`the reader did not show ${waitForText}: ${reader.screen().slice(0, 300)}`);
	}

	if (open) {
		reader.keys('Enter');
		// Into the render: the key or signal arrives while it is busy.
		await new Promise(resolve => setTimeout(resolve, 150));
	}

	beforeInterrupt?.();
	if (interrupt.key) {
		reader.keys(interrupt.key);
	} else if (interrupt.signal) {
		reader.signal(interrupt.signal);
	}

	// The bound is a hang bound: 200 ms is the goal, 5 s fails only a reader that does not listen.
	const result = await reader.end(5000);
	for (const problem of judgeReader(result, {expectStatus: 'any'})) {
		tools.fail(problem);
	}
}

const listed: Attack[] = [
	renderAttack('a table of 30,000 rows', () => table(30_000, 3), true),
	renderAttack('a table of 5,000 columns', () => table(3, 5000), true),
	renderAttack('a list nested 1,100 levels deep', () => nestedList(1100), true),
	...(['C-c', 'SIGTERM'] as const).map((interrupt): Attack => ({
		name: `${interrupt === 'C-c' ? 'Ctrl-C' : interrupt} in the reader while a 30,000-row table renders`,
		class: 'hang',
		isListed: true,
		needsTerminal: true,
		setup(workspace) {
			workspace.write('big.md', `---\nid: big\ntitle: Big table\n---\n\n${table(30_000, 4)}\n`);
		},
		async act(_workspace, tools) {
			await interruptReader(tools, [], interrupt === 'C-c' ? {key: 'C-c'} : {signal: interrupt}, /Big table/, true);
		},
	})),
	{
		name: 'Ctrl-C in the reader during a first index of 30,000 articles',
		class: 'hang',
		isListed: true,
		needsTerminal: true,
		setup(workspace) {
			writeManyArticles(workspace, 30_000);
		},
		async act(workspace, tools) {
			const cache = path.join(workspace.cacheHome, 'inkwire');
			const hasIndex = () => fs.existsSync(cache) && fs.readdirSync(cache).some(name => name.startsWith('index-'));
			let wasIndexedFirst = false;
			await interruptReader(tools, [], {key: 'C-c'}, /indexing [\d,]+ of/, false, () => {
				wasIndexedFirst = hasIndex();
			});
			// Answered during the index, not after it: an interrupted first index writes no index file. (On a machine
			// that indexes 30,000 files before the key can even be sent, the race is lost before it starts: said, not failed.)
			if (wasIndexedFirst) {
				tools.figure('Ctrl-C during a first index', 'the index was complete before Ctrl-C could be sent: not tried');
			} else if (hasIndex()) {
				tools.fail('Ctrl-C was answered only once the first index was complete');
			}
		},
	},
	{
		name: 'an article replaced by a FIFO after the scan, opened in the reader',
		class: 'hang',
		isListed: true,
		needsTerminal: true,
		writesStore: true,
		setup(workspace) {
			workspace.write('victim.md', '---\nid: victim\ntitle: Victim\n---\n\nText.\n');
		},
		async act(workspace, tools) {
			const reader = await tools.reader([]);
			if (!await reader.waitFor(screen => screen.includes('Victim'))) {
				tools.fail('the list did not show');
			}

			fs.rmSync(path.join(workspace.store, 'victim.md'));
			makeFifo(path.join(workspace.store, 'victim.md'));
			reader.keys('Enter');
			await new Promise(resolve => setTimeout(resolve, 500));
			reader.keys('q', 'q');
			const result = await reader.end(5000);
			for (const problem of judgeReader(result, {expectStatus: 0})) {
				tools.fail(problem);
			}
		},
	},
	{
		name: 'ln -s / in the store',
		class: 'hang',
		isListed: true,
		setup(workspace) {
			workspace.write('a.md', '# A\n\ntext\n');
			fs.symlinkSync('/', path.join(workspace.store, 'root'));
		},
		command: {args: ['list'], expect: 'ok', stdout: /^a\t[^\n]*\n$/, timeoutMs: 20_000},
	},
	{
		name: '(sleep 1; echo \'# x\') | inkwire show -',
		class: 'hang',
		isListed: true,
		command: {
			args: ['show', '-'],
			stdin(stdin) {
				setTimeout(() => {
					stdin.end('# late\n\narrived after a second\n');
				}, 1000);
			},
			expect: 'ok',
			stdout: /arrived after a second/,
		},
	},
	{
		name: 'a lock left with an empty owner file (a full disk), then star',
		class: 'hang',
		isListed: true,
		setup(workspace) {
			workspace.write('a.md', '---\nid: a\n---\n\nx\n');
			fs.mkdirSync(`${workspace.configFile}.lock`, {recursive: true});
			fs.writeFileSync(path.join(`${workspace.configFile}.lock`, 'owner'), '');
		},
		async act(_workspace, tools) {
			await tools.run({args: ['star', 'a'], expect: 'ok', timeoutMs: 8000}, 'star');
			await tools.run({args: ['list', '--starred'], expect: 'ok', stdout: /^a\t/}, 'list --starred');
		},
	},
];

const variants: Attack[] = [
	renderAttack('a list nested 2,000 levels deep (4 MB)', () => nestedList(2000)),
	renderAttack('a table of 2,000 rows by 300 columns', () => table(2000, 300)),
	renderAttack('100 tables of 1,000 rows each', () => Array.from({length: 100}, () => table(1000, 3)).join('\n\n')),
	renderAttack('an ordered list nested 1,500 deep with code in each', () => Array.from({length: 1500}, (_, index) => `${'   '.repeat(index)}1. \`code ${index}\``).join('\n')),
	renderAttack('500 KB of one code block in an unknown language', () => `\`\`\`nosuchlanguage\n${'x = y + z; // comment\n'.repeat(25_000)}\`\`\`\n`),
	renderAttack('500 KB of highlighted JavaScript', () => `\`\`\`js\n${'function f(a) { return a ? "s" + f(a - 1) : `t${1}`; } /* c */\n'.repeat(8000)}\`\`\`\n`),
	{
		name: 'show PATH of a FIFO',
		class: 'hang',
		setup(workspace) {
			makeFifo(path.join(workspace.store, 'pipe.md'));
		},
		command: workspace => ({args: ['show', `${workspace.store}/pipe.md`], expect: 'error', timeoutMs: 10_000}),
	},
	{
		name: 'show PATH of a symlink to a FIFO and of /dev/tty',
		class: 'hang',
		setup(workspace) {
			makeFifo(workspace.path('pipe'));
			fs.symlinkSync(workspace.path('pipe'), path.join(workspace.store, 'link.md'));
		},
		async act(workspace, tools) {
			await tools.run({args: ['show', `${workspace.store}/link.md`], expect: 'error', timeoutMs: 10_000}, 'show the link');
			await tools.run({args: ['show', '/dev/tty'], expect: 'error', timeoutMs: 10_000}, 'show /dev/tty');
		},
	},
	{
		name: 'FIFOs as config.json, feeds.opml and the index cache',
		class: 'hang',
		breaksConfig: true,
		setup(workspace) {
			workspace.write('a.md', '---\nid: a\n---\n\nx\n');
			makeFifo(workspace.configFile);
			makeFifo(path.join(workspace.configDirectory, 'feeds.opml'));
		},
		async act(workspace, tools) {
			await tools.run({args: ['list'], expect: 'any', timeoutMs: 10_000}, 'list');
			await tools.run({args: ['read', 'a'], expect: 'any', timeoutMs: 15_000}, 'read');
			await tools.run({args: ['feeds'], expect: 'any', timeoutMs: 10_000}, 'feeds');
			await tools.run({args: ['export'], expect: 'any', timeoutMs: 10_000}, 'export');
			fs.rmSync(path.join(workspace.cacheHome, 'inkwire'), {recursive: true, force: true});
			fs.mkdirSync(path.join(workspace.cacheHome, 'inkwire'), {recursive: true});
			for (const name of ['index', 'search']) {
				makeFifo(path.join(workspace.cacheHome, 'inkwire', name));
			}

			await tools.run({args: ['search', 'x'], expect: 'any', answerStatuses: [1], timeoutMs: 10_000}, 'search');
		},
	},
	{
		name: 'import of a FIFO path',
		class: 'hang',
		setup(workspace) {
			makeFifo(workspace.path('feeds.opml'));
		},
		command: workspace => ({args: ['import', workspace.path('feeds.opml')], expect: 'error', timeoutMs: 10_000}),
	},
	{
		name: 'symlink loops: a to b to a, a folder linking to its parent, a self link',
		class: 'hang',
		setup(workspace) {
			workspace.write('ok.md', '# ok\n\nx\n');
			fs.symlinkSync('b.md', path.join(workspace.store, 'a.md'));
			fs.symlinkSync('a.md', path.join(workspace.store, 'b.md'));
			fs.symlinkSync('self.md', path.join(workspace.store, 'self.md'));
			fs.mkdirSync(path.join(workspace.store, 'sub'));
			fs.symlinkSync('..', path.join(workspace.store, 'sub', 'up'));
			fs.symlinkSync('.', path.join(workspace.store, 'here'));
		},
		async act(workspace, tools) {
			await tools.run({args: ['list', '--verbose'], expect: 'ok'}, 'list --verbose');
			await tools.run({args: ['show', `${workspace.store}/a.md`], expect: 'error'}, 'show a link loop');
		},
	},
	{
		name: 'a folder tree 2,000 levels deep',
		class: 'hang',
		setup(workspace) {
			let directory = workspace.store;
			for (let level = 0; level < 2000; level++) {
				directory = path.join(directory, 'd');
				if (directory.length > 3800) {
					// PATH_MAX: go on from a link back near the top.
					break;
				}
			}

			fs.mkdirSync(directory, {recursive: true});
			fs.writeFileSync(path.join(directory, 'deep.md'), '# deep\n');
			workspace.write('top.md', '# top\n');
		},
		command: {args: ['list', '--verbose'], expect: 'ok'},
	},
	{
		name: 'a folder of 20,000 empty and unreadable-type files',
		class: 'hang',
		setup(workspace) {
			for (let index = 0; index < 20_000; index++) {
				fs.writeFileSync(path.join(workspace.store, `e${index}.${index % 2 ? 'md' : 'bin'}`), '');
			}
		},
		command: {args: ['list', '--verbose'], expect: 'ok'},
	},
	...(['add', 'save', 'fetch'] as const).flatMap((verb): Attack[] => [
		['a slow-loris server (one byte a second)', (socket: import('node:net').Socket) => {
			socket.write('HTTP/1.1 200 OK\r\n');
			drip(socket, 'x', 1000);
		}],
		['a server that accepts and never answers', () => undefined],
		['a redirect loop', (socket: import('node:net').Socket) => socket.end('HTTP/1.1 302 Found\r\nlocation: /x\r\ncontent-length: 0\r\n\r\n')],
		['a body that trickles forever', (socket: import('node:net').Socket) => {
			socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/rss+xml\r\n\r\n<rss>');
			drip(socket, '<item>', 200);
		}],
	// add and save have no --timeout (their bound is 30 s): one slow case each keeps the catalogue short.
	].filter(([name]) => verb === 'fetch' || name === 'a redirect loop' || (name === 'a slow-loris server (one byte a second)' && verb === 'save') || (name === 'a server that accepts and never answers' && verb === 'add')).map(([name, route]): Attack => ({
		name: `${name as string}, against ${verb}`,
		class: 'hang',
		writesStore: true,
		writesSubscriptions: true,
		async act(workspace, tools) {
			const server = await startHostileServer(workspace, {'/x': route as never});
			const url = `${server.url}/x`;
			if (verb === 'fetch') {
				await tools.run({args: ['import', '-'], stdin: `<opml version="2.0"><body><outline text="slow" type="rss" xmlUrl="${url}"/></body></opml>`, expect: 'ok'}, 'import');
				await tools.run({args: ['fetch', '--timeout', '3'], expect: 'any', timeoutMs: 20_000}, 'fetch --timeout 3');
			} else {
				// add and save have their own default timeout (30 s): the bound here is above it.
				await tools.run({args: [verb, url], expect: 'error', timeoutMs: 45_000}, verb);
			}
		},
	}))),
];

/** The hang attacks. */
export const hang: readonly Attack[] = [...listed, ...variants];
