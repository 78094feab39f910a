import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import test from 'ava';
import {isSafeTerminalOutput} from '../source/core/text/sanitize.js';
import {cliEnvironment, makeHome, root, runCliAsync} from './helpers/cli.js';
import {redirect, serve, serveHuge, startFeedServer, type FeedServer} from './helpers/feed-server.js';

/**
The feed commands end to end, through the built CLI, against a feed server on 127.0.0.1: add (a feed, a page that
links to one), feeds, fetch (twice, and after losing the cache), remove, save, import/export, then list and show.
Then every hostile server and feed: one clear line each, the others fetched, store and subscriptions intact.
*/

let server: FeedServer;
const fixture = (name: string) => fs.readFileSync(path.join(root, 'test/fixtures/feeds', name));

function bigFeed(count: number): string {
	const items = Array.from({length: count}, (_, index) => `<item><title>Story ${index}</title><link>https://big.example/${index}</link><guid>big-${index}</guid><pubDate>Sun, 01 Nov 2026 10:00:00 GMT</pubDate><description>Body ${index}</description></item>`);
	return `<?xml version="1.0"?><rss version="2.0"><channel><title>Big Feed</title><link>https://big.example/</link>${items.join('')}</channel></rss>`;
}

// 100 MB of zeros in about 100 KB, made once.
const gzipBomb = zlib.gzipSync(Buffer.alloc(100 * 1024 * 1024), {level: 9});
let changing = fixture('wordpress.xml').toString('utf8');

test.before(async () => {
	server = await startFeedServer({
		'/wordpress.xml': serve(fixture('wordpress.xml'), 'application/rss+xml; charset=UTF-8', {etag: '"wp-1"'}),
		'/changing.xml': (_request, response) => {
			response.writeHead(200, {'content-type': 'application/rss+xml'});
			response.end(changing);
		},
		'/atom.xml': serve(fixture('atom-xhtml.xml'), 'application/atom+xml'),
		'/rdf.xml': serve(fixture('rdf.xml'), 'application/rdf+xml'),
		'/feed.json': serve(fixture('json-feed.json'), 'application/feed+json'),
		'/cp1252.xml': serve(fixture('windows-1252.xml'), 'text/xml'),
		'/page.html': serve(fixture('page-with-feed.html'), 'text/html; charset=utf-8'),
		'/no-feed.html': serve('<!doctype html><html><head><title>x</title></head><body>no feed</body></html>', 'text/html'),
		'/article.html': serve(fixture('article-page.html'), 'text/html; charset=utf-8'),
		'/evil.xml': serve(fixture('hostile-titles.xml'), 'application/rss+xml'),
		'/bomb.xml': serve(fixture('entity-bomb.xml'), 'application/rss+xml'),
		'/xxe.xml': serve(fixture('external-entity.xml'), 'application/rss+xml'),
		'/malformed.xml': serve(fixture('malformed.xml'), 'application/rss+xml'),
		'/big.xml': serve(bigFeed(10_000), 'application/rss+xml'),
		'/error': serve('boom', 'text/plain', {status: 500}),
		'/never': () => {},
		'/huge': serveHuge(100, 'application/rss+xml'),
		'/gzip-bomb': (_request, response) => {
			response.writeHead(200, {'content-type': 'application/rss+xml', 'content-encoding': 'gzip'});
			response.end(gzipBomb);
		},
		'/loop': redirect('/loop-2'),
		'/loop-2': redirect('/loop'),
		'/old-home.xml': redirect('/rdf.xml', 301),
		'/not-a-feed': serve('just text', 'text/plain'),
		'/picture.png': serve(Buffer.from([0x89, 0x50, 0x4E, 0x47]), 'image/png'),
	});
	// A truncated feed whose items link to their pages: `--full` stores the pages' articles.
	server.route('/short.xml', serve(`<?xml version="1.0"?><rss version="2.0"><channel><title>Short Herald</title><link>${server.url}/</link>
		<item><title>Fountains</title><link>${server.url}/article.html</link><guid>short-1</guid><pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate><description>Only a teaser.</description></item>
		<item><title>Gone</title><link>${server.url}/error</link><guid>short-2</guid><pubDate>Mon, 30 Nov 2026 09:00:00 GMT</pubDate><description>The teaser of a page that fails.</description></item>
		</channel></rss>`, 'application/rss+xml'));
});

