/**
The measures of issue 4, per store size, for inkwire and newsboat side by side. Every measure is independent: one
that fails (a timeout, a crash, a missing program) becomes an error in its row and the others still run.
*/
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {feedTitle, writeCorpus, writeLongArticleStore, type Corpus} from './corpus.js';
import {runTimed, runWithPeakRss, timeRuns} from './process.js';
import {inkwireRun, inkwireState, newsboatRun, newsboatSetup, type NewsboatSetup, type ProgramRun} from './programs.js';
import type {Row, Side, Target} from './report.js';
import {summarize, type Summary} from './stats.js';
import type {Terminal} from './tmux.js';
import {endSession, lineStartStyles, measureFirstOpen, measureInteractive, measureKeys, measureLaunch, startSession, titleNeedle, waitForText, waitUntilQuiet, type InteractivePlan, type KeyResult, type LaunchPlan, type LaunchResult, type OpenPlan, type Session} from './tui.js';

/** What the suite may use and how hard it should work. */
export type SuiteOptions = {
	readonly seed: number;
	/** Runs of each measure (fewer at 100,000 articles, where one run takes seconds). */
	readonly runs: number;
	/** Presses of each key in the keypress-to-frame measures. */
	readonly keys: number;
	readonly workDirectory: string;
	/** Undefined when tmux is missing: the terminal measures are skipped. */
	readonly terminal: Terminal | undefined;
	readonly hasNewsboat: boolean;
	/** Why newsboat is not measured, when it is not. */
	readonly withoutNewsboatReason: string;
	readonly hasHyperfine: boolean;
	readonly hasTime: boolean;
	readonly log: (message: string) => void;
};

/** Everything measured at one size, besides the rows. */
export type SizeDetails = {
	readonly count: number;
	readonly corpus: Omit<Corpus, 'ids'> & {readonly generateMilliseconds: number};
	readonly launches: Record<string, LaunchResult[]>;
	markReadSetup?: {readonly alreadyRead: number; readonly batches: number[]};
};

/** The issue's targets, by measure and size. */
const launchTargets: Readonly<Record<number, number>> = {1000: 2, 10_000: 0.5, 100_000: 0.1};

function runsAt(options: SuiteOptions, count: number): number {
	return count >= 100_000 ? Math.min(options.runs, 3) : options.runs;
}

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** Run `measure`; a thrown error becomes the side's error. */
async function side(measure: () => Promise<Side> | Side): Promise<Side> {
	try {
		return await measure();
	} catch (error) {
		return {error: errorText(error)};
	}
}

/** Like `side`, for measures that return more than a summary. */
async function attempt<T>(measure: () => Promise<T>): Promise<T | Side> {
	try {
		return await measure();
	} catch (error) {
		return {error: errorText(error)};
	}
}

function fromRuns(values: readonly number[], note?: string): Side {
	const summary = summarize(values);
	return summary ? {summary, note} : {error: note ?? 'no run succeeded'};
}

function mebibytes(values: ReadonlyArray<number | undefined>): Summary | undefined {
	return summarize(values.filter((value): value is number => value !== undefined).map(kib => kib / 1024));
}

const skipped = (why: string): Side => ({error: why});

/** Launch `runs` times (after `warmups` unmeasured launches); failures end the series with their message. */
async function launchSeries(terminal: Terminal, plan: LaunchPlan, runs: number, warmups: number, directory: string, prepare?: (index: number) => LaunchPlan): Promise<{results: LaunchResult[]; error?: string}> {
	const results: LaunchResult[] = [];
	try {
		for (let index = 0; index < warmups; index++) {
			// eslint-disable-next-line no-await-in-loop
			await measureLaunch(terminal, plan, directory);
		}

		for (let index = 0; index < runs; index++) {
			// eslint-disable-next-line no-await-in-loop
			results.push(await measureLaunch(terminal, prepare ? prepare(index) : plan, directory));
		}
	} catch (error) {
		return {results, error: errorText(error)};
	}

	return {results};
}

function launchSide(series: {results: LaunchResult[]; error?: string}, pick: (result: LaunchResult) => number | undefined, unit: 'ms' | 'MiB'): Side {
	const values = series.results.map(result => pick(result));
	const summary = unit === 'MiB' ? mebibytes(values) : summarize(values.filter((value): value is number => value !== undefined));
	if (!summary) {
		return {error: series.error ?? 'nothing measured'};
	}

	return series.error ? {summary, note: `${series.results.length} runs, then: ${series.error}`} : {summary};
}

