/**
The benchmark's output: one row per measure and store size, printed as a table with the inkwire/newsboat ratio and
the issue's target, and kept whole (raw runs included) in the JSON report.
*/
import {spawnSync} from 'node:child_process';
import os from 'node:os';
import process from 'node:process';
import type {Summary} from './stats.js';

/** What a row's target compares. */
export type Target =
	/** inkwire's median divided by newsboat's must be at most this. */
	| {readonly kind: 'ratio'; readonly max: number}
	/** inkwire's median must be at most this, in the row's unit. */
	| {readonly kind: 'absolute'; readonly max: number};

/** One side of a row: a summary of runs, or why there is none. */
export type Side = {
	readonly summary?: Summary;
	readonly error?: string;
	/** Anything a reader of the figure should know (misses, how many runs, what exactly was timed). */
	readonly note?: string;
};

/** One measure at one store size. */
export type Row = {
	/** Stable key for scripts reading the JSON, such as `launch-warm`. */
	readonly id: string;
	readonly label: string;
	/** Articles in the store; undefined for size-independent measures. */
	readonly count: number | undefined;
	readonly unit: 'ms' | 'MiB';
	readonly inkwire: Side;
	/** Undefined when newsboat has no counterpart to this measure. */
	readonly newsboat?: Side;
	readonly target?: Target;
};

/** inkwire's median over newsboat's, when both exist. */
export function ratioOf(row: Row): number | undefined {
	const mine = row.inkwire.summary?.median;
	const theirs = row.newsboat?.summary?.median;
	return mine === undefined || theirs === undefined || theirs === 0 ? undefined : mine / theirs;
}

/** Whether the row meets its target: undefined when there is no target or nothing to compare. */
export function meetsTarget(row: Row): boolean | undefined {
	if (!row.target) {
		return undefined;
	}

	if (row.target.kind === 'ratio') {
		const ratio = ratioOf(row);
		return ratio === undefined ? undefined : ratio <= row.target.max;
	}

	const median = row.inkwire.summary?.median;
	return median === undefined ? undefined : median <= row.target.max;
}

/** True for the errors that only say a tool is absent (or left out on purpose). */
function isMissingTool(error: string): boolean {
	return /is not installed$|^left out/.test(error);
}

