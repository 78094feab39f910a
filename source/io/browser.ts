import {spawn} from 'node:child_process';
import open from 'open';
import {UserError} from '../core/errors.js';

/** Only web and mail links are ever handed to a browser. */
export function isOpenableUrl(url: string): boolean {
	try {
		return ['http:', 'https:', 'mailto:'].includes(new URL(url).protocol);
	} catch {
		return false;
	}
}

/**
The command and arguments that `$BROWSER` asks for: the first of its colon-separated commands, split on white space,
with `%s` replaced by the URL or the URL appended. The URL is always one argument: nothing goes through a shell.
*/
export function browserCommand(browser: string, url: string): {command: string; args: string[]} | undefined {
	const first = browser.split(':').map(entry => entry.trim()).find(Boolean);
	if (!first) {
		return undefined;
	}

	const [command, ...rest] = first.split(/\s+/);
	const hasPlaceholder = rest.some(argument => argument.includes('%s'));
	const args = hasPlaceholder ? rest.map(argument => argument.replaceAll('%s', url)) : [...rest, url];
	return {command: command!, args};
}

/** Open a URL in the user's browser: `$BROWSER` when set, else the system's opener (the `open` package). */
export async function openInBrowser(url: string, environment: NodeJS.ProcessEnv = process.env): Promise<void> {
	if (!isOpenableUrl(url)) {
		throw new UserError('only http, https and mailto links are opened');
	}

	const chosen = environment['BROWSER'] ? browserCommand(environment['BROWSER'], url) : undefined;
	if (chosen) {
		await new Promise<void>((resolve, reject) => {
			const child = spawn(chosen.command, chosen.args, {stdio: 'ignore', detached: true, shell: false});
			child.once('error', error => {
				reject(new UserError(`cannot start $BROWSER (${chosen.command}): ${error.message}`));
			});
			child.once('spawn', () => {
				child.unref();
				resolve();
			});
		});
		return;
	}

	const child = await open(url);
	child.once('error', () => {
		// The opener is detached and its output ignored; a missing xdg-open must not crash the reader.
	});
}