test.after.always(async () => {
	await server.close();
});

function setUp() {
	const home = makeHome();
	const environment = cliEnvironment(home);
	const store = path.join(home.home, 'data', 'inkwire');
	const subscriptions = path.join(home.config, 'inkwire', 'feeds.opml');
	const run = async (...arguments_: string[]) => runCliAsync(arguments_, {env: environment});
	return {home, environment, store, subscriptions, run};
}

function filesUnder(directory: string): string[] {
	try {
		return (fs.readdirSync(directory, {recursive: true, encoding: 'utf8'})).filter(name => fs.statSync(path.join(directory, name)).isFile()).sort();
	} catch {
		return [];
	}
}

test('add, feeds, fetch, fetch again, list and show: the new articles, clean, in one folder per feed', async t => {
	const {run, store, subscriptions} = setUp();
	const added = await run('add', `${server.url}/page.html`);
	t.is(added.status, 0, added.stderr);
	t.regex(added.stdout, /^added "The Daily Wire Test – News" \(http:\/\/127\.0\.0\.1:\d+\/wordpress\.xml, 2 items now\)/);
	t.is((await run('add', `${server.url}/atom.xml`, '--name', 'Atom Notes')).status, 0);
	t.is((await run('add', `${server.url}/feed.json`)).status, 0);
	t.is((await run('add', `${server.url}/cp1252.xml`)).status, 0);
	t.regex(fs.readFileSync(subscriptions, 'utf8'), /<outline text="Atom Notes" type="rss" xmlUrl="http:\/\/127\.0\.0\.1:\d+\/atom\.xml"[^>]* folder="atom-notes"\/>/);
	const again = await run('add', `${server.url}/atom.xml`);
	t.is(again.status, 1);
	t.regex(again.stderr, /^inkwire: already subscribed to http:\/\/127\.0\.0\.1:\d+\/atom\.xml as "Atom Notes"\n$/);

	const before = await run('feeds');
	t.is(before.stdout.split('\n')[1], `Atom Notes\t${server.url}/atom.xml\t-\tnever fetched\t0\t0`);

	const fetched = await run('fetch');
	t.is(fetched.status, 0, fetched.stderr);
	t.is(fetched.stdout, '4 feeds, 7 new articles, 0 failed\n');
	t.is(fetched.stderr, '', 'piped: nothing but the summary');
	t.deepEqual(filesUnder(store), [
		'atom-notes/2026-11-28-escaped-html-title.md',
		'atom-notes/2026-11-29-relative-links-resolved.md',
		'cafe-presse/2026-11-22-quotes-and-cafes-5.md',
		'json-test-feed/2026-11-24-text-only.md',
		'json-test-feed/2026-11-25-first-json-item.md',
		'the-daily-wire-test-news/2026-11-30-markets-close-higher.md',
		'the-daily-wire-test-news/2026-12-01-water-returns-to-the-old-city-s-fountains.md',
	]);

	// Re-fetching never duplicates; the WordPress feed answers 304 to the ETag it gave.
	const refetched = await run('fetch');
	t.is(refetched.stdout, '4 feeds, 0 new articles, 0 failed\n');
	t.is(server.log.filter(entry => entry.path === '/wordpress.xml').at(-1)!.headers['if-none-match'], '"wp-1"');
	t.is(filesUnder(store).length, 7);

	const list = await run('list');
	t.is(list.status, 0, list.stderr);
	t.regex(list.stdout, /^the-daily-wire-test-news\/2026-12-01-water-returns-to-the-old-city-s-fountains\t2026-12-01\tunread\tThe Daily Wire Test – News\tWater returns to the old city’s fountains\n/);
	const shown = await run('show', 'the-daily-wire-test-news/2026-12-01-water', '--format', 'plain', '--width', '80');
	t.is(shown.status, 0, shown.stderr);
	t.regex(shown.stdout, /^Water returns to the old city’s fountains\nThe Daily Wire Test – News · Maya Haddad · Tue 1 Dec 2026 08:30 UTC/);
	t.regex(shown.stdout, /The main fountain in the old city on Monday\. \(AFP\)/);
	t.regex(shown.stdout, /│ Year +│ Rain \(mm\) │/);
	t.regex(shown.stdout, /image: The main fountain/);
	t.false(shown.stdout.includes('<p>'));
	const cafe = await run('show', 'cafe-presse/2026-11-22-quotes-and-cafes-5', '--format', 'plain');
	t.regex(cafe.stdout, /^“Quotes” and cafés – €5\n/);

	const feeds = await run('feeds', '--json');
	const rows = JSON.parse(feeds.stdout) as Array<{name: string; articles: number; unread: number; status: string; folder: string}>;
	t.deepEqual(rows.map(row => [row.name, row.folder, row.articles, row.unread]), [
		['The Daily Wire Test – News', 'the-daily-wire-test-news', 2, 2],
		['Atom Notes', 'atom-notes', 2, 2],
		['JSON Test Feed', 'json-test-feed', 2, 2],
		['Café Presse', 'cafe-presse', 1, 1],
	]);
	t.is((await run('read', 'atom-notes/2026-11-28-escaped-html-title')).status, 0);
	const afterRead = JSON.parse((await run('feeds', '--json')).stdout) as typeof rows;
	t.is(afterRead[1]!.unread, 1);
	t.is(rows[0]!.status, 'not modified');
	t.is(rows[1]!.status, 'ok');
});

