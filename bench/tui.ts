/**
Measures that need a real terminal: launch until the newest title shows, keypress to frame, and peak memory of the
interactive programs. Each program runs in its own tmux window, 120x40, from a small script that records its exit
status and (under `/usr/bin/time -v`) its peak RSS, then idles so the last screen stays readable for error reports.
*/
import fs from 'node:fs';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {setTimeout as sleep} from 'node:timers/promises';
import {parsePeakRss} from './process.js';
import {toShellCommand, type ProgramRun} from './programs.js';
import type {Terminal} from './tmux.js';

/** A program running in a benchmark window. */
export type Session = {
	readonly terminal: Terminal;
	readonly pane: string;
	/** `performance.now()` just before tmux was asked to start it. */
	readonly startedAt: number;
	readonly statusFile: string;
	readonly timeFile: string | undefined;
};

let sessionCount = 0;

/** Start `run` in a new window. With `measureMemory`, it runs under `/usr/bin/time -v`. */
export async function startSession(terminal: Terminal, run: ProgramRun, workDirectory: string, measureMemory: boolean): Promise<Session> {
	sessionCount++;
	const base = path.join(workDirectory, `session-${process.pid}-${sessionCount}`);
	const statusFile = `${base}.status`;
	const timeFile = measureMemory ? `${base}.time` : undefined;
	const prefix = timeFile ? ['/usr/bin/time', '-v', '-o', timeFile] : [];
	const script = [
		'#!/bin/sh',
		`cd ${JSON.stringify(run.cwd)} || exit 1`,
		toShellCommand(run, prefix, ['"TERM=$TERM"']),
		`echo $? > ${JSON.stringify(statusFile)}`,
		// Keep the window (and the last screen) until the harness closes it.
		'exec sleep 86400',
		'',
	].join('\n');
	fs.writeFileSync(`${base}.sh`, script);
	const {pane, startedAt} = await terminal.open(`sh ${base}.sh`);
	return {terminal, pane, startedAt, statusFile, timeFile};
}

/** The last non-blank lines of a screen, for error messages. */
export function screenTail(screen: string, lines = 8): string {
	return screen.split('\n').filter(line => line.trim() !== '').slice(-lines).join(' | ');
}

/** Wait for `text` on screen; throws (with the screen) on timeout. Returns milliseconds since `since`. */
export async function waitForText(session: Session, text: string, since: number, timeoutMilliseconds: number): Promise<number> {
	const wait = await session.terminal.waitForScreen(session.pane, screen => screen.includes(text), since, timeoutMilliseconds);
	if (wait.milliseconds === undefined) {
		throw new Error(`"${text}" did not show within ${timeoutMilliseconds} ms; the screen: ${screenTail(wait.screen) || '(blank)'}`);
	}

	return wait.milliseconds;
}

/** Wait until the screen has not changed for `quietMilliseconds`; returns when that quiet began, since `since`. */
export async function waitUntilQuiet(session: Session, since: number, quietMilliseconds: number, timeoutMilliseconds: number): Promise<number> {
	let last = await session.terminal.capture(session.pane, true);
	let changedAt = performance.now();
	while (performance.now() - changedAt < quietMilliseconds && performance.now() - since < timeoutMilliseconds) {
		// eslint-disable-next-line no-await-in-loop
		await sleep(10);
		// eslint-disable-next-line no-await-in-loop
		const screen = await session.terminal.capture(session.pane, true);
		if (screen !== last) {
			last = screen;
			changedAt = performance.now();
		}
	}

	return changedAt - since;
}

