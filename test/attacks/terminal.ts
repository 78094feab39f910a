/**
The reader in a real terminal for the attacks: one tmux server of the harness's own (its own socket, killed at the end,
nothing else on the machine touched), one session per reader. A small shell script runs the reader (through GNU time
for its peak RSS), then records its exit status and the terminal's line discipline, and waits, so that the screen it
left can be inspected: the alternate screen, the cursor, raw mode and the title, straight from tmux.
*/
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import {setTimeout as delay} from 'node:timers/promises';
import {cliPath} from '../helpers/cli.js';
import {canMeasureRss, type ReaderOptions, type ReaderResult, type ReaderSession, type Workspace} from './harness.js';

const socket = `inkwire-attacks-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
let isServerStarted = false;

function tmux(...arguments_: string[]): {ok: boolean; stdout: string} {
	const result = spawnSync('tmux', ['-L', socket, ...arguments_], {encoding: 'utf8'});
	return {ok: result.status === 0, stdout: result.stdout ?? ''};
}

/** End the harness's own tmux server (never anyone else's). */
export function stopTerminals(): void {
	if (isServerStarted) {
		spawnSync('tmux', ['-L', socket, 'kill-server']);
	}
}

const quote = (value: string) => `'${value.replaceAll('\'', '\'\\\'\'')}'`;

/** The direct children of a process, from /proc. */
function childrenOf(pid: number): number[] {
	try {
		return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
	} catch {
		return [];
	}
}

/** The pid of the node process under the pane's shell (and GNU time). */
function findNode(panePid: number): number | undefined {
	let pid = panePid;
	for (let depth = 0; depth < 3; depth++) {
		const [child] = childrenOf(pid);
		if (child === undefined) {
			return undefined;
		}

		try {
			// By its command line: the thread name in comm is "node" on Node 20 and 22 but "MainThread" on Node 24.
			// (GNU time's own command line holds the script too, after its options.)
			if (fs.readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0')[1] === cliPath) {
				return child;
			}
		} catch {
			return undefined;
		}

		pid = child;
	}

	return undefined;
}

