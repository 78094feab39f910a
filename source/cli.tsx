#!/usr/bin/env node
import process from 'node:process';
import meow from 'meow';
import packageJson from '../package.json' with {type: 'json'};
import {chooseWidth, shouldUseColor, shouldUseHyperlinks} from './core/capabilities.js';
import {UserError} from './core/errors.js';
import {filterArticles} from './core/library.js';
import {formatListJson, formatListText} from './core/list-format.js';
import {helpText} from './cli/help.js';
import {loadStore, type CommonFlags} from './cli/context.js';
import {formatArticle, resolveArticle, showFormats, type ShowFormat} from './cli/show.js';
import {openReadState} from './io/settings.js';
import {guardBrokenPipe, warn, writeOut} from './io/output.js';

const commands = ['list', 'show', 'read', 'unread'] as const;
type Command = typeof commands[number];

const knownFlags = new Set(['data', 'unread', 'json', 'format', 'width', 'verbose', 'help', 'version']);

function parseArguments() {
	return meow(helpText, {
		importMeta: import.meta,
		pkg: packageJson,
		autoHelp: false,
		autoVersion: false,
		allowUnknownFlags: true,
		flags: {
			data: {type: 'string'},
			unread: {type: 'boolean', default: false},
			json: {type: 'boolean', default: false},
			format: {type: 'string'},
			width: {type: 'string'},
			verbose: {type: 'boolean', default: false},
			help: {type: 'boolean', default: false},
			version: {type: 'boolean', default: false},
		},
	});
}

function parseWidth(value: string | undefined): number | undefined {
	if (value === undefined) {
		return undefined;
	}

	const width = Number(value);
	if (!Number.isInteger(width) || width < 20 || width > 1000) {
		throw new UserError(`--width takes a whole number of columns from 20 to 1000, not "${value}"`, 2);
	}

	return width;
}

function parseFormat(value: string | undefined): ShowFormat | undefined {
	if (value === undefined) {
		return undefined;
	}

	if (!(showFormats as readonly string[]).includes(value)) {
		throw new UserError(`--format takes ${showFormats.join(', ')}, not "${value}"`, 2);
	}

	return value as ShowFormat;
}

function openReadStateWithWarnings() {
	const readState = openReadState();
	for (const message of readState.warnings) {
		warn(message);
	}

	return readState;
}

async function runList(flags: CommonFlags & {unread: boolean; json: boolean}): Promise<number> {
	const scan = await loadStore(flags, process.env);
	const readState = openReadStateWithWarnings();
	const articles = filterArticles(scan.articles, {unreadOnly: flags.unread}, readState);
	await writeOut(flags.json ? formatListJson(articles, readState) : formatListText(articles, readState));
	return 0;
}

async function runShow(queries: string[], flags: CommonFlags & {format?: string; width?: string}): Promise<number> {
	if (queries.length !== 1) {
		throw new UserError('show takes one article: an id, an id prefix, a path, or - for stdin', 2);
	}

	const format = parseFormat(flags.format);
	const width = parseWidth(flags.width);
	const scan = await loadStore(flags, process.env);
	const article = resolveArticle(queries[0]!, scan);
	const readState = openReadStateWithWarnings();
	const isTty = Boolean(process.stdout.isTTY);
	const chosenFormat = format ?? (shouldUseColor(isTty, process.env) ? 'ansi' : 'plain');
	await writeOut(formatArticle(article, {
		format: chosenFormat,
		width: chooseWidth(width, isTty ? process.stdout.columns : undefined),
		hyperlinks: shouldUseHyperlinks(isTty, process.env),
		isRead: readState.isRead(article.id),
	}));
	return 0;
}

async function runMark(command: 'read' | 'unread', queries: string[], flags: CommonFlags): Promise<number> {
	if (queries.length === 0) {
		throw new UserError(`${command} takes one or more article ids`, 2);
	}

	const scan = await loadStore(flags, process.env);
	const known = new Set(scan.articles.map(article => article.id));
	const {findArticle} = await import('./core/library.js');
	const ids = queries.map(query => {
		if (known.has(query)) {
			return query;
		}

		const lookup = findArticle(scan.articles, query);
		if (lookup.kind === 'found') {
			return lookup.article.id;
		}

		throw new UserError(lookup.kind === 'ambiguous'
			? `"${query}" matches ${lookup.candidates.length} articles; give more of the id`
			: `no article matches "${query}" (\`inkwire list\` shows the ids)`);
	});
	const readState = openReadStateWithWarnings();
	readState.setRead(ids, command === 'read');
	if (!readState.canSave) {
		throw new UserError(`read marks cannot be saved to ${readState.path}`);
	}

	return 0;
}

async function runReader(flags: CommonFlags): Promise<number> {
	// Ink reads CI and CONTINUOUS_INTEGRATION once, when it loads, and then paints only the last frame. The reader runs
	// only on a real terminal, where that mode is wrong, so the variables go before the reader chunk is imported.
	delete process.env['CI'];
	delete process.env['CONTINUOUS_INTEGRATION'];
	const {startReader} = await import('./cli/reader.js');
	return startReader(flags);
}

async function main(): Promise<number> {
	guardBrokenPipe();
	const cli = parseArguments();
	const {flags} = cli;
	const unknown = Object.keys(cli.unnormalizedFlags).filter(name => !knownFlags.has(name));
	if (unknown.length > 0) {
		const name = unknown[0]!;
		throw new UserError(`unknown option ${name.length === 1 ? '-' : '--'}${name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`)} (see --help)`, 2);
	}

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
		case 'list': {
			return runList(flags);
		}

		case 'show': {
			return runShow(rest, flags);
		}

		case 'read':
		case 'unread': {
			return runMark(command as 'read' | 'unread', rest, flags);
		}

		case undefined: {
			return process.stdout.isTTY ? runReader(flags) : runList(flags);
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