test('a lost feed cache costs a fetch, never a duplicate; an updated item rewrites its own file', async t => {
	const {run, store, home} = setUp();
	changing = fixture('wordpress.xml').toString('utf8');
	t.is((await run('add', `${server.url}/changing.xml`, '--name', 'Changing')).status, 0);
	t.is((await run('fetch')).stdout, '1 feed, 2 new articles, 0 failed\n');
	const file = path.join(store, 'changing/2026-11-30-markets-close-higher.md');
	t.true(fs.existsSync(file));
	t.is((await run('read', 'changing/2026-11-30-markets-close-higher')).status, 0);

	fs.rmSync(home.cache, {recursive: true, force: true});
	t.is((await run('fetch')).stdout, '1 feed, 0 new articles, 0 failed\n');
	t.is(filesUnder(path.join(store, 'changing')).length, 2);

	changing = changing.replace('Stocks rose for a third day as <em>oil</em> fell.', 'Stocks rose for a fourth day.');
	const updated = await run('fetch', 'Changing');
	t.is(updated.stdout, '1 feed, 0 new articles, 1 updated, 0 failed\n');
	t.regex(fs.readFileSync(file, 'utf8'), /Stocks rose for a fourth day\./);
	t.is(filesUnder(path.join(store, 'changing')).length, 2);
	// Same file, same id: the read mark stays.
	const list = await run('list');
	t.regex(list.stdout, /changing\/2026-11-30-markets-close-higher\t2026-11-30\tread\t/);

	// A file the cache does not know (put there by hand, or left by a fetch that failed halfway) is found by its guid.
	fs.writeFileSync(path.join(store, 'changing/by-hand.md'), '---\ntitle: "By hand"\nguid: "hand-1"\n---\n\nWritten by hand.\n');
	changing = changing.replace('</channel>', '<item><title>By hand</title><guid>hand-1</guid><pubDate>Tue, 01 Dec 2026 10:00:00 +0000</pubDate><description>From the feed.</description></item></channel>');
	t.is((await run('fetch', 'Changing')).stdout, '1 feed, 0 new articles, 1 updated, 0 failed\n');
	t.is(filesUnder(path.join(store, 'changing')).length, 3);
	t.regex(fs.readFileSync(path.join(store, 'changing/by-hand.md'), 'utf8'), /From the feed\./);
});

test('remove keeps the articles; export and import round-trip the subscriptions', async t => {
	const first = setUp();
	t.is((await first.run('add', `${server.url}/atom.xml`, '--full')).status, 0);
	t.is((await first.run('add', `${server.url}/rdf.xml`)).status, 0);
	const exported = await first.run('export');
	t.is(exported.status, 0);
	t.regex(exported.stdout, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<opml version="2\.0">/);
	t.regex(exported.stdout, /xmlUrl="http:\/\/127\.0\.0\.1:\d+\/atom\.xml"[^>]*full="true"/);

	const second = setUp();
	const opmlFile = path.join(second.home.home, 'exported.opml');
	fs.writeFileSync(opmlFile, exported.stdout);
	const imported = await second.run('import', opmlFile);
	t.is(imported.stdout, 'imported 2 feeds\n');
	t.is((await second.run('export')).stdout, exported.stdout);
	t.is((await second.run('import', opmlFile)).stdout, 'imported 0 feeds (2 already subscribed)\n');

	t.is((await second.run('fetch', 'Slash Test')).stdout, '1 feed, 2 new articles, 0 failed\n');
	const removed = await second.run('remove', 'Slash Test');
	t.is(removed.status, 0);
	t.regex(removed.stdout, /^removed "Slash Test"; its articles stay in .*slash-test\n$/);
	t.is(filesUnder(path.join(second.store, 'slash-test')).length, 2);
	t.notRegex((await second.run('export')).stdout, /Slash Test/);
	const unknown = await second.run('remove', 'Nope');
	t.is(unknown.status, 1);
	t.is(unknown.stderr, 'inkwire: no feed named "Nope" (inkwire feeds lists them)\n');
	const brokenImport = await second.run('import', path.join(root, 'test/fixtures/feeds/wordpress.xml'));
	t.is(brokenImport.status, 1);
	t.regex(brokenImport.stderr, /^inkwire: import: .*wordpress\.xml: not an OPML file/);
});

