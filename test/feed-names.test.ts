import test from 'ava';
import fc from 'fast-check';
import {articleBaseName, feedFolderName, isSafeName, maxSlugBytes, slugify, uniqueName} from '../source/core/feed/names.js';

test('slugs: lowercase words of any script joined by hyphens, accents dropped', t => {
	t.is(slugify('Water returns to the old city’s fountains'), 'water-returns-to-the-old-city-s-fountains');
	t.is(slugify('Café Presse — €5 «résumé»'), 'cafe-presse-5-resume');
	t.is(slugify('Москва: новости'), 'москва-новости');
	t.is(slugify('東京のニュース'), '東京のニュース');
	t.is(slugify('!!!'), 'untitled');
	t.is(slugify(''), 'untitled');
});

test('no traversal, absolute path, NUL, dot file or reserved name survives', t => {
	t.is(slugify('../../outside'), 'outside');
	t.is(slugify('/etc/passwd'), 'etc-passwd');
	t.is(slugify('a\u0000b'), 'a-b');
	t.is(slugify('.hidden'), 'hidden');
	t.is(slugify('..'), 'untitled');
	t.is(slugify('CON'), 'con-');
	t.is(slugify('com1'), 'com1-');
	t.is(feedFolderName('nul', 'https://x.example/'), 'nul-');
	t.is(feedFolderName('…', 'https://news.example.org/feed'), 'news-example-org');
	t.false(isSafeName('../x'));
	t.false(isSafeName('.git'));
	t.false(isSafeName('a/b'));
	t.false(isSafeName('con'));
	t.true(isSafeName('news-example'));
});

test('slugs are bounded in bytes, cut at a hyphen when one is near', t => {
	const slug = slugify('word '.repeat(100));
	t.true(Buffer.byteLength(slug) <= maxSlugBytes);
	t.false(slug.endsWith('-'));
	t.regex(slug, /^(?:word-)*word$/);
	t.true(Buffer.byteLength(slugify('ж'.repeat(500))) <= maxSlugBytes);
});

test('property: any text gives a safe, bounded, non-empty name', t => {
	fc.assert(fc.property(fc.string({unit: 'binary', maxLength: 400}), text => {
		const slug = slugify(text);
		return slug.length > 0 && Buffer.byteLength(slug) <= maxSlugBytes + 1 && isSafeName(slug) && !slug.includes('/') && !slug.includes('.') && !slug.includes('\0');
	}), {numRuns: 2000});
	t.pass();
});

test('article names are dated and unique', t => {
	t.is(articleBaseName('2026-12-01T08:30:00Z', 'Hello, World'), '2026-12-01-hello-world');
	t.is(articleBaseName('', 'x'), '1970-01-01-x');
	const taken = new Set(['a', 'a-2']);
	t.is(uniqueName('a', name => taken.has(name)), 'a-3');
	t.is(uniqueName('b', name => taken.has(name)), 'b');
});
