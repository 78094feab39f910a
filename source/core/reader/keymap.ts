/**
The reader's key bindings as data: one table drives the input handler (through `findAction`), the help overlay and
the README's Keys section (`keysMarkdownTable`), so the three cannot drift apart.
*/

/**
Where a binding applies. Global bindings win over screen bindings and must not be reused by them. `filter`,
`search` and `confirm` hold the keys of the filter or search being typed and of a y/n question; there, every other key is text or "no", and
of the global keys only Ctrl-C applies.
*/
export type KeyContext = 'list' | 'article' | 'feeds' | 'links' | 'filter' | 'search' | 'confirm' | 'global';

/** What a key does. The same action name can appear in both screens; the reducer gives it the screen's meaning. */
export type KeyAction =
	| 'up'
	| 'down'
	| 'page-up'
	| 'page-down'
	| 'half-page-up'
	| 'half-page-down'
	| 'top'
	| 'bottom'
	| 'open'
	| 'toggle-read'
	| 'toggle-unread-only'
	| 'toggle-star'
	| 'show-feeds'
	| 'fetch'
	| 'toggle-starred-only'
	| 'mark-all-read'
	| 'filter'
	| 'quit'
	| 'next-article'
	| 'previous-article'
	| 'next-unread'
	| 'open-url'
	| 'back'
	| 'search'
	| 'show-links'
	| 'open-link-number'
	| 'open-link'
	| 'close-links'
	| 'next-match'
	| 'previous-match'
	| 'accept-search'
	| 'cancel-search'
	| 'accept-filter'
	| 'clear-filter'
	| 'delete-character'
	| 'confirm'
	| 'cancel'
	| 'help'
	| 'suspend'
	| 'force-quit';

/**
A key as the table names it: a single printable character (`k`, `G`, `?`), or one of the named keys below.
Named keys are lower case words so they cannot be mistaken for a printable character.
*/
export type KeyName = string;

export type KeyBinding = {
	readonly action: KeyAction;
	/** Keys in the order the help shows them. */
	readonly keys: readonly KeyName[];
	/** A short sentence for the help overlay and the README. */
	readonly description: string;
	readonly context: KeyContext;
};

