/**
The command table: one entry per command (name, arguments, flags, summary, run). It drives dispatch, the flags each
command accepts, `--help` (the whole program's and each command's) and the README's Usage section (a test keeps the
README equal to `helpText()`). Each command's module is imported only when it runs, so `list` never loads the
renderer and no piping command loads Ink.
*/
import {flagLabel, flagSpecs, flagUsage, globalFlags, type FlagName, type FlagValues} from './flags.js';

/** What a command receives: its positional arguments and the parsed flags. */
export type CommandInput = {
	readonly args: readonly string[];
	readonly flags: FlagValues & {readonly verbose: boolean};
};

export type Command = {
	/** The word after `inkwire`; the empty name is `inkwire` alone. */
	readonly name: string;
	/** Positional arguments as the usage line shows them, for example `<id>...`. */
	readonly arguments: string;
	/** Flags beyond the global ones, in usage order. */
	readonly flags: readonly FlagName[];
	/** One line for `--help`. */
	readonly summary: string;
	readonly run: (input: CommandInput) => Promise<number>;
};

export const commands: readonly Command[] = [
	{
		name: '',
		arguments: '',
		flags: ['unread'],
		summary: 'open the reader (lists the articles when piped)',
		async run({flags}) {
			const {runDefault} = await import('./reader-entry.js');
			return runDefault(flags);
		},
	},
	{
		name: 'list',
		arguments: '',
		flags: ['unread', 'starred', 'tag', 'source', 'json'],
		summary: 'the articles, newest first: tab-separated when piped, columns on a terminal',
		async run({args, flags}) {
			const {runList} = await import('./list.js');
			return runList(args, flags);
		},
	},
	{
		name: 'show',
		arguments: '<id | id-prefix | path | ->',
		flags: ['format', 'width', 'explain'],
		summary: 'one article as text (- reads it from stdin)',
		async run({args, flags}) {
			const {runShow} = await import('./show.js');
			return runShow(args, flags);
		},
	},
	{
		name: 'search',
		arguments: '<query>',
		flags: ['json', 'limit'],
		summary: 'ranked full-text search: words, "a phrase", prefix*, -word, title: source: author: tag: (exit 1: no match)',
		async run({args, flags}) {
			const {runSearch} = await import('./search.js');
			return runSearch(args, flags);
		},
	},
	{
		name: 'read',
		arguments: '<id>...',
		flags: [],
		summary: 'mark articles read',
		async run({args, flags}) {
			const {runMark} = await import('./mark.js');
			return runMark('read', args, flags);
		},
	},
	{
		name: 'unread',
		arguments: '<id>...',
		flags: [],
		summary: 'mark articles unread',
		async run({args, flags}) {
			const {runMark} = await import('./mark.js');
			return runMark('unread', args, flags);
		},
	},
	{
		name: 'star',
		arguments: '<id>...',
		flags: [],
		summary: 'star articles: keep them for later (list --starred, S in the reader)',
		async run({args, flags}) {
			const {runMark} = await import('./mark.js');
			return runMark('star', args, flags);
		},
	},
	{
		name: 'unstar',
		arguments: '<id>...',
		flags: [],
		summary: 'unstar articles',
		async run({args, flags}) {
			const {runMark} = await import('./mark.js');
			return runMark('unstar', args, flags);
		},
	},
	{
		name: 'add',
		arguments: '<url>',
		flags: ['name', 'full'],
		summary: 'subscribe to a feed, given its URL or a page that links to it',
		async run({args, flags}) {
			const {runAdd} = await import('./add.js');
			return runAdd(args, flags);
		},
	},
	{
		name: 'feeds',
		arguments: '',
		flags: ['json'],
		summary: 'the subscriptions: name, URL, last fetch, status, articles, unread',
		async run({args, flags}) {
			const {runFeeds} = await import('./feeds.js');
			return runFeeds(args, flags);
		},
	},
	{
		name: 'remove',
		arguments: '<name>...',
		flags: [],
		summary: 'unsubscribe (the articles already fetched stay)',
		async run({args, flags}) {
			const {runRemove} = await import('./remove.js');
			return runRemove(args, flags);
		},
	},
	{
		name: 'fetch',
		arguments: '[name...]',
		flags: ['json', 'timeout'],
		summary: 'fetch every subscription (or those named) into your store',
		async run({args, flags}) {
			const {runFetchCommand} = await import('./fetch.js');
			return runFetchCommand(args, flags);
		},
	},
	{
		name: 'save',
		arguments: '<url>',
		flags: [],
		summary: 'save one web page as a clean article (prints its id)',
		async run({args, flags}) {
			const {runSave} = await import('./save.js');
			return runSave(args, flags);
		},
	},
	{
		name: 'import',
		arguments: '<file.opml | ->',
		flags: [],
		summary: 'subscribe to every feed of an OPML file',
		async run({args, flags}) {
			const {runImport} = await import('./opml.js');
			return runImport(args, flags);
		},
	},
	{
		name: 'export',
		arguments: '',
		flags: [],
		summary: 'the subscriptions as OPML',
		async run({args, flags}) {
			const {runExport} = await import('./opml.js');
			return runExport(args, flags);
		},
	},
];

