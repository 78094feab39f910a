/**
The mark store at 100,000 read marks: size on disk, and the cost of a save, of opening and of noticing another
process's change. Run: node --import=tsx bench/marks.ts [--runs N]
*/
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {monitorEventLoopDelay} from 'node:perf_hooks';
import {setTimeout as delay} from 'node:timers/promises';
import {openMarks} from '../source/io/marks/marks.js';
import {summarize} from './stats.js';

const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 50;
const readCount = 100_000;
const otherCount = 1000;
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-bench-marks-'));
const configDirectory = path.join(directory, 'config');
const storeRoot = path.join(directory, 'store');
fs.mkdirSync(storeRoot);
// Ids shaped like a real store's: a section and a dated slug.
const ids = Array.from({length: readCount}, (_, index) => `section-${index % 12}/2025-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}-some-article-title-${index}`);

function format(values: number[]): string {
	const summary = summarize(values)!;
	return `median ${summary.median.toFixed(2)} ms, min ${summary.min.toFixed(2)}, max ${summary.max.toFixed(2)} (${values.length} runs)`;
}

const marks = openMarks({configDirectory, storeRoot});
marks.setRead(ids, true);
marks.flush();
const readOnly = fs.statSync(marks.path).size;
marks.setSaved(ids.slice(0, otherCount), true);
for (const id of ids.slice(otherCount, 2 * otherCount)) {
	marks.setPosition(id, 0.37);
}

marks.flush();
const full = fs.statSync(marks.path).size;
console.log(`config.json: ${readCount.toLocaleString('en-US')} read: ${readOnly.toLocaleString('en-US')} bytes (${(readOnly / readCount).toFixed(2)} bytes a read mark)`);
console.log(`config.json: + ${otherCount} saved + ${otherCount} positions: ${full.toLocaleString('en-US')} bytes (${((full - readOnly) / (2 * otherCount)).toFixed(2)} bytes a saved mark or position)`);

// 1. flush(): lock, re-read, merge, encode, write, fsync, rename, unlock; one mark toggled each time.
const flushes: number[] = [];
for (let index = 0; index < runs; index++) {
	marks.setRead([ids[index]!], index % 2 === 1);
	const start = performance.now();
	marks.flush();
	flushes.push(performance.now() - start);
}

console.log(`save (flush, blocking) at ${readCount.toLocaleString('en-US')} read: ${format(flushes)}`);

// 2. The reader's way: a toggle, then the background save. What matters is how long the event loop is blocked.
const histogram = monitorEventLoopDelay({resolution: 1});
const backgroundTotals: number[] = [];
const toggles: number[] = [];
histogram.enable();
for (let index = 0; index < runs; index++) {
	const start = performance.now();
	marks.setRead([ids[index]!], index % 2 === 0);
	toggles.push(performance.now() - start);
	const before = fs.statSync(marks.path).mtimeMs;
	// eslint-disable-next-line no-await-in-loop
	while (fs.statSync(marks.path).mtimeMs === before) {
		// eslint-disable-next-line no-await-in-loop
		await delay(1);
	}

	backgroundTotals.push(performance.now() - start);
}

histogram.disable();
console.log(`toggle (setRead, the keypress's share): ${format(toggles)}`);
console.log(`background save, toggle to renamed on disk (includes the 50 ms gathering delay): ${format(backgroundTotals)}`);
console.log(`event loop blocked during background saves: max ${(histogram.max / 1e6).toFixed(1)} ms, p99 ${(histogram.percentile(99) / 1e6).toFixed(1)} ms`);

// 3. Opening (conf + decoding 100,000 marks) and noticing another process's save (refresh after a change).
const opens: number[] = [];
for (let index = 0; index < Math.min(runs, 20); index++) {
	const start = performance.now();
	openMarks({configDirectory, storeRoot});
	opens.push(performance.now() - start);
}

console.log(`openMarks at ${readCount.toLocaleString('en-US')} read: ${format(opens)}`);
const other = openMarks({configDirectory, storeRoot});
const refreshes: number[] = [];
const idle: number[] = [];
for (let index = 0; index < Math.min(runs, 20); index++) {
	other.setRead([`other-${index}`], true);
	other.flush();
	let start = performance.now();
	marks.refresh();
	refreshes.push(performance.now() - start);
	start = performance.now();
	marks.refresh();
	idle.push(performance.now() - start);
}

console.log(`refresh with a change on disk: ${format(refreshes)}`);
console.log(`refresh with no change (the reader's timer): ${format(idle)}`);
fs.rmSync(directory, {recursive: true, force: true});
