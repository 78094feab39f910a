/**
Data loss: marks, subscriptions and stored articles under concurrent writers and kill -9. Each attack counts what
was kept and reports it as a figure.
*/
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {cliPath} from '../../helpers/cli.js';
import type {Attack, Workspace} from '../harness.js';
import {configLeftovers, idsOf, respond, startHostileServer, writeManyArticles} from './common.js';

/** Start the CLI and kill it with SIGKILL after `afterMs`; resolves with its exit status (null when killed). */
async function runAndKill(workspace: Workspace, args: readonly string[], afterMs: number): Promise<number | null> {
	const child = spawn(process.execPath, [cliPath, ...args], {env: workspace.environment(), stdio: 'ignore'});
	const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
	return new Promise(resolve => {
		child.on('close', code => {
			clearTimeout(timer);
			resolve(code);
		});
	});
}

const writers = 8;
const perWriter = 50;

const concurrent: Attack = {
	name: `${writers} processes starring ${perWriter} articles each (one at a time) while another marks read`,
	class: 'data loss',
	async setup(workspace) {
		writeManyArticles(workspace, writers * perWriter + 60);
	},
	async act(_workspace, tools) {
		await tools.run({args: ['list'], expect: 'ok'}, 'index the store');
		// Ten ids a run: 5 runs a writer, 40 processes racing for the lock, and the reader-like marker alongside.
		const batch = 10;
		const writerRuns = Array.from({length: writers}, async (_, writer) => {
			for (let start = 0; start < perWriter; start += batch) {
				const ids = Array.from({length: batch}, (_, index) => `a${writer * perWriter + start + index}`);
				// eslint-disable-next-line no-await-in-loop
				await tools.run({args: ['star', ...ids], expect: 'ok', timeoutMs: 30_000}, `writer ${writer}`);
			}
		});
		const marker = (async () => {
			for (let index = 0; index < 60; index += 6) {
				const ids = Array.from({length: 6}, (_, offset) => `a${writers * perWriter + index + offset}`);
				// eslint-disable-next-line no-await-in-loop
				await tools.run({args: ['read', ...ids], expect: 'ok', timeoutMs: 30_000}, 'marker');
			}
		})();
		await Promise.all([...writerRuns, marker]);
		const starred = new Set(idsOf((await tools.run({args: ['list', '--starred'], expect: 'ok'}, 'list --starred')).stdout));
		const read = (await tools.run({args: ['list', '--json'], expect: 'ok'}, 'list --json')).stdout;
		const readIds = (JSON.parse(read) as Array<{id: string; isRead?: boolean; read?: boolean}>).filter(article => article.isRead ?? article.read).map(article => article.id);
		const expected = writers * perWriter;
		tools.figure(`Concurrent writers (${writers} processes x ${perWriter} stars, 10 a run, and 60 read marks alongside)`, `${starred.size} of ${expected} stars and ${readIds.length} of 60 read marks kept`);
		if (starred.size !== expected) {
			tools.fail(`${expected - starred.size} of ${expected} stars lost`);
		}

		if (readIds.length !== 60) {
			tools.fail(`${60 - readIds.length} of 60 read marks lost`);
		}
	},
};

const kills = 30;
const killDuringSaves: Attack = {
	name: `kill -9 ${kills} times inside saves of a large config`,
	class: 'data loss',
	async setup(workspace) {
		writeManyArticles(workspace, 3000);
	},
	async act(workspace, tools) {
		await tools.run({args: ['list'], expect: 'ok'}, 'index the store');
		// A config of 2,000 read marks, so that a save takes long enough for kills to land inside it.
		const all = Array.from({length: 2000}, (_, index) => `a${index}`);
		await tools.run({args: ['read', ...all], expect: 'ok'}, 'seed 2,000 read marks');
		const confirmed: string[] = [];
		let killedInside = 0;
		for (let round = 0; round < kills; round++) {
			const id = `a${2000 + round}`;
			// Kill anywhere from start-up to the end of the save: some before, some inside, some after.
			// eslint-disable-next-line no-await-in-loop
			const status = await runAndKill(workspace, ['star', id], 150 + ((round * 37) % 400));
			if (status === 0) {
				confirmed.push(id);
			} else {
				killedInside++;
			}

			let text = '';
			try {
				text = fs.readFileSync(workspace.configFile, 'utf8');
				JSON.parse(text);
			} catch {
				tools.fail(`after kill ${round + 1} config.json is ${text === '' ? 'missing' : 'not valid JSON'}`);
				return;
			}
		}

		await tools.run({args: ['star', 'a2999'], expect: 'ok'}, 'a save after the kills');
		const starred = new Set(idsOf((await tools.run({args: ['list', '--starred'], expect: 'ok'}, 'list --starred')).stdout));
		const readCount = (await tools.run({args: ['list', '--unread'], expect: 'ok'}, 'list --unread')).stdout.split('\n').filter(Boolean).length;
		const lostConfirmed = confirmed.filter(id => !starred.has(id));
		const stray = configLeftovers(workspace);
		tools.figure(`kill -9 during saves (${kills} kills, ${killedInside} before the save returned)`, `${confirmed.length - lostConfirmed.length} of ${confirmed.length} confirmed stars kept, ${3000 - readCount} of 2,000 read marks kept, config valid after every kill, ${stray.length} stray files`);
		if (lostConfirmed.length > 0) {
			tools.fail(`confirmed stars lost: ${lostConfirmed.join(' ')}`);
		}

		if (3000 - readCount !== 2000) {
			tools.fail(`${2000 - (3000 - readCount)} seeded read marks lost`);
		}

		if (stray.length > 0) {
			tools.fail(`stray files left after the next save: ${stray.join(' ')}`);
		}
	},
};

