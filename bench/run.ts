/**
`npm run bench [-- --quick | --sizes 1000,10000 | --runs N | --keys N | --out DIR | --work DIR | --keep | --without-newsboat | --search-only | --fetch-only]`

Generates the corpus at each size, measures inkwire and newsboat side by side (issue 4), prints a table with the
ratios and writes every raw figure to `bench/results/<timestamp>.json`. Timings are reported, never judged: the run
fails only when it cannot produce its table and JSON.
*/
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import process from 'node:process';
import {parseArgs} from 'node:util';
import {commandVersion, hasCommand, timeRuns} from './process.js';
import {cleanEnvironment, inkwireCli} from './programs.js';
import {describeMachine, formatLegend, formatMachine, formatNotes, formatTable, meetsTarget, ratioOf, type Row} from './report.js';
import {summarize} from './stats.js';
import {measureFetch} from './fetch.js';
import {measureSearch} from './search.js';
import {measurePager, measureSize, type SizeDetails, type SuiteOptions} from './suite.js';
import {hasTmux, measureCaptureRoundTrip, Terminal} from './tmux.js';

const usage = 'usage: npm run bench -- [--quick] [--sizes 1000,10000,100000] [--runs N] [--keys N] [--out DIR] [--work DIR] [--keep] [--without-newsboat] [--search-only] [--fetch-only]';

type Options = {
	readonly quick: boolean;
	/** Only the fetch and save measures (issue 9), not the store sizes and the pager. */
	readonly fetchOnly: boolean;
	readonly sizes: number[];
	readonly runs: number;
	readonly keys: number;
	readonly pagerLines: number;
	readonly outDirectory: string;
	readonly workParent: string;
	readonly keep: boolean;
	readonly seed: number;
	/** Measure inkwire alone even where newsboat is installed. */
	readonly withoutNewsboat: boolean;
	/** Only the full-text search measures (bench/search.ts). */
	readonly searchOnly: boolean;
};

function parseOptions(argv: string[]): Options {
	const {values} = parseArgs({
		args: argv,
		options: {
			quick: {type: 'boolean', default: false},
			'fetch-only': {type: 'boolean', default: false},
			sizes: {type: 'string'},
			runs: {type: 'string'},
			keys: {type: 'string'},
			out: {type: 'string'},
			work: {type: 'string'},
			keep: {type: 'boolean', default: false},
			'without-newsboat': {type: 'boolean', default: false},
			'search-only': {type: 'boolean', default: false},
			seed: {type: 'string'},
			help: {type: 'boolean', default: false},
		},
		strict: true,
	});
	if (values.help) {
		console.log(usage);
		process.exit(0);
	}

	const whole = (text: string | undefined, name: string, fallback: number) => {
		if (text === undefined) {
			return fallback;
		}

		const value = Number(text.replaceAll('_', ''));
		if (!Number.isInteger(value) || value < 1) {
			throw new Error(`--${name} takes a whole number above 0, not "${text}"`);
		}

		return value;
	};

	const quick = values.quick ?? false;
	const sizes = values.sizes === undefined
		? (quick ? [200] : [1000, 10_000, 100_000])
		: values.sizes.split(',').map(size => whole(size.trim(), 'sizes', 0));
	return {
		quick,
		fetchOnly: values['fetch-only'] ?? false,
		sizes: values['fetch-only'] ? [] : sizes,
		runs: whole(values.runs, 'runs', quick ? 3 : 5),
		keys: whole(values.keys, 'keys', quick ? 12 : 40),
		pagerLines: 5000,
		outDirectory: path.resolve(values.out ?? path.join(import.meta.dirname, 'results')),
		workParent: path.resolve(values.work ?? os.tmpdir()),
		keep: values.keep ?? false,
		seed: whole(values.seed, 'seed', 1),
		withoutNewsboat: values['without-newsboat'] ?? false,
		searchOnly: values['search-only'] ?? false,
	};
}