test('save stores a page as a clean article (title, byline, site, date, caption, body without boilerplate); again, the same file', async t => {
	const {run, store} = setUp();
	const saved = await run('save', `${server.url}/article.html`);
	t.is(saved.status, 0, saved.stderr);
	t.is(saved.stdout, 'saved/2026-11-30-old-city-fountains-flow-again\n');
	const text = fs.readFileSync(path.join(store, 'saved/2026-11-30-old-city-fountains-flow-again.md'), 'utf8');
	t.regex(text, /^---\ntitle: "Old city fountains flow again"\nsource: "The Test Herald"\nauthor: "Maya Haddad"\ndate: "2026-11-30T07:15:00Z"\nurl: "https:\/\/herald\.example\/world\/fountains"\nimage: "https:\/\/herald\.example\/images\/fountain-lead\.jpg"\ncaption: "The main fountain in the old city on Monday\. \(AFP\)"\n---\n/);
	t.regex(text, /\n## What comes next\n/);
	t.regex(text, /\[the history of the aqueduct\]\(https:\/\/herald\.example\/world\/aqueduct-history\)/);
	for (const boilerplate of ['Subscribe now', 'cookies', 'Most read', 'All rights reserved', 'By Maya Haddad']) {
		t.false(text.includes(boilerplate), boilerplate);
	}

	t.is((await run('save', `${server.url}/article.html`)).stdout, saved.stdout);
	t.is(filesUnder(store).length, 1);
	const picture = await run('save', `${server.url}/picture.png`);
	t.is(picture.status, 1);
	t.is(picture.stderr, `inkwire: save ${server.url}/picture.png: not a web page (image/png)\n`);
	t.is(filesUnder(store).length, 1);
	const shown = await run('show', 'saved/2026-11-30-old-city-fountains-flow-again', '--format', 'plain');
	t.regex(shown.stdout, /^Old city fountains flow again\nThe Test Herald · Maya Haddad · Mon 30 Nov 2026 07:15 UTC/);
});

test('an .html page in a store reads as the article save would store', async t => {
	const {run, home} = setUp();
	const store = path.join(home.home, 'own-store');
	fs.mkdirSync(store, {recursive: true});
	fs.copyFileSync(path.join(root, 'test/fixtures/feeds/article-page.html'), path.join(store, 'fountains.html'));
	const list = await run('list', '--data', store);
	t.is(list.status, 0, list.stderr);
	t.is(list.stdout, 'fountains\t2026-11-30\tunread\tThe Test Herald\tOld city fountains flow again\n');
	const shown = await run('show', 'fountains', '--data', store, '--format', 'markdown');
	t.is(shown.status, 0, shown.stderr);
	t.regex(shown.stdout, /## What comes next/);
	t.false(shown.stdout.includes('Subscribe now'));
	const byPath = await run('show', path.join(store, 'fountains.html'), '--format', 'plain');
	t.regex(byPath.stdout, /^Old city fountains flow again\n/);
});

test('hostile servers and feeds: one line each, the other feeds fetched, exit 1, store and subscriptions intact', async t => {
	const {run, store, subscriptions, home} = setUp();
	for (const route of ['/wordpress.xml?hostile', '/evil.xml', '/bomb.xml', '/malformed.xml', '/big.xml']) {
		const result = await run('add', `${server.url}${route}`);
		t.is(result.status, 0, `${route}: ${result.stderr}`);
	}

	// Feeds that worked when added and break later: written into the file by hand, as a user may.
	const hostile = {Moved: '/old-home.xml', Error: '/error', Never: '/never', Huge: '/huge', Bomb: '/gzip-bomb', Loop: '/loop', XXE: '/xxe.xml', Text: '/not-a-feed'};
	const outlines = Object.entries(hostile).map(([name, route]) => `<outline text="${name}" xmlUrl="${server.url}${route}"/>`).join('\n');
	fs.writeFileSync(subscriptions, fs.readFileSync(subscriptions, 'utf8').replace('</body>', `${outlines}\n</body>`));
	// A server that never answers is timed out; its own fetch, so that a loaded machine cannot time out the others.
	const never = await run('fetch', 'Never', '--timeout', '1');
	t.is(never.status, 1);
	t.is(never.stderr, 'inkwire: fetch Never: timed out after 1 s\n');
	t.is(never.stdout, '1 feed, 0 new articles, 1 failed\n');
	const others = Object.keys(hostile).filter(name => name !== 'Never');
	const names = ['The Daily Wire Test – News', 'Evil Feed', 'Billion laughs', 'Tom & Jerry\'s News', 'Big Feed', ...others];
	const result = await run('fetch', ...names);
	t.is(result.status, 1);
	const lines = result.stderr.trimEnd().split('\n').sort();
	t.deepEqual(lines, [
		'inkwire: fetch Bomb: larger than 20 MB once decompressed',
		'inkwire: fetch Error: HTTP 500 Internal Server Error',
		'inkwire: fetch Huge: larger than 20 MB',
		'inkwire: fetch Loop: redirect loop',
		`inkwire: fetch Moved: moved permanently to ${server.url}/rdf.xml; subscription updated`,
		'inkwire: fetch Text: not a feed (RSS, Atom, RDF or JSON Feed)',
		'inkwire: fetch XXE: malformed feed: External entities are not supported',
	].sort());
	t.is(result.stdout, '12 feeds, 10014 new articles, 6 failed\n');

	// Untrusted names: everything inside the store, in the feed's folder, no dot files, no traversal.
	const files = filesUnder(store);
	t.true(files.every(file => /^[\p{Ll}\p{Lo}\p{N}-]+\/\d{4}-\d{2}-\d{2}-[\p{Ll}\p{Lo}\p{N}-]+\.md$/u.test(file)), files.find(file => !/^[\p{Ll}\p{Lo}\p{N}-]+\/\d{4}-\d{2}-\d{2}-[\p{Ll}\p{Lo}\p{N}-]+\.md$/u.test(file)));
	t.deepEqual(fs.readdirSync(home.home).sort(), ['cache', 'config', 'data']);
	t.is(files.filter(file => file.startsWith('big-feed/')).length, 10_000);
	const evil = files.filter(file => file.startsWith('evil-feed/'));
	// 8 items, two sharing a guid: 7 articles; two with the same title: both kept, under different names.
	t.is(evil.length, 7);
	t.true(evil.includes('evil-feed/2026-11-21-same-title.md') && evil.includes('evil-feed/2026-11-21-same-title-2.md'));
	t.true(evil.includes('evil-feed/2026-11-21-outside.md'));
	t.is(files.filter(file => file.startsWith('tom-jerry-s-news/')).length, 2);
	t.is(files.filter(file => file.startsWith('moved/')).length, 2);

	// The permanent redirect updated the subscription; nothing else in the file changed.
	const opml = fs.readFileSync(subscriptions, 'utf8');
	t.false(opml.includes('/old-home.xml'));
	t.true(opml.includes(`${server.url}/rdf.xml`));
	for (const route of Object.values(hostile).filter(route => route !== '/old-home.xml')) {
		t.true(opml.includes(`xmlUrl="${server.url}${route}"`), route);
	}

	// Titles with escapes and bidi controls come out clean in list, show and feeds.
	for (const output of [await run('list'), await run('feeds'), await run('show', 'evil-feed/2026-11-21-bidi-txt-exe-and-red')]) {
		t.true(isSafeTerminalOutput(output.stdout));
		t.false(/[\u001B\u202E\u0007]/.test(output.stdout));
	}

	t.regex((await run('show', 'evil-feed/2026-11-21-bidi', '--format', 'plain')).stdout, /^Bidi txt\.exe and red\nEvil Feed · /);

	// Fetched again: nothing new, the failures again, no duplicates.
	const again = await run('fetch', '--json', ...names);
	t.is(again.status, 1);
	const report = JSON.parse(again.stdout) as {feeds: number; newArticles: number; failed: number; results: Array<{name: string; status: string; error?: string}>};
	t.is(report.feeds, 12);
	t.is(report.newArticles, 0);
	t.is(report.failed, 6);
	t.is(report.results.find(entry => entry.name === 'Error')!.error, 'HTTP 500 Internal Server Error');
	t.is(filesUnder(store).length, files.length);
});

test('a broken subscriptions file is a clear error and is never overwritten', async t => {
	const {run, subscriptions} = setUp();
	fs.mkdirSync(path.dirname(subscriptions), {recursive: true});
	fs.writeFileSync(subscriptions, 'this is not <opml');
	for (const arguments_ of [['fetch'], ['feeds'], ['add', `${server.url}/atom.xml`], ['remove', 'x'], ['export']]) {
		const result = await run(...arguments_);
		t.is(result.status, 1, arguments_.join(' '));
		t.true(result.stderr.startsWith(`inkwire: ${subscriptions}: not an OPML file`), result.stderr);
		t.true(result.stderr.endsWith(' (fix or move the file; it was left as it is)\n'));
		t.is(result.stderr.split('\n').length, 2);
	}

	t.is(fs.readFileSync(subscriptions, 'utf8'), 'this is not <opml');
});

test('add: a page without a feed, a document that is no feed, a bad URL, the samples as a target', async t => {
	const {run, environment} = setUp();
	const noFeed = await run('add', `${server.url}/no-feed.html`);
	t.is(noFeed.status, 1);
	t.is(noFeed.stderr, `inkwire: add ${server.url}/no-feed.html: a web page that links to no feed (no <link rel="alternate" type="application/rss+xml">)\n`);
	const text = await run('add', `${server.url}/not-a-feed`);
	t.is(text.stderr, `inkwire: add ${server.url}/not-a-feed: not a feed (RSS, Atom, RDF or JSON Feed)\n`);
	const bad = await run('add', 'file:///etc/passwd');
	t.is(bad.status, 2);
	t.is(bad.stderr, 'inkwire: add: only http and https URLs can be fetched, not file:\n');
	const samples = await runCliAsync(['fetch', '--data', path.join(root, 'data')], {env: environment});
	t.is(samples.status, 1);
	t.regex(samples.stderr, /holds the bundled samples, which are never written to/);
});

test('a --full feed stores each item\'s page; a page that fails keeps the feed\'s text and says so', async t => {
	const {run, store} = setUp();
	t.is((await run('add', `${server.url}/short.xml`, '--full')).status, 0);
	const fetched = await run('fetch', '--verbose');
	t.is(fetched.status, 0, fetched.stderr);
	t.is(fetched.stdout, '1 feed, 2 new articles, 0 failed\n');
	t.is(fetched.stderr, `inkwire: fetch Short Herald: full text of ${server.url}/error: HTTP 500 Internal Server Error; kept the feed's text\n`);
	const full = fs.readFileSync(path.join(store, 'short-herald/2026-11-30-fountains.md'), 'utf8');
	t.regex(full, /^---\ntitle: "Fountains"\nsource: "Short Herald"\n/);
	t.regex(full, /\n## What comes next\n/);
	t.false(full.includes('Only a teaser'));
	t.false(full.includes('Subscribe now'));
	t.regex(fs.readFileSync(path.join(store, 'short-herald/2026-11-30-gone.md'), 'utf8'), /The teaser of a page that fails\./);
	const quiet = await run('fetch');
	t.is(quiet.stderr, '');
});

test('a fetch that stores nothing does not create your store, so the reader still opens on the samples', async t => {
	const {run, store, subscriptions} = setUp();
	fs.mkdirSync(path.dirname(subscriptions), {recursive: true});
	fs.writeFileSync(subscriptions, `<opml version="2.0"><body><outline text="Down" xmlUrl="${server.url}/error"/></body></opml>`);
	const result = await run('fetch');
	t.is(result.status, 1);
	t.is(result.stdout, '1 feed, 0 new articles, 1 failed\n');
	t.false(fs.existsSync(store));
	const list = await run('list');
	t.is(list.status, 0);
	t.true(list.stdout.length > 0, 'the samples are listed');
});
