/**
The fault harness: attacks on the built CLI as data, each run as a real process (through GNU time when it is there,
for the peak RSS), and judged by the same rules whatever the attack: it ends within a bound, says what went wrong in
one `inkwire:` line or succeeds, never prints a stack trace, lets no control sequence reach the terminal (except the
SGR and OSC 8 of the ansi format), stays under a memory bound, and leaves the config, subscriptions and store intact.
*/
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {Writable} from 'node:stream';
import {isSafeTerminalOutput} from '../../source/core/text/sanitize.js';
import {cliPath} from '../helpers/cli.js';

/** What an attack tries to cause. */
export type AttackClass = 'injection' | 'crash' | 'memory' | 'hang' | 'data loss' | 'quiet defect';

/** What a run's stdin is: text, a file opened for it (`/dev/zero`, a FIFO), or a pipe written by a function. */
export type Input = string | Buffer | {readonly file: string} | ((stdin: Writable) => void);

/** One run of `dist/cli.js` and what it must do besides the rules every run is held to. */
export type Command = {
	readonly args: readonly string[];
	readonly stdin?: Input;
	/** Variables to set (undefined unsets) on top of the workspace's environment. */
	readonly env?: Readonly<Record<string, string | undefined>>;
	/** Killed, and failed, after this long. Generous on purpose: it catches hangs, not slowness. Default 20 s. */
	readonly timeoutMs?: number;
	/** `ok`: exit 0; `error`: a non-zero exit with an `inkwire:` line saying why; a number: that exit code; `any`. */
	readonly expect?: 'ok' | 'error' | 'any' | number;
	/** Exit codes that mean an answer, not an error, and so need no `inkwire:` line (search: 1 is "no match"). */
	readonly answerStatuses?: readonly number[];
	/** stdout may hold inkwire's own SGR and OSC 8 (the ansi format); otherwise no control character at all. */
	readonly isStyled?: boolean;
	/** Default `defaultMaxRssMb`. */
	readonly maxRssMb?: number;
	/** Default 64 MB: a few KB of input must not become hundreds of MB of output. */
	readonly maxStdoutBytes?: number;
	/** Must match stdout / stderr. */
	readonly stdout?: RegExp;
	readonly stderr?: RegExp;
	/** Must not match stderr. */
	readonly notStderr?: RegExp;
};

/**
A bound that catches runaway memory, not a target: the largest ordinary attacks take about 400 MB on Node 20 and up
to about 510 MB on Node 24, whose V8 keeps more heap.
*/
export const defaultMaxRssMb = 600;

/** What a run did. */
export type RunResult = {
	readonly label: string;
	readonly stdout: string;
	readonly stdoutBytes: number;
	readonly stderr: string;
	readonly status: number | null;
	readonly signal: string | null;
	readonly isTimedOut: boolean;
	readonly timeMs: number;
	/** Undefined without GNU time. */
	readonly peakRssKb: number | undefined;
};

/** A reader run in tmux, once it has ended (or been given up on). */
export type ReaderResult = RunResult & {
	readonly isAlternateScreen: boolean;
	readonly isCursorVisible: boolean;
	/** The terminal's line discipline after the reader: canonical mode and echo back on. */
	readonly isTerminalSane: boolean;
	readonly title: string;
	readonly screen: string;
	/** Every byte the reader wrote to the terminal (tmux pipe-pane), as UTF-8. */
	readonly raw: string;
};

/** The tools an attack's `act` gets. */
export type Tools = {
	/** Run the CLI once, judged by the common rules and the command's own expectations. */
	run(command: Command, label?: string): Promise<RunResult>;
	/** Start the reader in a terminal of its own (tmux). */
	reader(args: readonly string[], options?: ReaderOptions): Promise<ReaderSession>;
	/** Record a problem the attack found itself. */
	fail(problem: string): void;
	/** Record a figure for the report (marks kept under concurrent writers, kills survived). */
	figure(name: string, value: string): void;
};

