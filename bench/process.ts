/**
Timing commands that do not need a terminal: `inkwire list --unread`, `newsboat -x print-unread`, ingest, mark read.
hyperfine is used where installed (warm-up runs, its own statistics); otherwise a plain loop around `spawnSync`.
*/
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {shellQuote, type ProgramRun} from './programs.js';

/** True when `name --version` (or `-V`) runs. */
export function hasCommand(name: string, flag = '--version'): boolean {
	const result = spawnSync(name, [flag], {encoding: 'utf8'});
	return result.error === undefined && result.status === 0;
}

/** The first line `name flag` prints, or undefined when it does not run. */
export function commandVersion(name: string, flag = '--version'): string | undefined {
	const result = spawnSync(name, [flag], {encoding: 'utf8'});
	if (result.error !== undefined || result.status !== 0) {
		return undefined;
	}

	return `${result.stdout}${result.stderr}`.split('\n')[0]?.trim();
}

/** Run once, output discarded; throws with the end of stderr when it fails. Returns wall milliseconds. */
export function runTimed(run: ProgramRun, timeoutMilliseconds = 600_000): number {
	const start = performance.now();
	const result = spawnSync(run.command, run.arguments, {
		cwd: run.cwd, env: run.environment, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: timeoutMilliseconds, maxBuffer: 64 * 1024 * 1024,
	});
	const elapsed = performance.now() - start;
	if (result.error) {
		throw result.error;
	}

	if (result.status !== 0) {
		// A stack trace ends in frames and a caret: the line that names the error says more.
		const stderr = result.stderr.trim();
		const named = stderr.split('\n').find(line => /\b\w*Error\b|^inkwire:|^newsboat:/.test(line));
		const command = `${path.basename(run.command)} ${run.arguments.slice(0, 4).map(part => path.basename(part)).join(' ')}${run.arguments.length > 4 ? ' ...' : ''}`;
		throw new Error(`${command} exited with ${result.status ?? result.signal}: ${(named ?? stderr.slice(-300)).trim()}`);
	}

	return elapsed;
}

/** Wall milliseconds of `runs` runs after `warmup` unmeasured ones, with hyperfine when `useHyperfine`. */
export function timeRuns(run: ProgramRun, runs: number, warmup: number, useHyperfine: boolean): number[] {
	if (useHyperfine) {
		return hyperfine(run, runs, warmup);
	}

	for (let index = 0; index < warmup; index++) {
		runTimed(run);
	}

	return Array.from({length: runs}, () => runTimed(run));
}

function hyperfine(run: ProgramRun, runs: number, warmup: number): number[] {
	const exportFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-hyperfine-')), 'result.json');
	// `-N` runs the command without a shell, so no shell start-up is added to (or subtracted from) the figure.
	const commandLine = [run.command, ...run.arguments].map(part => shellQuote(part)).join(' ');
	const result = spawnSync('hyperfine', ['-N', '--style', 'none', '--warmup', String(warmup), '--runs', String(runs), '--export-json', exportFile, '--', commandLine], {
		cwd: run.cwd, env: run.environment, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024,
	});
	try {
		if (result.status !== 0) {
			throw new Error(`hyperfine failed on ${path.basename(run.command)}: ${`${result.stderr}`.trim().slice(-400)}`);
		}

		const report = JSON.parse(fs.readFileSync(exportFile, 'utf8')) as {results: Array<{times: number[]}>};
		return (report.results[0]?.times ?? []).map(seconds => seconds * 1000);
	} finally {
		fs.rmSync(path.dirname(exportFile), {recursive: true, force: true});
	}
}

/** Peak resident memory in KiB from a `/usr/bin/time -v` report, or undefined when it has none. */
export function parsePeakRss(report: string): number | undefined {
	const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
	return match ? Number(match[1]) : undefined;
}

/** Run once under `/usr/bin/time -v`: wall milliseconds and peak RSS in KiB. */
export function runWithPeakRss(run: ProgramRun): {milliseconds: number; peakRssKib: number | undefined} {
	const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-time-')), 'time.txt');
	try {
		const milliseconds = runTimed({...run, command: '/usr/bin/time', arguments: ['-v', '-o', report, run.command, ...run.arguments]});
		return {milliseconds, peakRssKib: parsePeakRss(fs.readFileSync(report, 'utf8'))};
	} finally {
		fs.rmSync(path.dirname(report), {recursive: true, force: true});
	}
}