/** All rows for one store size. */
export async function measureSize(options: SuiteOptions, count: number): Promise<{rows: Row[]; details: SizeDetails}> {
	const {terminal, log} = options;
	const directory = fs.mkdtempSync(path.join(options.workDirectory, `n${count}-`));
	const runs = runsAt(options, count);
	const label = count.toLocaleString('en-US');
	log(`N=${label}: writing the corpus`);
	const generateStart = performance.now();
	const corpus = await writeCorpus(directory, count, options.seed);
	const generateMilliseconds = performance.now() - generateStart;
	// Flush the fresh files to disk first, so that the writeback does not slow down whatever is measured next
	// (newsboat's SQLite waits on fsync).
	spawnSync('sync');
	const {ids, ...corpusFacts} = corpus;
	const details: SizeDetails = {count, corpus: {...corpusFacts, generateMilliseconds}, launches: {}};
	const rows: Row[] = [];
	const timeout = 20_000 + count;
	const noNewsboat = skipped(options.withoutNewsboatReason);
	const noTerminal = skipped('tmux is not installed');

	// 6. Newsboat's ingest of the feed, each run into a new cache; the last cache stays for the warm measures.
	let newsboat: NewsboatSetup | undefined;
	let newsboatCache = '';
	let ingest: Side = noNewsboat;
	let ingestMemory: Side = noNewsboat;
	if (options.hasNewsboat) {
		log(`N=${label}: newsboat ingest`);
		newsboat = newsboatSetup(path.join(directory, 'newsboat'), corpus.feedPath);
		const times: number[] = [];
		const memory: Array<number | undefined> = [];
		const ingestRuns = count >= 100_000 ? Math.min(2, runs) : Math.min(3, runs);
		ingest = await side(() => {
			for (let index = 0; index < ingestRuns; index++) {
				if (newsboatCache) {
					fs.rmSync(newsboatCache, {force: true});
				}

				newsboatCache = path.join(newsboat!.directory, `cache-${index}.db`);
				const run = newsboatRun(newsboat!, newsboatCache, '-x', 'reload');
				if (options.hasTime) {
					const result = runWithPeakRss(run);
					times.push(result.milliseconds);
					memory.push(result.peakRssKib);
				} else {
					times.push(runTimed(run));
				}
			}

			return fromRuns(times);
		});
		const memorySummary = mebibytes(memory);
		ingestMemory = memorySummary ? {summary: memorySummary} : {error: options.hasTime ? 'not measured' : '/usr/bin/time is not installed'};
	}

	// 6. inkwire's first start on a new store: an empty cache directory every run.
	log(`N=${label}: inkwire cold start`);
	const coldRuns = count >= 100_000 ? Math.min(2, runs) : Math.min(3, runs);
	let coldLaunch: Side = noTerminal;
	if (terminal) {
		const series = await launchSeries(terminal, inkwirePlan(corpus, inkwireState(directory, 'cold-0'), timeout, false, options.hasTime), coldRuns, 0, directory,
			index => inkwirePlan(corpus, inkwireState(directory, `cold-${index}`), timeout, false, options.hasTime));
		details.launches['inkwire-cold'] = series.results;
		coldLaunch = launchSide(series, result => result.titleMilliseconds, 'ms');
		const firstScreen = series.results[0]?.firstScreen;
		if (coldLaunch.summary && firstScreen !== undefined) {
			coldLaunch = {...coldLaunch, note: `${coldLaunch.note ? `${coldLaunch.note}; ` : ''}first screen: ${firstScreen.slice(0, 100)}`};
		}
	}

	rows.push({id: 'cold-start', label: 'cold start: newest title (vs ingest)', count, unit: 'ms', inkwire: coldLaunch, newsboat: ingest, target: count >= 100_000 ? {kind: 'ratio', max: 1 / 3} : undefined});
	const coldList = await side(() => fromRuns(Array.from({length: coldRuns}, (_, index) => runTimed(inkwireRun(corpus.storeDirectory, inkwireState(directory, `cold-list-${index}`), 'list', '--unread')))));
	rows.push({id: 'cold-list', label: 'cold list --unread (vs ingest)', count, unit: 'ms', inkwire: coldList, newsboat: ingest});

	// 2. Piping the unread list, warm.
	log(`N=${label}: list --unread / print-unread`);
	const warm = inkwireState(directory, 'warm');
	const listRun = inkwireRun(corpus.storeDirectory, warm, 'list', '--unread');
	const list = await side(() => fromRuns(timeRuns(listRun, runs, 1, options.hasHyperfine)));
	const printUnread = newsboat
		? await side(() => fromRuns(timeRuns(newsboatRun(newsboat!, newsboatCache, '-x', 'print-unread'), runs, 1, options.hasHyperfine)))
		: noNewsboat;
	rows.push({id: 'list-unread', label: 'list --unread / -x print-unread', count, unit: 'ms', inkwire: list, newsboat: printUnread, target: count >= 100_000 ? {kind: 'ratio', max: 0.5} : undefined});

	// 1 and 3. Warm launch until the newest title shows, and peak memory once the whole list is in.
	log(`N=${label}: launch to newest title`);
	let launch: Side = noTerminal;
	let launchNewsboat: Side = newsboat ? noTerminal : noNewsboat;
	let memory: Side = noTerminal;
	let memoryNewsboat: Side = newsboat ? noTerminal : noNewsboat;
	if (terminal) {
		const series = await launchSeries(terminal, inkwirePlan(corpus, warm, timeout, true, options.hasTime), runs, 1, directory);
		details.launches['inkwire-warm'] = series.results;
		launch = launchSide(series, result => result.titleMilliseconds, 'ms');
		memory = options.hasTime ? launchSide(series, result => result.peakRssKib, 'MiB') : skipped('/usr/bin/time is not installed');
		if (newsboat) {
			const newsboatSeries = await launchSeries(terminal, newsboatPlan(corpus, newsboat, newsboatCache, timeout, options.hasTime), runs, 1, directory);
			details.launches['newsboat'] = newsboatSeries.results;
			launchNewsboat = launchSide(newsboatSeries, result => result.titleMilliseconds, 'ms');
			memoryNewsboat = options.hasTime ? launchSide(newsboatSeries, result => result.peakRssKib, 'MiB') : skipped('/usr/bin/time is not installed');
		}
	}

	const launchTarget = launchTargets[count];
	rows.push({id: 'launch-warm', label: 'launch to newest title (warm)', count, unit: 'ms', inkwire: launch, newsboat: launchNewsboat, target: launchTarget === undefined ? undefined : {kind: 'ratio', max: launchTarget}});
	// Time to interactive: keys typed from the very start, until the highlight has visibly moved.
	log(`N=${label}: time to interactive`);
	const interactive = async (plan: InteractivePlan) => fromRuns(await repeat(runs, async () => measureInteractive(terminal!, plan, directory)));
	const ready = terminal ? await side(async () => interactive(inkwireInteractivePlan(corpus, warm, timeout))) : noTerminal;
	const readyNewsboat = terminal && newsboat ? await side(async () => interactive(newsboatInteractivePlan(corpus, newsboat!, newsboatCache, timeout))) : (newsboat ? noTerminal : noNewsboat);
	rows.push({id: 'interactive', label: 'time to interactive (keys from launch)', count, unit: 'ms', inkwire: ready, newsboat: readyNewsboat, target: launchTarget === undefined ? undefined : {kind: 'ratio', max: launchTarget}});

	// The first article opened after launch: keys sent at launch, and the open key once the list is still.
	log(`N=${label}: first article after launch`);
	for (const mode of ['from-launch', 'from-list'] as const) {
		const open = async (plan: OpenPlan) => fromRuns(await repeat(runs, async () => measureFirstOpen(terminal!, plan, directory, mode)));
		const mine = terminal ? await side(async () => open(inkwireOpenPlan(corpus, warm, timeout))) : noTerminal;
		const theirs = terminal && newsboat ? await side(async () => open(newsboatOpenPlan(corpus, newsboat!, newsboatCache, timeout))) : (newsboat ? noTerminal : noNewsboat);
		rows.push(mode === 'from-launch'
			? {id: 'open-first-launch', label: 'first article: launch + Enter at once', count, unit: 'ms', inkwire: mine, newsboat: theirs}
			: {id: 'open-first-key', label: 'key to frame: first article opened', count, unit: 'ms', inkwire: mine, newsboat: theirs, target: {kind: 'absolute', max: 50}});
	}

	rows.push({id: 'peak-rss', label: 'peak RSS, reader', count, unit: 'MiB', inkwire: memory, newsboat: memoryNewsboat, target: count >= 100_000 ? {kind: 'ratio', max: 1 / 3} : undefined});
	rows.push({id: 'peak-rss-ingest', label: 'peak RSS, first start / ingest', count, unit: 'MiB', inkwire: terminal && options.hasTime ? launchSide({results: details.launches['inkwire-cold'] ?? []}, result => result.peakRssKib, 'MiB') : noTerminal, newsboat: ingestMemory});

	// 4. Moving through the list: a key and its opposite in turn, so the cursor never hits the end.
	log(`N=${label}: moving through the list`);
	const keyTarget: Target | undefined = count >= 100_000 ? {kind: 'absolute', max: 16} : undefined;
	for (const [keys, name] of [[['Down', 'Up'], 'down/up'], [['NPage', 'PPage'], 'page down/up']] as const) {
		const mine = terminal ? await side(async () => keysSide(await sessionKeys(terminal, inkwirePlan(corpus, warm, timeout, false, false), keys, options.keys, directory))) : noTerminal;
		const theirs = terminal && newsboat
			? await side(async () => keysSide(await sessionKeys(terminal, newsboatPlan(corpus, newsboat!, newsboatCache, timeout, false), keys, options.keys, directory)))
			: (newsboat ? noTerminal : noNewsboat);
		rows.push({id: `list-key-${name.split('/')[0]!.replace(' ', '-')}`, label: `key to frame: list, ${name}`, count, unit: 'ms', inkwire: mine, newsboat: theirs, target: keyTarget});
	}

	// 5. Marking read when (nearly) every article is already read.
	log(`N=${label}: marking read with the store read`);
	const reserve = runs + 2;
	const batches: number[] = [];
	const setup = await side(() => {
		const batchSize = 10_000;
		for (let start = reserve; start < ids.length; start += batchSize) {
			batches.push(runTimed(inkwireRun(corpus.storeDirectory, warm, 'read', ...ids.slice(start, start + batchSize))));
		}

		return {};
	});
	const alreadyRead = Math.max(0, ids.length - reserve);
	details.markReadSetup = {alreadyRead, batches};
	const markCli = setup.error ? setup : await side(() => fromRuns(ids.slice(0, runs).map(id => runTimed(inkwireRun(corpus.storeDirectory, warm, 'read', id)))));
	rows.push({id: 'mark-read-cli', label: 'inkwire read <id> (process)', count, unit: 'ms', inkwire: markCli});
	// In the reader: toggle, move, toggle, move back. A save that blocks after its frame delays the move that follows,
	// so the longest of all these presses is the worst stall seen.
	let toggle: KeyResult | Side = setup.error ? setup : noTerminal;
	let toggleNewsboat: KeyResult | Side = newsboat ? noTerminal : noNewsboat;
	if (terminal && !setup.error) {
		toggle = await attempt(async () => sessionKeys(terminal, inkwirePlan(corpus, warm, timeout, false, false), ['r', 'Down', 'r', 'Up'], runs * 4, directory));
		if (newsboat) {
			// newsboat's counterpart: mark everything read in the feed list (C), then N toggles the article's flag.
			toggleNewsboat = await attempt(async () => sessionKeys(terminal, newsboatPlan(corpus, newsboat!, newsboatCache, timeout, false), ['N', 'Up'], runs * 2, directory, async session => {
				await waitForText(session, feedTitle, session.startedAt, timeout);
				await terminal.sendKeys(session.pane, 'C');
				const wait = await terminal.waitForScreen(session.pane, screen => screen.includes('y:Yes') || screen.includes(`(0/${count})`), performance.now(), timeout);
				if (wait.screen.includes('y:Yes')) {
					await terminal.sendKeys(session.pane, 'y');
				}

				await waitForText(session, `(0/${count})`, performance.now(), timeout);
			}));
		}
	}

	const pick = (result: KeyResult | Side, key: string): Side => ('all' in result ? fromRuns(result.byKey[key] ?? []) : result);
	const worst = (result: KeyResult | Side): Side => ('all' in result ? fromRuns(result.all.length > 0 ? [Math.max(...result.all)] : []) : result);
	rows.push({id: 'mark-read-reader', label: 'key to frame: toggle read (r / N)', count, unit: 'ms', inkwire: pick(toggle, 'r'), newsboat: pick(toggleNewsboat, 'N'), target: count >= 100_000 ? {kind: 'absolute', max: 20} : undefined});
	rows.push({id: 'mark-read-stall', label: 'longest stall while toggling read', count, unit: 'ms', inkwire: worst(toggle), newsboat: worst(toggleNewsboat), target: count >= 100_000 ? {kind: 'absolute', max: 50} : undefined});

	return {rows, details};
}

