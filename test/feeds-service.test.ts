import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {formatSubscriptions} from '../source/core/feed/opml.js';
import {extractPage} from '../source/core/article/page/extract-page.js';
import type {FetchProgress} from '../source/io/feeds/fetch-feeds.js';
import {listSubscriptions, runFetch} from '../source/io/feeds/service.js';
import {root} from './helpers/cli.js';
import {serve, startFeedServer, type FeedServer} from './helpers/feed-server.js';

/** The in-process API the reader's `R` key and feeds view use: a fetch with progress and cancel, and the feed list. */

let server: FeedServer;
const fixture = (name: string) => fs.readFileSync(path.join(root, 'test/fixtures/feeds', name));

test.before(async () => {
	server = await startFeedServer({
		'/rdf.xml': serve(fixture('rdf.xml'), 'application/rdf+xml'),
		'/atom.xml': serve(fixture('atom-xhtml.xml'), 'application/atom+xml'),
		'/slow': (_request, response) => {
			setTimeout(() => {
				response.writeHead(200, {'content-type': 'application/rss+xml'});
				response.end(fixture('rdf.xml'));
			}, 3000);
		},
	});
});

test.after.always(async () => {
	await server.close();
});

function setUp(feeds: Record<string, string>) {
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-service-'));
	const environment = {XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache')};
	fs.mkdirSync(path.join(home, 'config', 'inkwire'), {recursive: true});
	const subscriptions = Object.entries(feeds).map(([name, route]) => ({name, url: `${server.url}${route}`, full: false, folder: name.toLowerCase()}));
	fs.writeFileSync(path.join(home, 'config', 'inkwire', 'feeds.opml'), formatSubscriptions(subscriptions));
	return {environment, storeRoot: path.join(home, 'store')};
}

test('runFetch reports progress (done, total, new articles) and returns the report', async t => {
	const {environment, storeRoot} = setUp({Slash: '/rdf.xml', Notes: '/atom.xml'});
	const progress: FetchProgress[] = [];
	const report = await runFetch({environment, storeRoot, onProgress(update) {
		progress.push(update);
	}});
	t.is(report.feeds, 2);
	t.is(report.newArticles, 4);
	t.is(report.failed, 0);
	t.deepEqual(progress[0], {done: 0, total: 2, newArticles: 0});
	t.deepEqual(progress.at(-1), {done: 2, total: 2, newArticles: 4});
	const {subscriptions} = listSubscriptions(environment, storeRoot);
	t.deepEqual(subscriptions.map(subscription => [subscription.name, subscription.folder, subscription.articles, subscription.status]), [['Slash', 'slash', 2, 'ok'], ['Notes', 'notes', 2, 'ok']]);
});

test('an aborted fetch ends at once: its feeds fail as cancelled, nothing half-written', async t => {
	const {environment, storeRoot} = setUp({Slow: '/slow'});
	const controller = new AbortController();
	setTimeout(() => {
		controller.abort();
	}, 200);
	const report = await runFetch({environment, storeRoot, signal: controller.signal});
	t.is(report.failed, 1);
	t.is(report.results[0]!.error, 'cancelled');
	t.false(fs.existsSync(storeRoot), 'nothing written, not even the store folder');
});

test('extractPage: title, byline, site, date, canonical URL, lead image and caption, body without boilerplate', t => {
	const page = extractPage(fixture('article-page.html').toString('utf8'), 'https://herald.example/fetched');
	t.is(page.title, 'Old city fountains flow again');
	t.is(page.byline, 'Maya Haddad');
	t.is(page.siteName, 'The Test Herald');
	t.is(page.published, '2026-11-30T07:15:00Z');
	t.is(page.url, 'https://herald.example/world/fountains');
	t.is(page.image, 'https://herald.example/images/fountain-lead.jpg');
	t.is(page.caption, 'The main fountain in the old city on Monday. (AFP)');
	t.regex(page.markdown, /^\[image: The main fountain\]/);
	t.false(page.markdown.includes('Subscribe now'));
	t.is(page.warning, undefined);
	t.is(extractPage('<html><body><p>tiny</p></body></html>').markdown, 'tiny');
	for (const html of ['', '<html><body></body></html>', 'not html at all', '<p>a fragment']) {
		const page = extractPage(html);
		t.is(page.title, 'Untitled');
		t.true(page.warning === undefined || page.warning === 'no article found on the page; kept all its text', page.warning);
	}

	const deep = extractPage(`<html><body>${'<div>'.repeat(30_000)}deep${'</div>'.repeat(30_000)}</body></html>`);
	t.truthy(deep.warning);
});
