/**
One measured search process for the benchmark (search.ts runs it as a child, so that each figure has a process of
its own and its peak RSS means something):

  node --import=tsx bench/search-probe.ts build STORE CACHE
  node --import=tsx bench/search-probe.ts query STORE CACHE RUNS QUERY...

Prints one JSON object on stdout. The store scan comes first and is not timed (it is measured elsewhere), but its
memory is in the peak: `rssAfterScanKib` says how much of the peak was there before search began.
*/
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {performance} from 'node:perf_hooks';
import {scanStore} from '../source/io/store/scan.js';
import {StoreSearch} from '../source/io/search/store-search.js';

function kib(bytes: number): number {
	return Math.round(bytes / 1024);
}

/** CPU time (user and system) since `since`: steadier than wall time on a machine shared with other work. */
function cpuMilliseconds(since: NodeJS.CpuUsage): number {
	const used = process.cpuUsage(since);
	return (used.user + used.system) / 1000;
}

function directoryBytes(directory: string): number {
	let total = 0;
	for (const name of fs.readdirSync(directory, {recursive: true, encoding: 'utf8'})) {
		const stats = fs.statSync(path.join(directory, name));
		if (stats.isFile()) {
			total += stats.size;
		}
	}

	return total;
}

const [mode, store, cache, ...rest] = process.argv.slice(2);
if ((mode !== 'build' && mode !== 'query') || !store || !cache) {
	console.error('usage: search-probe.ts build|query STORE CACHE [RUNS QUERY...]');
	process.exit(2);
}

const scan = await scanStore(store, {cacheDirectory: cache});
const rssAfterScanKib = kib(process.memoryUsage().rss);
const start = performance.now();
const startCpu = process.cpuUsage();
const search = await StoreSearch.open(scan, {cacheDirectory: cache, onWarning: message => console.error(message)});
const openMilliseconds = performance.now() - start;
const openCpuMilliseconds = cpuMilliseconds(startCpu);
if (mode === 'build') {
	const searchDirectory = fs.readdirSync(cache).find(name => name.startsWith('search-'));
	console.log(JSON.stringify({
		milliseconds: openMilliseconds, cpuMilliseconds: openCpuMilliseconds, report: search.report, articles: scan.articles.length,
		indexBytes: searchDirectory ? directoryBytes(path.join(cache, searchDirectory)) : 0,
		rssAfterScanKib, maxRssKib: process.resourceUsage().maxRSS,
	}));
} else {
	const runs = Number(rest[0]);
	const queries = rest.slice(1);
	const times: Record<string, number[]> = {};
	const cpuTimes: Record<string, number[]> = {};
	// Reading and parsing the files of the 20 results for their snippets, apart: it does not depend on the index.
	const snippetTimes: number[] = [];
	const totals: Record<string, number> = {};
	for (let run = 0; run < runs; run++) {
		for (const query of queries) {
			const queryStart = performance.now();
			const queryCpu = process.cpuUsage();
			// eslint-disable-next-line no-await-in-loop
			const results = await search.find(query, {limit: 20});
			(times[query] ??= []).push(performance.now() - queryStart);
			(cpuTimes[query] ??= []).push(cpuMilliseconds(queryCpu));
			const snippetStart = performance.now();
			for (const hit of results.hits) {
				search.snippetOf(hit.article, results.query);
			}

			snippetTimes.push(performance.now() - snippetStart);
			totals[query] = results.total;
		}
	}

	// The reader's `/`: the same index kept open, every prefix of a query typed one key at a time.
	const typed = 'harbour council';
	const keystrokes: number[] = [];
	const keystrokesCpu: number[] = [];
	const keystrokesAll: number[] = [];
	// Twice: the second time is the reader's usual case, its caches warm from a first search.
	for (const limit of [500, undefined, 500, undefined]) {
		for (let length = 1; length <= typed.length; length++) {
			const keyStart = performance.now();
			const keyCpu = process.cpuUsage();
			search.findNow(typed.slice(0, length), {isPrefixLast: true, limit});
			(limit === undefined ? keystrokesAll : keystrokes).push(performance.now() - keyStart);
			if (limit !== undefined) {
				keystrokesCpu.push(cpuMilliseconds(keyCpu));
			}
		}
	}

	console.log(JSON.stringify({openMilliseconds, openCpuMilliseconds, times, cpuTimes, snippetTimes, totals, keystrokes, keystrokesCpu, keystrokesAll, report: search.report, rssAfterScanKib, maxRssKib: process.resourceUsage().maxRSS}));
}

search.close();
