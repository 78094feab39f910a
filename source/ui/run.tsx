import process from 'node:process';
import {render, useApp} from 'ink';
import type {Article, ArticleMeta} from '../core/article/article.js';
import App from './App.js';
import {useTerminalSize} from './use-terminal-size.js';

/**
The marks of the open store as the reader sees them (io/marks/marks.ts provides them). Lookups are in memory; a change
is made in memory at once and saved in the background a moment later, so a key never waits for the disk.
*/
export type ReadStateService = {
	isRead(id: string): boolean;
	setRead(ids: readonly string[], read: boolean): void;
	/** Saved (starred). */
	isSaved(id: string): boolean;
	setSaved(ids: readonly string[], saved: boolean): void;
	/** Where the reader left the article, 0..1, or undefined (not started, or finished). */
	position(id: string): number | undefined;
	/** Remember the place as a fraction of the article; undefined or 1 (finished) clears it. */
	setPosition(id: string, fraction: number | undefined): void;
	/** One stat: true if marks changed on disk (another inkwire marked something); call it on a timer. */
	refresh(): boolean;
	/** Bumps on every change. */
	readonly version: number;
};

/** Everything the reader needs from the outside world, as data and functions: the UI imports no io module. */
export type ReaderServices = {
	/** For example "data" (basename of the store dir). */
	readonly storeName: string;
	/** Absolute, for the empty-store screen. */
	readonly storePath: string;
	/** Newest first. */
	readonly articles: readonly ArticleMeta[];
	/** Files skipped by the scan (the header shows "N skipped" when > 0). */
	readonly skipped: number;
	readonly readState: ReadStateService;
	/** May throw an Error whose message is user-facing. */
	loadArticle(id: string): Article;
	/** Already bound to colour and hyperlink choices. */
	renderArticle(article: Article, width: number): string[];
	/** Only http, https and mailto URLs are passed. */
	openUrl(url: string): Promise<void>;
	/** Shown once in the status line. */
	readonly warnings: readonly string[];
};

const enterAlternateScreen = '\u001B[?1049h\u001B[2J\u001B[H';
const leaveAlternateScreen = '\u001B[?1049l';
const hideCursor = '\u001B[?25l';
const showCursor = '\u001B[?25h';

type RootProps = {
	readonly services: ReaderServices;
	readonly stdout: NodeJS.WriteStream;
};

/** Sizes the app to the terminal and ends the Ink app when the user quits. */
function Root({services, stdout}: RootProps) {
	const {exit} = useApp();
	const {width, height} = useTerminalSize(stdout);
	return <App services={services} width={width} height={height} onQuit={exit}/>;
}

/**
Runs the reader until quit. Enters the alternate screen (\x1b[?1049h), unless `isScreenPainted` says the caller is
there already with this list painted, and hides the cursor before render; on q,
Ctrl-C, SIGTERM, SIGHUP and uncaught errors restores everything (leave alt screen, show cursor, raw mode off).
Returns the exit code (0 for a normal quit; 128 + the signal number after a signal). An error thrown while running is
re-thrown after the terminal is restored. `stdin` may be a tty.ReadStream on /dev/tty when process.stdin is a pipe.
*/
export async function runReader(services: ReaderServices, io: {stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream; isScreenPainted?: boolean}): Promise<number> {
	const {stdin, stdout} = io;
	let isRestored = false;
	const restore = () => {
		if (isRestored) {
			return;
		}

		isRestored = true;
		if (stdin.isTTY) {
			try {
				stdin.setRawMode(false);
			} catch {
				// The terminal is gone (SIGHUP): nothing left to restore on it.
			}
		}

		stdout.write(showCursor + leaveAlternateScreen);
	};

	// When the caller already painted this list on the alternate screen (cli/first-paint.ts), Ink draws over it from the
	// top left; clearing first would flash an empty screen while the first frame is computed.
	stdout.write(io.isScreenPainted ? `\u001B[H${hideCursor}` : enterAlternateScreen + hideCursor);
	let exitCode = 0;
	let failure: unknown;
	const instance = render(<Root services={services} stdout={stdout}/>, {
		stdin,
		stdout,
		exitOnCtrlC: false,
		// Held keys repeat faster than Ink's default 30 frames a second. (Ink 6.8's incrementalRendering was tried and
		// left off: in tmux it left stale rows behind when the list highlight moved.)
		maxFps: 120,
	});
	// In the same tick as render(): awaiting anything in between can make the exit hang (STACK.md).
	const exited = instance.waitUntilExit();

	const stopOn = (code: number) => () => {
		exitCode = code;
		instance.unmount();
	};

	const onSigint = stopOn(130);
	const onSigterm = stopOn(143);
	const onSighup = stopOn(129);
	const onUncaught = (error: unknown) => {
		failure = error;
		exitCode = 1;
		instance.unmount();
	};

	process.on('SIGINT', onSigint);
	process.on('SIGTERM', onSigterm);
	process.on('SIGHUP', onSighup);
	process.on('uncaughtException', onUncaught);
	process.on('exit', restore);
	try {
		await exited;
	} catch (error) {
		failure ??= error;
		exitCode = 1;
	} finally {
		process.off('SIGINT', onSigint);
		process.off('SIGTERM', onSigterm);
		process.off('SIGHUP', onSighup);
		process.off('uncaughtException', onUncaught);
		process.off('exit', restore);
		restore();
	}

	if (failure !== undefined) {
		throw failure;
	}

	return exitCode;
}