/** The command named `name` (`''` for none), or undefined. */
export function findCommand(name: string): Command | undefined {
	return commands.find(command => command.name === name);
}

/** The names of the commands, for "unknown command" messages. */
export function commandNames(): string[] {
	return commands.filter(command => command.name !== '').map(command => command.name);
}

const tagline = 'A terminal news reader: clean articles, a fast pager, pipe-friendly commands';

const examples = [
	'$ inkwire show asharq --color=always | less -R',
	'$ inkwire list --unread --json | jq -r \'.[].title\'',
	'$ inkwire list | grep -i syria | cut -f1 | xargs inkwire read',
	'$ inkwire search \'source:reuters "central bank" -bitcoin\' --limit 5',
	'$ inkwire search -- -sport olympics        (-- before a query that starts with -)',
	'$ inkwire add https://example.com/feed.xml && inkwire fetch',
];

/** A command's usage line without the summary: `$ inkwire show <id | …> [--format …] [--width N]`. */
export function usageLine(command: Command): string {
	return ['$ inkwire', command.name, command.arguments, ...command.flags.map(name => flagUsage(name))].filter(Boolean).join(' ');
}

function optionLines(names: readonly FlagName[]): string[] {
	const width = Math.max(...names.map(name => flagLabel(name).length)) + 2;
	return names.map(name => `    ${flagLabel(name).padEnd(width)}${flagSpecs[name].description}`);
}

/** A usage line, then what the command does on the next line. */
function programUsageLines(command: Command): string[] {
	return [`    ${usageLine(command)}`, `        ${command.summary}`];
}

/** Every flag some command takes, in the flag table's order, global ones last. */
function allFlags(): FlagName[] {
	const used = new Set(commands.flatMap(command => command.flags));
	const specific = (Object.keys(flagSpecs) as FlagName[]).filter(name => used.has(name) && !globalFlags.includes(name));
	return [...specific, ...globalFlags.filter(name => name !== 'help' && name !== 'version'), 'help', 'version'];
}

/** The `--help` text: usage of every command, every option, where state lives, examples. */
export function helpText(): string {
	return [
		`  ${tagline}`,
		'',
		'  Usage',
		...commands.flatMap(command => programUsageLines(command)),
		'',
		'  Options',
		...optionLines(allFlags()),
		'',
		'  Read state lives in $XDG_CONFIG_HOME/inkwire/config.json (default ~/.config/inkwire/config.json),',
		'  subscriptions in $XDG_CONFIG_HOME/inkwire/feeds.opml, the feed cache in $XDG_CACHE_HOME/inkwire/feeds/.',
		'  Fetched feeds and saved pages go to your store, $XDG_DATA_HOME/inkwire (default ~/.local/share/inkwire).',
		'',
		'  Examples',
		...examples.map(example => `    ${example}`),
		'',
	].join('\n');
}

/** `inkwire COMMAND --help`: the command's usage, summary and the options it takes. */
export function commandHelpText(command: Command): string {
	return [
		`  ${command.summary}`,
		'',
		'  Usage',
		`    ${usageLine(command)}`,
		'',
		'  Options',
		...optionLines([...command.flags, ...globalFlags]),
		'',
	].join('\n');
}