function inkwirePlan(corpus: Corpus, state: ReturnType<typeof inkwireState>, timeoutMilliseconds: number, waitForQuiet: boolean, measureMemory: boolean): LaunchPlan {
	return {run: inkwireRun(corpus.storeDirectory, state), newestTitle: corpus.newestTitle, quitKeys: ['q', 'q'], timeoutMilliseconds, waitForQuiet, measureMemory};
}

function newsboatPlan(corpus: Corpus, setup: NewsboatSetup, cache: string, timeoutMilliseconds: number, measureMemory: boolean): LaunchPlan {
	return {
		run: newsboatRun(setup, cache),
		newestTitle: corpus.newestTitle,
		through: {text: feedTitle, keys: ['Enter']},
		quitKeys: ['q', 'q', 'q'],
		timeoutMilliseconds,
		waitForQuiet: true,
		measureMemory,
	};
}

/** Run `measure` `count` times in a row; the first failure ends the series (its error is the side's). */
async function repeat(count: number, measure: () => Promise<number>): Promise<number[]> {
	const values: number[] = [];
	for (let index = 0; index < count; index++) {
		// eslint-disable-next-line no-await-in-loop
		values.push(await measure());
	}

	return values;
}

/** The row of a screen that starts in reverse video or on a blue background (newsboat's focused row), if any. */
function highlightedRow(screen: string, isCandidate: (index: number, lines: readonly string[]) => boolean): string | undefined {
	const lines = screen.split('\n');
	const styles = lineStartStyles(screen);
	const index = lines.findIndex((_, line) => isCandidate(line, lines) && styles[line]!.background === '44');
	return index === -1 ? undefined : lines[index];
}

