/**
A real terminal for the benchmark: a private tmux server (its own socket, no config file) driven through one control
mode client. Control mode lets a `capture-pane` cost one round trip on a pipe instead of a new `tmux` process, and its
`%output` notifications say when a pane has just written something, so the harness looks at the screen right after
each write instead of only on a fixed timer.
*/
import {spawn, spawnSync, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {performance} from 'node:perf_hooks';
import {setTimeout as sleep} from 'node:timers/promises';

/** The terminal size of every benchmark window. */
export const terminalSize = {columns: 120, rows: 40} as const;

type Pending = {
	readonly resolve: (lines: string[]) => void;
	readonly reject: (error: Error) => void;
};

/** What `waitForScreen` saw. */
export type ScreenWait = {
	/** Milliseconds from `since` until the first screen that passed the test; undefined on timeout. */
	readonly milliseconds: number | undefined;
	readonly screen: string;
	/** Screens captured while waiting: how finely the wait could see. */
	readonly captures: number;
};

/** Environment variables that make Ink think it runs in CI, where it writes only the final frame. */
function isContinuousIntegrationVariable(name: string): boolean {
	return name === 'CI' || name === 'CONTINUOUS_INTEGRATION' || name === 'BUILD_NUMBER' || name === 'RUN_ID' || name.startsWith('CI_');
}

/** The environment for the tmux server: the caller's, minus CI markers and any enclosing tmux. */
export function terminalEnvironment(environment: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	const result: NodeJS.ProcessEnv = {};
	for (const [name, value] of Object.entries(environment)) {
		if (!isContinuousIntegrationVariable(name) && name !== 'TMUX' && name !== 'TMUX_PANE') {
			result[name] = value;
		}
	}

	return result;
}

/** True when a `tmux` binary runs. */
export function hasTmux(): boolean {
	return spawnSync('tmux', ['-V'], {encoding: 'utf8'}).status === 0;
}

/** One private tmux server with a control client. Call `close()` to end the server. */
export class Terminal {
	/** Start a server on a socket named after this process, with a session kept alive by an idle window. */
	static async start(): Promise<Terminal> {
		const socket = `inkwire-bench-${process.pid}`;
		const environment = terminalEnvironment(process.env);
		const tmux = (...arguments_: string[]) => {
			const result = spawnSync('tmux', ['-L', socket, '-f', '/dev/null', ...arguments_], {encoding: 'utf8', env: environment});
			if (result.status !== 0) {
				throw new Error(`tmux ${arguments_.join(' ')}: ${result.stderr.trim()}`);
			}
		};

		tmux('new-session', '-d', '-s', 'bench', '-x', String(terminalSize.columns), '-y', String(terminalSize.rows), 'sleep 86400');
		// New windows take this size. (`window-size manual` would pin it too, but crashes tmux 3.3a's server as soon
		// as a control client attaches.)
		tmux('set-option', '-g', 'default-size', `${terminalSize.columns}x${terminalSize.rows}`);
		tmux('set-option', '-g', 'history-limit', '0');
		const client = spawn('tmux', ['-L', socket, '-C', 'attach-session', '-t', 'bench'], {env: environment});
		const terminal = new Terminal(socket, client);
		// The first command answers only once the client is attached.
		await terminal.command('display-message -p ok');
		return terminal;
	}

	private readonly pending: Pending[] = [];
	private readonly outputListeners = new Map<string, Set<() => void>>();
	private block: string[] | undefined;
	private isOurBlock = false;
	private buffered = '';
	private closed = false;

	private constructor(readonly socket: string, private readonly client: ChildProcessWithoutNullStreams) {
		client.stdout.setEncoding('utf8');
		client.stdout.on('data', (chunk: string) => {
			this.receive(chunk);
		});
		client.on('exit', () => {
			this.closed = true;
			for (const waiting of this.pending.splice(0)) {
				waiting.reject(new Error('the tmux control client exited'));
			}
		});
	}

	/** Run one tmux command and return its output lines. */
	async command(line: string): Promise<string[]> {
		if (this.closed) {
			throw new Error('the tmux control client has exited');
		}

		return new Promise((resolve, reject) => {
			this.pending.push({resolve, reject});
			this.client.stdin.write(`${line}\n`);
		});
	}

	/** Open a detached window running `shellCommand`; returns its pane id and the moment the command was sent. */
	async open(shellCommand: string): Promise<{pane: string; startedAt: number}> {
		const startedAt = performance.now();
		const [pane] = await this.command(`new-window -d -P -F '#{pane_id}' ${quote(shellCommand)}`);
		if (!pane?.startsWith('%')) {
			throw new Error(`tmux did not open a window: ${pane ?? '(no answer)'}`);
		}

		return {pane, startedAt};
	}

	/**
	The visible text of a pane, one string, lines joined with `\n`, trailing blanks trimmed. With `withAttributes`,
	colours and reverse video are kept as escape sequences: a moved highlight is then a change too.
	*/
	async capture(pane: string, withAttributes = false): Promise<string> {
		const lines = await this.command(`capture-pane -p ${withAttributes ? '-e ' : ''}-t ${pane}`);
		return lines.map(line => line.trimEnd()).join('\n').trimEnd();
	}

	/** Send tmux key names (`Down`, `NPage`, `Enter`, `Space`) or single characters. */
	async sendKeys(pane: string, ...keys: string[]): Promise<number> {
		const sentAt = performance.now();
		await this.command(`send-keys -t ${pane} ${keys.map(key => quote(key)).join(' ')}`);
		return sentAt;
	}

	/**
	Capture the pane until `test` passes or `timeoutMilliseconds` pass. Captures right after each write of the pane
	and at least every `intervalMilliseconds`, and times from `since` (a `performance.now()` value). `test` also gets
	the capture's time since `since`, to note intermediate screens (a first paint, a progress line).
	*/
	async waitForScreen(pane: string, test: (screen: string, milliseconds: number) => boolean, since: number, timeoutMilliseconds: number, intervalMilliseconds = 5, withAttributes = false): Promise<ScreenWait> {
		let captures = 0;
		let wake: (() => void) | undefined;
		const onOutput = () => wake?.();
		const listeners = this.outputListeners.get(pane) ?? new Set();
		this.outputListeners.set(pane, listeners);
		listeners.add(onOutput);
		try {
			for (;;) {
				const before = performance.now();
				// eslint-disable-next-line no-await-in-loop
				const screen = await this.capture(pane, withAttributes);
				captures++;
				if (test(screen, before - since)) {
					// The screen was at least as new as the moment the capture was asked for.
					return {milliseconds: before - since, screen, captures};
				}

				if (performance.now() - since > timeoutMilliseconds) {
					return {milliseconds: undefined, screen, captures};
				}

				// eslint-disable-next-line no-await-in-loop
				await new Promise<void>(resolve => {
					const timer = setTimeout(resolve, intervalMilliseconds);
					wake = () => {
						clearTimeout(timer);
						resolve();
					};
				});
				wake = undefined;
			}
		} finally {
			listeners.delete(onOutput);
		}
	}

	/** Close a window (and whatever still runs in it). */
	async kill(pane: string): Promise<void> {
		await this.command(`kill-pane -t ${pane}`).catch(() => undefined);
	}

	/** End the control client and the private server. */
	async close(): Promise<void> {
		if (!this.closed) {
			this.client.stdin.end();
			await Promise.race([new Promise(resolve => this.client.once('exit', resolve)), sleep(1000)]);
		}

		spawnSync('tmux', ['-L', this.socket, 'kill-server'], {encoding: 'utf8'});
	}

	private receive(chunk: string): void {
		this.buffered += chunk;
		let newline = this.buffered.indexOf('\n');
		while (newline !== -1) {
			this.line(this.buffered.slice(0, newline));
			this.buffered = this.buffered.slice(newline + 1);
			newline = this.buffered.indexOf('\n');
		}
	}

	private line(text: string): void {
		if (this.block) {
			if (text.startsWith('%end ') || text.startsWith('%error ')) {
				const lines = this.block;
				this.block = undefined;
				if (this.isOurBlock) {
					const waiting = this.pending.shift();
					if (text.startsWith('%error ')) {
						waiting?.reject(new Error(lines.join('\n') || 'tmux command failed'));
					} else {
						waiting?.resolve(lines);
					}
				}
			} else {
				this.block.push(text);
			}

			return;
		}

		if (text.startsWith('%begin ')) {
			this.block = [];
			// The flags field is 1 for commands this client sent; 0 for the attach itself.
			this.isOurBlock = text.split(' ')[3] === '1';
		} else if (text.startsWith('%output ')) {
			const pane = text.slice(8, text.indexOf(' ', 8));
			for (const listener of this.outputListeners.get(pane) ?? []) {
				listener();
			}
		}
	}
}

/** Quote for tmux's command parser: single quotes take everything literally except a single quote. */
function quote(text: string): string {
	return `'${text.replaceAll('\'', '\'\\\'\'')}'`;
}

/** Measure how long a `capture-pane` round trip takes on an idle pane: the finest step the harness can see. */
export async function measureCaptureRoundTrip(terminal: Terminal, samples: number): Promise<number[]> {
	const {pane} = await terminal.open('printf ready; exec sleep 60');
	await terminal.waitForScreen(pane, screen => screen.includes('ready'), performance.now(), 5000);
	const times: number[] = [];
	for (let index = 0; index < samples; index++) {
		const before = performance.now();
		// eslint-disable-next-line no-await-in-loop
		await terminal.capture(pane);
		times.push(performance.now() - before);
	}

	await terminal.kill(pane);
	return times;
}
