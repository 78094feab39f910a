import {execFile} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import test from 'ava';
import {generateArticle, toMarkdown, toRssItem, writeCorpus} from '../bench/corpus.js';
import {parsePeakRss} from '../bench/process.js';
import {formatNotes, formatTable, meetsTarget, ratioOf, type Row} from '../bench/report.js';
import {summarize} from '../bench/stats.js';
import {parseArticle} from '../source/core/article/parse.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');

test('the corpus is deterministic, newest first, with unique ids', async t => {
	t.deepEqual(generateArticle(1, 42), generateArticle(1, 42));
	t.notDeepEqual(generateArticle(1, 42), generateArticle(2, 42));
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-corpus-test-'));
	try {
		const corpus = await writeCorpus(directory, 50, 3);
		t.is(new Set(corpus.ids).size, 50);
		const dates = corpus.ids.map((_, index) => generateArticle(3, index).date);
		t.deepEqual(dates, [...dates].sort().reverse());
		t.is(new Set(dates).size, 50);
		t.is(corpus.newestTitle, generateArticle(3, 0).title);
		const files = fs.readdirSync(corpus.storeDirectory, {recursive: true}).filter(name => String(name).endsWith('.md'));
		t.is(files.length, 50);
		const feed = fs.readFileSync(corpus.feedPath, 'utf8');
		t.is(feed.split('<item>').length - 1, 50);
		t.true(feed.indexOf(corpus.newestTitle) < feed.indexOf(generateArticle(3, 1).title));
		t.true(feed.trimEnd().endsWith('</channel></rss>'));
		// About 700 words an article, as the issue asks.
		t.true(corpus.words / 50 > 650 && corpus.words / 50 < 760);
	} finally {
		fs.rmSync(directory, {recursive: true, force: true});
	}
});

test('inkwire reads a generated article with its title, source, date and url', t => {
	const generated = generateArticle(1, 7);
	const {article} = parseArticle(toMarkdown(generated), {id: generated.id, format: 'markdown'});
	t.is(article.title, generated.title);
	t.is(article.source, generated.source);
	t.is(article.date, generated.date);
	t.is(article.url, generated.url);
	t.true(article.words > 600);
	t.regex(toRssItem(generated), /<pubDate>\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:00 \+0000<\/pubDate>/);
});

test('summaries, ratios and targets', t => {
	t.deepEqual(summarize([5, 1, 3]), {median: 3, min: 1, max: 5, runs: [5, 1, 3]});
	t.is(summarize([1, 2, 3, 10])?.median, 2.5);
	t.is(summarize([]), undefined);
	const row: Row = {
		id: 'launch-warm', label: 'launch', count: 100_000, unit: 'ms',
		inkwire: {summary: summarize([300])}, newsboat: {summary: summarize([3000])}, target: {kind: 'ratio', max: 0.1},
	};
	t.is(ratioOf(row), 0.1);
	t.true(meetsTarget(row));
	t.false(meetsTarget({...row, inkwire: {summary: summarize([301])}}));
	t.is(meetsTarget({...row, newsboat: {error: 'newsboat is not installed'}}), undefined);
	const table = formatTable([row, {...row, id: 'x', newsboat: {error: 'newsboat is not installed'}}, {...row, id: 'y', newsboat: {error: 'timed out'}}]);
	t.regex(table, /launch\s+100,000\s+300 ms\s+3.00 s\s+0.10x\s+<= 1\/10 met/);
	t.regex(table, /300 ms\s+n\/a\s+<= 1\/10 \?/);
	t.regex(table, /300 ms\s+error\s+<= 1\/10 \?/);
	t.deepEqual(formatNotes([{...row, newsboat: {error: 'newsboat is not installed'}}, {...row, count: 10, newsboat: {error: 'newsboat is not installed'}}]), ['newsboat is not installed: the cells that need it are blank']);
	t.is(parsePeakRss('\tMaximum resident set size (kbytes): 27648\n'), 27_648);
});

// The whole benchmark in quick mode (N=200), so it never rots. Nothing here judges a timing: only that every measure
// produced a figure or said why not, and that the table and the JSON were written.
test('npm run bench -- --quick prints the table and writes the JSON', async t => {
	t.timeout(300_000);
	const out = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-bench-test-'));
	try {
		const {stdout} = await run(process.execPath, ['--import=tsx', 'bench/run.ts', '--quick', '--out', out], {cwd: root, maxBuffer: 16 * 1024 * 1024});
		t.regex(stdout, /measure\s+N\s+inkwire median \(min-max\)\s+newsboat median \(min-max\)\s+ratio\s+target/);
		const files = fs.readdirSync(out).filter(name => name.endsWith('.json'));
		t.is(files.length, 1);
		t.true(stdout.includes(path.join(out, files[0]!)));
		const report = JSON.parse(fs.readFileSync(path.join(out, files[0]!), 'utf8')) as {
			options: {sizes: number[]};
			machine: {cpus: number; node: string; newsboat: string | null};
			rows: Array<{id: string; count: number | null; inkwire: {summary?: {median: number}; error?: string}; newsboat?: {summary?: unknown; error?: string}}>;
			sizes: Array<{count: number; corpus: {count: number}}>;
		};
		t.deepEqual(report.options.sizes, [200]);
		t.is(report.machine.node, process.version);
		t.true(report.machine.cpus > 0);
		t.deepEqual(report.sizes.map(size => size.corpus.count), [200]);
		const ids = new Set(report.rows.map(row => row.id));
		for (const id of ['cold-start', 'cold-list', 'list-unread', 'launch-warm', 'interactive', 'open-first-launch', 'open-first-key', 'peak-rss', 'list-key-down', 'list-key-page-down', 'mark-read-cli', 'mark-read-reader', 'mark-read-stall', 'pager-open', 'search-build', 'search-index-size', 'search-build-rss', 'search-query', 'search-keystroke', 'search-keystroke-all', 'search-query-rss', 'search-update', 'search-cli']) {
			t.true(ids.has(id), `row ${id}`);
		}

		for (const row of report.rows) {
			t.true(row.inkwire.summary !== undefined || typeof row.inkwire.error === 'string', `${row.id}: a figure or a reason`);
		}

		// The piping measure needs neither a terminal nor newsboat: it must always have a figure.
		// The search measures need neither a terminal nor newsboat either.
		for (const id of ['search-build', 'search-query', 'search-keystroke', 'search-update', 'search-cli']) {
			t.true((report.rows.find(row => row.id === id)?.inkwire.summary?.median ?? 0) > 0, id);
		}

		const list = report.rows.find(row => row.id === 'list-unread');
		t.true((list?.inkwire.summary?.median ?? 0) > 0);
		if (report.machine.newsboat === null) {
			t.is(list?.newsboat?.error, 'newsboat is not installed');
		} else {
			t.truthy(list?.newsboat?.summary);
		}
	} finally {
		fs.rmSync(out, {recursive: true, force: true});
	}
});
