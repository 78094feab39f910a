import test from 'ava';
import {render} from 'ink-testing-library';
import {createInitialState} from '../source/core/reader/state.js';
import App from '../source/ui/App.js';
import {highlightedRow, keys, makeServices, waitForFrame, type FakeServices} from './fixtures/ui/services.js';

const width = 100;
const height = 30;

function rows(frame: string): string[] {
	return frame.split('\n');
}

function statusLine(frame: string): string {
	return rows(frame).at(-1)!;
}

async function openFirst(services: FakeServices = makeServices(), size = {width, height}) {
	const app = render(<App services={services} width={size.width} height={size.height}/>);
	await waitForFrame(app.lastFrame, frame => frame.includes('inkwire'), 'the list');
	app.stdin.write(keys.enter);
	await waitForFrame(app.lastFrame, frame => frame.includes('Body line 1 of'), 'the article');
	return {...app, services};
}

test('the article shows only the window of lines, and its position in the status line', async t => {
	const {lastFrame, services, unmount} = await openFirst();
	const frame = lastFrame()!;
	t.is(rows(frame).length, height - 1);
	// 100 columns: text 98 wide with one column of margin.
	t.deepEqual(services.renders, [{id: 'meridian/reed-pens', width: 98}]);
	t.true(frame.includes(' Reed pens and patience'));
	t.true(frame.includes('Body line 25 of'));
	t.false(frame.includes('Body line 26 of'));
	t.regex(statusLine(frame), /lines 1-28 of 106 · 0% · \? help$/);
	unmount();
});

test('line, page, half-page and end keys scroll the pager', async t => {
	const {lastFrame, stdin, unmount} = await openFirst();
	const steps: Array<[string, string]> = [
		['j', 'lines 2-29 of 106'],
		[keys.down, 'lines 3-30 of 106'],
		['k', 'lines 2-29 of 106'],
		[keys.up, 'lines 1-28 of 106'],
		[' ', 'lines 29-56 of 106'],
		['f', 'lines 57-84 of 106'],
		['b', 'lines 29-56 of 106'],
		[keys.pageDown, 'lines 57-84 of 106'],
		[keys.pageUp, 'lines 29-56 of 106'],
		['d', 'lines 43-70 of 106'],
		['u', 'lines 29-56 of 106'],
		['G', 'lines 79-106 of 106 · 100%'],
		[' ', 'lines 79-106 of 106 · 100%'],
		['g', 'lines 1-28 of 106 · 0%'],
		[keys.end, 'lines 79-106 of 106'],
		[keys.home, 'lines 1-28 of 106'],
	];
	for (const [key, expected] of steps) {
		stdin.write(key);
		// eslint-disable-next-line no-await-in-loop
		const frame = await waitForFrame(lastFrame, frame => statusLine(frame).includes(expected), expected);
		t.is(rows(frame).length, height - 1);
	}

	stdin.write('G');
	const end = await waitForFrame(lastFrame, frame => frame.includes('Body line 103 of'), 'the last line');
	t.false(end.includes('Body line 75 of'));
	unmount();
});

test('J, K and Tab move between articles and mark each read; back highlights the last one', async t => {
	const services = makeServices({read: ['glyph/terminal']});
	const {lastFrame, stdin, unmount} = await openFirst(services);
	stdin.write('J');
	await waitForFrame(lastFrame, frame => frame.includes('Body line 1 of glyph/terminal'), 'the second article');
	stdin.write('\t');
	await waitForFrame(lastFrame, frame => frame.includes('Body line 1 of millbrook/seeds'), 'the next unread');
	stdin.write('K');
	await waitForFrame(lastFrame, frame => frame.includes('Body line 1 of glyph/terminal'), 'the previous article');
	t.deepEqual([...services.reads].sort(), ['glyph/terminal', 'meridian/reed-pens', 'millbrook/seeds']);
	stdin.write(keys.escape);
	const list = await waitForFrame(lastFrame, frame => frame.includes('inkwire · data'), 'the list');
	t.true(highlightedRow(list)!.includes('Why your terminal'));
	t.true(list.includes('3 unread'));
	unmount();
});

