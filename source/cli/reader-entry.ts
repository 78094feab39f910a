import process from 'node:process';
import type {CommonFlags} from './context.js';

/**
`inkwire` alone: the reader on a terminal, the list when stdout is a pipe (`inkwire | head`). Nothing heavy is
imported here: the first screen is painted from the index before Ink and React load (see cli/first-paint.ts), and
keys work on it from then on (cli/start-input.ts). Right after it, the render worker starts loading the renderer in
its own thread, so that the first article opens as fast as the next.
*/
export async function runDefault(flags: CommonFlags & {readonly unread?: boolean; readonly color?: string}): Promise<number> {
	if (!process.stdout.isTTY) {
		const {runList} = await import('./list.js');
		return runList([], flags);
	}

	// Ink reads CI and CONTINUOUS_INTEGRATION once, when it loads, and then paints only the last frame. The reader runs
	// only on a real terminal, where that mode is wrong, so the variables go before the reader chunk is imported.
	delete process.env['CI'];
	delete process.env['CONTINUOUS_INTEGRATION'];
	// Loaded side by side: each is a small chunk, and the first screen waits for all of them.
	const [{StartScreen, openKeyboard, readListHead, storeNameOf}, {StartInput}, {resolveStorePath}, {TerminalSession}, {documentOf, startRenderer}] = await Promise.all([
		import('./first-paint.js'),
		import('./start-input.js'),
		import('./store-path.js'),
		import('../io/terminal.js'),
		import('./renderer.js'),
	]);
	// The worker loads and warms the renderer in its own thread (a few hundred milliseconds) while this one paints the
	// first screen and loads the reader: started first, it is ready sooner for an article opened at once.
	const renderer = startRenderer(flags.color, process.env);
	const stdin = openKeyboard();
	const terminal = new TerminalSession(stdin, process.stdout);
	terminal.enter();
	try {
		const screen = new StartScreen(process.stdout);
		const storeRoot = resolveStorePath(flags, process.env);
		const unreadOnly = flags.unread ?? false;
		const input = new StartInput({
			stdin,
			screen,
			unreadOnly,
			quit(exitCode) {
				// Nothing is open yet that needs closing: read marks are not loaded before Ink takes over.
				terminal.restore();
				process.exit(exitCode);
			},
			render: async (article, width) => documentOf(await renderer.render({path: article.path, rawPath: article.rawPath, id: article.id, width})),
		});
		const head = readListHead(storeRoot, screen.height, unreadOnly);
		if (head) {
			input.show({storeName: storeNameOf(storeRoot), ...head});
		}

		input.listen();
		// The reader loads in steps, each followed by a turn of the event loop for the keys typed meanwhile (and, when
		// an article was opened on the first screen, by its render): Ink with its layout engine, then the rest.
		await input.settle();
		await importWithoutFetch(async () => import('ink'));
		await input.settle();
		const {startReader} = await import('./reader.js');
		return await startReader(flags, {screen, stdin, terminal, input, renderer});
	} finally {
		renderer.close();
		terminal.restore();
	}
}

/**
Ink's layout engine (yoga) loads its WebAssembly from a data: URL, through `fetch` when there is one: that loads
Node's fetch implementation and percent-decodes 90 KB, about 70 ms of blocked keys on this machine. Without `fetch` it
decodes the base64 itself in a millisecond. Nothing else runs while the import evaluates, and `fetch` is put back
at once.
*/
async function importWithoutFetch<T>(load: () => Promise<T>): Promise<T> {
	const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	if (!descriptor?.configurable) {
		return load();
	}

	Object.defineProperty(globalThis, 'fetch', {value: undefined, configurable: true, writable: true});
	try {
		return await load();
	} finally {
		Object.defineProperty(globalThis, 'fetch', descriptor);
	}
}