export type Attack = {
	readonly name: string;
	readonly class: AttackClass;
	/** Listed in issue 14 (the first attack on the build), as opposed to found since. */
	readonly isListed?: boolean;
	/** Files to make in the workspace before the attack (large inputs are made here, never committed). */
	readonly setup?: (workspace: Workspace) => void | Promise<void>;
	/** The one command of a simple attack. */
	readonly command?: Command | ((workspace: Workspace) => Command);
	/** A scenario of several runs, a server, a reader in tmux, signals. */
	readonly act?: (workspace: Workspace, tools: Tools) => Promise<void>;
	/** Problems found after the runs, or nothing (`undefined`, `''`) when it held. */
	readonly check?: (workspace: Workspace, results: readonly RunResult[]) => string | undefined | void | Promise<string | undefined | void>;
	/** The store is written by the attack (fetch, save, a file replaced): skip the check that it is unchanged. */
	readonly writesStore?: boolean;
	/** The subscriptions are changed by the attack (add, import, remove): skip the check that feeds.opml is unchanged. */
	readonly writesSubscriptions?: boolean;
	/** The config is broken on purpose: skip the check that config.json is valid JSON. */
	readonly breaksConfig?: boolean;
	/** Needs tmux. */
	readonly needsTerminal?: boolean;
};

/** An attack's outcome, for the table. */
export type Outcome = {
	readonly attack: Attack;
	readonly problems: readonly string[];
	readonly timeMs: number;
	readonly peakRssKb: number | undefined;
	readonly worstRun: string;
	readonly isSkipped: boolean;
	readonly figures: readonly Figure[];
};

/** A figure an attack measured (marks kept under concurrent writers, kills survived), for the report. */
export type Figure = {readonly name: string; readonly value: string};

const gnuTime = '/usr/bin/time';

/** Whether GNU time is there to measure peak RSS (CI installs it; elsewhere the RSS column says n/a). */
export const canMeasureRss = fs.existsSync(gnuTime) && spawnSync(gnuTime, ['-v', 'true'], {encoding: 'utf8'}).stderr.includes('Maximum resident set size');

/** Whether tmux can be run here. */
export const hasTerminal = spawnSync('tmux', ['-V'], {encoding: 'utf8'}).status === 0;

// Any control character but newline and tab: escapes, C1 and the bidi controls that make a line lie.
// eslint-disable-next-line no-control-regex
const anyControl = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const stackTrace = /^\s+at .+(?::\d+:\d+\)?|\(native\))$/m;
const captureLimit = 64 * 1024 * 1024;

/** A temporary home for one attack: a store, a config and cache home, and the environment that points at them. */
export class Workspace {
	readonly directory: string;
	readonly store: string;
	readonly configHome: string;
	readonly cacheHome: string;
	readonly dataHome: string;
	#serial = 0;
	readonly #cleanups: Array<() => void | Promise<void>> = [];

	constructor() {
		this.directory = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-attack-'));
		this.store = path.join(this.directory, 'store');
		this.configHome = path.join(this.directory, 'config');
		this.cacheHome = path.join(this.directory, 'cache');
		this.dataHome = path.join(this.directory, 'data');
		fs.mkdirSync(this.store);
	}

	/** inkwire's config directory (config.json, feeds.opml). */
	get configDirectory(): string {
		return path.join(this.configHome, 'inkwire');
	}

	get configFile(): string {
		return path.join(this.configDirectory, 'config.json');
	}

	/** A path in the workspace. */
	path(...parts: string[]): string {
		return path.join(this.directory, ...parts);
	}

	/** Write a file of the store (folders made as needed). */
	write(relative: string, content: string | Uint8Array): string {
		const file = path.join(this.store, relative);
		fs.mkdirSync(path.dirname(file), {recursive: true});
		fs.writeFileSync(file, content);
		return file;
	}

	/** A number unique in this workspace. */
	next(): number {
		return this.#serial++;
	}

