#!/usr/bin/env node
import process from 'node:process';
import {parseArgs} from 'node:util';
import packageJson from '../package.json' with {type: 'json'};
import {UserError} from './core/errors.js';
import {helpText} from './cli/help.js';
import type {CommonFlags} from './cli/context.js';
import {guardBrokenPipe, warn, writeOut} from './io/output.js';

const commands = ['list', 'show', 'search', 'read', 'unread'] as const;
type Command = typeof commands[number];

/**
The command line, parsed with Node's own parseArgs: meow validated package.json on every start (about a third of the
start-up time of `inkwire list`) for nothing this program uses.
*/
function parseArguments() {
	try {
		const {values, positionals} = parseArgs({
			args: process.argv.slice(2),
			allowPositionals: true,
			strict: true,
			options: {
				data: {type: 'string'},
				unread: {type: 'boolean', default: false},
				json: {type: 'boolean', default: false},
				format: {type: 'string'},
				width: {type: 'string'},
				limit: {type: 'string'},
				verbose: {type: 'boolean', default: false},
				help: {type: 'boolean', short: 'h', default: false},
				version: {type: 'boolean', default: false},
			},
		});
		return {flags: values, input: positionals};
	} catch (error) {
		// Node's messages say what is wrong ("Unknown option '--bogus'"); keep the first sentence, on one line.
		const message = error instanceof Error ? error.message.split(/\. |\n/)[0]! : String(error);
		throw new UserError(`${message.replace(/^Unknown option '([^']+)'$/, 'unknown option $1')} (see --help)`, 2);
	}
}

async function runReader(flags: CommonFlags): Promise<number> {
	// Ink reads CI and CONTINUOUS_INTEGRATION once, when it loads, and then paints only the last frame. The reader runs
	// only on a real terminal, where that mode is wrong, so the variables go before the reader chunk is imported.
	delete process.env['CI'];
	delete process.env['CONTINUOUS_INTEGRATION'];
	// The first screen is painted from the index before anything heavy loads (see cli/first-paint.ts).
	const {StartScreen, openKeyboard, paintFromIndex} = await import('./cli/first-paint.js');
	const {resolveStorePath} = await import('./cli/store-path.js');
	const stdin = openKeyboard();
	const screen = new StartScreen(stdin, process.stdout);
	screen.enter();
	try {
		paintFromIndex(screen, resolveStorePath(flags, process.env));
		const {startReader} = await import('./cli/reader.js');
		return await startReader(flags, screen, stdin);
	} finally {
		screen.restore();
	}
}

async function main(): Promise<number> {
	guardBrokenPipe();
	const cli = parseArguments();
	const {flags} = cli;

	if (flags.help) {
		await writeOut(helpText.replace(/^\n/, '') + '\n');
		return 0;
	}

	if (flags.version) {
		await writeOut(`${packageJson.version}\n`);
		return 0;
	}

	const [command, ...rest] = cli.input;
	if (command !== undefined && !(commands as readonly string[]).includes(command)) {
		throw new UserError(`unknown command "${command}" (try: ${commands.join(', ')}, or --help)`, 2);
	}

	switch (command as Command | undefined) {
		// Each command loads only what it needs: listing never loads the renderer, piping never loads Ink.
		case 'list': {
			const {runList} = await import('./cli/list.js');
			return runList(flags);
		}

		case 'show': {
			const {runShow} = await import('./cli/show.js');
			return runShow(rest, flags);
		}

		case 'search': {
			const {runSearch} = await import('./cli/search.js');
			return runSearch(rest, flags);
		}

		case 'read':
		case 'unread': {
			const {runMark} = await import('./cli/mark.js');
			return runMark(command as 'read' | 'unread', rest, flags);
		}

		case undefined: {
			if (process.stdout.isTTY) {
				return runReader(flags);
			}

			const {runList} = await import('./cli/list.js');
			return runList(flags);
		}
	}
}

try {
	process.exitCode = await main();
} catch (error) {
	if (error instanceof UserError) {
		warn(error.message);
		process.exitCode = error.exitCode;
	} else {
		const message = error instanceof Error ? error.message : String(error);
		warn(`unexpected error: ${message.split('\n')[0]}${process.env['INKWIRE_DEBUG'] ? `\n${(error as Error).stack}` : ' (INKWIRE_DEBUG=1 shows details)'}`);
		process.exitCode = 70;
	}
}