function inkwireInteractivePlan(corpus: Corpus, state: ReturnType<typeof inkwireState>, timeoutMilliseconds: number): InteractivePlan {
	const needle = titleNeedle(corpus.newestTitle);
	return {
		run: inkwireRun(corpus.storeDirectory, state),
		firstKeys: [],
		repeatKey: 'j',
		// The highlighted row carries the pointer.
		isMoved: screen => screen.includes('inkwire ·') && screen.split('\n').some(line => line.includes('❯') && !line.includes(needle)),
		quitKeys: ['q', 'q'],
		timeoutMilliseconds,
	};
}

function newsboatInteractivePlan(corpus: Corpus, setup: NewsboatSetup, cache: string, timeoutMilliseconds: number): InteractivePlan {
	const needle = titleNeedle(corpus.newestTitle);
	return {
		run: newsboatRun(setup, cache),
		firstKeys: ['Enter'],
		// newsboat's default bindings move with the arrows (j is not bound in the article list).
		repeatKey: 'Down',
		// Down only once its own screen is up (see InteractivePlan): Enter, sent at launch, opens the feed.
		repeatOnceScreen: screen => screen.includes(feedTitle),
		// Its focused row is yellow on blue, like its title and status bars: rows between them only.
		isMoved(screen) {
			if (!screen.includes('Articles in feed')) {
				return false;
			}

			const row = highlightedRow(screen, (index, lines) => index > 0 && index < lines.length - 2);
			return row !== undefined && !row.includes(needle);
		},
		quitKeys: ['q', 'q', 'q'],
		timeoutMilliseconds,
	};
}

