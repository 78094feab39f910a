/**
Every command-line flag, as data: the parser, each command's usage line, the `--help` text and the README's Usage
section are made from this table (cli/commands.ts says which command takes which flag).
*/

export type FlagSpec = {
	readonly type: 'string' | 'boolean';
	readonly short?: string;
	/** The value's name in the options list, for example `DIR` in `--data DIR`. */
	readonly value?: string;
	/** How the flag appears in a usage line when it differs from `--name VALUE`, for example `--format ansi|plain`. */
	readonly usage?: string;
	/** One line for the options list. */
	readonly description: string;
};

export const flagSpecs = {
	data: {type: 'string', value: 'DIR', description: 'the article store (default: $INKWIRE_DATA, else your store, else the bundled samples)'},
	unread: {type: 'boolean', description: 'only unread articles'},
	starred: {type: 'boolean', description: 'only starred articles'},
	tag: {type: 'string', value: 'TAG', description: 'only articles with this tag'},
	source: {type: 'string', value: 'NAME', description: 'only articles whose source contains NAME'},
	json: {type: 'boolean', description: 'write JSON (list, search: every field but the body; feeds, fetch: a report)'},
	format: {type: 'string', value: 'FORMAT', usage: '--format ansi|plain|markdown|json', description: 'show as ansi, plain, markdown or json (default: ansi on a terminal, plain in a pipe)'},
	width: {type: 'string', value: 'N', description: 'lines of at most N columns (default: the terminal\'s width up to 100, else 80)'},
	explain: {type: 'boolean', description: 'for scraped text (.txt): which lines were kept or dropped, as what, and why'},
	limit: {type: 'string', value: 'N', description: 'search: at most N results, the best first (default: 20)'},
	color: {type: 'string', value: 'WHEN', usage: '--color auto|always|never', description: 'colour: auto (on a terminal), always (also in a pipe) or never'},
	name: {type: 'string', value: 'NAME', description: 'what to call the feed (default: its title)'},
	full: {type: 'boolean', description: 'store each item\'s web page (the full article), not the feed\'s text'},
	timeout: {type: 'string', value: 'SECONDS', description: 'give up on a feed after this long (default 30)'},
	verbose: {type: 'boolean', description: 'say why each skipped file was skipped'},
	help: {type: 'boolean', short: 'h', description: 'show this help, or a command\'s (inkwire list --help)'},
	version: {type: 'boolean', description: 'show the version'},
} as const satisfies Record<string, FlagSpec>;

export type FlagName = keyof typeof flagSpecs;

/** Parsed flag values: strings for string flags, booleans for boolean flags, absent when not given. */
export type FlagValues = {
	readonly [Name in FlagName]?: typeof flagSpecs[Name]['type'] extends 'string' ? string : boolean;
};

/** Flags every command takes. */
export const globalFlags: readonly FlagName[] = ['data', 'color', 'verbose', 'help', 'version'];

/** How a flag reads in a usage line: `[--unread]`, `[--width N]`, `[--format ansi|plain|markdown|json]`. */
export function flagUsage(name: FlagName): string {
	const spec: FlagSpec = flagSpecs[name];
	return `[${spec.usage ?? (spec.value ? `--${name} ${spec.value}` : `--${name}`)}]`;
}

/** How a flag reads in the options list: `--data DIR`, `--json`. */
export function flagLabel(name: FlagName): string {
	const spec: FlagSpec = flagSpecs[name];
	return spec.value ? `--${name} ${spec.value}` : `--${name}`;
}
