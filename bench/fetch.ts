/**
The fetch measures of issue 9: F feeds of I items each served from a local HTTP server (bench/feed-server.ts, its own
process), `inkwire fetch` against `newsboat -x reload` on the same URLs, cold (empty store and cache, every run) and
warm (again right after, every feed answering 304), wall time and peak memory; and `inkwire save` of one large page.
*/
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {formatSubscriptions} from '../source/core/feed/opml.js';
import {generateArticle, toRssItem} from './corpus.js';
import {runTimed, runWithPeakRss} from './process.js';
import {cleanEnvironment, inkwireCli, type ProgramRun} from './programs.js';
import type {Row, Side} from './report.js';
import {summarize} from './stats.js';
import type {SuiteOptions} from './suite.js';

/** How big the fetch measure is. */
export type FetchSize = {readonly feeds: number; readonly items: number; readonly runs: number};

type Server = {readonly url: string; stop(): void};

async function startServer(directory: string): Promise<Server> {
	const child = spawn(process.execPath, ['--import=tsx', path.join(import.meta.dirname, 'feed-server.ts'), directory], {stdio: ['pipe', 'pipe', 'inherit']});
	const port = await new Promise<number>((resolve, reject) => {
		let output = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			output += chunk;
			const match = /port (\d+)/.exec(output);
			if (match) {
				resolve(Number(match[1]));
			}
		});
		child.on('exit', code => {
			reject(new Error(`the feed server exited with ${code}`));
		});
	});
	return {
		url: `http://127.0.0.1:${port}`,
		stop() {
			child.stdin.end();
		},
	};
}

/** Write the feeds: feed-N.xml, each with `items` generated articles (about 700 words, HTML paragraphs). */
function writeFeeds(directory: string, size: FetchSize, seed: number): number {
	fs.mkdirSync(directory, {recursive: true});
	let bytes = 0;
	for (let feed = 0; feed < size.feeds; feed++) {
		const items = Array.from({length: size.items}, (_, index) => toRssItem(generateArticle(seed + feed, index))).join('');
		const text = `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Bench feed ${feed}</title><link>https://news${feed}.example.com/</link><description>generated</description>\n${items}</channel></rss>\n`;
		fs.writeFileSync(path.join(directory, `feed-${feed}.xml`), text);
		bytes += Buffer.byteLength(text);
	}

	return bytes;
}

/** A large article page: `paragraphs` paragraphs of generated text inside navigation and boilerplate. */
function writeLargePage(file: string, paragraphs: number, seed: number): number {
	const body: string[] = [];
	for (let index = 0; body.length < paragraphs; index++) {
		body.push(...generateArticle(seed, index).paragraphs.map(text => `<p>${text.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p>`));
	}

	const navigation = Array.from({length: 200}, (_, index) => `<li><a href="/section/${index}">Section ${index}</a></li>`).join('');
	const html = `<!doctype html><html><head><meta charset="utf-8"><title>A very long report</title><meta property="og:site_name" content="Bench Herald"><meta property="article:published_time" content="2026-11-30T07:00:00Z"></head><body><nav><ul>${navigation}</ul></nav><main><article><h1>A very long report</h1><p class="byline">By Bench Writer</p>${body.slice(0, paragraphs).join('\n')}</article></main><footer>${navigation}</footer></body></html>`;
	fs.writeFileSync(file, html);
	return Buffer.byteLength(html);
}

type Sample = {milliseconds: number; peakRssKib: number | undefined};

function sample(run: ProgramRun, hasTime: boolean): Sample {
	return hasTime ? runWithPeakRss(run) : {milliseconds: runTimed(run), peakRssKib: undefined};
}

function timeSide(samples: readonly Sample[], note?: string): Side {
	const summary = summarize(samples.map(entry => entry.milliseconds));
	return summary ? {summary, ...(note === undefined ? {} : {note})} : {error: 'no run succeeded'};
}

function memorySide(samples: readonly Sample[], hasTime: boolean): Side {
	const summary = summarize(samples.flatMap(entry => entry.peakRssKib === undefined ? [] : [entry.peakRssKib / 1024]));
	return summary ? {summary} : {error: hasTime ? 'not measured' : '/usr/bin/time is not installed'};
}

async function attempt<T>(measure: () => Promise<T> | T): Promise<T | {error: string}> {
	try {
		return await measure();
	} catch (error) {
		return {error: error instanceof Error ? error.message : String(error)};
	}
}

