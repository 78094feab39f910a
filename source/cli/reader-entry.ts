import process from 'node:process';
import type {CommonFlags} from './context.js';

/**
`inkwire` alone: the reader on a terminal, the list when stdout is a pipe (`inkwire | head`). Nothing heavy is
imported here: the first screen is painted from the index before Ink and React load (see cli/first-paint.ts).
*/
export async function runDefault(flags: CommonFlags & {readonly unread?: boolean}): Promise<number> {
	if (!process.stdout.isTTY) {
		const {runList} = await import('./list.js');
		return runList([], flags);
	}

	// Ink reads CI and CONTINUOUS_INTEGRATION once, when it loads, and then paints only the last frame. The reader runs
	// only on a real terminal, where that mode is wrong, so the variables go before the reader chunk is imported.
	delete process.env['CI'];
	delete process.env['CONTINUOUS_INTEGRATION'];
	const {StartScreen, openKeyboard, paintFromIndex} = await import('./first-paint.js');
	const {resolveStorePath} = await import('./store-path.js');
	const {TerminalSession} = await import('../io/terminal.js');
	const stdin = openKeyboard();
	const terminal = new TerminalSession(stdin, process.stdout);
	terminal.enter();
	try {
		const screen = new StartScreen(process.stdout);
		paintFromIndex(screen, resolveStorePath(flags, process.env));
		const {startReader} = await import('./reader.js');
		return await startReader(flags, {screen, stdin, terminal});
	} finally {
		terminal.restore();
	}
}
