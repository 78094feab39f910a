import test from 'ava';
import type {ArticleMeta} from '../source/core/article/article.js';
import {isOpenableUrl} from '../source/core/text/url.js';
import {listWindowTop} from '../source/core/reader/viewport.js';
import {
	createInitialState,
	listInputsChanged,
	reduce,
	type Effect,
	type ReaderContext,
	type ReaderState,
} from '../source/core/reader/state.js';

function articles(count: number, fields: (index: number) => Partial<ArticleMeta> = () => ({})): ArticleMeta[] {
	return Array.from({length: count}, (_, index) => ({
		id: `a${index}`,
		title: `Title ${index}`,
		tags: [],
		words: 10,
		readingMinutes: 1,
		...fields(index),
	}));
}

function context(fields: Partial<ReaderContext> & {reads?: Set<string>; stars?: Set<string>; positions?: Map<string, number>} = {}): ReaderContext {
	const reads = fields.reads ?? new Set<string>();
	const stars = fields.stars ?? new Set<string>();
	const positions = fields.positions ?? new Map<string, number>();
	return {
		articles: articles(10),
		listRows: 4,
		pageRows: 20,
		lineCount: 100,
		helpLineCount: 10,
		isRead: id => reads.has(id),
		isStarred: id => stars.has(id),
		positionOf: id => positions.get(id),
		feeds: [],
		links: [],
		findMatches: () => [],
		...fields,
	};
}

/** Press keys one after another; returns the last state and every effect. */
function press(keys: string[], start: ReaderState = createInitialState(), world: ReaderContext = context()): {state: ReaderState; effects: Effect[]} {
	let state = start;
	const effects: Effect[] = [];
	for (const key of keys) {
		const next = reduce(state, {type: 'key', key}, world);
		state = next.state;
		effects.push(...next.effects);
	}

	return {state, effects};
}

test('the list cursor moves and stops at both ends', t => {
	t.is(press(['j', 'j', 'down']).state.cursor, 3);
	t.is(press(['j', 'k', 'up', 'k']).state.cursor, 0);
	t.is(press(['G']).state.cursor, 9);
	t.is(press(['end', 'j']).state.cursor, 9);
	t.is(press(['G', 'g']).state.cursor, 0);
	t.is(press(['G', 'home']).state.cursor, 0);
});

test('page keys move the list cursor by the rows of the window, and the window follows', t => {
	const down = press(['pagedown']).state;
	t.is(down.cursor, 4);
	t.is(down.listTop, 1);
	t.is(press(['pagedown', 'pagedown', 'pagedown']).state.cursor, 9);
	t.is(press(['G', 'pageup']).state.cursor, 5);
	const bottom = press(['G']).state;
	t.is(bottom.listTop, 6);
	t.is(press(['G', 'k', 'k', 'k']).state.listTop, 6);
	t.is(press(['G', 'k', 'k', 'k', 'k']).state.listTop, 5);
});

test('the list window scrolls only when the cursor would leave it', t => {
	t.is(listWindowTop(0, 3, 4, 10), 0);
	t.is(listWindowTop(0, 4, 4, 10), 1);
	t.is(listWindowTop(5, 6, 4, 10), 5);
	t.is(listWindowTop(5, 2, 4, 10), 2);
	// After a resize to more rows, no empty rows are left below the last article.
	t.is(listWindowTop(8, 9, 6, 10), 4);
	t.is(listWindowTop(3, 0, 4, 2), 0);
});