/** The fetch rows: cold and warm fetch (time, peak memory) against newsboat, and save of a large page. */
export async function measureFetch(options: SuiteOptions, size: FetchSize): Promise<{rows: Row[]; details: Record<string, unknown>}> {
	const {log} = options;
	const directory = fs.mkdtempSync(path.join(options.workDirectory, 'fetch-'));
	const feedsDirectory = path.join(directory, 'served');
	const articles = size.feeds * size.items;
	log(`fetch: writing ${size.feeds} feeds x ${size.items} items`);
	const feedBytes = writeFeeds(feedsDirectory, size, options.seed);
	const pageBytes = writeLargePage(path.join(feedsDirectory, 'large-page.html'), 4000, options.seed);
	spawnSync('sync');
	const server = await startServer(feedsDirectory);
	const urls = Array.from({length: size.feeds}, (_, index) => `${server.url}/feed-${index}.xml`);
	const rows: Row[] = [];
	try {
		// inkwire: subscriptions written as `inkwire import` would leave them; store and cache new for each cold run.
		const inkwireRuns = (name: string) => {
			const home = path.join(directory, name);
			const config = path.join(home, 'config');
			fs.mkdirSync(path.join(config, 'inkwire'), {recursive: true});
			fs.writeFileSync(path.join(config, 'inkwire', 'feeds.opml'), formatSubscriptions(urls.map((url, index) => ({name: `Bench feed ${index}`, url, full: false, folder: `bench-feed-${index}`}))));
			const environment = cleanEnvironment(home, {XDG_CONFIG_HOME: config, XDG_CACHE_HOME: path.join(home, 'cache'), XDG_DATA_HOME: path.join(home, 'data')});
			return {
				fetch: {command: process.execPath, arguments: [inkwireCli, 'fetch'], environment, cwd: home} satisfies ProgramRun,
				save: {command: process.execPath, arguments: [inkwireCli, 'save', `${server.url}/large-page.html`], environment, cwd: home} satisfies ProgramRun,
			};
		};

		const newsboatRuns = (name: string) => {
			const home = path.join(directory, name);
			fs.mkdirSync(home, {recursive: true});
			fs.writeFileSync(path.join(home, 'urls'), `${urls.join('\n')}\n`);
			fs.writeFileSync(path.join(home, 'config'), '');
			const environment = cleanEnvironment(home, {XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local', 'share')});
			return {command: 'newsboat', arguments: ['-u', path.join(home, 'urls'), '-c', path.join(home, 'cache.db'), '-C', path.join(home, 'config'), '-x', 'reload'], environment, cwd: home} satisfies ProgramRun;
		};

		const inkwireCold: Sample[] = [];
		const inkwireWarm: Sample[] = [];
		const newsboatCold: Sample[] = [];
		const newsboatWarm: Sample[] = [];
		const inkwireError = await attempt(() => {
			for (let index = 0; index < size.runs; index++) {
				log(`fetch: inkwire run ${index + 1} of ${size.runs}`);
				const run = inkwireRuns(`inkwire-${index}`);
				inkwireCold.push(sample(run.fetch, options.hasTime));
				inkwireWarm.push(sample(run.fetch, options.hasTime));
				log(`fetch: inkwire cold ${Math.round(inkwireCold.at(-1)!.milliseconds)} ms, warm ${Math.round(inkwireWarm.at(-1)!.milliseconds)} ms`);
			}
		});
		const newsboatError = options.hasNewsboat ? await attempt(() => {
			for (let index = 0; index < size.runs; index++) {
				log(`fetch: newsboat run ${index + 1} of ${size.runs}`);
				const run = newsboatRuns(`newsboat-${index}`);
				newsboatCold.push(sample(run, options.hasTime));
				newsboatWarm.push(sample(run, options.hasTime));
				log(`fetch: newsboat cold ${Math.round(newsboatCold.at(-1)!.milliseconds)} ms, warm ${Math.round(newsboatWarm.at(-1)!.milliseconds)} ms`);
			}
		}) : {error: options.withoutNewsboatReason};
		const sideOf = (error: unknown, build: () => Side): Side => error !== undefined && typeof error === 'object' && error !== null && 'error' in error ? {error: String((error as {error: string}).error)} : build();
		const label = `${size.feeds} feeds x ${size.items}`;
		rows.push(
			{id: 'fetch-cold', label: `fetch, cold (${label})`, count: articles, unit: 'ms', inkwire: sideOf(inkwireError, () => timeSide(inkwireCold)), newsboat: sideOf(newsboatError, () => timeSide(newsboatCold)), target: {kind: 'ratio', max: 0.5}},
			{id: 'fetch-warm', label: `fetch, warm: all 304 (${label})`, count: articles, unit: 'ms', inkwire: sideOf(inkwireError, () => timeSide(inkwireWarm)), newsboat: sideOf(newsboatError, () => timeSide(newsboatWarm)), target: {kind: 'ratio', max: 0.5}},
			{id: 'fetch-cold-rss', label: `fetch, cold: peak RSS (${label})`, count: articles, unit: 'MiB', inkwire: sideOf(inkwireError, () => memorySide(inkwireCold, options.hasTime)), newsboat: sideOf(newsboatError, () => memorySide(newsboatCold, options.hasTime)), target: {kind: 'ratio', max: 1}},
		);

		log('save: a large page');
		const saves: Sample[] = [];
		const saveError = await attempt(() => {
			for (let index = 0; index < size.runs; index++) {
				saves.push(sample(inkwireRuns(`save-${index}`).save, options.hasTime));
			}
		});
		const pageLabel = `${Math.round(pageBytes / 1024)} KB page`;
		rows.push(
			{id: 'save-large', label: `save (${pageLabel})`, count: undefined, unit: 'ms', inkwire: sideOf(saveError, () => timeSide(saves))},
			{id: 'save-large-rss', label: `save: peak RSS (${pageLabel})`, count: undefined, unit: 'MiB', inkwire: sideOf(saveError, () => memorySide(saves, options.hasTime))},
		);
	} finally {
		server.stop();
		fs.rmSync(directory, {recursive: true, force: true});
	}

	return {rows, details: {feeds: size.feeds, items: size.items, runs: size.runs, feedBytes, pageBytes}};
}
