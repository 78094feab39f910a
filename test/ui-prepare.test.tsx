import test from 'ava';
import {render} from 'ink-testing-library';
import type {Article} from '../source/core/article/article.js';
import {isRenderPrepared, prepareRender, renderArticle} from '../source/core/render/article.js';
import App from '../source/ui/App.js';
import {keys, makeServices, waitForFrame} from './fixtures/ui/services.js';

test('an article whose code names a language shows at once, then again with syntax colours once they load', async t => {
	const highlights: Array<boolean | undefined> = [];
	let prepared = 0;
	const base = makeServices();
	const services = {
		...base,
		loadArticle: (id: string): Article => ({...base.loadArticle(id), body: 'Before the code.\n\n```python\nprint("hello")\n```'}),
		renderArticle(article: Article, width: number, highlight?: boolean) {
			highlights.push(highlight);
			return renderArticle(article, {width, color: true, hyperlinks: false, highlight});
		},
		async prepareArticle(article: Article) {
			prepared++;
			await prepareRender(article);
		},
	};
	const app = render(<App services={services} width={100} height={30}/>);
	await waitForFrame(app.lastFrame, frame => frame.includes('inkwire'), 'the list');
	app.stdin.write(keys.enter);
	await waitForFrame(app.lastFrame, frame => frame.includes('Before the code.'), 'the article');
	await waitForFrame(app.lastFrame, () => highlights.includes(true), 'the render with colours');
	t.is(highlights[0], false);
	t.is(prepared, 1);
	t.true(isRenderPrepared(services.loadArticle('meridian/reed-pens')));
	t.false(app.lastFrame()!.includes('⚠'));
	app.unmount();
});