/** Every binding of the reader. Order is the order of the help overlay and the README table. */
export const keyBindings: readonly KeyBinding[] = [
	{context: 'list', action: 'up', keys: ['up', 'k'], description: 'Move up'},
	{context: 'list', action: 'down', keys: ['down', 'j'], description: 'Move down'},
	{context: 'list', action: 'page-up', keys: ['pageup'], description: 'Page up'},
	{context: 'list', action: 'page-down', keys: ['pagedown'], description: 'Page down'},
	{context: 'list', action: 'top', keys: ['g', 'home'], description: 'First article'},
	{context: 'list', action: 'bottom', keys: ['G', 'end'], description: 'Last article'},
	{context: 'list', action: 'open', keys: ['enter', 'right', 'l'], description: 'Open the article, marking it read'},
	{context: 'list', action: 'toggle-read', keys: ['r'], description: 'Toggle read or unread'},
	{context: 'list', action: 'toggle-unread-only', keys: ['u'], description: 'Only unread articles, or all'},
	{context: 'list', action: 'toggle-star', keys: ['s'], description: 'Star or unstar (keep it for later)'},
	{context: 'list', action: 'toggle-starred-only', keys: ['S'], description: 'Only starred articles, or all'},
	{context: 'list', action: 'mark-all-read', keys: ['A'], description: 'Mark all shown read (asks y/n)'},
	{context: 'list', action: 'show-feeds', keys: ['F'], description: 'The feeds, with their unread counts'},
	{context: 'list', action: 'fetch', keys: ['R'], description: 'Fetch the feeds (in the background)'},
	{context: 'list', action: 'filter', keys: ['/'], description: 'Filter by title and source'},
	{context: 'list', action: 'quit', keys: ['q'], description: 'Quit'},
	{context: 'article', action: 'up', keys: ['up', 'k'], description: 'Scroll up a line'},
	{context: 'article', action: 'down', keys: ['down', 'j'], description: 'Scroll down a line'},
	{context: 'article', action: 'page-down', keys: ['space', 'pagedown', 'f'], description: 'Page down'},
	{context: 'article', action: 'page-up', keys: ['b', 'pageup'], description: 'Page up'},
	{context: 'article', action: 'half-page-down', keys: ['d'], description: 'Half a page down'},
	{context: 'article', action: 'half-page-up', keys: ['u'], description: 'Half a page up'},
	{context: 'article', action: 'top', keys: ['g', 'home'], description: 'Top of the article'},
	{context: 'article', action: 'bottom', keys: ['G', 'end'], description: 'End of the article'},
	{context: 'article', action: 'search', keys: ['/'], description: 'Search this article'},
	{context: 'article', action: 'next-match', keys: ['n'], description: 'Next match of the search'},
	{context: 'article', action: 'previous-match', keys: ['N'], description: 'Previous match of the search'},
	{context: 'article', action: 'next-article', keys: ['J'], description: 'Next article'},
	{context: 'article', action: 'previous-article', keys: ['K'], description: 'Previous article'},
	{context: 'article', action: 'next-unread', keys: ['tab'], description: 'Next unread article'},
	{context: 'article', action: 'toggle-read', keys: ['r'], description: 'Toggle read or unread'},
	{context: 'article', action: 'toggle-star', keys: ['s'], description: 'Star or unstar (keep it for later)'},
	{context: 'article', action: 'open-url', keys: ['o'], description: 'Open the URL in the browser'},
	{context: 'article', action: 'show-links', keys: ['L'], description: 'List the links, to open one'},
	{context: 'article', action: 'open-link-number', keys: ['digits'], description: 'Open link N: its number, then Enter'},
	{context: 'article', action: 'back', keys: ['q', 'escape', 'left', 'h'], description: 'Back to the list'},
	{context: 'feeds', action: 'up', keys: ['up', 'k'], description: 'Previous feed'},
	{context: 'feeds', action: 'down', keys: ['down', 'j'], description: 'Next feed'},
	{context: 'feeds', action: 'top', keys: ['g', 'home'], description: 'First feed'},
	{context: 'feeds', action: 'bottom', keys: ['G', 'end'], description: 'Last feed'},
	{context: 'feeds', action: 'open', keys: ['enter', 'right', 'l'], description: 'The feed\'s articles (q comes back)'},
	{context: 'feeds', action: 'show-feeds', keys: ['F'], description: 'All articles'},
	{context: 'feeds', action: 'fetch', keys: ['R'], description: 'Fetch the feeds (in the background)'},
	{context: 'feeds', action: 'quit', keys: ['q'], description: 'Quit'},
	{context: 'links', action: 'up', keys: ['up', 'k'], description: 'Previous link'},
	{context: 'links', action: 'down', keys: ['down', 'j'], description: 'Next link'},
	{context: 'links', action: 'open-link', keys: ['enter'], description: 'Open the link in the browser'},
	{context: 'links', action: 'close-links', keys: ['escape', 'q', 'L'], description: 'Back to the article'},
	{context: 'filter', action: 'accept-filter', keys: ['enter'], description: 'Keep the filter'},
	{context: 'filter', action: 'clear-filter', keys: ['escape'], description: 'Clear the filter'},
	{context: 'filter', action: 'delete-character', keys: ['backspace'], description: 'Delete the last character'},
	{context: 'search', action: 'accept-search', keys: ['enter'], description: 'Search'},
	{context: 'search', action: 'cancel-search', keys: ['escape'], description: 'Give up the search'},
	{context: 'search', action: 'delete-character', keys: ['backspace'], description: 'Delete the last character'},
	{context: 'confirm', action: 'confirm', keys: ['y', 'Y'], description: 'Yes, do it'},
	{context: 'confirm', action: 'cancel', keys: ['n', 'N', 'escape'], description: 'No (so does any other key)'},
	{context: 'global', action: 'help', keys: ['?'], description: 'Show this help'},
	{context: 'global', action: 'suspend', keys: ['ctrl+z'], description: 'Suspend (fg resumes)'},
	{context: 'global', action: 'force-quit', keys: ['ctrl+c'], description: 'Quit from anywhere'},
];

const labels: Readonly<Record<string, string>> = {
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
	pageup: 'PgUp',
	pagedown: 'PgDn',
	home: 'Home',
	end: 'End',
	enter: 'Enter',
	escape: 'Esc',
	space: 'Space',
	backspace: 'Backspace',
	tab: 'Tab',
	'ctrl+c': 'Ctrl-C',
	'ctrl+z': 'Ctrl-Z',
	digits: '0…9 Enter',
};

/** How a key is written for people: `↑`, `PgDn`, `Ctrl-C`, or the character itself. */
export function keyLabel(name: KeyName): string {
	return labels[name] ?? name;
}

/** The subset of Ink's `Key` that `keyName` reads; kept structural so core does not import Ink. */
export type KeyEvent = {
	readonly upArrow?: boolean;
	readonly downArrow?: boolean;
	readonly leftArrow?: boolean;
	readonly rightArrow?: boolean;
	readonly pageUp?: boolean;
	readonly pageDown?: boolean;
	readonly home?: boolean;
	readonly end?: boolean;
	readonly return?: boolean;
	readonly escape?: boolean;
	readonly tab?: boolean;
	readonly backspace?: boolean;
	readonly delete?: boolean;
	readonly ctrl?: boolean;
	readonly meta?: boolean;
};