const feed = (items: number) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title><link>http://127.0.0.1/</link>${Array.from({length: items}, (_, index) => `<item><title>Item ${index}</title><link>http://127.0.0.1/i/${index}</link><guid>g${index}</guid><description>${'Text of the item. '.repeat(50)}</description></item>`).join('')}</channel></rss>`;

const killDuringFetch: Attack = {
	name: 'kill -9 during fetch, 10 times: every stored article complete, subscriptions intact',
	class: 'data loss',
	writesStore: true,
	async act(workspace, tools) {
		const server = await startHostileServer(workspace, {'/feed.xml': respond(feed(500), 'application/rss+xml')});
		await tools.run({args: ['add', `${server.url}/feed.xml`, '--name', 'big'], expect: 'ok'}, 'add');
		const subscriptions = fs.readFileSync(path.join(workspace.configDirectory, 'feeds.opml'), 'utf8');
		let leftovers = 0;
		for (let round = 0; round < 10; round++) {
			// eslint-disable-next-line no-await-in-loop
			await runAndKill(workspace, ['fetch'], 300 + round * 60);
			const names = fs.readdirSync(workspace.store, {recursive: true}) as string[];
			// A kill between write and rename leaves a hidden temporary file, which the scan never lists.
			leftovers = names.filter(name => path.basename(name).startsWith('.') && name.endsWith('.tmp')).length;
			const broken = names.filter(name => name.endsWith('.md')).filter(name => !fs.readFileSync(path.join(workspace.store, name), 'utf8').includes('Text of the item.'));
			if (broken.length > 0) {
				tools.fail(`round ${round}: ${broken.length} truncated articles`);
			}
		}

		tools.figure('kill -9 during fetch (10 kills)', `no article truncated; ${leftovers} hidden temporary files left by the kills (never listed)`);
		if (fs.readFileSync(path.join(workspace.configDirectory, 'feeds.opml'), 'utf8') !== subscriptions) {
			tools.fail('feeds.opml changed under kill -9');
		}

		await tools.run({args: ['fetch'], expect: 'ok'}, 'fetch after the kills');
		await tools.run({args: ['list'], expect: 'ok', stdout: /Item 499/}, 'list');
	},
	writesSubscriptions: true,
};

const concurrentAdds: Attack = {
	name: '6 processes adding a feed each at once, then 6 removing',
	class: 'data loss',
	writesSubscriptions: true,
	async act(workspace, tools) {
		const routes = Object.fromEntries(Array.from({length: 6}, (_, index) => [`/f${index}.xml`, respond(feed(2).replace('<title>Big</title>', `<title>Feed ${index}</title>`), 'application/rss+xml')]));
		const server = await startHostileServer(workspace, routes);
		await Promise.all(Array.from({length: 6}, async (_, index) => tools.run({args: ['add', `${server.url}/f${index}.xml`, '--name', `feed${index}`], expect: 'ok', timeoutMs: 30_000}, `add ${index}`)));
		const listed = (await tools.run({args: ['feeds', '--json'], expect: 'ok'}, 'feeds')).stdout;
		const kept = Array.from({length: 6}, (_, index) => listed.includes(`feed${index}`)).filter(Boolean).length;
		await Promise.all(Array.from({length: 3}, async (_, index) => tools.run({args: ['remove', `feed${index}`], expect: 'ok', timeoutMs: 30_000}, `remove ${index}`)));
		const after = (await tools.run({args: ['feeds', '--json'], expect: 'ok'}, 'feeds after removes')).stdout;
		const left = Array.from({length: 6}, (_, index) => after.includes(`feed${index}`));
		tools.figure('Concurrent subscriptions (6 adds at once, then 3 removes)', `${kept} of 6 added, ${left.filter(Boolean).length} of 3 left after removing 3`);
		if (kept !== 6 || left.join() !== 'false,false,false,true,true,true') {
			tools.fail(`adds kept ${kept} of 6; after removes: ${left.join(' ')}`);
		}
	},
};

const readOnlyConfig: Attack = {
	name: 'a read-only config directory (not root only) or a config directory that is a file: star says it failed',
	class: 'data loss',
	breaksConfig: true,
	setup(workspace) {
		workspace.write('a.md', '---\nid: a\n---\n\nx\n');
		fs.mkdirSync(workspace.configHome, {recursive: true});
		fs.writeFileSync(workspace.configDirectory, 'a file where the folder should be');
	},
	command: {args: ['star', 'a'], expect: 'error', stderr: /cannot be saved|not a directory|ENOTDIR/i},
};

/** The data loss attacks. */
export const dataLoss: readonly Attack[] = [concurrent, killDuringSaves, killDuringFetch, concurrentAdds, readOnlyConfig];