	/** The environment of a run: this workspace's homes and store, no colour or CI forced from outside. */
	environment(extra: Readonly<Record<string, string | undefined>> = {}): NodeJS.ProcessEnv {
		const environment: NodeJS.ProcessEnv = {
			...process.env,
			XDG_CONFIG_HOME: this.configHome,
			XDG_CACHE_HOME: this.cacheHome,
			XDG_DATA_HOME: this.dataHome,
			INKWIRE_DATA: this.store,
			FORCE_COLOR: undefined,
			NO_COLOR: undefined,
			FORCE_HYPERLINK: undefined,
			BROWSER: 'false',
			INKWIRE_DEBUG: undefined,
			...extra,
		};
		for (const [key, value] of Object.entries(environment)) {
			if (value === undefined) {
				delete environment[key];
			}
		}

		return environment;
	}

	/** Run this when the attack is over (a server to close, a tmux server to kill). */
	onCleanup(cleanup: () => void | Promise<void>): void {
		this.#cleanups.push(cleanup);
	}

	async cleanup(): Promise<void> {
		for (const cleanup of this.#cleanups.reverse()) {
			// eslint-disable-next-line no-await-in-loop
			await cleanup();
		}

		fs.rmSync(this.directory, {recursive: true, force: true, maxRetries: 2});
	}
}

/** The peak RSS and the way the process ended, from GNU time's report. */
function readTimeReport(file: string): {peakRssKb?: number; signal?: string} {
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch {
		return {};
	}

	const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
	const signal = /Command terminated by signal (\d+)/.exec(text);
	return {
		...(rss ? {peakRssKb: Number(rss[1])} : {}),
		...(signal ? {signal: os.constants.signals ? signalName(Number(signal[1])) : signal[1]} : {}),
	};
}

function signalName(number: number): string {
	return Object.entries(os.constants.signals).find(([, value]) => value === number)?.[0] ?? String(number);
}

/** Run `dist/cli.js` once, in its own process group (so a hung one is killed whole), measured by GNU time when present. */
export async function runInkwire(workspace: Workspace, command: Command, label: string): Promise<RunResult> {
	const report = workspace.path(`time-${workspace.next()}.txt`);
	const node = [process.execPath, cliPath, ...command.args];
	const [program, ...arguments_] = canMeasureRss ? [gnuTime, '-v', '-o', report, ...node] : node;
	const {stdin} = command;
	const stdinFile = stdin !== undefined && typeof stdin === 'object' && 'file' in stdin ? fs.openSync(stdin.file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK) : undefined;
	const started = performance.now();
	const child = spawn(program!, arguments_, {
		env: workspace.environment(command.env),
		cwd: workspace.directory,
		detached: true,
		stdio: [stdinFile ?? (stdin === undefined ? 'ignore' : 'pipe'), 'pipe', 'pipe'],
	});
	if (stdinFile !== undefined) {
		fs.closeSync(stdinFile);
	} else if (typeof stdin === 'function') {
		child.stdin!.on('error', () => undefined);
		stdin(child.stdin!);
	} else if (stdin !== undefined) {
		child.stdin!.on('error', () => undefined);
		child.stdin!.end(stdin);
	}

	const out: Buffer[] = [];
	let stdoutBytes = 0;
	let stderr = '';
	child.stdout!.on('data', (chunk: Buffer) => {
		if (stdoutBytes < captureLimit) {
			out.push(chunk);
		}

		stdoutBytes += chunk.length;
	});
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
		if (stderr.length < captureLimit) {
			stderr += chunk;
		}
	});
	let isTimedOut = false;
	const timer = setTimeout(() => {
		isTimedOut = true;
		killGroup(child.pid);
	}, command.timeoutMs ?? 20_000);
	const [status, signal] = await new Promise<[number | null, string | null]>(resolve => {
		child.on('close', (code, killedBy) => {
			resolve([code, killedBy]);
		});
	});
	clearTimeout(timer);
	const timeMs = performance.now() - started;
	const measured = readTimeReport(report);
	return {
		label,
		stdout: Buffer.concat(out).toString('utf8'),
		stdoutBytes,
		stderr,
		// Through GNU time, a signal shows as time's exit status 128 + n; its report names the signal.
		status: measured.signal ? null : status,
		signal: measured.signal ?? signal,
		isTimedOut,
		timeMs,
		peakRssKb: measured.peakRssKb,
	};
}