/** Send the quit keys, wait for the program to exit, read its peak RSS (KiB), and close the window. */
export async function endSession(session: Session, quitKeys: readonly string[], timeoutMilliseconds = 10_000): Promise<{exited: boolean; peakRssKib: number | undefined}> {
	for (const key of quitKeys) {
		if (fs.existsSync(session.statusFile)) {
			break;
		}

		// eslint-disable-next-line no-await-in-loop
		await session.terminal.sendKeys(session.pane, key);
		// eslint-disable-next-line no-await-in-loop
		await sleep(100);
	}

	const deadline = performance.now() + timeoutMilliseconds;
	while (!fs.existsSync(session.statusFile) && performance.now() < deadline) {
		// eslint-disable-next-line no-await-in-loop
		await sleep(20);
	}

	const exited = fs.existsSync(session.statusFile);
	await session.terminal.kill(session.pane);
	// /usr/bin/time writes its report as the program exits; give it a moment when the window was killed instead.
	let peakRssKib: number | undefined;
	if (session.timeFile && exited) {
		for (let attempt = 0; attempt < 50 && peakRssKib === undefined; attempt++) {
			peakRssKib = fs.existsSync(session.timeFile) ? parsePeakRss(fs.readFileSync(session.timeFile, 'utf8')) : undefined;
			if (peakRssKib === undefined) {
				// eslint-disable-next-line no-await-in-loop
				await sleep(20);
			}
		}
	}

	return {exited, peakRssKib};
}

/** What one launch measured. */
export type LaunchResult = {
	/** Launch until the newest article's title is on screen. */
	readonly titleMilliseconds: number;
	/** Launch until anything at all is on screen. */
	readonly firstPaintMilliseconds: number | undefined;
	/** The first non-blank screen's top lines: shows whether a slow start says what it is doing. */
	readonly firstScreen: string;
	/** Launch until the screen stopped changing (only when asked to wait for it). */
	readonly quietMilliseconds: number | undefined;
	readonly peakRssKib: number | undefined;
	readonly exited: boolean;
};

/** How to get from launch to the newest title, and back out. */
export type LaunchPlan = {
	readonly run: ProgramRun;
	readonly newestTitle: string;
	/** newsboat starts on its feed list: wait for this text, then press these keys. */
	readonly through?: {readonly text: string; readonly keys: readonly string[]};
	readonly quitKeys: readonly string[];
	readonly timeoutMilliseconds: number;
	/** Wait for the screen to stop changing before quitting (peak memory after the whole list has loaded). */
	readonly waitForQuiet: boolean;
	readonly measureMemory: boolean;
};

/** The part of a title sure to fit on a list row at 120 columns. */
export function titleNeedle(title: string): string {
	return title.slice(0, 32);
}

/** Launch, wait for the newest title, optionally for quiet, then quit. */
export async function measureLaunch(terminal: Terminal, plan: LaunchPlan, workDirectory: string): Promise<LaunchResult> {
	const session = await startSession(terminal, plan.run, workDirectory, plan.measureMemory);
	try {
		const needle = titleNeedle(plan.newestTitle);
		let firstPaint: number | undefined;
		let firstScreen = '';
		const notePaint = (screen: string, milliseconds: number) => {
			if (firstPaint === undefined && screen.trim() !== '') {
				firstPaint = milliseconds;
				firstScreen = screen.split('\n').filter(line => line.trim() !== '').slice(0, 3).join(' | ');
			}
		};

		if (plan.through) {
			const {text, keys} = plan.through;
			const wait = await terminal.waitForScreen(session.pane, (screen, milliseconds) => {
				notePaint(screen, milliseconds);
				return screen.includes(text);
			}, session.startedAt, plan.timeoutMilliseconds);
			if (wait.milliseconds === undefined) {
				throw new Error(`"${text}" did not show within ${plan.timeoutMilliseconds} ms; the screen: ${screenTail(wait.screen) || '(blank)'}`);
			}

			await terminal.sendKeys(session.pane, ...keys);
		}

		const wait = await terminal.waitForScreen(session.pane, (screen, milliseconds) => {
			notePaint(screen, milliseconds);
			return screen.includes(needle);
		}, session.startedAt, plan.timeoutMilliseconds);
		if (wait.milliseconds === undefined) {
			throw new Error(`the newest title did not show within ${plan.timeoutMilliseconds} ms; the screen: ${screenTail(wait.screen) || '(blank)'}`);
		}

		const quiet = plan.waitForQuiet ? await waitUntilQuiet(session, session.startedAt, 400, plan.timeoutMilliseconds) : undefined;
		const {exited, peakRssKib} = await endSession(session, plan.quitKeys);
		return {titleMilliseconds: wait.milliseconds, firstPaintMilliseconds: firstPaint, firstScreen, quietMilliseconds: quiet, peakRssKib, exited};
	} finally {
		await terminal.kill(session.pane);
	}
}

