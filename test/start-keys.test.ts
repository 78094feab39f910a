import test from 'ava';
import fc from 'fast-check';
import type {ArticleMeta} from '../source/core/article/article.js';
import {keyBindings} from '../source/core/reader/keymap.js';
import {formatCount} from '../source/core/reader/screen-text.js';
import {reduce, type Effect, type ReaderContext, type ReaderState} from '../source/core/reader/state.js';
import {createStartKeys, maximumQueuedKeys, pressStartKey, startContext, type StartKeys} from '../source/core/reader/start-keys.js';

function articles(count: number): ArticleMeta[] {
	return Array.from({length: count}, (_, index) => ({id: `a${index}`, title: `Title ${index}`, tags: [], words: 10, readingMinutes: 1}));
}

const windows = {listRows: 5, pageRows: 6};
const reads = {isRead: (id: string) => id === 'a3'};

/** Keys on the first screen, which knows the first `known` of `all`; stops at a quit. */
function pressAll(keys: readonly string[], all: readonly ArticleMeta[], known: number, total: number | undefined = all.length): {start: StartKeys; outcomes: string[]} {
	const context = startContext({articles: all.slice(0, known), total}, windows, reads);
	let start = createStartKeys();
	const outcomes: string[] = [];
	for (const key of keys) {
		const pressed = pressStartKey(start, key, context, known);
		start = pressed.start;
		outcomes.push(pressed.outcome);
		if (pressed.outcome === 'quit' || pressed.outcome === 'force-quit') {
			break;
		}
	}

	return {start, outcomes};
}

test('moves inside the rows the first screen knows are shown at once', t => {
	const {start, outcomes} = pressAll(['j', 'down', 'j', 'k'], articles(100), 20);
	t.deepEqual(outcomes, ['moved', 'moved', 'moved', 'moved']);
	t.is(start.state.cursor, 2);
	t.deepEqual(start.queued, []);
	t.is(pressAll(['k'], articles(100), 20).outcomes[0], 'unchanged');
});

test('a key that would show a row the first screen does not know waits, and every key after it', t => {
	// 20 rows known, windows of 5: three page-downs reach row 15 (window 15-19), the fourth would show rows 20-24.
	const {start, outcomes} = pressAll(['pagedown', 'pagedown', 'pagedown', 'pagedown', 'k', 'g'], articles(100), 20);
	t.deepEqual(outcomes, ['moved', 'moved', 'moved', 'queued', 'queued', 'queued']);
	t.is(start.state.cursor, 15);
	t.deepEqual(start.queued, ['pagedown', 'k', 'g']);
});

test('G goes to the last article when the whole list is known, and waits when it is not', t => {
	t.is(pressAll(['G'], articles(12), 12).start.state.cursor, 11);
	t.deepEqual(pressAll(['G'], articles(100), 20).start.queued, ['G']);
	// Unread only, a head that is not the whole list: the length is unknown, G waits too.
	t.deepEqual(pressAll(['G'], articles(100), 20, undefined).start.queued, ['G']);
});

test('q quits and Ctrl-C force-quits, also behind waiting keys; help, filter and marks wait', t => {
	t.deepEqual(pressAll(['j', 'q'], articles(30), 30).outcomes, ['moved', 'quit']);
	t.deepEqual(pressAll(['?', 'q', 'ctrl+c'], articles(30), 30).outcomes, ['queued', 'queued', 'force-quit']);
	t.deepEqual(pressAll(['/', 'r', 'u', 'A'], articles(30), 30).start.queued, ['/', 'r', 'u', 'A']);
});

test('Enter opens the highlighted article with its read mark pending, and later keys wait for the reader', t => {
	const {start, outcomes} = pressAll(['j', 'enter', 'space', 'q'], articles(30), 30);
	t.deepEqual(outcomes, ['moved', 'opened', 'queued', 'queued']);
	t.is(start.state.screen, 'article');
	t.is(start.state.articleId, 'a1');
	t.deepEqual(start.effects, [{type: 'set-read', ids: ['a1'], read: true}]);
	t.deepEqual(start.queued, ['space', 'q']);
});

test('with no list on screen (a first index), keys wait, q and Ctrl-C still quit', t => {
	const context = startContext(undefined, windows, reads);
	const pressed = pressStartKey(createStartKeys(), 'j', context, 0);
	t.is(pressed.outcome, 'queued');
	t.is(pressStartKey(pressed.start, 'ctrl+c', context, 0).outcome, 'force-quit');
	t.is(pressStartKey(createStartKeys(), 'q', context, 0).outcome, 'quit');
});

test('the queue is bounded: keys past the limit are counted, not kept', t => {
	const {start} = pressAll(Array.from({length: maximumQueuedKeys + 5}, () => '?'), articles(10), 10);
	t.is(start.queued.length, maximumQueuedKeys);
	t.is(start.dropped, 5);
});

// The property the hand-over rests on: keys pressed on the first screen, then its queue replayed by the reader over
// the whole list, end in the same state with the same effects as the same keys pressed on the reader itself.
test('first screen then reader is the same as the reader alone, for any keys', t => {
	const names = [...new Set(keyBindings.flatMap(binding => binding.keys)), 'x'].filter(key => key !== 'ctrl+c' && key !== 'ctrl+z');
	const all = articles(60);
	const full: ReaderContext = {...startContext({articles: all, total: all.length}, windows, reads), lineCount: 40, helpLineCount: 12};
	fc.assert(fc.property(fc.array(fc.constantFrom(...names), {maxLength: 30}), fc.integer({min: 1, max: 60}), (keys, known) => {
		let alone: ReaderState = createStartKeys().state;
		const aloneEffects: Effect[] = [];
		for (const key of keys) {
			const next = reduce(alone, {type: 'key', key}, full);
			alone = next.state;
			aloneEffects.push(...next.effects);
			if (next.effects.some(effect => effect.type === 'quit')) {
				break;
			}
		}

		const {start, outcomes} = pressAll(keys, all, known);
		let state = start.state;
		const effects: Effect[] = [...start.effects];
		if (outcomes.at(-1) === 'quit') {
			effects.push({type: 'quit'});
			state = {...state, isDone: true};
		}

		for (const key of start.queued) {
			const next = reduce(state, {type: 'key', key}, full);
			state = next.state;
			effects.push(...next.effects);
			if (next.effects.some(effect => effect.type === 'quit')) {
				break;
			}
		}

		t.deepEqual({...state, status: undefined}, {...alone, status: undefined}, keys.join(' '));
		t.deepEqual(effects, aloneEffects, keys.join(' '));
	}), {numRuns: 300});
});

test('counts are written with thousands separators, as toLocaleString does', t => {
	fc.assert(fc.property(fc.integer({min: -1e12, max: 1e12}), count => formatCount(count) === count.toLocaleString('en-US')));
	t.is(formatCount(100_000), '100,000');
	t.is(formatCount(999), '999');
});