test('o opens the URL, and says so when the article has none or one that is not a web link', async t => {
	const services = makeServices();
	const {lastFrame, stdin, unmount} = await openFirst(services);
	stdin.write('o');
	await waitForFrame(lastFrame, frame => /^(?:Opening the article|Opened in the browser)/.test(statusLine(frame)), 'the opening message');
	t.deepEqual(services.opened, ['https://example.com/reed']);
	stdin.write('J');
	await waitForFrame(lastFrame, frame => frame.includes('Body line 1 of glyph/terminal'), 'an article without URL');
	stdin.write('o');
	await waitForFrame(lastFrame, frame => statusLine(frame).startsWith('This article has no URL'), 'the message');
	stdin.write('G');
	await waitForFrame(lastFrame, frame => !statusLine(frame).startsWith('This article'), 'the message gone after a key');
	stdin.write('q');
	await waitForFrame(lastFrame, frame => frame.includes('inkwire · data'), 'the list');
	stdin.write('G');
	await waitForFrame(lastFrame, frame => highlightedRow(frame)?.includes('Russia and Syria') ?? false, 'the last article');
	stdin.write(keys.right);
	await waitForFrame(lastFrame, frame => frame.includes('Body line 1 of asharq/syria'), 'the article with a file URL');
	stdin.write('o');
	await waitForFrame(lastFrame, frame => statusLine(frame).startsWith('Only http, https and mailto'), 'the refusal');
	t.deepEqual(services.opened, ['https://example.com/reed']);
	unmount();
});

test('a failing browser opener shows its message', async t => {
	const services = {...makeServices(), async openUrl() {
		throw new Error('no browser here');
	}};
	const {lastFrame, stdin, unmount} = await openFirst(services as FakeServices);
	stdin.write('o');
	await waitForFrame(lastFrame, frame => statusLine(frame).includes('Could not open the browser: no browser here'), 'the error');
	t.pass();
	unmount();
});

test('an article that cannot be loaded shows why instead of crashing', async t => {
	const services = {...makeServices(), loadArticle() {
		throw new Error('the file went away');
	}};
	const {lastFrame, stdin, unmount} = render(<App services={services as FakeServices} width={width} height={height}/>);
	await waitForFrame(lastFrame, frame => frame.includes('inkwire'), 'the list');
	stdin.write(keys.enter);
	await waitForFrame(lastFrame, frame => frame.includes('Could not open this article: the file went away'), 'the error');
	stdin.write('q');
	const list = await waitForFrame(lastFrame, frame => frame.includes('inkwire · data'), 'the list again');
	t.true(highlightedRow(list)!.includes('Reed pens'));
	unmount();
});

test('a resize re-wraps the article at once and keeps the reading position', async t => {
	const services = makeServices();
	const {lastFrame, stdin, rerender, unmount} = await openFirst(services);
	stdin.write(' ');
	stdin.write(' ');
	await waitForFrame(lastFrame, frame => statusLine(frame).includes('lines 57-84 of 106'), 'two pages down');
	// Half as wide: the fake renderer wraps into twice the lines.
	rerender(<App services={services} width={52} height={height}/>);
	const frame = await waitForFrame(lastFrame, frame => statusLine(frame).includes('of 203'), 'the re-wrapped article');
	t.deepEqual(services.renders.at(-1), {id: 'meridian/reed-pens', width: 50});
	t.regex(statusLine(frame), /lines 108-135 of 203/);
	for (const line of rows(frame)) {
		t.true(line.length <= 52, line);
	}

	// A wide window centres text of at most 100 columns.
	rerender(<App services={services} width={140} height={20}/>);
	const wide = await waitForFrame(lastFrame, frame => statusLine(frame).includes('of 103'), 'the wide layout');
	t.deepEqual(services.renders.at(-1), {id: 'meridian/reed-pens', width: 100});
	t.is(rows(wide).length, 19);
	t.true(rows(wide).some(line => line.startsWith(`${' '.repeat(20)}Body line`)));
	unmount();
});

