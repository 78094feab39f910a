import process from 'node:process';
import {render, useApp} from 'ink';
import {useEffect, useState} from 'react';
import App from './App.js';
import type {StartHandover} from '../core/reader/start-keys.js';
import type {ReaderServices, TerminalService} from './services.js';
import {useTerminalSize} from './use-terminal-size.js';

type RootProps = {
	readonly services: ReaderServices;
	readonly start: StartHandover | undefined;
	readonly stdout: NodeJS.WriteStream;
	/** Receives the function that makes the app draw its whole frame again. */
	readonly onRedrawReady: (redraw: () => void) => void;
};

/** Sizes the app to the terminal, redraws it on request and ends the Ink app when the user quits. */
function Root({services, start, stdout, onRedrawReady}: RootProps) {
	const {exit} = useApp();
	const {width, height} = useTerminalSize(stdout);
	const [redraws, setRedraws] = useState(0);
	useEffect(() => {
		onRedrawReady(() => {
			setRedraws(count => count + 1);
		});
	}, [onRedrawReady]);
	return <App services={services} start={start} width={width} height={height} isRedrawn={redraws % 2 === 1} onQuit={exit}/>;
}

/**
Runs the reader until quit, on a terminal the caller has entered (`terminal.enter()`; when `isScreenPainted`, a first
paint of this list is on it and Ink draws over it instead of clearing). Returns the exit code: 0 for a normal quit,
128 + the signal's number after a fatal signal. An error thrown while running is re-thrown after the terminal is
restored. `stdin` may be a tty.ReadStream on /dev/tty when process.stdin is a pipe. With `start`, the reader takes
over from the first screen (its state, its pending work, the keys typed before Ink was up).
*/
export async function runReader(services: ReaderServices, io: {stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream; terminal: TerminalService; isScreenPainted?: boolean; start?: StartHandover}): Promise<number> {
	const {stdin, stdout, terminal} = io;
	terminal.enter({clear: !io.isScreenPainted});
	// Ink draws from the top left, over a first paint if there is one: clearing first would flash an empty screen.
	stdout.write('\u001B[H');
	let exitCode = 0;
	let failure: unknown;
	let redraw = () => {};
	const onRedrawReady = (callback: () => void) => {
		redraw = callback;
	};

	const instance = render(<Root services={services} start={io.start} stdout={stdout} onRedrawReady={onRedrawReady}/>, {
		stdin,
		stdout,
		exitOnCtrlC: false,
		// Held keys repeat faster than Ink's default 30 frames a second.
		maxFps: 120,
		// Only the lines that changed are written: a move in the list rewrites two rows, not the whole screen.
		incrementalRendering: true,
	});
	// In the same tick as render(): awaiting anything in between can make the exit hang (STACK.md).
	const exited = instance.waitUntilExit();
	terminal.onSignal(code => {
		exitCode = code;
		instance.unmount();
	});
	// After Ctrl-Z and fg, or a terminal browser, the screen is blank: Ink must draw the whole frame again.
	terminal.onResume(() => {
		instance.clear();
		redraw();
	});
	const onUncaught = (error: unknown) => {
		failure = error;
		exitCode = 1;
		instance.unmount();
	};

	process.on('uncaughtException', onUncaught);
	try {
		await exited;
	} catch (error) {
		failure ??= error;
		exitCode = 1;
	} finally {
		process.off('uncaughtException', onUncaught);
		terminal.onSignal(undefined);
		terminal.onResume(undefined);
		terminal.restore();
	}

	if (failure !== undefined) {
		throw failure;
	}

	return exitCode;
}