function log(message: string): void {
	process.stderr.write(`bench: ${message}\n`);
}

/** Build dist/cli.js when it is missing, so a fresh checkout can run the benchmark straight away. */
function ensureBuilt(): void {
	if (!fs.existsSync(inkwireCli)) {
		log('dist/cli.js is missing: running npm run build');
		const result = spawnSync('npm', ['run', 'build'], {cwd: path.dirname(path.dirname(inkwireCli)), stdio: 'inherit'});
		if (result.status !== 0 || !fs.existsSync(inkwireCli)) {
			throw new Error('npm run build failed: the benchmark needs dist/cli.js');
		}
	}
}

/** How finely the terminal harness can see: a capture round trip, and launch of a trivial program to its output. */
async function measureHarness(terminal: Terminal) {
	const roundTrip = summarize(await measureCaptureRoundTrip(terminal, 50));
	const launches: number[] = [];
	for (let index = 0; index < 5; index++) {
		// eslint-disable-next-line no-await-in-loop
		const {pane, startedAt} = await terminal.open('printf ready; exec sleep 60');
		// eslint-disable-next-line no-await-in-loop
		const wait = await terminal.waitForScreen(pane, screen => screen.includes('ready'), startedAt, 5000);
		if (wait.milliseconds !== undefined) {
			launches.push(wait.milliseconds);
		}

		// eslint-disable-next-line no-await-in-loop
		await terminal.kill(pane);
	}

	return {
		captureRoundTripMilliseconds: roundTrip,
		launchFloorMilliseconds: summarize(launches),
		method: 'one tmux control-mode client; the pane is captured right after each %output notification and at least every 5 ms (2 ms for keys); a time is taken when the capture that first shows the change was asked for',
	};
}