function inkwireOpenPlan(corpus: Corpus, state: ReturnType<typeof inkwireState>, timeoutMilliseconds: number): OpenPlan {
	return {run: inkwireRun(corpus.storeDirectory, state), openKeys: ['Enter'], bodyText: corpus.newestOpening, listText: titleNeedle(corpus.newestTitle), quitKeys: ['q', 'q', 'q'], timeoutMilliseconds};
}

/** newsboat opens the first unread article of a feed: q back to its list and N marks the one just read unread again. */
function newsboatOpenPlan(corpus: Corpus, setup: NewsboatSetup, cache: string, timeoutMilliseconds: number): OpenPlan {
	return {run: newsboatRun(setup, cache), openKeys: ['Enter', 'Enter'], bodyText: corpus.newestOpening, listText: titleNeedle(corpus.newestTitle), quitKeys: ['q', 'N', 'q', 'q'], timeoutMilliseconds};
}

function keysSide(result: KeyResult): Side {
	return fromRuns(result.all, result.misses > 0 ? `${result.misses} presses changed nothing within 3 s` : undefined);
}

/** Open the reader on its list (after `setup`, if any), let it settle, then time `count` presses cycling `keys`. */
async function sessionKeys(terminal: Terminal, plan: LaunchPlan, keys: readonly string[], count: number, directory: string, setup?: (session: Session) => Promise<void>): Promise<KeyResult> {
	const session = await startSession(terminal, plan.run, directory, false);
	try {
		await setup?.(session);
		if (plan.through) {
			await waitForText(session, plan.through.text, session.startedAt, plan.timeoutMilliseconds);
			await terminal.sendKeys(session.pane, ...plan.through.keys);
		}

		await waitForText(session, titleNeedle(plan.newestTitle), session.startedAt, plan.timeoutMilliseconds);
		await waitUntilQuiet(session, session.startedAt, 400, plan.timeoutMilliseconds);
		const result = await measureKeys(session, keys, count);
		await endSession(session, plan.quitKeys);
		return result;
	} finally {
		await terminal.kill(session.pane);
	}
}