/** Keypress-to-frame times, per key and in press order; presses that changed nothing count as misses. */
export type KeyResult = {
	readonly byKey: Readonly<Record<string, number[]>>;
	readonly all: number[];
	readonly misses: number;
};

/**
Press `count` keys, cycling through `keys` (a key and its opposite, such as Down and Up, so a short list never runs
out). Each time: note the screen, send the key, time until the screen differs, then wait until it has been quiet for
a moment so the next press starts from a finished frame. Three misses end the series.
*/
export async function measureKeys(session: Session, keys: readonly string[], count: number, timeoutMilliseconds = 3000): Promise<KeyResult> {
	const byKey: Record<string, number[]> = {};
	const all: number[] = [];
	let misses = 0;
	for (let index = 0; index < count && misses < 3; index++) {
		const key = keys[index % keys.length]!;
		// eslint-disable-next-line no-await-in-loop
		const before = await session.terminal.capture(session.pane, true);
		// eslint-disable-next-line no-await-in-loop
		const sentAt = await session.terminal.sendKeys(session.pane, key);
		// eslint-disable-next-line no-await-in-loop
		const wait = await session.terminal.waitForScreen(session.pane, screen => screen !== before, sentAt, timeoutMilliseconds, 2, true);
		if (wait.milliseconds === undefined) {
			misses++;
		} else {
			(byKey[key] ??= []).push(wait.milliseconds);
			all.push(wait.milliseconds);
		}

		// Ink throttles frames to 30 a second (one every 34 ms, the first at once): a gap of 50 ms keeps every press
		// on the leading edge, so the figure is the program's own latency, not the throttle's.
		// eslint-disable-next-line no-await-in-loop
		await waitUntilQuiet(session, performance.now(), 50, 2000);
	}

	return {byKey, all, misses};
}