async function main(): Promise<void> {
	const options = parseOptions(process.argv.slice(2));
	const startedAt = new Date();
	ensureBuilt();
	const versions = {
		newsboat: options.withoutNewsboat ? undefined : commandVersion('newsboat', '--version'),
		tmux: commandVersion('tmux', '-V'),
		hyperfine: commandVersion('hyperfine', '--version'),
	};
	const machine = describeMachine(versions);
	const hasTime = fs.existsSync('/usr/bin/time');
	if (!versions.newsboat) {
		log(options.withoutNewsboat ? 'measuring inkwire alone (--without-newsboat)' : 'newsboat is not installed (apt-get install -y newsboat): measuring inkwire alone');
	}

	if (!hasTmux()) {
		log('tmux is not installed (apt-get install -y tmux): skipping the measures that need a terminal');
	}

	if (!hasTime) {
		log('/usr/bin/time is missing (apt-get install -y time): no peak memory figures');
	}

	const workDirectory = fs.mkdtempSync(path.join(options.workParent, 'inkwire-bench-'));
	const terminal = hasTmux() ? await Terminal.start() : undefined;
	// Interrupted: still end the private tmux server (and what runs in it) and remove the corpora.
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			if (terminal) {
				spawnSync('tmux', ['-L', terminal.socket, 'kill-server']);
			}

			fs.rmSync(workDirectory, {recursive: true, force: true});
			process.exit(130);
		});
	}

	const rows: Row[] = [];
	const sizes: SizeDetails[] = [];
	let harness: Awaited<ReturnType<typeof measureHarness>> | undefined;
	const clock = performance.now();
	try {
		if (terminal) {
			harness = await measureHarness(terminal);
		}

		const nodeFloor = summarize(timeRuns({command: process.execPath, arguments: ['-e', '0'], environment: cleanEnvironment(workDirectory), cwd: workDirectory}, 5, 1, hasCommand('hyperfine')));
		const suite: SuiteOptions = {
			seed: options.seed,
			runs: options.runs,
			keys: options.keys,
			workDirectory,
			terminal,
			hasNewsboat: versions.newsboat !== undefined,
			withoutNewsboatReason: options.withoutNewsboat ? 'left out (--without-newsboat)' : 'newsboat is not installed',
			hasHyperfine: versions.hyperfine !== undefined,
			hasTime,
			log,
		};
		if (!options.searchOnly && !options.fetchOnly) {
			log(`pager: a ${options.pagerLines.toLocaleString('en-US')}-line article`);
			rows.push(...await measurePager(suite, options.pagerLines));
		}

		for (const count of options.sizes) {
			if (!options.searchOnly) {
				// eslint-disable-next-line no-await-in-loop
				const result = await measureSize(suite, count);
				rows.push(...result.rows);
				sizes.push(result.details);
			}

			// eslint-disable-next-line no-await-in-loop
			rows.push(...await measureSearch(suite, count));
			if (!options.keep) {
				// A 100,000-article store and its newsboat cache take about a gigabyte: free it before the next size.
				for (const entry of fs.readdirSync(workDirectory).filter(name => name.startsWith(`n${count}-`))) {
					fs.rmSync(path.join(workDirectory, entry), {recursive: true, force: true});
				}
			}
		}

		// Issue 9: fetching feeds over HTTP, and saving a page. Quick mode keeps it to a few seconds for CI.
		const fetchResult = options.searchOnly ? undefined : await measureFetch(suite, options.quick ? {feeds: 10, items: 20, runs: 1} : {feeds: 200, items: 50, runs: Math.min(3, options.runs)});
		rows.push(...fetchResult?.rows ?? []);
		const finishedAt = new Date();
		const report = {
			version: 1,
			startedAt: startedAt.toISOString(),
			finishedAt: finishedAt.toISOString(),
			durationSeconds: Math.round((performance.now() - clock) / 100) / 10,
			command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
			options: {quick: options.quick, searchOnly: options.searchOnly, fetchOnly: options.fetchOnly, sizes: options.sizes, runs: options.runs, keys: options.keys, pagerLines: options.pagerLines, seed: options.seed},
			machine,
			loadAverageAtEnd: os.loadavg().map(value => Math.round(value * 100) / 100),
			nodeStartMilliseconds: nodeFloor,
			harness,
			rows: rows.map(row => ({...row, count: row.count ?? null, ratio: ratioOf(row) ?? null, met: meetsTarget(row) ?? null})),
			sizes,
			fetch: fetchResult?.details ?? null,
		};
		fs.mkdirSync(options.outDirectory, {recursive: true});
		const file = path.join(options.outDirectory, `${startedAt.toISOString().replaceAll(':', '-').replace(/\.\d+Z$/, 'Z')}.json`);
		fs.writeFileSync(file, `${JSON.stringify(report, undefined, '\t')}\n`);

		console.log(formatMachine(machine));
		console.log(`node -e 0: ${nodeFloor ? `${nodeFloor.median.toFixed(0)} ms` : 'not measured'}; harness: capture round trip ${harness?.captureRoundTripMilliseconds?.median.toFixed(2) ?? '-'} ms, launch floor ${harness?.launchFloorMilliseconds?.median.toFixed(1) ?? '-'} ms`);
		console.log('');
		console.log(formatTable(rows));
		const notes = [...formatLegend(rows), ...formatNotes(rows)];
		console.log('');
		console.log(`Load average ${os.loadavg()[0]!.toFixed(2)} at the end (${machine.cpus} CPUs). Notes:`);
		for (const note of notes) {
			console.log(`- ${note}`);
		}

		console.log('');
		console.log(`Raw figures: ${file}`);
	} finally {
		await terminal?.close();
		if (options.keep) {
			log(`kept the corpora and state in ${workDirectory}`);
		} else {
			fs.rmSync(workDirectory, {recursive: true, force: true});
		}
	}
}

try {
	await main();
} catch (error) {
	console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
	console.error(usage);
	process.exitCode = 1;
}
