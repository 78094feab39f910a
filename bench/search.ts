/**
The full-text search measures of issue 11, per store size: building the index from nothing, an update after 100 new
files, the index's size on disk, queries (median and 95th percentile over a fixed set, the index kept open as the
reader keeps it), a query typed one key at a time (the reader's `/`), and `inkwire search` as a whole process.
Each measure that needs a process of its own for its peak memory runs bench/search-probe.ts.
*/
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {generateArticle, toMarkdown, writeCorpus} from './corpus.js';
import {runTimed} from './process.js';
import {inkwireRun, inkwireState} from './programs.js';
import type {Row, Side} from './report.js';
import {round, summarize, type Summary} from './stats.js';
import type {SuiteOptions} from './suite.js';

/** The queries timed: common and rare words, a phrase, a prefix, fields, an exclusion, a miss. */
export const searchQueries = [
	'harbour', 'council budget', '"city council"', 'rail*', 'source:"river post" strike', 'drought -rain',
	'title:ferry', 'museum library festival', 'zeppelin', 'the',
] as const;

const probe = path.join(import.meta.dirname, 'search-probe.ts');

type BuildAnswer = {
	milliseconds: number; cpuMilliseconds: number; indexBytes: number; rssAfterScanKib: number; maxRssKib: number;
	report: {indexed: number; removed: number; merged: number};
};
type QueryAnswer = {
	times: Record<string, number[]>; totals: Record<string, number>; keystrokes: number[]; keystrokesAll: number[]; snippetTimes: number[]; rssAfterScanKib: number; maxRssKib: number;
};

function runProbe<T>(arguments_: readonly string[]): T {
	const result = spawnSync(process.execPath, ['--import=tsx', probe, ...arguments_], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 1_800_000});
	if (result.status !== 0) {
		throw new Error(`search probe ${arguments_[0]} failed: ${(result.stderr || String(result.error)).trim().split('\n').at(-1)}`);
	}

	return JSON.parse(result.stdout) as T;
}

/** The 95th percentile (nearest rank). */
export function percentile95(values: readonly number[]): number {
	const sorted = [...values].sort((left, right) => left - right);
	return sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN;
}

function withP95(values: readonly number[], note?: string): Side {
	const summary = summarize(values);
	if (!summary) {
		return {error: 'nothing measured'};
	}

	return {summary, note: `p95 ${round(percentile95(values))} ms over ${values.length}${note ? `; ${note}` : ''}`};
}

function single(value: number, note?: string): Side {
	return {summary: summarize([value]), note};
}

function mebibytes(kib: number): number {
	return round(kib / 1024);
}

function attempt(build: () => Row[], id: string, label: string, count: number): Row[] {
	try {
		return build();
	} catch (error) {
		return [{id, label, count, unit: 'ms', inkwire: {error: error instanceof Error ? error.message : String(error)}}];
	}
}

/** Add 100 articles newer than the corpus, as a feed fetch would. */
function addArticles(storeDirectory: string, count: number, seed: number): void {
	for (let index = 0; index < 100; index++) {
		const article = generateArticle(seed + 1, count + index);
		const file = path.join(storeDirectory, 'new', `${article.id.replaceAll('/', '-')}.md`);
		fs.mkdirSync(path.dirname(file), {recursive: true});
		fs.writeFileSync(file, toMarkdown(article));
	}
}

/** All search rows for one store size. */
export async function measureSearch(options: SuiteOptions, count: number): Promise<Row[]> {
	const {log} = options;
	const label = count.toLocaleString('en-US');
	const directory = fs.mkdtempSync(path.join(options.workDirectory, `search${count}-`));
	try {
		log(`N=${label}: search corpus`);
		const corpus = await writeCorpus(directory, count, options.seed);
		spawnSync('sync');
		const cache = path.join(directory, 'cache');
		return attempt(() => {
			const rows: Row[] = [];
			log(`N=${label}: search index, cold build`);
			const build = runProbe<BuildAnswer>(['build', corpus.storeDirectory, cache]);
			rows.push(
				{id: 'search-build', label: 'search: index build, cold', count, unit: 'ms', inkwire: single(build.milliseconds, `CPU ${round(build.cpuMilliseconds)} ms; ${build.report.indexed} articles`)},
				{id: 'search-index-size', label: 'search: index size on disk', count, unit: 'MiB', inkwire: single(mebibytes(build.indexBytes / 1024), `store: ${round(corpus.storeBytes / 1024 / 1024)} MiB of Markdown`)},
				{id: 'search-build-rss', label: 'search: peak RSS, build (scan included)', count, unit: 'MiB', inkwire: single(mebibytes(build.maxRssKib), `${mebibytes(build.rssAfterScanKib)} MiB after the store scan`)},
			);
			log(`N=${label}: search queries`);
			const runs = count >= 100_000 ? 5 : 10;
			const queries = runProbe<QueryAnswer>(['query', corpus.storeDirectory, cache, String(runs), ...searchQueries]);
			// The first run of each query warms the JIT and the caches: the reader keeps its index open, so count the rest.
			const times = Object.values(queries.times).flatMap(values => values.slice(1));
			rows.push(
				{id: 'search-query', label: 'search: query, best 20 of all matches', count, unit: 'ms', inkwire: withP95(times, `${searchQueries.length} queries x ${runs - 1} runs, index open`)},
				{id: 'search-snippets', label: 'search: snippets of 20 results', count, unit: 'ms', inkwire: withP95(queries.snippetTimes.filter(time => time > 0), 'reads and parses each result\'s file')},
				{id: 'search-keystroke', label: 'search: `/` per keystroke, best 500', count, unit: 'ms', inkwire: withP95(queries.keystrokes, 'typing "harbour council" twice, the last word a prefix')},
				{id: 'search-keystroke-all', label: 'search: `/` per keystroke, all ranked', count, unit: 'ms', inkwire: withP95(queries.keystrokesAll, 'the same, every match ranked')},
				{id: 'search-query-rss', label: 'search: peak RSS, queries (scan included)', count, unit: 'MiB', inkwire: single(mebibytes(queries.maxRssKib), `${mebibytes(queries.rssAfterScanKib)} MiB after the store scan`)},
			);
			log(`N=${label}: search update after 100 new files`);
			addArticles(corpus.storeDirectory, count, options.seed);
			const update = runProbe<BuildAnswer>(['build', corpus.storeDirectory, cache]);
			rows.push({id: 'search-update', label: 'search: update after 100 new files', count, unit: 'ms', inkwire: single(update.milliseconds, `${update.report.indexed} indexed, ${update.report.merged} merged`)});
			log(`N=${label}: inkwire search, whole process`);
			const state = inkwireState(directory, 'cli');
			// The first run builds the state's own metadata and search indexes; the timed ones are warm.
			runTimed(inkwireRun(corpus.storeDirectory, state, 'search', 'harbour'));
			const processTimes = Array.from({length: Math.min(options.runs, 3)}, () => runTimed(inkwireRun(corpus.storeDirectory, state, 'search', 'harbour council')));
			rows.push({id: 'search-cli', label: 'inkwire search (process, warm)', count, unit: 'ms', inkwire: fromRuns(processTimes)});
			return rows;
		}, 'search-build', 'search: index build, cold', count);
	} finally {
		fs.rmSync(directory, {recursive: true, force: true});
	}
}

function fromRuns(values: readonly number[]): Side {
	const summary: Summary | undefined = summarize(values);
	return summary ? {summary} : {error: 'no run succeeded'};
}