/** The style at the start of each line of a capture taken with attributes: background colour and reverse video. */
export function lineStartStyles(screen: string): Array<{readonly background: string; readonly inverse: boolean}> {
	const styles: Array<{background: string; inverse: boolean}> = [];
	let background = '';
	let inverse = false;
	for (const line of screen.split('\n')) {
		// tmux writes an attribute only where it changes, so a line starts in the style the previous one ended in.
		let index = 0;
		let start: {background: string; inverse: boolean} | undefined;
		for (const match of line.matchAll(/\u001B\[([\d;]*)m/g)) {
			if (match.index > index && start === undefined) {
				start = {background, inverse};
			}

			index = match.index + match[0].length;
			const codes = match[1] === '' ? ['0'] : match[1]!.split(';');
			for (const code of codes) {
				if (code === '0') {
					background = '';
					inverse = false;
				} else if (code === '7') {
					inverse = true;
				} else if (code === '27') {
					inverse = false;
				} else if (code === '49') {
					background = '';
				} else if (/^(?:4[0-7]|10[0-7])$/.test(code)) {
					background = code;
				}
			}
		}

		styles.push(start ?? {background, inverse});
	}

	return styles;
}

/** Launch to the first screen where a key sent from the start has visibly moved the list highlight. */
export type InteractivePlan = {
	readonly run: ProgramRun;
	/** Sent once at launch, before the repeated key (newsboat starts on its feed list: Enter opens the feed). */
	readonly firstKeys: readonly string[];
	/** Sent every 10 ms from launch until the highlight has moved. */
	readonly repeatKey: string;
	/** True when this screen (captured with attributes) shows the list with its highlight off the newest article. */
	readonly isMoved: (screen: string) => boolean;
	/**
	The repeated key starts only once this holds for a screen (from launch when absent). newsboat, flooded with keys
	for the seconds it takes to start at 100,000 articles, echoed them and never opened its feed.
	*/
	readonly repeatOnceScreen?: (screen: string) => boolean;
	readonly quitKeys: readonly string[];
	readonly timeoutMilliseconds: number;
};

/**
Time to interactive: from asking tmux for the window until a capture shows that the keys typed from the very start
(the repeated key every 10 ms) have moved the highlight. Keys typed before a program reads them wait in the terminal,
so this is how long a user who types at once waits for an answer.
*/
export async function measureInteractive(terminal: Terminal, plan: InteractivePlan, workDirectory: string): Promise<number> {
	const session = await startSession(terminal, plan.run, workDirectory, false);
	let isTyping = true;
	let lastScreen = '';
	const typing = (async () => {
		if (plan.firstKeys.length > 0) {
			await terminal.sendKeys(session.pane, ...plan.firstKeys);
		}

		while (isTyping) {
			const mayRepeat = plan.repeatOnceScreen?.(lastScreen) ?? true;
			// eslint-disable-next-line no-await-in-loop
			await Promise.all([mayRepeat ? terminal.sendKeys(session.pane, plan.repeatKey) : undefined, sleep(10)]);
		}
	})();
	try {
		const wait = await terminal.waitForScreen(session.pane, screen => {
			lastScreen = screen;
			return plan.isMoved(screen);
		}, session.startedAt, plan.timeoutMilliseconds, 5, true);
		isTyping = false;
		await typing;
		if (wait.milliseconds === undefined) {
			throw new Error(`the highlight did not move within ${plan.timeoutMilliseconds} ms; the screen: ${screenTail(wait.screen.replaceAll(/\u001B\[[\d;]*m/g, '')) || '(blank)'}`);
		}

		await waitUntilQuiet(session, performance.now(), 200, plan.timeoutMilliseconds);
		await endSession(session, plan.quitKeys);
		return wait.milliseconds;
	} finally {
		isTyping = false;
		await typing.catch(() => undefined);
		await terminal.kill(session.pane);
	}
}

/** Open the newest article with keys sent at launch, or once the list is on screen and still. */
export type OpenPlan = {
	readonly run: ProgramRun;
	/** The keys that open the newest article from launch (newsboat: Enter for the feed, Enter for the article). */
	readonly openKeys: readonly string[];
	/** Text of the article's body that only the article screen shows. */
	readonly bodyText: string;
	/** Text that shows the list is on screen (the newest title). */
	readonly listText: string;
	readonly quitKeys: readonly string[];
	readonly timeoutMilliseconds: number;
};

/**
The first article opened after launch, two ways: `fromLaunch` sends the keys at launch and times launch to the body;
`fromList` waits for the list to be on screen and still, then times the last key to the body (the open key's own
latency, on a reader that has just started).
*/
export async function measureFirstOpen(terminal: Terminal, plan: OpenPlan, workDirectory: string, mode: 'from-launch' | 'from-list'): Promise<number> {
	const session = await startSession(terminal, plan.run, workDirectory, false);
	try {
		let since = session.startedAt;
		if (mode === 'from-launch') {
			await terminal.sendKeys(session.pane, ...plan.openKeys);
		} else {
			const keys = [...plan.openKeys];
			const last = keys.pop()!;
			if (keys.length > 0) {
				await terminal.sendKeys(session.pane, ...keys);
			}

			await waitForText(session, plan.listText, session.startedAt, plan.timeoutMilliseconds);
			await waitUntilQuiet(session, session.startedAt, 300, plan.timeoutMilliseconds);
			since = await terminal.sendKeys(session.pane, last);
		}

		const milliseconds = await waitForText(session, plan.bodyText, since, plan.timeoutMilliseconds);
		await waitUntilQuiet(session, performance.now(), 200, plan.timeoutMilliseconds);
		await endSession(session, plan.quitKeys);
		return milliseconds;
	} finally {
		await terminal.kill(session.pane);
	}
}
