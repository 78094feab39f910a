import test from 'ava';
import {render} from 'ink-testing-library';
import type {Article, ArticleMeta} from '../source/core/article/article.js';
import {renderArticle} from '../source/core/render/article.js';
import App from '../source/ui/App.js';
import {keys, makeServices, waitForFrame} from './fixtures/ui/services.js';

// Ink paints no styling in these tests (FORCE_COLOR=0), so any control character in a frame came from an article.
// eslint-disable-next-line no-control-regex
const anyControl = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

// Metadata as a broken or malicious store could hand it over, before any cleaning: the UI must not trust it.
const hostile: ArticleMeta[] = [
	{id: 'evil/clear', title: 'Clear \u001B[2J\u001B[H screen \u001B]0;pwned\u0007 title', source: 'Evil \u202ENews\u202C', date: '2025-01-02', url: 'javascript:alert(1)', tags: [], words: 10, readingMinutes: 1},
	{id: 'evil/c1', title: 'C1 \u009B2J and OSC 52 \u001B]52;c;ZXZpbA==\u0007 clipboard', source: 'Bell\u0007 Backspace\b\b\b', date: '2025-01-01', tags: [], words: 10, readingMinutes: 1},
	{id: 'evil/cr', title: 'Carriage\rreturn and tab\there', source: '\u2066Isolate\u2069', tags: [], words: 10, readingMinutes: 1},
];

function hostileServices() {
	const services = makeServices({articles: hostile, warnings: ['config \u001B[31mwarning\u001B[0m with \u0007 bell']});
	return {
		...services,
		loadArticle(id: string): Article {
			const meta = hostile.find(article => article.id === id)!;
			return {...meta, caption: 'Caption \u001B]8;;https://evil.example\u001B\\link\u001B]8;;\u001B\\', body: 'Body &#27;[2J entity, raw \u001B[31mred\u001B[0m, [js](javascript:alert(1)) and \u202Ereversed.'};
		},
		renderLines: (article: Article, width: number) => renderArticle(article, {width, color: false, hyperlinks: false}),
	};
}

test('no screen shows a control character from an article: list, filter, article, help, status line', async t => {
	const frames: string[] = [];
	const app = render(<App services={hostileServices()} width={100} height={30}/>);
	const capture = async (predicate: (frame: string) => boolean, what: string) => {
		frames.push(await waitForFrame(app.lastFrame, predicate, what));
	};

	await capture(frame => frame.includes('Clear') && frame.includes('warning'), 'the list with the warning');
	app.stdin.write('/');
	await capture(frame => frame.includes('Filter:'), 'the filter prompt');
	app.stdin.write('scr');
	await capture(frame => frame.includes('filter: scr') || frame.includes('Filter: scr'), 'the filtered list');
	app.stdin.write(keys.escape);
	await capture(frame => frame.includes('C1'), 'the whole list again');
	app.stdin.write(keys.enter);
	await capture(frame => frame.includes('Body'), 'the article');
	app.stdin.write('o');
	await capture(frame => /URL|link|browser/i.test(frame.split('\n').at(-1) ?? ''), 'the status after o');
	app.stdin.write('?');
	await capture(frame => frame.includes('Keys') && frame.includes('Star or unstar'), 'the help overlay');
	app.unmount();

	for (const frame of frames) {
		t.false(anyControl.test(frame), JSON.stringify(frame.match(anyControl)) + '\n' + frame);
	}

	t.true(frames.some(frame => frame.includes('Clear screen title')), 'the cleaned title is shown');
});