test('Enter opens the highlighted article and marks it read at once; q goes back with it highlighted', t => {
	const opened = press(['j', 'j', 'enter']);
	t.is(opened.state.screen, 'article');
	t.is(opened.state.articleId, 'a2');
	t.is(opened.state.offset, 0);
	t.deepEqual(opened.effects, [{type: 'set-read', ids: ['a2'], read: true}]);
	const back = press(['j', 'j', 'q'], opened.state);
	t.is(back.state.screen, 'list');
	t.is(back.state.cursor, 2);
	t.false(back.state.isDone);
	// Two lines down in a 100-line article: the place is remembered as the reader leaves.
	t.deepEqual(back.effects, [{type: 'set-position', id: 'a2', fraction: 2 / 80}, {type: 'refresh-read-state'}]);
	for (const key of ['escape', 'left', 'h']) {
		t.is(press([key], opened.state).state.screen, 'list', key);
	}

	for (const key of ['right', 'l']) {
		t.is(press([key]).state.screen, 'article', key);
	}
});

test('opening an article that is read already sets nothing', t => {
	t.deepEqual(press(['enter'], createInitialState(), context({reads: new Set(['a0'])})).effects, []);
});

test('the pager scrolls by line, page and half page and stays within the article', t => {
	const open = press(['enter']).state;
	t.is(press(['j', 'down', 'j'], open).state.offset, 3);
	t.is(press(['j', 'k', 'up'], open).state.offset, 0);
	t.is(press(['space'], open).state.offset, 20);
	t.is(press(['pagedown', 'f'], open).state.offset, 40);
	t.is(press(['space', 'space', 'b'], open).state.offset, 20);
	t.is(press(['space', 'pageup'], open).state.offset, 0);
	t.is(press(['d'], open).state.offset, 10);
	t.is(press(['d', 'd', 'u'], open).state.offset, 10);
	t.is(press(['G'], open).state.offset, 80);
	t.is(press(['end', 'j', 'space'], open).state.offset, 80);
	t.is(press(['G', 'g'], open).state.offset, 0);
	t.is(press(['G', 'home'], open).state.offset, 0);
});

test('a short article does not scroll', t => {
	const world = context({lineCount: 5});
	const open = press(['enter'], createInitialState(), world).state;
	t.is(press(['space', 'j', 'G'], open, world).state.offset, 0);
});

test('J and K open the next and previous articles, marking them read, and stop at the ends', t => {
	const open = press(['j', 'enter']).state;
	const next = press(['J'], open);
	t.is(next.state.articleId, 'a2');
	t.is(next.state.cursor, 2);
	t.deepEqual(next.effects, [{type: 'set-read', ids: ['a2'], read: true}]);
	t.is(press(['K', 'K'], open).state.articleId, 'a0');
	t.is(press(['K', 'K'], open).state.status, 'This is the first article');
	const last = press(['G', 'enter', 'J']).state;
	t.is(last.articleId, 'a9');
	t.is(last.status, 'This is the last article');
	// Scrolled down in one article, the next one starts at its top.
	t.is(press(['space', 'J'], open).state.offset, 0);
});

test('Tab opens the next unread article, wrapping around, and says when there is none', t => {
	const reads = new Set(['a1', 'a2', 'a3']);
	const world = context({reads});
	const open = press(['enter'], createInitialState(), world).state;
	t.is(press(['tab'], open, world).state.articleId, 'a4');
	const allButOne = context({reads: new Set(['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8'])});
	const fromEnd = press(['G', 'k', 'enter', 'tab'], createInitialState(), allButOne).state;
	t.is(fromEnd.articleId, 'a9');
	const everyRead = context({reads: new Set(articles(10).map(article => article.id))});
	const none = press(['enter', 'tab'], createInitialState(), everyRead).state;
	t.is(none.articleId, 'a0');
	t.is(none.status, 'No more unread articles');
});

test('o opens web and mail links only, and says so when there is no URL', t => {
	const world = context({articles: articles(3, index => ({url: ['https://example.com/a', undefined, 'file:///etc/passwd'][index]}))});
	const web = press(['enter', 'o'], createInitialState(), world);
	t.deepEqual(web.effects.at(-1), {type: 'open-url', url: 'https://example.com/a'});
	const none = press(['j', 'enter', 'o'], createInitialState(), world);
	t.is(none.state.status, 'This article has no URL');
	t.false(none.effects.some(effect => effect.type === 'open-url'));
	const file = press(['j', 'j', 'enter', 'o'], createInitialState(), world);
	t.false(file.effects.some(effect => effect.type === 'open-url'));
	t.true(isOpenableUrl('mailto:someone@example.com'));
	t.true(isOpenableUrl('http://example.com'));
	t.false(isOpenableUrl('javascript:alert(1)'));
	t.false(isOpenableUrl('not a url'));
});

