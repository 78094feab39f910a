/**
Opening a URL in the user's browser: `$BROWSER` when set, else the system's opener. A terminal browser (w3m, lynx,
links…) gets the terminal for as long as it runs; a graphical one is started detached. Either way a browser that
fails to start, or exits with an error at once, is reported instead of being assumed to have worked.
*/
import {spawn} from 'node:child_process';
import path from 'node:path';
import open from 'open';
import {UserError} from '../core/errors.js';
import {isOpenableUrl} from '../core/text/url.js';

/** Browsers that draw in the terminal they are started from. */
const terminalBrowsers = new Set(['w3m', 'lynx', 'links', 'links2', 'elinks', 'browsh', 'carbonyl', 'chawan', 'cha', 'www-browser', 'amfora', 'bombadillo']);

/** How long a graphical browser has to fail before it is taken to have started well. */
const startupGrace = 1500;

export type BrowserCommand = {readonly command: string; readonly args: string[]; readonly needsTerminal: boolean};

/**
The command and arguments that `$BROWSER` asks for: the first of its colon-separated commands, split on white space,
with `%s` replaced by the URL or the URL appended. The URL is always one argument: nothing goes through a shell, and
`$&` or `$'` in a URL are text, not replacement patterns.
*/
export function browserCommand(browser: string, url: string): BrowserCommand | undefined {
	const first = browser.split(':').map(entry => entry.trim()).find(Boolean);
	if (!first) {
		return undefined;
	}

	const [command, ...rest] = first.split(/\s+/);
	const hasPlaceholder = rest.some(argument => argument.includes('%s'));
	const args = hasPlaceholder ? rest.map(argument => argument.replaceAll('%s', () => url)) : [...rest, url];
	return {command: command!, args, needsTerminal: terminalBrowsers.has(path.basename(command!))};
}

/** Runs a program that needs the terminal, handing it over and taking it back (io/terminal.ts). */
export type RunInTerminal = (command: string, arguments_: readonly string[]) => Promise<number>;

/**
Open a URL in the user's browser. Resolves when a terminal browser has exited, or when a graphical one has run for a
moment without failing; rejects with a UserError saying what went wrong otherwise.
*/
export async function openInBrowser(url: string, environment: NodeJS.ProcessEnv = process.env, runInTerminal?: RunInTerminal): Promise<void> {
	if (!isOpenableUrl(url)) {
		throw new UserError('only http, https and mailto links are opened');
	}

	const chosen = environment['BROWSER'] ? browserCommand(environment['BROWSER'], url) : undefined;
	if (chosen?.needsTerminal && runInTerminal) {
		let code: number;
		try {
			code = await runInTerminal(chosen.command, chosen.args);
		} catch (error) {
			throw new UserError(`cannot start $BROWSER (${chosen.command}): ${(error as Error).message}`);
		}

		if (code !== 0) {
			throw new UserError(`$BROWSER (${chosen.command}) exited with status ${code}`);
		}

		return;
	}

	if (chosen) {
		const child = spawn(chosen.command, chosen.args, {stdio: 'ignore', detached: true, shell: false});
		await watchStart(child, `$BROWSER (${chosen.command})`);
		return;
	}

	await watchStart(await open(url), 'the system\'s opener');
}

/** Resolve once `child` has started and not failed within the grace period; reject if it fails to start or exits non-zero. */
async function watchStart(child: ReturnType<typeof spawn>, name: string): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => {
			child.unref();
			resolve();
		}, startupGrace);
		timer.unref();
		child.once('error', error => {
			clearTimeout(timer);
			reject(new UserError(`cannot start ${name}: ${error.message}`));
		});
		child.once('exit', code => {
			clearTimeout(timer);
			if (code === 0 || code === null) {
				resolve();
			} else {
				reject(new UserError(`${name} exited with status ${code}`));
			}
		});
	});
}
