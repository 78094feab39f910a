import test from 'ava';
import type {Article} from '../source/core/article/article.js';
import {isRenderPrepared, prepareRender, renderArticle} from '../source/core/render/article.js';
import {cliEnvironment, makeHome, runCli} from './helpers/cli.js';

const article: Article = {
	id: 'party',
	title: 'Party',
	tags: [],
	words: 12,
	readingMinutes: 1,
	body: 'We shipped it :tada: and :rocket: today, but not :no-such-emoji: and not `:tada:` in code.\n\n```\n:tada:\n```\n',
};

test('emoji shortcodes become emoji once prepared (marked-terminal), not in code, unknown ones stay', async t => {
	t.false(isRenderPrepared(article));
	await prepareRender(article, {highlight: false});
	t.true(isRenderPrepared(article));
	const text = renderArticle(article, {width: 80, color: false, hyperlinks: false}).lines.join('\n');
	t.true(text.includes('We shipped it 🎉 and 🚀 today'), text);
	t.true(text.includes(':no-such-emoji:'));
	t.true(text.includes('not :tada: in code'));
	t.regex(text, /^\s*:tada:$/m);
});

test('the built CLI shows the emoji too, in plain and ansi', t => {
	const environment = cliEnvironment(makeHome());
	for (const format of ['plain', 'ansi']) {
		const result = runCli(['show', '-', '--format', format], {env: environment, input: '# Party\n\nWe shipped it :tada: today.\n'});
		t.is(result.status, 0, result.stderr);
		t.true(result.stdout.includes('🎉 today'), result.stdout);
	}
});