/** Start the reader (`dist/cli.js` with `args`) in a new tmux session of the given size. */
export async function startReader(workspace: Workspace, args: readonly string[], options: ReaderOptions = {}): Promise<ReaderSession> {
	const {width = 100, height = 30} = options;
	const number = workspace.next();
	const session = `s${process.pid}-${number}-${Math.random().toString(36).slice(2, 6)}`;
	const label = `reader ${args.join(' ')}`.trim();
	const statusFile = workspace.path(`reader-${number}.status`);
	const sttyFile = workspace.path(`reader-${number}.stty`);
	const report = workspace.path(`reader-${number}.time`);
	const rawFile = workspace.path(`reader-${number}.raw`);
	const goFile = workspace.path(`reader-${number}.go`);
	// Ink paints only the last frame under CI: the reader must see a terminal as a user's.
	const environment = {...workspace.environment({TERM: 'xterm-256color', CI: undefined, CONTINUOUS_INTEGRATION: undefined, ...options.env})};
	const variables = Object.entries(environment).map(([name, value]) => `${name}=${quote(value!)}`).join(' ');
	const node = [quote(process.execPath), quote(cliPath), ...args.map(argument => quote(argument))].join(' ');
	const script = workspace.path(`reader-${number}.sh`);
	fs.writeFileSync(script, [
		// A trap (not an ignore) keeps the shell alive through the signals sent to the reader, and lets the reader
		// start with the default handlers.
		'trap true INT QUIT TERM HUP',
		// Wait until tmux copies the pane's output to a file, so that every byte the reader writes is inspected.
		`while [ ! -e ${quote(goFile)} ]; do sleep 0.02; done`,
		`cd ${quote(workspace.directory)}`,
		`env -i ${variables} ${canMeasureRss ? `/usr/bin/time -v -o ${quote(report)} ` : ''}${node}`,
		`echo $? > ${quote(statusFile)}.part`,
		`stty -a > ${quote(sttyFile)} 2>&1`,
		`mv ${quote(statusFile)}.part ${quote(statusFile)}`,
		'sleep 600',
		'',
	].join('\n'));
	const started = performance.now();
	const result = tmux('new-session', '-d', '-s', session, '-x', String(width), '-y', String(height), `sh ${quote(script)}`);
	if (!result.ok) {
		throw new Error(`tmux new-session failed for ${label}`);
	}

	isServerStarted = true;
	// A fixed size, whatever clients attach (none do).
	tmux('set-option', '-t', session, 'window-size', 'manual');
	tmux('pipe-pane', '-o', '-t', session, `cat >> ${quote(rawFile)}`);
	fs.writeFileSync(goFile, '');
	workspace.onCleanup(() => {
		tmux('kill-session', '-t', session);
	});
	const panePid = Number(tmux('display', '-p', '-t', session, '#{pane_pid}').stdout.trim());
	const screen = () => tmux('capture-pane', '-p', '-t', session).stdout;
	let node_: number | undefined;
	const nodePid = async () => {
		for (let tries = 0; node_ === undefined && tries < 100; tries++) {
			node_ = findNode(panePid);
			if (node_ === undefined) {
				// eslint-disable-next-line no-await-in-loop
				await delay(20);
			}
		}

		return node_;
	};

	await nodePid();
	return {
		label,
		screen,
		raw() {
			try {
				return fs.readFileSync(rawFile, 'utf8');
			} catch {
				return '';
			}
		},
		async waitFor(predicate, timeoutMs = 20_000) {
			const deadline = Date.now() + timeoutMs;
			while (Date.now() < deadline) {
				if (predicate(screen())) {
					return true;
				}

				// eslint-disable-next-line no-await-in-loop
				await delay(50);
			}

			return false;
		},
		keys(...keys) {
			tmux('send-keys', '-t', session, ...keys);
		},
		signal(name) {
			if (node_ !== undefined) {
				try {
					process.kill(node_, name);
				} catch {
					// Already gone.
				}
			}
		},
		async end(timeoutMs = 20_000) {
			const deadline = Date.now() + timeoutMs;
			while (!fs.existsSync(statusFile) && Date.now() < deadline) {
				// eslint-disable-next-line no-await-in-loop
				await delay(50);
			}

			const isTimedOut = !fs.existsSync(statusFile);
			const lastScreen = screen();
			if (isTimedOut) {
				for (const pid of [node_, ...childrenOf(panePid)]) {
					try {
						process.kill(pid!, 'SIGKILL');
					} catch {
						// Gone.
					}
				}
			}

			const timeMs = performance.now() - started;
			const [alternate = '', cursor = '', ...title] = tmux('display', '-p', '-t', session, '#{alternate_on} #{cursor_flag} #{pane_title}').stdout.trim().split(' ');
			const stty = isTimedOut ? '' : fs.readFileSync(sttyFile, 'utf8');
			const timeReport = fs.existsSync(report) ? fs.readFileSync(report, 'utf8') : '';
			const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(timeReport);
			const signal = /Command terminated by signal (\d+)/.exec(timeReport);
			const exit = isTimedOut ? Number.NaN : Number(fs.readFileSync(statusFile, 'utf8').trim());
			return {
				label,
				stdout: '',
				stdoutBytes: 0,
				stderr: '',
				status: isTimedOut || signal ? null : exit,
				signal: signal ? `signal ${signal[1]}` : null,
				isTimedOut,
				timeMs,
				peakRssKb: rss ? Number(rss[1]) : undefined,
				isAlternateScreen: alternate === '1',
				isCursorVisible: cursor === '1',
				isTerminalSane: isTimedOut || (/(?:^|\s)icanon(?:\s|;|$)/m.test(stty) && /(?:^|\s)echo(?:\s|;|$)/m.test(stty)),
				title: title.join(' '),
				screen: lastScreen,
				raw: fs.existsSync(rawFile) ? fs.readFileSync(rawFile, 'utf8') : '',
			} satisfies ReaderResult;
		},
	};
}
