/**
The terminal while the reader runs, in one place: the alternate screen, the hidden cursor, raw mode, every signal
that ends the process, suspending (Ctrl-Z) and handing the terminal to another program (a terminal browser). Whatever
way the process ends, the terminal is given back as it was found.
*/
import {spawn} from 'node:child_process';
import process from 'node:process';

const escape = '\u001B[';
const enterAlternateScreen = `${escape}?1049h${escape}2J${escape}H`;
const leaveAlternateScreen = `${escape}?1049l`;
const hideCursor = `${escape}?25l`;
const showCursor = `${escape}?25h`;

/** Signals that end the process, with their numbers (the exit code is 128 + the number, as a shell reports it). */
const fatalSignals: ReadonlyArray<readonly [NodeJS.Signals, number]> = [
	['SIGHUP', 1],
	['SIGINT', 2],
	['SIGQUIT', 3],
	['SIGTERM', 15],
	['SIGUSR1', 10],
	['SIGUSR2', 12],
	['SIGPIPE', 13],
	['SIGALRM', 14],
	['SIGXCPU', 24],
	['SIGXFSZ', 25],
	['SIGVTALRM', 26],
	['SIGPROF', 27],
];

/** What the UI may ask of the terminal; the UI layer gets this object and imports nothing from io. */
export type TerminalControl = {
	/** Give the terminal back (normal screen, cursor, cooked mode), stop the process until `fg`, then take it again. */
	suspend(): Promise<void>;
	/** Run a program that needs the terminal (w3m, lynx), then take the terminal back; resolves with its exit code. */
	runExternal(command: string, arguments_: readonly string[]): Promise<number>;
};

export class TerminalSession implements TerminalControl {
	readonly #stdin: NodeJS.ReadStream;
	readonly #stdout: NodeJS.WriteStream;
	#isActive = false;
	#signalHandler: ((exitCode: number) => void) | undefined;
	#resumeHandler: (() => void) | undefined;
	readonly #listeners = new Map<NodeJS.Signals, () => void>();
	readonly #onExit = () => {
		this.restore();
	};

	constructor(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream) {
		this.#stdin = stdin;
		this.#stdout = stdout;
	}

	get isActive(): boolean {
		return this.#isActive;
	}

	/** Alternate screen, cursor hidden, keys not echoed, and a way back on every exit. Idempotent. */
	enter(options: {readonly clear?: boolean} = {}): void {
		if (!this.#isActive) {
			this.#isActive = true;
			this.#take(options.clear ?? true);
		}

		if (this.#listeners.size === 0) {
			for (const [signal, number] of fatalSignals) {
				const listener = () => {
					this.#onFatalSignal(128 + number);
				};

				this.#listeners.set(signal, listener);
				process.on(signal, listener);
			}

			process.on('exit', this.#onExit);
		}
	}

	/**
	Who ends the process on a fatal signal: by default the session restores the terminal and exits with 128 + the
	signal's number; a handler (the Ink reader, which unmounts first) takes over until it is set back to undefined.
	*/
	onSignal(handler: ((exitCode: number) => void) | undefined): void {
		this.#signalHandler = handler;
	}

	/** Called after the terminal was taken back from a suspend or another program: the UI must draw everything again. */
	onResume(handler: (() => void) | undefined): void {
		this.#resumeHandler = handler;
	}

	/** Normal screen, cursor shown, raw mode off, handlers removed. Safe to call more than once. */
	restore(): void {
		for (const [signal, listener] of this.#listeners) {
			process.off(signal, listener);
		}

		this.#listeners.clear();
		process.off('exit', this.#onExit);
		if (this.#isActive) {
			this.#isActive = false;
			this.#give();
		}
	}

	/**
	Until the reader reads the keys itself: Ctrl-C, which raw mode turns into a byte instead of SIGINT, ends the
	process as SIGINT would, however long the store takes to index. Other keys are kept and handed back to the stream
	when the returned function stops the watch, so that a key typed early still reaches the reader.
	*/
	watchInterrupt(): () => void {
		const kept: Buffer[] = [];
		// 'readable' and read(), as Ink reads: a 'data' listener would switch the stream to flowing mode for good.
		const onReadable = () => {
			let chunk: Buffer | string | null;
			while ((chunk = this.#stdin.read() as Buffer | string | null) !== null) {
				const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
				if (bytes.includes(0x03)) {
					this.#onFatalSignal(128 + 2);
					return;
				}

				kept.push(bytes);
			}
		};

		this.#stdin.on('readable', onReadable);
		return () => {
			this.#stdin.off('readable', onReadable);
			for (const bytes of kept.reverse()) {
				this.#stdin.unshift(bytes);
			}
		};
	}

	async suspend(): Promise<void> {
		if (!this.#isActive) {
			return;
		}

		this.#give();
		await new Promise<void>(resolve => {
			process.once('SIGCONT', () => {
				resolve();
			});
			// Stop as a shell expects (the job shows as stopped, `fg` continues it). SIGTSTP would be ignored by a
			// process that handles it; with no handler it stops us, like SIGSTOP.
			process.kill(process.pid, 'SIGTSTP');
		});
		this.#take(true);
		this.#resumeHandler?.();
	}

	async runExternal(command: string, arguments_: readonly string[]): Promise<number> {
		this.#give();
		// The program reads the terminal itself: this process must stop reading it, or it would take the keys typed there.
		// Pausing the stream is not enough (Node keeps reading into the stream's buffer), so reading stops at the handle.
		const handle = (this.#stdin as unknown as {_handle?: {readStop?: () => number; readStart?: () => number}})._handle;
		handle?.readStop?.();
		try {
			return await new Promise<number>((resolve, reject) => {
				const child = spawn(command, arguments_, {stdio: 'inherit'});
				child.once('error', reject);
				child.once('exit', (code, signal) => {
					resolve(code ?? (signal ? 128 : 1));
				});
			});
		} finally {
			handle?.readStart?.();
			if (this.#isActive) {
				this.#take(true);
				this.#resumeHandler?.();
			}
		}
	}

	#onFatalSignal(exitCode: number): void {
		if (this.#signalHandler) {
			this.#signalHandler(exitCode);
			return;
		}

		this.restore();
		process.exit(exitCode);
	}

	#take(clear: boolean): void {
		this.#write((clear ? enterAlternateScreen : `${escape}?1049h`) + hideCursor);
		this.#setRawMode(true);
	}

	#give(): void {
		this.#setRawMode(false);
		this.#write(showCursor + leaveAlternateScreen);
	}

	#setRawMode(mode: boolean): void {
		if (!this.#stdin.isTTY) {
			return;
		}

		try {
			this.#stdin.setRawMode(mode);
		} catch {
			// The terminal is gone (SIGHUP): there is nothing left to set.
		}
	}

	#write(text: string): void {
		try {
			this.#stdout.write(text);
		} catch {
			// The terminal went away; there is nobody to show anything to.
		}
	}
}