test('r toggles the highlighted article', t => {
	t.deepEqual(press(['j', 'r']).effects, [{type: 'set-read', ids: ['a1'], read: true}]);
	t.deepEqual(press(['r'], createInitialState(), context({reads: new Set(['a0'])})).effects, [{type: 'set-read', ids: ['a0'], read: false}]);
});

test('u toggles unread-only and asks for a rebuilt list', t => {
	const start = createInitialState();
	const unread = press(['u'], start).state;
	t.true(unread.unreadOnly);
	t.true(listInputsChanged(start, unread));
	t.false(press(['u', 'u']).state.unreadOnly);
	t.false(listInputsChanged(start, press(['j', 'r']).state));
});

test('A asks first; y marks every unread shown article, anything else marks nothing', t => {
	const world = context({reads: new Set(['a0'])});
	const asking = press(['A'], createInitialState(), world).state;
	t.is(asking.overlay, 'confirm-mark-all');
	const yes = press(['y'], asking, world);
	t.is(yes.state.overlay, 'none');
	t.deepEqual(yes.effects, [{type: 'set-read', ids: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9'], read: true}]);
	t.is(yes.state.status, 'Marked 9 articles read');
	const no = press(['n'], asking, world);
	t.deepEqual(no.effects, []);
	t.is(no.state.overlay, 'none');
	t.is(no.state.status, 'Nothing marked');
	// `q` answers the question; it does not quit.
	t.false(press(['q'], asking, world).state.isDone);
	const everyRead = context({reads: new Set(articles(10).map(article => article.id))});
	t.is(press(['A'], createInitialState(), everyRead).state.overlay, 'none');
});

test('/ collects filter text: Enter keeps it, Esc clears it, Backspace edits it', t => {
	const typing = press(['/', 'r', 'e', 'space', 'd']).state;
	t.true(typing.isTypingFilter);
	t.is(typing.filter, 're d');
	t.is(typing.cursor, 0);
	const kept = press(['enter'], typing).state;
	t.false(kept.isTypingFilter);
	t.is(kept.filter, 're d');
	t.is(press(['escape'], typing).state.filter, '');
	t.is(press(['backspace', 'backspace'], typing).state.filter, 're');
	t.is(press(['/', '東', '京', 'backspace']).state.filter, '東');
	// Command keys are text while typing; q does not quit.
	const q = press(['/', 'q', 'G']).state;
	t.is(q.filter, 'qG');
	t.false(q.isDone);
	t.is(press(['/', 'up', 'tab']).state.filter, '');
});

test('a rebuilt list keeps the highlighted article when it is still shown', t => {
	const start = press(['j', 'j', 'j']).state;
	const shown = articles(10).filter((_, index) => index % 2 === 1);
	const moved = reduce(start, {type: 'list-changed', highlightedId: 'a3'}, context({articles: shown})).state;
	t.is(moved.cursor, 1);
	const gone = reduce(press(['G']).state, {type: 'list-changed', highlightedId: 'a8'}, context({articles: shown})).state;
	t.is(gone.cursor, 4);
	const empty = reduce(start, {type: 'list-changed', highlightedId: 'a3'}, context({articles: []})).state;
	t.is(empty.cursor, 0);
});

test('? shows the help over either screen and any key closes it', t => {
	const help = press(['?']).state;
	t.is(help.overlay, 'help');
	t.is(help.screen, 'list');
	t.is(press(['x'], help).state.overlay, 'none');
	t.is(press(['?'], help).state.overlay, 'none');
	// The key that closes the help does nothing else.
	t.false(press(['q'], help).state.isDone);
	const overArticle = press(['enter', '?']).state;
	t.is(overArticle.overlay, 'help');
	t.is(press(['q'], overArticle).state.screen, 'article');
});

test('a help taller than the window scrolls with the line and page keys', t => {
	const world = context({helpLineCount: 30, pageRows: 20});
	const help = press(['?'], createInitialState(), world).state;
	t.is(press(['j', 'j'], help, world).state.helpOffset, 2);
	t.is(press(['space', 'space'], help, world).state.helpOffset, 10);
	t.is(press(['j'], help, world).state.overlay, 'help');
	t.is(press(['q'], help, world).state.overlay, 'none');
	// A help that fits closes on any key, j included.
	t.is(press(['?', 'j']).state.overlay, 'none');
});

test('q quits from the list; Ctrl-C quits from anywhere', t => {
	const quit = press(['q']);
	t.true(quit.state.isDone);
	t.deepEqual(quit.effects, [{type: 'quit'}]);
	for (const keys of [['ctrl+c'], ['enter', 'ctrl+c'], ['/', 'ctrl+c'], ['?', 'ctrl+c'], ['A', 'ctrl+c']]) {
		const result = press(keys);
		t.true(result.state.isDone, keys.join(' '));
		t.deepEqual(result.effects.at(-1), {type: 'quit'});
	}
});

test('a status message lasts until the next key', t => {
	const start = createInitialState({status: 'a warning'});
	t.is(start.status, 'a warning');
	t.is(press(['j'], start).state.status, undefined);
	t.is(reduce(start, {type: 'status', text: 'x'}, context()).state.status, 'x');
});

test('an empty list neither moves nor opens', t => {
	const world = context({articles: []});
	t.is(press(['j', 'G', 'pagedown'], createInitialState(), world).state.cursor, 0);
	const open = press(['enter'], createInitialState(), world);
	t.is(open.state.screen, 'list');
	t.deepEqual(open.effects, []);
	t.deepEqual(press(['r'], createInitialState(), world).effects, []);
	t.is(press(['A'], createInitialState(), world).state.overlay, 'none');
});

test('a re-wrap keeps the reading position proportionally; reload rebuilds the list', t => {
	const open = press(['enter', 'space', 'space']).state;
	t.is(reduce(open, {type: 'relayout', oldLineCount: 100, newLineCount: 200}, context({lineCount: 200})).state.offset, 80);
	const reloaded = reduce(open, {type: 'reload'}, context()).state;
	t.true(listInputsChanged(open, reloaded));
});

test('the reducer does not mutate the state it is given', t => {
	const start = Object.freeze(createInitialState());
	t.notThrows(() => press(['j', 'enter', 'space', 'q', '/', 'a', 'enter', 'u', 'A', 'y', '?', 'x'], start));
	t.is(start.cursor, 0);
});

test('positions are kept valid for the window when it changes size', t => {
	const open = press(['enter', 'G']).state;
	t.is(open.offset, 80);
	// A taller window: the last page is full, so the offset comes back.
	t.is(reduce(open, {type: 'resize'}, context({pageRows: 50})).state.offset, 50);
	const list = press(['G']).state;
	t.is(list.listTop, 6);
	t.is(reduce(list, {type: 'resize'}, context({listRows: 8})).state.listTop, 2);
	const help = press(['?', 'G'], createInitialState(), context({helpLineCount: 30, pageRows: 20})).state;
	t.is(help.helpOffset, 10);
	t.is(reduce(help, {type: 'resize'}, context({helpLineCount: 30, pageRows: 25})).state.helpOffset, 5);
});

test('the filter and the y/n question take their keys from the key map; ? is text while typing', t => {
	t.is(press(['/', '?', 'enter']).state.filter, '?');
	t.is(press(['/', '?']).state.overlay, 'none');
	const asking = press(['A']).state;
	t.is(press(['Y'], asking).state.status, 'Marked 10 articles read');
	t.is(press(['escape'], asking).state.status, 'Nothing marked');
	t.is(press(['?'], asking).state.overlay, 'none');
});

test('/ in the pager searches the article: Enter goes to the first match below the top, n and N step and wrap', t => {
	const matches = [{line: 5, start: 0, end: 3}, {line: 40, start: 2, end: 5}, {line: 90, start: 0, end: 3}];
	const world = context({findMatches: query => (query === 'cat' ? matches : [])});
	const open = press(['enter', 'space'], createInitialState(), world).state;
	const typing = press(['/', 'c', 'a', 't'], open, world).state;
	t.is(typing.searchInput, 'cat');
	t.is(typing.offset, 20);
	const found = press(['enter'], typing, world).state;
	t.is(found.searchInput, undefined);
	t.is(found.search, 'cat');
	t.is(found.matchIndex, 1);
	t.is(found.offset, 38);
	t.is(press(['n'], found, world).state.matchIndex, 2);
	t.is(press(['n'], found, world).state.offset, 80);
	const wrapped = press(['n', 'n'], found, world).state;
	t.is(wrapped.matchIndex, 0);
	t.is(wrapped.status, 'Search hit the end, continuing at the top');
	t.is(press(['N', 'N'], found, world).state.matchIndex, 2);
	t.is(press(['/', 'd', 'o', 'g', 'enter'], open, world).state.status, 'Not found: dog');
	t.is(press(['/', 'x', 'escape'], open, world).state.search, '');
	t.regex(press(['n'], open, world).state.status!, /^No search: press \/ to search this article$/);
	// Typed keys are text: q does not leave the article while typing.
	t.is(press(['/', 'q'], open, world).state.screen, 'article');
	// Leaving the article ends its search.
	t.is(press(['q'], found, world).state.search, '');
});

test('r in the pager toggles the open article read or unread', t => {
	const open = press(['enter']).state;
	t.deepEqual(press(['r'], open, context({reads: new Set(['a0'])})).effects, [{type: 'set-read', ids: ['a0'], read: false}]);
	t.deepEqual(press(['r'], open).effects, [{type: 'set-read', ids: ['a0'], read: true}]);
});

test('s stars the highlighted or open article; S shows only starred ones', t => {
	t.deepEqual(press(['j', 's']).effects, [{type: 'set-starred', ids: ['a1'], starred: true}]);
	// The reducer says so; `S` is named only where it works (the list).
	t.is(press(['j', 's']).state.status, 'Starred: S shows only starred articles');
	t.is(press(['enter', 's']).state.status, 'Starred');
	t.deepEqual(press(['s'], createInitialState(), context({stars: new Set(['a0'])})).effects, [{type: 'set-starred', ids: ['a0'], starred: false}]);
	const open = press(['enter']).state;
	t.deepEqual(press(['s'], open).effects, [{type: 'set-starred', ids: ['a0'], starred: true}]);
	const start = createInitialState();
	const starred = press(['S'], start).state;
	t.true(starred.starredOnly);
	t.true(listInputsChanged(start, starred));
});

test('the place in an article is remembered on leaving it, forgotten at the end, and found again on opening', t => {
	const open = press(['enter', 'space']).state;
	t.deepEqual(press(['q'], open).effects[0], {type: 'set-position', id: 'a0', fraction: 20 / 80});
	t.deepEqual(press(['J'], open).effects[0], {type: 'set-position', id: 'a0', fraction: 20 / 80});
	t.deepEqual(press(['ctrl+c'], open).effects, [{type: 'set-position', id: 'a0', fraction: 20 / 80}, {type: 'quit'}]);
	// Finished (at the end): the remembered place is forgotten.
	const positions = new Map([['a0', 0.5]]);
	t.deepEqual(press(['G', 'q'], open, context({positions})).effects[0], {type: 'set-position', id: 'a0', fraction: undefined});
	// Never scrolled, nothing remembered: no effect at all.
	t.deepEqual(press(['enter', 'q']).effects, [{type: 'set-read', ids: ['a0'], read: true}, {type: 'refresh-read-state'}]);
	// Opening finds the place again, as a fraction of the article at its current width.
	const reopened = reduce(press(['enter']).state, {type: 'article-opened'}, context({positions, lineCount: 200})).state;
	t.is(reopened.offset, 90);
});

test('L lists the article\'s links; Enter opens the highlighted one; a number and Enter open that link', t => {
	const links = [
		{number: 1, text: 'notice', url: 'https://example.com/notice'},
		{number: 2, text: 'script', url: 'javascript:alert(1)'},
		{number: 12, text: 'mail', url: 'mailto:desk@example.com'},
	];
	const world = context({links});
	const open = press(['enter'], createInitialState(), world).state;
	const list = press(['L'], open, world).state;
	t.is(list.overlay, 'links');
	t.deepEqual(press(['enter'], list, world).effects, [{type: 'open-url', url: 'https://example.com/notice'}]);
	t.deepEqual(press(['j', 'j', 'j', 'enter'], list, world).effects, [{type: 'open-url', url: 'mailto:desk@example.com'}]);
	const refused = press(['j', 'enter'], list, world);
	t.deepEqual(refused.effects, []);
	t.is(refused.state.status, 'Only http, https and mailto links are opened');
	t.is(press(['escape'], list, world).state.overlay, 'none');
	// Straight from the pager: digits, then Enter.
	const typed = press(['1', '2'], open, world).state;
	t.is(typed.linkNumber, '12');
	t.regex(typed.status!, /Link \[12\]: Enter opens mailto:desk@example.com/);
	t.deepEqual(press(['enter'], typed, world).effects, [{type: 'open-url', url: 'mailto:desk@example.com'}]);
	t.is(press(['9', 'enter'], open, world).state.status, 'No link with that number');
	// Another key gives the number up and does its own thing.
	const gaveUp = press(['1', 'space'], open, world).state;
	t.is(gaveUp.linkNumber, '');
	t.is(gaveUp.offset, 20);
	t.is(press(['L'], open).state.status, 'This article has no links');
});

test('F shows the feeds; Enter shows a feed\'s articles and q comes back; R fetches once at a time', t => {
	const feeds = [{name: 'Gazette', folder: 'gazette', unread: 2, total: 5, isFailed: false}, {name: 'Courier', folder: 'courier', unread: 0, total: 1, isFailed: true}];
	const world = context({feeds});
	const shown = press(['F'], createInitialState(), world);
	t.is(shown.state.screen, 'feeds');
	t.deepEqual(shown.effects, [{type: 'load-feeds'}]);
	const opened = press(['j', 'enter'], shown.state, world).state;
	t.is(opened.screen, 'list');
	t.is(opened.feedFolder, 'courier');
	t.true(listInputsChanged(shown.state, opened));
	const back = press(['q'], opened, world);
	t.is(back.state.screen, 'feeds');
	t.is(back.state.feedFolder, undefined);
	t.false(back.state.isDone);
	t.is(press(['F'], shown.state, world).state.screen, 'list');
	t.true(press(['q'], shown.state, world).state.isDone);
	const fetching = press(['R'], createInitialState(), world);
	t.deepEqual(fetching.effects, [{type: 'fetch-feeds'}]);
	t.true(fetching.state.isFetching);
	t.is(press(['R'], fetching.state, world).state.status, 'A fetch is running already');
	t.deepEqual(press(['R'], shown.state, world).effects, [{type: 'fetch-feeds'}]);
	const ended = reduce(fetching.state, {type: 'fetch-ended', message: 'Fetched: 2 feeds, 3 new articles, 0 failed'}, world).state;
	t.false(ended.isFetching);
	t.is(ended.status, 'Fetched: 2 feeds, 3 new articles, 0 failed');
});
