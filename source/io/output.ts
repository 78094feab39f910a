import {sanitizeLine} from '../core/text/sanitize.js';

export {describeError} from '../core/errors.js';

/**
Writing to stdout and stderr for the piping commands. A reader that closes the pipe early (`inkwire show x | head -1`)
is normal use, not an error: EPIPE ends the process quietly with status 0.
*/

let isGuarded = false;

/** Make EPIPE on stdout end the process quietly with status 0 (once per process). */
export function guardBrokenPipe(stream: NodeJS.WriteStream = process.stdout): void {
	if (isGuarded) {
		return;
	}

	isGuarded = true;
	stream.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') {
			process.exit(0);
		}

		throw error;
	});
}

/**
Write text to stdout and resolve once it has been handed to the operating system, so that the process can exit
without cutting a long listing short.
*/
export async function writeOut(text: string): Promise<void> {
	guardBrokenPipe();
	if (text.length === 0) {
		return;
	}

	await new Promise<void>(resolve => {
		process.stdout.write(text, () => {
			resolve();
		});
	});
}

/**
One line on stderr, prefixed with the program's name. Messages quote file names, paths, ids and errors from outside,
so every message goes through the sanitiser here, the one way to stderr: no escape sequence, control character or
newline from a file name can reach the terminal.
*/
export function warn(message: string): void {
	process.stderr.write(`inkwire: ${sanitizeLine(message)}\n`);
}