/** 4. Scrolling a long article: open it from the list, then time line and page scrolling. */
export async function measurePager(options: SuiteOptions, lines: number): Promise<Row[]> {
	const {terminal} = options;
	const rows: Row[] = [];
	const directory = fs.mkdtempSync(path.join(options.workDirectory, 'pager-'));
	const store = writeLongArticleStore(directory, lines, options.seed);
	const label = `key to frame: ${lines.toLocaleString('en-US')}-line article`;
	if (!terminal) {
		return [{id: 'pager-open', label: `${label}, open`, count: undefined, unit: 'ms', inkwire: skipped('tmux is not installed')}];
	}

	const state = inkwireState(directory, 'state');
	const run: ProgramRun = inkwireRun(store.storeDirectory, state);
	const opens: number[] = [];
	let openError: string | undefined;
	const scrolls: Array<[string, Side]> = [];
	try {
		// Build the index first so the pager session is a warm start.
		runTimed(inkwireRun(store.storeDirectory, state, 'list'));
		const session = await startSession(terminal, run, directory, false);
		try {
			await waitForText(session, titleNeedle(store.title), session.startedAt, 20_000);
			await waitUntilQuiet(session, session.startedAt, 300, 20_000);
			// Open from the list and go back, a few times.
			for (let index = 0; index < options.runs; index++) {
				// eslint-disable-next-line no-await-in-loop
				const sentAt = await terminal.sendKeys(session.pane, 'Enter');
				// eslint-disable-next-line no-await-in-loop
				opens.push(await waitForText(session, 'Line 1:', sentAt, 20_000));
				// eslint-disable-next-line no-await-in-loop
				await waitUntilQuiet(session, sentAt, 200, 20_000);
				if (index < options.runs - 1) {
					// eslint-disable-next-line no-await-in-loop
					await terminal.sendKeys(session.pane, 'q');
					// eslint-disable-next-line no-await-in-loop
					await terminal.waitForScreen(session.pane, screen => !screen.includes('Line 1:'), performance.now(), 20_000);
					// eslint-disable-next-line no-await-in-loop
					await waitUntilQuiet(session, performance.now(), 200, 20_000);
				}
			}

			for (const [key, name] of [['j', 'j (line)'], ['Space', 'Space (page)']] as const) {
				// eslint-disable-next-line no-await-in-loop
				scrolls.push([name, keysSide(await measureKeys(session, [key], options.keys))]);
			}

			await endSession(session, ['q', 'q']);
		} finally {
			await terminal.kill(session.pane);
		}
	} catch (error) {
		openError = errorText(error);
	}

	rows.push({id: 'pager-open', label: `${label}, open`, count: undefined, unit: 'ms', inkwire: opens.length > 0 ? fromRuns(opens, openError) : {error: openError ?? 'not measured'}});
	for (const [name, result] of scrolls) {
		rows.push({id: `pager-${name.split(' ')[0]!.toLowerCase()}`, label: `${label}, ${name}`, count: undefined, unit: 'ms', inkwire: result, target: {kind: 'absolute', max: 16}});
	}

	return rows;
}
