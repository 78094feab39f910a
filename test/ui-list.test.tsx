import test from 'ava';
import {render} from 'ink-testing-library';
import {bindingsFor, contextTitle, formatKeys, keyBindings} from '../source/core/reader/keymap.js';
import {unreadMarker} from '../source/core/reader/list-row.js';
import App from '../source/ui/App.js';
import {highlightedRow, keys, makeServices, sampleArticles, waitForFrame} from './fixtures/ui/services.js';

const width = 100;
const height = 30;

function start(services = makeServices(), size = {width, height}) {
	let quits = 0;
	const app = render(<App services={services} width={size.width} height={size.height} onQuit={() => quits++}/>);
	return {...app, services, quits: () => quits};
}

function escapeRegExp(text: string): string {
	return text.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);
}

function rows(frame: string): string[] {
	return frame.split('\n');
}

test('the list shows a header, one row per article and a status line, within rows - 1', async t => {
	const {lastFrame, unmount} = start(makeServices({skipped: 2, read: ['glyph/terminal']}));
	const frame = await waitForFrame(lastFrame, frame => frame.includes('5 unread'), 'the header');
	const lines = rows(frame);
	t.is(lines[0], 'inkwire · data · 6 articles · 5 unread · 2 skipped');
	t.true(lines[1]!.startsWith(`❯ ${unreadMarker}  2026-04-11  The Meridian Review`));
	t.true(lines[1]!.includes('Reed pens and patience'));
	t.true(lines[2]!.startsWith('     2025-11-20  Glyph and Grid'), 'a read article has no marker');
	t.regex(lines.at(-1)!, /Enter open.*\? help$/);
	t.is(lines.length, height - 1);
	for (const line of lines) {
		t.true(line.length <= width);
	}

	unmount();
});

test('Enter opens the article and marks it read; q goes back with the same article highlighted and its marker gone', async t => {
	const {lastFrame, stdin, services, unmount} = start();
	await waitForFrame(lastFrame, frame => frame.includes('inkwire'), 'the list');
	stdin.write('j');
	await waitForFrame(lastFrame, frame => highlightedRow(frame)?.includes('Why your terminal') ?? false, 'the second row highlighted');
	stdin.write(keys.enter);
	const article = await waitForFrame(lastFrame, frame => frame.includes('Body line 1 of glyph/terminal'), 'the article');
	t.true(article.startsWith(' Why your terminal miscounts text'));
	t.deepEqual(services.setReadCalls, [{ids: ['glyph/terminal'], read: true}]);
	t.regex(rows(article).at(-1)!, /lines 1-28 of \d+ · 0% · \? help$/);
	t.is(rows(article).length, height - 1);
	stdin.write(keys.pageDown);
	await waitForFrame(lastFrame, frame => frame.includes('lines 29-56'), 'the next page');
	stdin.write('q');
	const list = await waitForFrame(lastFrame, frame => frame.includes('inkwire · data'), 'the list again');
	const row = highlightedRow(list)!;
	t.true(row.includes('Why your terminal'));
	t.false(row.includes(unreadMarker));
	t.true(list.includes('5 unread'));
	unmount();
});

test('r toggles the marker of the highlighted article, both ways', async t => {
	const {lastFrame, stdin, services, unmount} = start();
	await waitForFrame(lastFrame, frame => frame.includes('6 unread'), 'the list');
	stdin.write('r');
	let frame = await waitForFrame(lastFrame, frame => frame.includes('5 unread'), 'one fewer unread');
	t.false(highlightedRow(frame)!.includes(unreadMarker));
	t.true(services.reads.has('meridian/reed-pens'));
	stdin.write('r');
	frame = await waitForFrame(lastFrame, frame => frame.includes('6 unread'), 'unread again');
	t.true(highlightedRow(frame)!.includes(unreadMarker));
	t.false(services.reads.has('meridian/reed-pens'));
	unmount();
});

