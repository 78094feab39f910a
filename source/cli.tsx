#!/usr/bin/env node
import process from 'node:process';
import {parseArgs} from 'node:util';
import packageJson from '../package.json' with {type: 'json'};
import {UserError} from './core/errors.js';
import {commandHelpText, commandNames, findCommand, helpText, type Command, type CommandInput} from './cli/commands.js';
import {flagSpecs, globalFlags, type FlagName, type FlagValues} from './cli/flags.js';
import {sanitizeText} from './core/text/sanitize.js';
import {describeError, guardBrokenPipe, warn, writeOut} from './io/output.js';

/** The command line, parsed with Node's own parseArgs against the flag table, then checked against the command's flags. */
function parseCommandLine(argv: readonly string[]): {command: Command; input: CommandInput} {
	let parsed: ReturnType<typeof parseArgs<{args: string[]; allowPositionals: true; strict: true; tokens: true; options: typeof flagSpecs}>>;
	try {
		parsed = parseArgs({args: [...argv], allowPositionals: true, strict: true, tokens: true, options: flagSpecs});
	} catch (error) {
		// Node's messages say what is wrong ("Unknown option '--bogus'"); keep the first sentence, on one line.
		const message = describeError(error).split(/\. |\n/)[0]!;
		throw new UserError(`${message.replace(/^Unknown option '([^']+)'$/, 'unknown option $1')} (see --help)`, 2);
	}

	const [name = '', ...args] = parsed.positionals;
	const command = findCommand(name);
	if (!command || name === '' && parsed.positionals.length > 0) {
		throw new UserError(`unknown command "${name}" (try: ${commandNames().join(', ')}, or --help)`, 2);
	}

	// A flag the command does not take is a mistake to report, not something to ignore (`list --format json`).
	const accepted = new Set<FlagName>([...command.flags, ...globalFlags]);
	for (const token of parsed.tokens) {
		if (token.kind === 'option' && !accepted.has(token.name as FlagName)) {
			const where = command.name === '' ? 'the reader' : command.name;
			throw new UserError(`${where} does not take --${token.name} (see inkwire ${command.name ? `${command.name} ` : ''}--help)`, 2);
		}
	}

	const flags = parsed.values as FlagValues;
	return {command, input: {args, flags: {...flags, verbose: flags.verbose ?? false}}};
}

async function main(): Promise<number> {
	guardBrokenPipe();
	const {command, input} = parseCommandLine(process.argv.slice(2));
	if (input.flags.help) {
		await writeOut(command.name === '' ? helpText() : commandHelpText(command));
		return 0;
	}

	if (input.flags.version) {
		await writeOut(`${packageJson.version}\n`);
		return 0;
	}

	return command.run(input);
}

try {
	process.exitCode = await main();
} catch (error) {
	if (error instanceof UserError) {
		warn(error.message);
		process.exitCode = error.exitCode;
	} else {
		const isDebug = Boolean(process.env['INKWIRE_DEBUG']);
		warn(`unexpected error: ${describeError(error)}${isDebug ? '' : ' (INKWIRE_DEBUG=1 shows details)'}`);
		if (isDebug && error instanceof Error) {
			process.stderr.write(sanitizeText(`${error.stack}\n`));
		}
		process.exitCode = 70;
	}
}
