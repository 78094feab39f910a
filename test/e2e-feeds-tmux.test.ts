import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {cliEnvironment, cliPath, runCliAsync} from './helpers/cli.js';
import {serve, startFeedServer} from './helpers/feed-server.js';
import {hasTmux, Tmux} from './helpers/tmux.js';

const available = hasTmux() || Boolean(process.env['CI']);
const run = available ? test.serial : test.skip;

const feed = (items: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Local Wire</title><link>http://127.0.0.1/</link><description>Test</description>
${items.join('\n')}
</channel></rss>`;
const item = (title: string, day: number) => `<item><title>${title}</title><link>http://127.0.0.1/${day}</link><guid>wire-${day}</guid>
<pubDate>${new Date(Date.UTC(2026, 10, day, 8)).toUTCString()}</pubDate><description>&lt;p&gt;The story of ${title}.&lt;/p&gt;</description></item>`;

run('R in the reader fetches new articles in the background, they show unread, and F shows the feeds', async t => {
	const server = await startFeedServer({'/feed.xml': serve(feed([item('First light over the harbour', 20)]), 'application/rss+xml')});
	t.teardown(async () => server.close());
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-e2e-feeds-'));
	const store = path.join(home, 'store');
	const environment = cliEnvironment({config: path.join(home, 'config'), cache: path.join(home, 'cache'), home});
	t.is((await runCliAsync(['--data', store, 'add', `${server.url}/feed.xml`], {env: environment})).status, 0);
	t.is((await runCliAsync(['--data', store, 'fetch'], {env: environment})).status, 0);
	// A second item appears in the feed after the reader has started.
	server.route('/feed.xml', serve(feed([item('First light over the harbour', 20), item('Second tide of the season', 21)]), 'application/rss+xml'));

	const quote = (value: string) => `'${value.replaceAll('\'', '\'\\\'\'')}'`;
	const variables = Object.entries(environment).filter(([name]) => name.startsWith('XDG_')).map(([name, value]) => `${name}=${quote(value!)}`);
	const command = ['env', '-u', 'CI', 'TERM=xterm-256color', ...variables, quote(process.execPath), quote(cliPath), '--data', quote(store)].join(' ');
	const tmux = new Tmux();
	t.teardown(() => {
		tmux.kill();
	});
	tmux.start('feeds', `${command}; echo "inkwire exited with $?"; sleep 60`);
	let screen = await tmux.waitFor('feeds', s => s.includes('First light over the harbour'), 'the list');
	t.regex(screen, /1 articles? · 1 unread/);
	tmux.keys('feeds', 'R');
	screen = await tmux.waitFor('feeds', s => s.includes('Second tide of the season') && /Fetched: 1 feed, 1 new article, 0 failed/.test(s), 'the new article');
	t.regex(screen, /2 articles · 2 unread/);
	t.regex(screen.split('\n').find(line => line.includes('Second tide')) ?? '', /●/, 'the new article is unread');
	t.regex(screen.split('\n').find(line => line.includes('❯')) ?? '', /First light/, 'the highlight did not move');
	tmux.keys('feeds', 'F');
	screen = await tmux.waitFor('feeds', s => s.includes('inkwire · feeds'), 'the feeds view');
	t.regex(screen, /2 unread +2 articles +Local Wire/);
	tmux.keys('feeds', 'Enter');
	screen = await tmux.waitFor('feeds', s => s.includes('feed: Local Wire'), 'the feed\'s articles');
	tmux.keys('feeds', 'q');
	await tmux.waitFor('feeds', s => s.includes('inkwire · feeds'), 'the feeds view again');
	tmux.keys('feeds', 'q');
	screen = await tmux.waitFor('feeds', s => s.includes('inkwire exited with'), 'the exit');
	t.regex(screen, /inkwire exited with 0/);
});
