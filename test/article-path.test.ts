import test from 'ava';
import {formatOfPath} from '../source/core/article/parse.js';
import {articleFormatOf, checkArticlePath} from '../source/core/store/article-path.js';

test('the store lists exactly the files the parser has a format for', t => {
	const names = ['a.md', 'A.MD', 'b.Markdown', 'c.markdown', 'd.txt', 'E.TXT', 'f.json', 'g.md.bak', 'h.mdx', '.md', 'md', 'x.text', 'y.htm', 'dir/z.md', 'caf%E9.md'];
	for (const name of names) {
		t.is(articleFormatOf(name), formatOfPath(name), name);
	}
});

test('a path to write must be plain, inside the store, visible and an article', t => {
	t.is(checkArticlePath('feed/2025-01-02-title.md'), undefined);
	t.is(checkArticlePath('feed/notes.txt'), undefined);
	t.is(checkArticlePath('feed/../x.md'), 'not a plain relative path inside the store');
	t.is(checkArticlePath('feed/.x.md'), 'not a plain relative path inside the store');
	t.is(checkArticlePath('é'.repeat(128) + '.md'), 'a name longer than 255 bytes');
	t.is(checkArticlePath('feed/page.html'), undefined);
	t.is(checkArticlePath('feed/page.pdf'), 'not an article file name (.md, .markdown, .txt or .html)');
});