/** SIGKILL a process group the harness started (GNU time and the node under it). */
export function killGroup(pid: number | undefined): void {
	if (pid === undefined) {
		return;
	}

	try {
		process.kill(-pid, 'SIGKILL');
	} catch {
		// Already gone.
	}
}

/** What every run must do, whatever the attack: the common rules, then the command's own expectations. */
export function judgeRun(result: RunResult, command: Command): string[] {
	const problems: string[] = [];
	const where = result.label;
	const {expect = 'any', isStyled = false, maxRssMb = defaultMaxRssMb, maxStdoutBytes = captureLimit} = command;
	if (result.isTimedOut) {
		problems.push(`${where}: did not end within ${Math.round((command.timeoutMs ?? 20_000) / 1000)} s`);
		return problems;
	}

	if (result.signal) {
		problems.push(`${where}: killed by ${result.signal}`);
	}

	if (stackTrace.test(result.stderr) || stackTrace.test(result.stdout)) {
		problems.push(`${where}: a stack trace`);
	}

	if (/unexpected error|Maximum call stack|heap out of memory/i.test(result.stderr)) {
		problems.push(`${where}: crashed (${firstMatchingLine(result.stderr, /unexpected error|Maximum call stack|heap out of memory/i)})`);
	}

	const stray = result.stderr.split('\n').find(line => line !== '' && !line.startsWith('inkwire: '));
	if (stray !== undefined) {
		problems.push(`${where}: stderr line not from inkwire: ${JSON.stringify(stray.slice(0, 120))}`);
	}

	if (anyControl.test(result.stderr)) {
		problems.push(`${where}: a control character on stderr: ${showAround(result.stderr)}`);
	}

	if (isStyled ? !isSafeTerminalOutput(result.stdout) : anyControl.test(result.stdout)) {
		problems.push(`${where}: ${isStyled ? 'an escape sequence not inkwire\'s own' : 'a control character'} on stdout: ${showAround(result.stdout)}`);
	}

	if (result.stdoutBytes > maxStdoutBytes) {
		problems.push(`${where}: wrote ${formatMegabytes(result.stdoutBytes)} to stdout (bound ${formatMegabytes(maxStdoutBytes)})`);
	}

	if (result.peakRssKb !== undefined && result.peakRssKb > maxRssMb * 1024) {
		problems.push(`${where}: peak RSS ${Math.round(result.peakRssKb / 1024)} MB (bound ${maxRssMb} MB)`);
	}

	if (expect === 'ok' && result.status !== 0) {
		problems.push(`${where}: exit ${result.status}, expected 0 (${lastLine(result.stderr)})`);
	} else if (typeof expect === 'number' && result.status !== expect) {
		problems.push(`${where}: exit ${result.status}, expected ${expect} (${lastLine(result.stderr)})`);
	} else if (expect === 'error' && result.status === 0) {
		problems.push(`${where}: exit 0, expected an error`);
	}

	if (result.status !== 0 && result.status !== null && !command.answerStatuses?.includes(result.status) && !result.stderr.includes('inkwire: ')) {
		problems.push(`${where}: exit ${result.status} without a word on stderr`);
	}

	if (command.stdout && !command.stdout.test(result.stdout)) {
		problems.push(`${where}: stdout does not match ${command.stdout}: ${JSON.stringify(result.stdout.slice(0, 200))}`);
	}

	if (command.stderr && !command.stderr.test(result.stderr)) {
		problems.push(`${where}: stderr does not match ${command.stderr}: ${JSON.stringify(result.stderr.slice(0, 300))}`);
	}

	if (command.notStderr?.test(result.stderr)) {
		problems.push(`${where}: stderr matches ${command.notStderr}: ${JSON.stringify(result.stderr.slice(0, 300))}`);
	}

	return problems;
}

