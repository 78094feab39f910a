import './helpers/no-ci.js';
import {EventEmitter} from 'node:events';
import process from 'node:process';
import {setTimeout as delay} from 'node:timers/promises';
import test from 'ava';
import type {ArticleMeta} from '../source/core/article/article.js';
import {TerminalSession} from '../source/io/terminal.js';
import {runReader} from '../source/ui/run.js';
import {makeServices, sampleArticles} from './fixtures/ui/services.js';

/** A terminal's output: records what is written, has a size and emits 'resize' like a tty.WriteStream. */
class FakeStdout extends EventEmitter {
	columns = 80;
	rows = 24;
	isTTY = true;
	output = '';
	write = (data: string) => {
		this.output += data;
		return true;
	};
}

/** A terminal's input, as ink-testing-library fakes it, that remembers the raw mode it was left in. */
class FakeStdin extends EventEmitter {
	isTTY = true;
	isRaw = false;
	private data: string | null = null;
	write(data: string) {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	}

	read = () => {
		const {data} = this;
		this.data = null;
		return data;
	};

	setRawMode(mode: boolean) {
		this.isRaw = mode;
	}

	setEncoding() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

function streams() {
	const stdin = new FakeStdin();
	const stdout = new FakeStdout();
	const terminal = new TerminalSession(stdin as unknown as NodeJS.ReadStream, stdout as unknown as NodeJS.WriteStream);
	return {stdin, stdout, io: {stdin: stdin as unknown as NodeJS.ReadStream, stdout: stdout as unknown as NodeJS.WriteStream, terminal}};
}

async function waitForOutput(stdout: FakeStdout, text: string): Promise<void> {
	const deadline = Date.now() + 5000;
	while (!stdout.output.includes(text)) {
		if (Date.now() > deadline) {
			throw new Error(`no output with ${text}`);
		}

		// eslint-disable-next-line no-await-in-loop
		await delay(5);
	}

	await delay(20);
}

const enter = '\u001B[?1049h';
const leave = '\u001B[?1049l';
const showCursor = '\u001B[?25h';

test.serial('q quits with 0, and the alternate screen, cursor and raw mode are restored', async t => {
	const {stdin, stdout, io} = streams();
	const running = runReader(makeServices(), io);
	await waitForOutput(stdout, 'inkwire · data');
	t.true(stdout.output.startsWith(enter));
	t.true(stdin.isRaw);
	stdin.write('q');
	t.is(await running, 0);
	t.false(stdin.isRaw);
	t.true(stdout.output.endsWith(showCursor + leave));
});

test.serial('the reader leaves no signal handler behind', async t => {
	const counts: number[] = [];
	for (let run = 0; run < 3; run++) {
		const {stdin, stdout, io} = streams();
		const running = runReader(makeServices(), io);
		// eslint-disable-next-line no-await-in-loop
		await waitForOutput(stdout, 'inkwire · data');
		stdin.write('q');
		// eslint-disable-next-line no-await-in-loop
		await running;
		counts.push(process.listenerCount('SIGTERM') + process.listenerCount('SIGHUP') + process.listenerCount('SIGQUIT') + process.listenerCount('exit') + process.listenerCount('uncaughtException'));
	}

	// Ink's dependencies may keep one process-wide handler; runs must not add more.
	t.is(counts[1], counts[0]);
	t.is(counts[2], counts[0]);
});

test.serial('Ctrl-C quits from the article with 0', async t => {
	const {stdin, stdout, io} = streams();
	const running = runReader(makeServices(), io);
	await waitForOutput(stdout, 'inkwire · data');
	stdin.write('\r');
	await waitForOutput(stdout, 'Body line 1');
	stdin.write('\u0003');
	t.is(await running, 0);
	t.true(stdout.output.endsWith(showCursor + leave));
});

for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129], ['SIGQUIT', 131], ['SIGUSR1', 138]] as const) {
	test.serial(`${signal} ends the reader with ${code} and restores the terminal`, async t => {
		const {stdin, stdout, io} = streams();
		const running = runReader(makeServices(), io);
		await waitForOutput(stdout, 'inkwire · data');
		process.emit(signal);
		t.is(await running, code);
		t.false(stdin.isRaw);
		t.true(stdout.output.endsWith(showCursor + leave));
	});
}

test.serial('an error while rendering restores the terminal, then reaches the caller', async t => {
	const {stdin, stdout, io} = streams();
	const broken: ArticleMeta = {...sampleArticles[0]!, get title(): string {
		throw new Error('bad metadata');
	}};
	await t.throwsAsync(runReader(makeServices({articles: [broken]}), io), {message: 'bad metadata'});
	t.false(stdin.isRaw);
	t.true(stdout.output.endsWith(showCursor + leave));
});

test.serial('a resize of the terminal re-lays out the list at once', async t => {
	const {stdin, stdout, io} = streams();
	const running = runReader(makeServices(), io);
	await waitForOutput(stdout, 'inkwire · data');
	t.false(stdout.output.includes('Kellsmo…'));
	stdout.columns = 60;
	stdout.emit('resize');
	// At 60 columns the title column is 27 wide.
	await waitForOutput(stdout, 'Dredging delay hits Kellsm…');
	stdin.write('q');
	t.is(await running, 0);
});