test('/ filters by title and source: Enter keeps the filter, Esc clears it', async t => {
	const {lastFrame, stdin, unmount} = start();
	await waitForFrame(lastFrame, frame => frame.includes('inkwire'), 'the list');
	stdin.write('/');
	await waitForFrame(lastFrame, frame => frame.includes('Filter: ▏'), 'the filter prompt');
	for (const character of 'HARBOUR') {
		stdin.write(character);
		// eslint-disable-next-line no-await-in-loop
		await waitForFrame(lastFrame, frame => frame.includes('Filter: '), 'the typed text');
	}

	let frame = await waitForFrame(lastFrame, frame => frame.includes('filter: HARBOUR'), 'the filtered list');
	t.true(frame.includes('Dredging delay'));
	t.false(frame.includes('Reed pens'));
	t.true(frame.includes('1 shown'));
	stdin.write(keys.enter);
	frame = await waitForFrame(lastFrame, frame => frame.includes('Enter open'), 'the hints back');
	t.true(frame.includes('filter: HARBOUR'));
	// Keys are commands again: q would quit, so test with j (nothing below) and r.
	stdin.write('r');
	frame = await waitForFrame(lastFrame, frame => frame.includes('5 unread'), 'the filtered article marked');
	stdin.write('/');
	await waitForFrame(lastFrame, frame => frame.includes('Filter: HARBOUR'), 'the prompt with the kept text');
	stdin.write(keys.escape);
	frame = await waitForFrame(lastFrame, frame => frame.includes('Reed pens'), 'the whole list');
	t.false(frame.includes('filter:'));
	t.true(highlightedRow(frame)!.includes('Dredging delay'), 'the filtered article stays highlighted');
	unmount();
});

test('a filter that matches nothing says so', async t => {
	const {lastFrame, stdin, unmount} = start();
	await waitForFrame(lastFrame, frame => frame.includes('inkwire'), 'the list');
	stdin.write('/');
	stdin.write('zzz');
	const frame = await waitForFrame(lastFrame, frame => frame.includes('No articles match'), 'the empty message');
	t.true(frame.includes('0 shown'));
	unmount();
});

test('u shows only unread articles, and again all', async t => {
	const {lastFrame, stdin, unmount} = start(makeServices({read: ['meridian/reed-pens', 'millbrook/seeds']}));
	await waitForFrame(lastFrame, frame => frame.includes('4 unread'), 'the list');
	stdin.write('u');
	let frame = await waitForFrame(lastFrame, frame => rows(frame)[0]!.includes('unread only'), 'unread only');
	t.false(frame.includes('Reed pens'));
	t.false(frame.includes('Library starts'));
	t.true(frame.includes('4 shown'));
	t.true(highlightedRow(frame)!.includes('Why your terminal'));
	stdin.write('u');
	frame = await waitForFrame(lastFrame, frame => !rows(frame)[0]!.includes('unread only'), 'all again');
	t.true(frame.includes('Reed pens'));
	t.true(highlightedRow(frame)!.includes('Why your terminal'), 'the highlight stays on the same article');
	unmount();
});

test('A asks before marking all read, and y marks them', async t => {
	const {lastFrame, stdin, services, unmount} = start();
	await waitForFrame(lastFrame, frame => frame.includes('6 unread'), 'the list');
	stdin.write('A');
	await waitForFrame(lastFrame, frame => frame.includes('Mark 6 shown articles read? y/n'), 'the question');
	t.is(services.reads.size, 0);
	stdin.write('y');
	const frame = await waitForFrame(lastFrame, frame => frame.includes('0 unread'), 'all read');
	t.true(frame.includes('Marked 6 articles read'));
	t.false(frame.includes(unreadMarker));
	t.is(services.reads.size, sampleArticles.length);
	unmount();
});

test('moving past the window scrolls the list, and G and g jump to the ends', async t => {
	const many = Array.from({length: 200}, (_, index) => ({...sampleArticles[0]!, id: `n${index}`, title: `Numbered article ${index}`}));
	const {lastFrame, stdin, unmount} = start(makeServices({articles: many}));
	await waitForFrame(lastFrame, frame => frame.includes('200 articles'), 'the list');
	stdin.write('G');
	let frame = await waitForFrame(lastFrame, frame => highlightedRow(frame)?.includes('Numbered article 199') ?? false, 'the last article');
	t.is(rows(frame).length, height - 1);
	t.true(rows(frame).at(-2)!.includes('Numbered article 199'));
	stdin.write(keys.pageUp);
	frame = await waitForFrame(lastFrame, frame => highlightedRow(frame)?.includes('Numbered article 172') ?? false, 'a page up');
	stdin.write('g');
	frame = await waitForFrame(lastFrame, frame => highlightedRow(frame)?.includes('Numbered article 0') ?? false, 'the first article');
	t.true(rows(frame)[1]!.includes('Numbered article 0'));
	stdin.write(keys.end);
	await waitForFrame(lastFrame, frame => highlightedRow(frame)?.includes('Numbered article 199') ?? false, 'End');
	stdin.write(keys.home);
	await waitForFrame(lastFrame, frame => highlightedRow(frame)?.includes('Numbered article 0') ?? false, 'Home');
	stdin.write(keys.pageDown);
	await waitForFrame(lastFrame, frame => highlightedRow(frame)?.includes('Numbered article 27') ?? false, 'a page down');
	unmount();
});

