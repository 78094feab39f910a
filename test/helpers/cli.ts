import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

/** The repository root. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The built entry point, as `npm install` leaves it. */
export const cliPath = path.join(root, 'dist/cli.js');

/** The fixture store used by the CLI tests. */
export const fixtureStore = path.join(root, 'test/fixtures/cli-store');

export type Result = {
	readonly stdout: string;
	readonly stderr: string;
	readonly status: number | null;
};

/** A fresh config and cache home, so no test touches the user's read state or another test's. */
export function makeHome(): {config: string; cache: string; home: string} {
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-test-'));
	const config = path.join(home, 'config');
	const cache = path.join(home, 'cache');
	return {config, cache, home};
}

/** An environment for the built CLI: no colour forced, private config and cache, no CI quirks leaking in. */
export function cliEnvironment(home: {config: string; cache: string; home?: string}, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
	const environment: NodeJS.ProcessEnv = {
		...process.env,
		XDG_CONFIG_HOME: home.config,
		XDG_CACHE_HOME: home.cache,
		XDG_DATA_HOME: home.home === undefined ? path.join(home.config, '..', 'data') : path.join(home.home, 'data'),
		INKWIRE_DATA: undefined,
		FORCE_COLOR: undefined,
		NO_COLOR: undefined,
		FORCE_HYPERLINK: undefined,
		...extra,
	};
	for (const [key, value] of Object.entries(environment)) {
		if (value === undefined) {
			delete environment[key];
		}
	}

	return environment;
}

/** Run the built CLI to completion. */
export function runCli(arguments_: readonly string[], options: {env: NodeJS.ProcessEnv; input?: string; cwd?: string}): Result {
	const result = spawnSync(process.execPath, [cliPath, ...arguments_], {
		env: options.env,
		input: options.input ?? '',
		cwd: options.cwd ?? root,
		encoding: 'utf8',
		timeout: 120_000,
		maxBuffer: 64 * 1024 * 1024,
	});
	return {stdout: result.stdout, stderr: result.stderr, status: result.status};
}

/**
Run the built CLI asynchronously (for tests that run several processes at once). With `feed`, stdin is a pipe that
`feed` writes to (and ends) when it likes.
*/
export async function runCliAsync(arguments_: readonly string[], options: {env: NodeJS.ProcessEnv; feed?: (stdin: NodeJS.WritableStream) => void}): Promise<Result> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [cliPath, ...arguments_], {env: options.env, stdio: [options.feed ? 'pipe' : 'ignore', 'pipe', 'pipe']});
		if (options.feed) {
			options.feed(child.stdin!);
		}

		let stdout = '';
		let stderr = '';
		child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
			stdout += chunk;
		});
		child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
			stderr += chunk;
		});
		child.on('error', reject);
		child.on('close', status => {
			resolve({stdout, stderr, status});
		});
	});
}

/** One run of the built CLI in a batch: its arguments and the environment variables to set (undefined unsets). */
export type BatchJob = {
	readonly args: readonly string[];
	readonly env?: Readonly<Record<string, string | undefined>>;
};

/**
Run the built CLI once per job, all in one process (test/helpers/cli-batch-runner.mjs): the same dist/cli.js and
chunks a user runs, hundreds of times in seconds. Results come back in job order.
*/
export function runCliBatch(jobs: readonly BatchJob[], environment: NodeJS.ProcessEnv): Result[] {
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-batch-'));
	const jobsPath = path.join(directory, 'jobs.json');
	const resultsPath = path.join(directory, 'results.json');
	fs.writeFileSync(jobsPath, JSON.stringify(jobs.map(job => ({
		args: job.args,
		env: Object.fromEntries(Object.entries(job.env ?? {}).map(([key, value]) => [key, value ?? null])),
	}))));
	const runner = path.join(root, 'test/helpers/cli-batch-runner.mjs');
	const result = spawnSync(process.execPath, [runner, cliPath, jobsPath, resultsPath], {
		env: environment, encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'],
	});
	if (result.status !== 0) {
		throw new Error(`the batch runner failed (${result.status}): ${result.stderr.slice(0, 2000)}`);
	}

	const results = JSON.parse(fs.readFileSync(resultsPath, 'utf8')) as Result[];
	fs.rmSync(directory, {recursive: true, force: true});
	return results;
}
