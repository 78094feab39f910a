import test from 'ava';
import type {ArticleMeta} from '../source/core/article/article.js';
import {filterArticles} from '../source/core/store/library.js';
import {createInitialState, type ReaderState} from '../source/core/reader/state.js';
import {createShownArticles} from '../source/ui/use-shown-articles.js';

const words = ['Syria', 'ferry', 'Harbour', 'seeds', 'İstanbul', '東京', 'marathon', 'lichen'];
const articles: ArticleMeta[] = Array.from({length: 300}, (_, index) => ({
	id: `a${index}`,
	title: `${words[index % words.length]!} story ${index}`,
	source: index % 5 === 0 ? undefined : `The ${words[(index * 3) % words.length]!} Gazette`,
	tags: [],
	words: 1,
	readingMinutes: 1,
}));
const reads = new Set(articles.filter((_, index) => index % 3 === 0).map(article => article.id));
const lookup = {isRead: (id: string) => reads.has(id)};

function state(fields: Partial<ReaderState>): ReaderState {
	return {...createInitialState(), ...fields};
}

test('the shown list agrees with core/library filterArticles, also while typing on', t => {
	const shownFor = createShownArticles(articles, lookup);
	const sequence = ['', 'h', 'ha', 'har', 'harb', 'HARBOUR', 'harbour g', 'harbou', '', 'story 1', 'story 12', 'gazette', '東', '東京', 'i̇stanbul', 'zzz', 'zz', ''];
	for (const unreadOnly of [false, true]) {
		for (const filter of sequence) {
			const expected = filterArticles(articles, {query: filter, unreadOnly}, lookup);
			t.deepEqual(shownFor(state({filter, unreadOnly})).map(article => article.id), expected.map(article => article.id), `${filter} ${unreadOnly}`);
		}
	}
});

test('the same array comes back until the inputs change, and no filter gives the store list itself', t => {
	const shownFor = createShownArticles(articles, lookup);
	t.is(shownFor(state({})), articles);
	const filtered = shownFor(state({filter: 'ferry'}));
	t.is(shownFor(state({filter: 'ferry', cursor: 3})), filtered);
	t.not(shownFor(state({filter: 'ferry', listGeneration: 1})), filtered);
});

test('a new list generation sees read marks changed since', t => {
	const marks = new Set<string>();
	const shownFor = createShownArticles(articles, {isRead: id => marks.has(id)});
	t.is(shownFor(state({unreadOnly: true, filter: 'ferry'})).length, filterArticles(articles, {query: 'ferry'}, lookup).length);
	for (const article of articles) {
		marks.add(article.id);
	}

	// Marks read in this session leave the list alone until it is rebuilt.
	t.true(shownFor(state({unreadOnly: true, filter: 'ferry'})).length > 0);
	t.is(shownFor(state({unreadOnly: true, filter: 'ferry', listGeneration: 1})).length, 0);
	t.is(shownFor(state({unreadOnly: true, filter: 'ferry s', listGeneration: 1})).length, 0);
});

test('once the full-text index is ready the filter is ranked by it, bodies included, and the views still apply', t => {
	const ready = {
		state: {kind: 'ready' as const},
		start() {},
		find: (query: string) => (query === 'pipes' ? {ids: ['a7', 'a2', 'a3', 'nowhere'], total: 4} : {ids: [], total: 0}),
		subscribe: () => () => {},
	};
	const shownFor = createShownArticles(articles, lookup, ready);
	// Ranked as the index ranks them, not newest first; an id the store does not list is left out.
	t.deepEqual(shownFor(state({filter: 'pipes'})).map(article => article.id), ['a7', 'a2', 'a3']);
	// a3 is read (every third article is).
	t.deepEqual(shownFor(state({filter: 'pipes', unreadOnly: true})).map(article => article.id), ['a7', 'a2']);
	t.deepEqual(shownFor(state({filter: 'none'})).map(article => article.id), []);
	const starredOnly = createShownArticles(articles, {...lookup, isSaved: id => id === 'a2'}, ready);
	t.deepEqual(starredOnly(state({filter: 'pipes', starredOnly: true})).map(article => article.id), ['a2']);
	t.deepEqual(starredOnly(state({starredOnly: true})).map(article => article.id), ['a2']);
});

test('until the index is ready the filter matches titles and sources', t => {
	const building = {state: {kind: 'building' as const, done: 1, total: 2}, start() {}, find: () => undefined, subscribe: () => () => {}};
	const shownFor = createShownArticles(articles, lookup, building);
	t.deepEqual(shownFor(state({filter: 'ferry'})).map(article => article.id), filterArticles(articles, {query: 'ferry'}, lookup).map(article => article.id));
});
