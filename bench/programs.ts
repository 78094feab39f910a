/**
How the benchmark runs each program: the command line and a clean environment of its own, so that no run reads or
writes the user's configuration, cache or newsboat files, and runs do not see each other's state unless meant to.
*/
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {pathToFileURL} from 'node:url';

/** One command to run: what `process.ts` times and `tui.ts` starts in a terminal. */
export type ProgramRun = {
	readonly command: string;
	readonly arguments: readonly string[];
	readonly environment: Readonly<Record<string, string>>;
	readonly cwd: string;
};

/** The built inkwire CLI, relative to the repository. */
export const inkwireCli = path.resolve(import.meta.dirname, '..', 'dist', 'cli.js');

/**
Only what a program needs, so results do not depend on the caller's shell (and `CI`, which makes Ink write only its
final frame, never reaches a program under test).
*/
export function cleanEnvironment(home: string, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
	return {
		PATH: process.env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin',
		LANG: 'C.UTF-8',
		HOME: home,
		...extra,
	};
}

/** Private config and cache directories for inkwire: an empty cache directory means a cold start. */
export type InkwireState = {
	readonly directory: string;
	readonly configHome: string;
	readonly cacheHome: string;
};

/** Create (or reuse) the private state directories named `name` under `directory`. */
export function inkwireState(directory: string, name: string): InkwireState {
	const root = path.join(directory, name);
	const configHome = path.join(root, 'config');
	const cacheHome = path.join(root, 'cache');
	fs.mkdirSync(configHome, {recursive: true});
	fs.mkdirSync(cacheHome, {recursive: true});
	return {directory: root, configHome, cacheHome};
}

/** `node dist/cli.js --data STORE ...arguments` with its own XDG directories. */
export function inkwireRun(store: string, state: InkwireState, ...arguments_: string[]): ProgramRun {
	return {
		command: process.execPath,
		arguments: [inkwireCli, '--data', store, ...arguments_],
		environment: cleanEnvironment(state.directory, {XDG_CONFIG_HOME: state.configHome, XDG_CACHE_HOME: state.cacheHome}),
		cwd: state.directory,
	};
}

/** A private newsboat setup: HOME, urls file with the feed's `file://` URL, an empty config (defaults). */
export type NewsboatSetup = {
	readonly directory: string;
	readonly home: string;
	readonly urls: string;
	readonly config: string;
};

/** Write the urls file and an empty config under `directory`. */
export function newsboatSetup(directory: string, feedPath: string): NewsboatSetup {
	const home = path.join(directory, 'home');
	fs.mkdirSync(home, {recursive: true});
	const urls = path.join(directory, 'urls');
	const config = path.join(directory, 'config');
	fs.writeFileSync(urls, `${pathToFileURL(feedPath).href}\n`);
	// Defaults only: newsboat's default order already puts the newest article first.
	fs.writeFileSync(config, '');
	return {directory, home, urls, config};
}

/** `newsboat -u urls -c CACHE -C config ...arguments`, with its own HOME and XDG directories. */
export function newsboatRun(setup: NewsboatSetup, cache: string, ...arguments_: string[]): ProgramRun {
	return {
		command: 'newsboat',
		arguments: ['-u', setup.urls, '-c', cache, '-C', setup.config, ...arguments_],
		environment: cleanEnvironment(setup.home, {
			XDG_CONFIG_HOME: path.join(setup.home, '.config'),
			XDG_DATA_HOME: path.join(setup.home, '.local', 'share'),
		}),
		cwd: setup.directory,
	};
}

/** Quote for a POSIX shell. */
export function shellQuote(text: string): string {
	return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll('\'', '\'\\\'\'')}'`;
}

/**
The run as one shell command line, environment included (`env -i`, so nothing else leaks in). `rawEnvironment` is
inserted unquoted, for assignments the shell must expand, such as `"TERM=$TERM"` inside a terminal.
*/
export function toShellCommand(run: ProgramRun, prefix: readonly string[] = [], rawEnvironment: readonly string[] = []): string {
	const environment = Object.entries(run.environment).map(([name, value]) => shellQuote(`${name}=${value}`));
	return ['env', '-i', ...rawEnvironment, ...environment, ...[...prefix, run.command, ...run.arguments].map(part => shellQuote(part))].join(' ');
}