test('a resize that also changes the height keeps the reading place while the new width renders', async t => {
	const services = makeServices();
	const {lastFrame, stdin, rerender, unmount} = await openFirst(services);
	stdin.write(' ');
	stdin.write(' ');
	await waitForFrame(lastFrame, frame => statusLine(frame).includes('lines 57-84 of 106'), 'two pages down');
	// Narrower and shorter at once: the page size changes while the lines at the new width are still coming.
	rerender(<App services={services} width={52} height={24}/>);
	const frame = await waitForFrame(lastFrame, frame => statusLine(frame).includes('of 203'), 'the re-wrapped article');
	t.regex(statusLine(frame), /lines 108-129 of 203/);
	unmount();
});

test('resized twice, the article keeps its place: the lines on screen while a new width renders are the last shown, not another cached width', async t => {
	const services = makeServices();
	const {lastFrame, stdin, rerender, unmount} = await openFirst(services);
	rerender(<App services={services} width={52} height={height}/>);
	await waitForFrame(lastFrame, frame => statusLine(frame).includes('of 203'), 'the narrow article');
	for (const key of [' ', ' ', ' ', 'd', 'j', 'j']) {
		stdin.write(key);
	}

	await waitForFrame(lastFrame, frame => statusLine(frame).includes('lines 101-128 of 203'), 'half-way down');
	// Wider and shorter at once: 100 of 203 lines is 51 of 103.
	rerender(<App services={services} width={140} height={20}/>);
	const frame = await waitForFrame(lastFrame, frame => statusLine(frame).includes('of 103'), 'the wide article');
	t.regex(statusLine(frame), /lines 52-69 of 103/);
	unmount();
});

test('an article reopened at its remembered place takes the keys typed with Enter in the same burst', async t => {
	const {lastFrame, stdin, unmount} = await openFirst();
	stdin.write(' ');
	stdin.write(' ');
	await waitForFrame(lastFrame, frame => statusLine(frame).includes('lines 57-84 of 106'), 'two pages down');
	stdin.write('q');
	await waitForFrame(lastFrame, frame => !statusLine(frame).includes('lines '), 'the list');
	// Enter and two lines down faster than a frame: the article is rendered already, its place is found at once, and
	// the two lines count from there.
	stdin.write(`${keys.enter}jj`);
	const frame = await waitForFrame(lastFrame, frame => statusLine(frame).includes('lines 59-86 of 106'), 'the place, two lines on');
	t.regex(statusLine(frame), /lines 59-86 of 106/);
	await new Promise(resolve => setTimeout(resolve, 100));
	t.regex(statusLine(lastFrame()!), /lines 59-86 of 106/, 'and it stays there');
	unmount();
});

test('read to the end, a resize of both sides keeps the end in view: the article is still read to 100%', async t => {
	const services = makeServices();
	const {lastFrame, stdin, rerender, unmount} = await openFirst(services);
	stdin.write('G');
	await waitForFrame(lastFrame, frame => statusLine(frame).includes('lines 79-106 of 106 · 100%'), 'the end');
	rerender(<App services={services} width={52} height={24}/>);
	const frame = await waitForFrame(lastFrame, frame => statusLine(frame).includes('of 203'), 'the re-wrapped article');
	t.regex(statusLine(frame), /lines 182-203 of 203 · 100%/);
	unmount();
});

