/**
parseArticleMeta on scraped text: the seed alone, and a store of 1,000 raw dumps (the raw fixtures present when the
store is first made, copied round-robin). Prints medians. Run: node --import=tsx bench/raw-meta.ts [STORE_DIR]
With STORE_DIR it also times a cold `dist/cli.js list` on that store (fresh cache each run).
*/
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArticleMeta} from '../source/core/article/parse.js';

const fixtures = path.resolve('test/fixtures/raw');
const store = path.resolve(process.argv[2] ?? path.join(os.tmpdir(), 'inkwire-raw-store'));
if (!fs.existsSync(store)) {
	const names = fs.readdirSync(fixtures).filter(name => name.endsWith('.txt')).sort();
	fs.mkdirSync(store, {recursive: true});
	for (let index = 0; index < 1000; index++) {
		fs.copyFileSync(path.join(fixtures, names[index % names.length]!), path.join(store, `dump-${index}.txt`));
	}
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

const seed = fs.readFileSync(path.join(fixtures, 'asharq-al-awsat-2020-06-26-russia-syria-national-unity.txt'), 'utf8');
const seedRuns: number[] = [];
for (let run = 0; run < 15; run++) {
	const start = performance.now();
	for (let index = 0; index < 200; index++) {
		parseArticleMeta(seed, {id: 'seed', format: 'text'});
	}

	seedRuns.push((performance.now() - start) / 200);
}

const texts = fs.readdirSync(store).map(name => fs.readFileSync(path.join(store, name), 'utf8'));
const storeRuns: number[] = [];
for (let run = 0; run < 9; run++) {
	const start = performance.now();
	for (const text of texts) {
		parseArticleMeta(text, {id: 'x', format: 'text'});
	}

	storeRuns.push(performance.now() - start);
}

console.log(`seed: median ${median(seedRuns).toFixed(3)} ms per parseArticleMeta`);
console.log(`store of ${texts.length}: median ${median(storeRuns).toFixed(1)} ms for all (in-process, warm)`);
if (fs.existsSync('dist/cli.js')) {
	const cold: number[] = [];
	for (let run = 0; run < 7; run++) {
		const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-cache-'));
		const start = performance.now();
		execFileSync(process.execPath, ['dist/cli.js', 'list', '--data', store], {env: {...process.env, XDG_CACHE_HOME: cache, XDG_CONFIG_HOME: cache}, stdio: ['ignore', 'ignore', 'ignore']});
		cold.push(performance.now() - start);
		fs.rmSync(cache, {recursive: true, force: true});
	}

	console.log(`cold \`dist/cli.js list\` on the store: median ${median(cold).toFixed(0)} ms`);
}