function formatNumber(value: number, unit: Row['unit']): string {
	if (unit === 'MiB') {
		return value < 10 ? value.toFixed(1) : value.toFixed(0);
	}

	if (value >= 1000) {
		return `${(value / 1000).toFixed(2)} s`;
	}

	return value < 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(0)} ms`;
}

function formatSide(side: Side | undefined, unit: Row['unit']): string {
	if (!side) {
		return '-';
	}

	if (!side.summary) {
		return side.error && !isMissingTool(side.error) ? 'error' : 'n/a';
	}

	const {median, min, max, runs} = side.summary;
	const suffix = unit === 'MiB' ? ' MiB' : '';
	if (runs.length === 1) {
		return `${formatNumber(median, unit)}${suffix}`;
	}

	const range = unit === 'MiB' ? `${formatNumber(min, unit)}-${formatNumber(max, unit)}` : `${formatNumber(min, unit).replace(/ m?s$/, '')}-${formatNumber(max, unit)}`;
	return `${formatNumber(median, unit)}${suffix} (${range})`;
}

function formatTarget(row: Row): string {
	if (!row.target) {
		return '';
	}

	const wanted = row.target.kind === 'ratio'
		? `<= ${row.target.max < 1 ? `1/${Math.round(1 / row.target.max)}` : `${row.target.max}x`}`
		: `<= ${formatNumber(row.target.max, row.unit)}`;
	const met = meetsTarget(row);
	return `${wanted} ${met === undefined ? '?' : (met ? 'met' : 'NOT met')}`;
}

/** The rows as a plain-text table: measure, N, inkwire, newsboat, ratio, target. */
export function formatTable(rows: readonly Row[]): string {
	const header = ['measure', 'N', 'inkwire median (min-max)', 'newsboat median (min-max)', 'ratio', 'target'];
	const cells = rows.map(row => {
		const ratio = ratioOf(row);
		return [
			row.label,
			row.count === undefined ? '' : row.count.toLocaleString('en-US'),
			formatSide(row.inkwire, row.unit),
			formatSide(row.newsboat, row.unit),
			ratio === undefined ? '' : `${ratio.toFixed(2)}x`,
			formatTarget(row),
		];
	});
	const widths = header.map((title, column) => Math.max(title.length, ...cells.map(line => line[column]!.length)));
	const formatLine = (line: readonly string[]) => line.map((cell, column) => (column === 1 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd();
	return [formatLine(header), widths.map(width => '-'.repeat(width)).join('  '), ...cells.map(line => formatLine(line))].join('\n');
}

/** The errors and notes behind the table, one line each, so a blank cell is never unexplained. */
export function formatNotes(rows: readonly Row[]): string[] {
	const lines: string[] = [];
	// A missing tool explains many cells: say it once.
	const missing = new Set<string>();
	for (const row of rows) {
		const where = `${row.label}${row.count === undefined ? '' : ` (N=${row.count.toLocaleString('en-US')})`}`;
		for (const [name, side] of [['inkwire', row.inkwire], ['newsboat', row.newsboat]] as const) {
			if (side?.error && isMissingTool(side.error)) {
				missing.add(side.error);
			} else if (side?.error) {
				lines.push(`${where}, ${name}: ${side.error}`);
			} else if (side?.note) {
				lines.push(`${where}, ${name}: ${side.note}`);
			}
		}
	}

	return [...[...missing].map(reason => `${reason}: the cells that need it are blank`), ...lines];
}

/** What rows with these ids measure, printed once under the table. */
export const legend: Readonly<Record<string, string>> = {
	'pager-open': 'Enter on the list to the article\'s first line on screen, then q back, repeated',
	'cold-start': 'inkwire: launch to the newest title with an empty cache directory; newsboat: `-x reload` of the feed into a new cache',
	'cold-list': '`inkwire list --unread` with an empty cache directory, against the same ingest',
	'launch-warm': 'newsboat: feed list, Enter, article list; the clock runs until the newest title shows',
	interactive: 'j sent every 10 ms from launch (newsboat: Enter at launch, then Down every 10 ms once its feed list shows), until a screen shows the highlight moved off the newest article',
	'open-first-launch': 'Enter (newsboat: Enter Enter) sent at launch, until the first words of the newest article\'s body show',
	'open-first-key': 'launch, wait for the list to be still, then Enter to the body on screen: the first open of a new process',
	'peak-rss': '/usr/bin/time -v around the reader, after its screen was still for 400 ms',
	'list-key-down': 'keys alternate with their opposite; each press waits for 50 ms of quiet first',
	'mark-read-cli': 'a whole process (node start-up included), with all but a handful of articles read',
	'mark-read-reader': 'inkwire: r, Down, r, Up... with all but a handful read; newsboat: all marked read with C, then N, Up...',
	'mark-read-stall': 'the longest key to frame of that series: a save that blocks after drawing delays the next move',
	'fetch-cold': '`inkwire fetch` into an empty store and cache against `newsboat -x reload` into a new cache, the same feeds from a local HTTP server',
	'fetch-warm': 'the same command right after the cold one: every feed answers 304 Not Modified',
	'save-large': '`inkwire save` of one long article page from the local server (fetch, Readability, Markdown, write)',
};

/** The legend lines for the rows present. */
export function formatLegend(rows: readonly Row[]): string[] {
	const seen = new Map<string, string>();
	for (const row of rows) {
		const text = legend[row.id];
		if (text !== undefined && !seen.has(row.id)) {
			seen.set(row.id, `${row.label.replace(/ \(.*\)$/, '')}: ${text}`);
		}
	}

	return [...seen.values()];
}

/** What the figures were measured on. */
export type Machine = {
	readonly cpus: number;
	readonly cpuModel: string;
	readonly memoryGib: number;
	readonly platform: string;
	readonly node: string;
	/** Null when not installed (null rather than undefined, so the JSON keeps the key). */
	readonly newsboat: string | null;
	readonly tmux: string | null;
	readonly hyperfine: string | null;
	readonly inkwireCommit: string | null;
	/** 1, 5 and 15 minute load averages when the run began: other work on the machine inflates every figure. */
	readonly loadAverage: readonly number[];
};

/** Describe this machine and the tools found on it. */
export function describeMachine(versions: {newsboat?: string; tmux?: string; hyperfine?: string}): Machine {
	const commit = spawnSync('git', ['describe', '--always', '--dirty'], {encoding: 'utf8', cwd: import.meta.dirname});
	return {
		cpus: os.availableParallelism(),
		cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
		memoryGib: Math.round((os.totalmem() / (1024 ** 3)) * 10) / 10,
		platform: `${os.type()} ${os.release()} ${os.arch()}`,
		node: process.version,
		newsboat: versions.newsboat ?? null,
		tmux: versions.tmux ?? null,
		hyperfine: versions.hyperfine ?? null,
		inkwireCommit: commit.status === 0 ? commit.stdout.trim() : null,
		loadAverage: os.loadavg().map(value => Math.round(value * 100) / 100),
	};
}

/** One line about the machine, printed above the table. */
export function formatMachine(machine: Machine): string {
	return [
		`${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGib} GiB, ${machine.platform}, load average ${machine.loadAverage[0]?.toFixed(2) ?? '?'} at start`,
		`node ${machine.node}, ${machine.newsboat ?? 'newsboat: not installed'}, ${machine.tmux ?? 'tmux: not installed'}, ${machine.hyperfine ?? 'hyperfine: not installed'}`,
		`inkwire ${machine.inkwireCommit ?? '(commit unknown)'}`,
	].join('\n');
}