test('rendered lines are cached per article and width', async t => {
	const services = makeServices();
	const {lastFrame, stdin, unmount} = await openFirst(services);
	for (const key of ['j', 'j', ' ', 'b']) {
		stdin.write(key);
	}

	await waitForFrame(lastFrame, frame => statusLine(frame).includes('lines 3-30'), 'scrolled');
	stdin.write('J');
	await waitForFrame(lastFrame, frame => frame.includes('Body line 1 of glyph/terminal'), 'the next article');
	stdin.write('K');
	await waitForFrame(lastFrame, frame => frame.includes('Body line 1 of meridian/reed-pens'), 'the first again');
	t.deepEqual(services.renders.map(render => render.id), ['meridian/reed-pens', 'glyph/terminal']);
	unmount();
});

test('? over the article shows the help, and a key brings the article back where it was', async t => {
	const {lastFrame, stdin, unmount} = await openFirst(makeServices(), {width, height: 60});
	stdin.write('d');
	await waitForFrame(lastFrame, frame => statusLine(frame).includes('lines 30-'), 'half a page down');
	stdin.write('?');
	await waitForFrame(lastFrame, frame => frame.includes('Next unread article'), 'the help');
	stdin.write('q');
	const frame = await waitForFrame(lastFrame, frame => frame.includes('Body line'), 'the article');
	t.regex(statusLine(frame), /lines 30-/);
	unmount();
});

test('Ctrl-Z asks to suspend, from the list and from the article, and the reader goes on after', async t => {
	const {lastFrame, services, stdin, unmount} = await openFirst();
	stdin.write('\u001A');
	await waitForFrame(lastFrame, () => services.suspends.count === 1, 'a suspend from the article');
	stdin.write('q');
	await waitForFrame(lastFrame, frame => frame.includes('inkwire'), 'the list');
	stdin.write('\u001A');
	await waitForFrame(lastFrame, () => services.suspends.count === 2, 'a suspend from the list');
	t.is(services.suspends.count, 2);
	unmount();
});

test('an article shows its title and "Rendering…" until its lines arrive, and keys work meanwhile', async t => {
	const services = makeServices();
	const pending: Array<{id: string; resolve: (lines: readonly string[]) => void}> = [];
	const slow: FakeServices = {
		...services,
		async renderArticle(id: string) {
			return new Promise(resolve => {
				pending.push({id, resolve: lines => {
					resolve({lines, links: []});
				}});
			});
		},
	};
	const {lastFrame, stdin, unmount} = render(<App services={slow} width={width} height={height}/>);
	await waitForFrame(lastFrame, frame => frame.includes('inkwire'), 'the list');
	stdin.write(keys.enter);
	let frame = await waitForFrame(lastFrame, frame => frame.includes('Rendering…'), 'the placeholder');
	t.true(frame.includes('Reed pens and patience'));
	t.notRegex(statusLine(frame), /lines/);
	// Scrolling has nothing to scroll yet; J moves on to the next article and supersedes the first render.
	stdin.write('j');
	stdin.write('J');
	frame = await waitForFrame(lastFrame, frame => frame.includes('Why your terminal miscounts text') && frame.includes('Rendering…'), 'the next placeholder');
	t.deepEqual(pending.map(request => request.id), ['meridian/reed-pens', 'glyph/terminal']);
	pending[1]!.resolve(['Why your terminal miscounts text', '', 'The body, at last']);
	frame = await waitForFrame(lastFrame, frame => frame.includes('The body, at last'), 'the lines');
	t.regex(statusLine(frame), /lines 1-3 of 3/);
	stdin.write('q');
	await waitForFrame(lastFrame, frame => frame.includes('inkwire · data'), 'the list again');
	unmount();
});

test('the status line says so when articles are rendered in the key handler\'s thread', async t => {
	const services = {...makeServices(), renderNotice: 'Articles render in the main thread, keys wait for them (no render worker: gone)'};
	const {lastFrame, unmount} = render(<App services={services} width={width} height={height}/>);
	const frame = await waitForFrame(lastFrame, frame => frame.includes('inkwire'), 'the list');
	t.regex(statusLine(frame), /Articles render in the main thread/);
	unmount();
});