test('? shows every key of the key map, and any key closes the help', async t => {
	// Tall enough for the whole help in one column or two.
	const {lastFrame, stdin, unmount} = start(makeServices(), {width, height: 80});
	await waitForFrame(lastFrame, frame => frame.includes('inkwire'), 'the list');
	stdin.write('?');
	const frame = await waitForFrame(lastFrame, frame => frame.includes('Any key closes the help'), 'the help');
	for (const context of ['list', 'article', 'links', 'filter', 'search', 'confirm', 'global'] as const) {
		t.true(frame.includes(contextTitle(context)));
		for (const binding of bindingsFor(context)) {
			// The keys, in a column, then the description: the pairing is what the user reads.
			t.regex(frame, new RegExp(`${escapeRegExp(formatKeys(binding))} +${escapeRegExp(binding.description)}`), binding.description);
		}
	}

	t.true(keyBindings.length > 20);
	stdin.write('x');
	await waitForFrame(lastFrame, frame => frame.includes('Enter open'), 'the list again');
	unmount();
});

test('in a short window the help scrolls instead of overflowing', async t => {
	const {lastFrame, stdin, unmount} = start(makeServices(), {width: 60, height: 12});
	await waitForFrame(lastFrame, frame => frame.includes('inkwire'), 'the list');
	stdin.write('?');
	let frame = await waitForFrame(lastFrame, frame => frame.includes('any other key closes'), 'the help');
	t.is(rows(frame).length, 11);
	t.false(frame.includes('Quit from anywhere'));
	stdin.write('G');
	frame = await waitForFrame(lastFrame, frame => frame.includes('Quit from anywhere'), 'the end of the help');
	t.is(rows(frame).length, 11);
	unmount();
});

test('q quits from the list and Ctrl-C from the article', async t => {
	const first = start();
	await waitForFrame(first.lastFrame, frame => frame.includes('inkwire'), 'the list');
	first.stdin.write('q');
	await waitForFrame(() => String(first.quits()), quits => quits === '1', 'a quit');
	first.unmount();
	const second = start();
	await waitForFrame(second.lastFrame, frame => frame.includes('inkwire'), 'the list');
	second.stdin.write(keys.enter);
	await waitForFrame(second.lastFrame, frame => frame.includes('Body line 1'), 'the article');
	second.stdin.write(keys.ctrlC);
	await waitForFrame(() => String(second.quits()), quits => quits === '1', 'a quit');
	second.unmount();
	t.pass();
});

test('an empty store gets a screen that says where inkwire looked and what it reads', async t => {
	const {lastFrame, stdin, unmount, quits} = start(makeServices({articles: []}));
	const frame = await waitForFrame(lastFrame, frame => frame.includes('No articles were found'), 'the empty store screen');
	t.true(frame.includes('/home/reader/news/data'));
	t.true(frame.includes('.md and .markdown'));
	t.true(frame.includes('.txt'));
	t.true(rows(frame).length <= height - 1);
	stdin.write('q');
	await waitForFrame(() => String(quits()), value => value === '1', 'a quit');
	unmount();
});

test('warnings are shown once in the status line', async t => {
	const {lastFrame, stdin, unmount} = start(makeServices({warnings: ['2 files skipped: bad front matter']}));
	const frame = await waitForFrame(lastFrame, frame => frame.includes('inkwire'), 'the list');
	t.true(rows(frame).at(-1)!.startsWith('2 files skipped: bad front matter'));
	stdin.write('j');
	await waitForFrame(lastFrame, frame => frame.includes('Enter open'), 'the hints');
	unmount();
});

test('text from article metadata cannot reach the terminal as control sequences', async t => {
	const hostile = [{...sampleArticles[0]!, title: 'Evil\u001B[2J\u001B]8;;http://x\u0007title\u202E', source: 'Src\u0007\u009B31m'}];
	const {lastFrame, unmount} = start(makeServices({articles: hostile}));
	const frame = await waitForFrame(lastFrame, frame => frame.includes('inkwire'), 'the list');
	t.true(frame.includes('Eviltitle'));
	t.false(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202E]/.test(frame));
	unmount();
});

test('a large store shows its unread count right after the first frame', async t => {
	const many = Array.from({length: 10_001}, (_, index) => ({...sampleArticles[0]!, id: `n${index}`, title: `Numbered article ${index}`}));
	const {lastFrame, unmount} = start(makeServices({articles: many, read: ['n0', 'n1']}));
	const frame = await waitForFrame(lastFrame, frame => frame.includes('9,999 unread'), 'the count');
	t.true(rows(frame)[0]!.startsWith('inkwire · data · 10,001 articles · 9,999 unread'));
	t.is(rows(frame).length, height - 1);
	unmount();
});