/** What every reader must leave behind: a terminal as it was found, no stack trace, no foreign title. */
export function judgeReader(result: ReaderResult, options: {readonly expectStatus?: number | 'any'; readonly maxRssMb?: number}): string[] {
	const problems: string[] = [];
	const where = result.label;
	if (result.isTimedOut) {
		problems.push(`${where}: did not end in time; the screen was:\n${result.screen}`);
		return problems;
	}

	if (result.isAlternateScreen) {
		problems.push(`${where}: left the terminal in the alternate screen`);
	}

	if (!result.isCursorVisible) {
		problems.push(`${where}: left the cursor hidden`);
	}

	if (!result.isTerminalSane) {
		problems.push(`${where}: left the terminal in raw mode (no echo or no line editing)`);
	}

	// The reader's own output is cursor movement and SGR; a string sequence (OSC but its OSC 8 links, DCS, APC, PM,
	// SOS) or a C1 control in it can only have come from outside text.
	// eslint-disable-next-line no-control-regex
	const foreign = /\u001B\](?!8;)|\u001B[P_^X]|[\u0080-\u009F]/.exec(result.raw);
	if (foreign) {
		problems.push(`${where}: a foreign control sequence reached the terminal: ${JSON.stringify(result.raw.slice(Math.max(0, foreign.index - 20), foreign.index + 30))}`);
	}

	if (/PWNED/.test(result.title)) {
		problems.push(`${where}: the terminal's title was set by outside text: ${JSON.stringify(result.title)}`);
	}

	if (stackTrace.test(result.screen) || /unexpected error|Maximum call stack|heap out of memory/i.test(result.screen)) {
		problems.push(`${where}: a stack trace or crash on the screen:\n${result.screen}`);
	}

	const {expectStatus = 'any', maxRssMb = defaultMaxRssMb} = options;
	if (expectStatus !== 'any' && result.status !== expectStatus) {
		problems.push(`${where}: exit ${result.status ?? result.signal}, expected ${expectStatus}`);
	}

	if (result.peakRssKb !== undefined && result.peakRssKb > maxRssMb * 1024) {
		problems.push(`${where}: peak RSS ${Math.round(result.peakRssKb / 1024)} MB (bound ${maxRssMb} MB)`);
	}

	return problems;
}

function firstMatchingLine(text: string, pattern: RegExp): string {
	return (text.split('\n').find(line => pattern.test(line)) ?? '').slice(0, 160);
}

function lastLine(text: string): string {
	return text.trimEnd().split('\n').at(-1)?.slice(0, 200) ?? '';
}

/** The first unsafe character and what is around it, escaped, for a failure message. */
function showAround(text: string): string {
	const index = text.search(anyControl);
	return JSON.stringify(text.slice(Math.max(0, index - 30), index + 30));
}

export function formatMegabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export type ReaderOptions = {
	readonly width?: number;
	readonly height?: number;
	readonly env?: Readonly<Record<string, string | undefined>>;
};

/** The reader running in a tmux session of the harness's own server. */
export type ReaderSession = {
	readonly label: string;
	screen(): string;
	/** Every byte the reader has written so far (tmux pipe-pane), as UTF-8. */
	raw(): string;
	/** Poll the screen until `predicate` holds; false after the timeout (the caller decides whether that fails). */
	waitFor(predicate: (screen: string) => boolean, timeoutMs?: number): Promise<boolean>;
	keys(...keys: string[]): void;
	/** Send a signal to the node process of the reader (not to the shell around it). */
	signal(name: NodeJS.Signals): void;
	/** Wait for the reader to end (killing it after the timeout) and describe the terminal it left. */
	end(timeoutMs?: number): Promise<ReaderResult>;
};