test('the reader takes over from the first screen: its state, the read mark of the article it opened, its queued keys', async t => {
	const services = makeServices();
	const start = {
		state: {...createInitialState(), screen: 'article' as const, cursor: 1, articleId: 'glyph/terminal'},
		effects: [{type: 'set-read' as const, ids: ['glyph/terminal'], read: true}],
		queued: ['space', 'q', 'j'],
		dropped: 0,
		highlightedId: 'glyph/terminal',
	};
	const {lastFrame, unmount} = render(<App services={services} start={start} width={width} height={height}/>);
	// Space paged the article, q went back to the list, j moved down from the article that was open.
	const frame = await waitForFrame(lastFrame, frame => highlightedRow(frame)?.includes('Library starts lending seeds') ?? false, 'the replayed keys');
	t.deepEqual(services.setReadCalls, [{ids: ['glyph/terminal'], read: true}]);
	t.true(frame.includes('inkwire · data'));
	unmount();
});

test('/ searches the article: matches are highlighted and the status line counts them', async t => {
	const {lastFrame, stdin, unmount} = await openFirst();
	stdin.write('/');
	await waitForFrame(lastFrame, frame => statusLine(frame).startsWith('/▏'), 'the search prompt');
	stdin.write('line 3');
	await waitForFrame(lastFrame, frame => statusLine(frame).startsWith('/line 3▏'), 'the typed search');
	stdin.write('\r');
	const frame = await waitForFrame(lastFrame, frame => /match 1 of \d+/.test(statusLine(frame)), 'the match count');
	// "line 3" is in lines 3, 30-39 of the fake body: 11 or more matches.
	t.regex(statusLine(frame), /match 1 of 1\d · /);
	stdin.write('n');
	await waitForFrame(lastFrame, frame => /match 2 of/.test(statusLine(frame)), 'the next match');
	t.pass();
	unmount();
});

test('an article the first screen rendered is in the reader\'s first frame, without "Rendering…" in between', async t => {
	const services = {
		...makeServices(),
		renderedArticle: (id: string, width: number) => (id === 'glyph/terminal' && width === 98 ? {lines: ['Why your terminal miscounts text', '', 'Rendered on the first screen'], links: []} : undefined),
	};
	const start = {
		state: {...createInitialState(), screen: 'article' as const, cursor: 1, articleId: 'glyph/terminal'},
		effects: [],
		queued: [],
		dropped: 0,
		highlightedId: 'glyph/terminal',
	};
	const app = render(<App services={services} start={start} width={width} height={height}/>);
	await waitForFrame(app.lastFrame, frame => frame.includes('Rendered on the first screen'), 'the article');
	t.false(app.frames.some(frame => frame.includes('Rendering…')));
	t.deepEqual(services.renders, [], 'no second render');
	app.unmount();
});

test('L shows the article\'s links and Enter opens one in the browser', async t => {
	const base = makeServices();
	const services = {...base, renderLines: (article: Parameters<typeof base.renderLines>[0], width: number) => ({
		...base.renderLines(article, width),
		links: [{number: 1, text: 'The notice', url: 'https://example.com/notice'}, {number: 2, text: 'Map', url: 'https://example.com/map'}],
	})};
	const {lastFrame, stdin, unmount} = await openFirst(services as FakeServices);
	stdin.write('L');
	const frame = await waitForFrame(lastFrame, frame => frame.includes('Links (2)'), 'the links');
	t.true(frame.includes('[1] The notice — https://example.com/notice'));
	stdin.write('j');
	await waitForFrame(lastFrame, frame => /❯ \[2\] Map/.test(frame), 'the second link highlighted');
	stdin.write('\r');
	await waitForFrame(lastFrame, () => base.opened.includes('https://example.com/map'), 'the link opened');
	t.deepEqual(base.opened, ['https://example.com/map']);
	unmount();
});
