/**
The words on the reader's screen that do not come from articles: key hints, the list header, the status line. Pure,
so that the Ink components and the first paint that comes before Ink loads (cli/first-paint.ts) say the same thing.
*/
import {bindingsFor, keyFor, keyLabel, type KeyAction, type KeyContext} from './keymap.js';
import {displayWidth, fitWidth, padToWidth} from '../text/width.js';
import {sanitizeLine} from '../text/sanitize.js';

/** "↑↓ move": the first key of each action, then a word. */
function hint(context: KeyContext, actions: readonly KeyAction[], word: string, separator = '/'): string {
	const keys = actions.map(action => {
		const binding = bindingsFor(context).find(candidate => candidate.action === action);
		return binding?.keys[0] === undefined ? '' : keyLabel(binding.keys[0]);
	});
	return `${keys.join(separator)} ${word}`;
}

/** The list's main keys, from the key map. */
export const listHints = [
	hint('list', ['up', 'down'], 'move', ''),
	hint('list', ['open'], 'open'),
	hint('list', ['toggle-read'], 'read'),
	hint('list', ['toggle-unread-only'], 'unread only'),
	hint('list', ['filter'], 'filter'),
	hint('list', ['toggle-star'], 'star'),
	hint('list', ['show-feeds'], 'feeds'),
	hint('list', ['mark-all-read'], 'all read'),
	hint('list', ['quit'], 'quit'),
].join(' · ');

/** The article's main keys, from the key map. */
export const articleHints = [
	hint('article', ['page-down'], 'page'),
	hint('article', ['next-article', 'previous-article'], 'next/previous'),
	hint('article', ['search'], 'search'),
	hint('article', ['show-links'], 'links'),
	hint('article', ['open-url'], 'browser'),
	hint('article', ['back'], 'back'),
].join(' · ');

/** The feeds view's main keys, from the key map. */
export const feedsHints = [
	hint('feeds', ['up', 'down'], 'move', ''),
	hint('feeds', ['open'], 'open'),
	hint('feeds', ['fetch'], 'fetch'),
	hint('feeds', ['show-feeds'], 'all articles'),
	hint('feeds', ['quit'], 'quit'),
].join(' · ');

/** The keys of the list of links, from the key map. */
export const linksHints = [
	hint('links', ['up', 'down'], 'move', ''),
	hint('links', ['open-link'], 'open'),
	`${keyLabel('digits')} open by number`,
	hint('links', ['close-links'], 'back'),
].join(' · ');

/** "? help", with the key from the key map. */
export const helpHint = `${keyFor('global', 'help')} help`;

/** What the list says when nothing is shown, naming the keys that bring articles back. */
export function emptyListMessage(options: {readonly unreadOnly: boolean; readonly starredOnly: boolean; readonly filter: string}): string {
	if (options.starredOnly && !options.filter) {
		return `No starred articles. Press ${keyFor('list', 'toggle-star')} to star one, ${keyFor('list', 'toggle-starred-only')} to show all.`;
	}

	return options.unreadOnly && !options.filter
		? `No unread articles. Press ${keyFor('list', 'toggle-unread-only')} to show all.`
		: `No articles match the filter. Press ${keyFor('list', 'filter')} and ${keyFor('filter', 'clear-filter')} to clear it.`;
}

/** The hints while a filter is typed: "Enter keep · Esc clear". */
export const filterPromptHint = `${keyFor('filter', 'accept-filter')} keep · ${keyFor('filter', 'clear-filter')} clear`;

/** The hints while a search is typed in the pager. */
export const searchPromptHint = `${keyFor('search', 'accept-search')} search · ${keyFor('search', 'cancel-search')} cancel`;

/** The one hint of the empty-store screen. */
export const emptyStoreHint = `${keyFor('list', 'quit')} quit`;

/**
"100,000": a count with thousands separators, as `toLocaleString('en-US')` writes it. Written out because the first
call of toLocaleString sets up ICU's number formatting, which cost the first screen 70 ms on a busy machine.
*/
export function formatCount(count: number): string {
	const digits = String(Math.trunc(Math.abs(count)));
	let text = '';
	for (let end = digits.length; end > 0; end -= 3) {
		text = (end > 3 ? ',' : '') + digits.slice(Math.max(0, end - 3), end) + text;
	}

	return count < 0 ? `-${text}` : text;
}

/** "1 article", "100,000 articles". */
export function plural(count: number, noun: string): string {
	return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

export type ListHeaderOptions = {
	readonly storeName: string;
	readonly total: number;
	/** Undefined while it is still being counted. */
	readonly unread: number | undefined;
	readonly unreadOnly?: boolean;
	readonly starredOnly?: boolean;
	readonly filter?: string;
	/** How the filter is matched, when it is not the full-text search: "titles only: indexing 45%". */
	readonly filterNote?: string;
	/** How many articles pass the filter, shown when one is active. */
	readonly shown?: number;
	readonly skipped?: number;
};

/** "inkwire · data · 8 articles · 3 unread [· unread only] [· starred only] [· filter: x (note)] [· N shown] [· N skipped]". */
export function listHeader(options: ListHeaderOptions): string {
	const isFiltered = Boolean(options.unreadOnly) || Boolean(options.starredOnly) || Boolean(options.filter);
	return [
		'inkwire',
		sanitizeLine(options.storeName),
		plural(options.total, 'article'),
		options.unread === undefined ? '… unread' : `${formatCount(options.unread)} unread`,
		options.unreadOnly ? 'unread only' : '',
		options.starredOnly ? 'starred only' : '',
		options.filter ? `filter: ${sanitizeLine(options.filter)}${options.filterNote ? ` (${sanitizeLine(options.filterNote)})` : ''}` : '',
		isFiltered && options.shown !== undefined ? `${formatCount(options.shown)} shown` : '',
		options.skipped ? `${formatCount(options.skipped)} skipped` : '',
	].filter(Boolean).join(' · ');
}

/** The status line's text, exactly `width` columns: the left part cut first, the right part kept whole while it fits. */
export function statusLine(left: string, right: string, width: number): string {
	const rightWidth = Math.min(displayWidth(right), width);
	const leftWidth = Math.max(0, width - rightWidth - 1);
	return leftWidth > 0 ? `${padToWidth(left, leftWidth)} ${fitWidth(right, rightWidth)}` : fitWidth(right, width);
}

/** The right side of the list's status line: where the highlight is in the shown list, and the help key. */
export function listPosition(cursor: number, shown: number): string {
	return shown === 0 ? helpHint : `${formatCount(cursor + 1)}/${formatCount(shown)} · ${helpHint}`;
}

/** What the header says about the filter while the full-text index is not ready; undefined when it is. */
export function filterNote(search: {readonly kind: string; readonly done?: number; readonly total?: number; readonly reason?: string} | undefined): string | undefined {
	switch (search?.kind) {
		case undefined: {
			return 'titles and sources';
		}

		case 'ready': {
			return undefined;
		}

		case 'building': {
			const percent = search.total ? Math.floor(((search.done ?? 0) / search.total) * 100) : 0;
			return `titles only: indexing ${percent}%`;
		}

		case 'failed': {
			return `titles only: search failed, ${search.reason ?? 'no reason given'}`;
		}

		default: {
			return 'titles only';
		}
	}
}
