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
export function cliEnvironment(home: {config: string; cache: string}, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
	const environment: NodeJS.ProcessEnv = {
		...process.env,
		XDG_CONFIG_HOME: home.config,
		XDG_CACHE_HOME: home.cache,
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