/**
Turn one keypress as Ink reports it into the key names the table uses. A chunk of several printable characters (keys
typed faster than a frame, or a paste) becomes one name per character, so none is lost. Keys the reader does not
know, and control or meta combinations other than Ctrl-C, give no names.
*/
export function keyNames(input: string, key: KeyEvent): KeyName[] {
	const named = namedKey(key);
	if (named) {
		return [named];
	}

	if (key.ctrl) {
		return input === 'c' || input === 'z' ? [`ctrl+${input}`] : [];
	}

	// Ink reports Escape with `meta` too; a real meta combination (Alt-x) is not a key of ours.
	if (key.meta) {
		return [];
	}

	const names: KeyName[] = [];
	for (const character of input) {
		if (character === '\u0003') {
			names.push('ctrl+c');
		} else if (character === '\u001A') {
			names.push('ctrl+z');
		} else if (character === ' ') {
			names.push('space');
		} else if (character === '\r' || character === '\n') {
			names.push('enter');
		} else if (character >= ' ' && character !== '\u007F') {
			names.push(character);
		}
	}

	return names;
}

// Ink's flags for the special keys and the names the table uses, in the order they are checked. Terminals send DEL
// (0x7f) for Backspace, which Ink reports as `delete`; some send BS (0x08), `backspace`.
const specialKeys: ReadonlyArray<readonly [keyof KeyEvent, KeyName]> = [
	['upArrow', 'up'],
	['downArrow', 'down'],
	['leftArrow', 'left'],
	['rightArrow', 'right'],
	['pageUp', 'pageup'],
	['pageDown', 'pagedown'],
	['home', 'home'],
	['end', 'end'],
	['return', 'enter'],
	['escape', 'escape'],
	['tab', 'tab'],
	['backspace', 'backspace'],
	['delete', 'backspace'],
];

function namedKey(key: KeyEvent): KeyName | undefined {
	return specialKeys.find(([flag]) => key[flag])?.[1];
}

const actionIndex = new Map<string, KeyAction>();
for (const binding of keyBindings) {
	for (const key of binding.keys) {
		actionIndex.set(`${binding.context}\u0000${key}`, binding.action);
	}
}

/** Contexts where keys are typed text or answers: only Ctrl-C of the global keys applies there. */
const textContexts: ReadonlySet<KeyContext> = new Set(['filter', 'search', 'confirm']);

/** The action bound to a key in a context; global bindings win (in a text context, only force-quit). */
export function findAction(context: KeyContext, name: KeyName): KeyAction | undefined {
	const global = actionIndex.get(`global\u0000${name}`);
	if (global !== undefined && (!textContexts.has(context) || global === 'force-quit')) {
		return global;
	}

	return actionIndex.get(`${context}\u0000${name}`);
}

/** The first key bound to an action in a context, as people write it ("u", "Enter"), for hints and messages. */
export function keyFor(context: KeyContext, action: KeyAction): string {
	const key = keyBindings.find(binding => binding.context === context && binding.action === action)?.keys[0];
	return key === undefined ? '' : keyLabel(key);
}

/** The bindings of one context, in table order. */
export function bindingsFor(context: KeyContext): KeyBinding[] {
	return keyBindings.filter(binding => binding.context === context);
}

/** Keys of a binding for people, for example "↑ k" or "Enter → l". */
export function formatKeys(binding: KeyBinding, separator = ' '): string {
	return binding.keys.map(key => keyLabel(key)).join(separator);
}

const contextTitles: Readonly<Record<KeyContext, string>> = {
	list: 'List',
	article: 'Article',
	feeds: 'Feeds',
	links: 'Links of an article',
	filter: 'Typing a filter',
	search: 'Typing a search',
	confirm: 'A y/n question',
	global: 'Anywhere',
};

/** The title of a context in the help overlay and the README. */
export function contextTitle(context: KeyContext): string {
	return contextTitles[context];
}

/** The README's Keys table, generated from the key map (a test keeps the README equal to it). */
export function keysMarkdownTable(): string {
	const rows = keyBindings.map(binding => {
		const keys = binding.keys.map(key => `\`${keyLabel(key)}\``).join(' ');
		return `| ${contextTitle(binding.context)} | ${keys} | ${binding.description} |`;
	});
	return ['| Where | Keys | Action |', '| --- | --- | --- |', ...rows].join('\n');
}
