import fs from 'node:fs';
import test from 'ava';
import stringWidth from 'string-width';
import type {Article} from '../source/core/article/article.js';
import {parseArticle} from '../source/core/article/parse.js';
import {isRenderPrepared, prepareRender, renderArticle, textMeasure, type RenderOptions} from '../source/core/render/article.js';
import {minimalArticle} from './fixtures/render/articles.js';

// eslint-disable-next-line no-control-regex
const ownEscapes = /\u001B\[[\d;:]*m|\u001B\]8;[^\u0007\u001B]*(?:\u0007|\u001B\\)/g;
const plain = (width: number): RenderOptions => ({width, color: false, hyperlinks: false});
const styled = (width: number): RenderOptions => ({width, color: true, hyperlinks: false});

function fixture(name: string): Article {
	const text = fs.readFileSync(new URL(`fixtures/render/${name}`, import.meta.url), 'utf8');
	return parseArticle(text, {id: name.replace(/\.md$/, ''), format: 'markdown'}).article;
}

function body(markdown: string, title = 'Test'): Article {
	return {...minimalArticle, title, body: markdown};
}

function lines(article: Article, options: RenderOptions): string[] {
	return [...renderArticle(article, options).lines];
}

/** The lines of the box-drawn table that starts at `top`. */
function tableAt(all: readonly string[], top: number): string[] {
	const end = all.findIndex((line, index) => index > top && line.startsWith('└'));
	return all.slice(top, end + 1);
}

// Tables

test('tables fit the measure at every width, every line of a table the same display width', t => {
	const article = fixture('tables.md');
	for (const width of [30, 40, 50, 60, 80, 100, 200]) {
		const all = lines(article, plain(width));
		for (const line of all) {
			t.true(stringWidth(line) <= textMeasure(width), `${width}: ${line}`);
		}

		for (const [index, line] of all.entries()) {
			if (line.startsWith('┌')) {
				const widths = new Set(tableAt(all, index).map(row => stringWidth(row)));
				t.is(widths.size, 1, `${width}: ${tableAt(all, index).join('\n')}`);
			}
		}
	}
});

test('cell text is wrapped inside its column with nothing lost, alignment kept', t => {
	const all = lines(fixture('tables.md'), plain(50));
	const top = all.findIndex(line => line.startsWith('┌'));
	const table = tableAt(all, top);
	// The third column, read down its rows, is the coach's whole sentence.
	const said = table.slice(3, -1).filter(row => !row.startsWith('├')).map(row => row.split('│')[3]!.trim()).filter(Boolean);
	t.true(said.join(' ').startsWith('A late surge over the last two kilometres won it for us, and nobody saw it coming.'));
	t.true(table.every(row => row.length === table[0]!.length));
	// Right-aligned numbers, centred text, left-aligned names.
	t.true(table.some(row => row.includes('│  Finish │')));
	t.true(table.some(row => row.includes('│ 1:09:12 │')));
	t.true(table.some(row => /│ Harbour +│/.test(row)));
	const wide = lines(fixture('tables.md'), plain(80));
	const center = wide.find(row => row.includes('Steady all the way.'))!.split('│')[3]!;
	t.true(Math.abs(center.indexOf('S') - (center.length - center.trimEnd().length)) <= 1, center);
});

test('wide characters take two columns: a CJK and emoji table lines up', t => {
	const all = lines(fixture('tables.md'), plain(80));
	const top = all.findIndex(line => line.includes('都市'));
	const table = tableAt(all, top - 1);
	t.true(table.length >= 6);
	t.is(new Set(table.map(row => stringWidth(row))).size, 1);
	t.true(table.some(row => row.includes('│ 東京  │')));
});

test('a table with too many columns for the measure becomes header: value records; a wide terminal draws it', t => {
	const narrow = lines(fixture('tables.md'), plain(50));
	const start = narrow.indexOf('• Station: Kellsmouth Pier');
	t.true(start > 0);
	t.deepEqual(narrow.slice(start + 1, start + 9), ['  Mon: 06:10', '  Tue: 06:10', '  Wed: 06:10', '  Thu: 06:10', '  Fri: 06:10', '  Sat: 07:30', '  Sun: closed', '  Notes: Extra sailing on Fridays']);
	// An empty cell adds no line.
	t.true(narrow.includes('• Station: Port Callan'));
	t.false(narrow.includes('  Notes:'));
	const wide = lines(fixture('tables.md'), plain(200));
	t.true(wide.some(row => row.startsWith('│ Station ')));
	t.false(wide.some(row => row.includes('Station:')));
});

test('the header row is bold, borders dim, with colour on; plain output has no escape', t => {
	const all = lines(fixture('tables.md'), styled(80));
	t.true(all.some(line => line.includes('\u001B[1mTeam\u001B[22m')));
	t.true(all.some(line => line.startsWith('\u001B[2m┌')));
	t.false(lines(fixture('tables.md'), plain(80)).join('\n').includes('\u001B'));
});

test('a table of 30,000 rows shows its first rows and says how many more there are', t => {
	const markdown = '| n | square |\n|---:|---:|\n' + Array.from({length: 30_000}, (_, index) => `| ${index} | ${index * index} |`).join('\n');
	const result = renderArticle(body(markdown), plain(80));
	t.true(result.lines.length < 1100);
	t.true(result.lines.includes('… 29,000 more rows not shown'));
	t.deepEqual(result.warnings.map(warning => warning.kind), ['table-rows']);
	t.is(result.lines[3], '⚠ A table is cut to its first 1,000 rows.');
});

test('a table of 5,000 columns shows its first columns and says how many more there are', t => {
	const markdown = '|' + ' h |'.repeat(5000) + '\n|' + '---|'.repeat(5000) + '\n|' + ' v |'.repeat(5000);
	const result = renderArticle(body(markdown), plain(80));
	t.true(result.lines.includes('… 4,936 more columns not shown'));
	t.true(result.warnings.some(warning => warning.kind === 'table-columns'));
	t.true(result.lines.every(line => stringWidth(line) <= 78));
});

// Code

test('code is wrapped at the measure under ↪, with every character kept', t => {
	const article = fixture('code.md');
	for (const width of [30, 50, 80]) {
		const all = lines(article, plain(width));
		t.true(all.every(line => stringWidth(line) <= textMeasure(width)));
		const start = all.findIndex(line => line.startsWith('  curl -s'));
		const pieces = [all[start]!.slice(2)];
		for (let index = start + 1; all[index]!.startsWith('  ↪ '); index++) {
			pieces.push(all[index]!.slice(4));
		}

		t.is(pieces.join(''), 'curl -s https://example.com/feeds/very/long/path/that/keeps/going/and/going/until/it/no/longer/fits | inkwire show -');
	}

	t.true(lines(article, plain(80)).includes('  with    tabs    inside'));
});

test('a fence that names a language is highlighted once prepareRender has loaded it', async t => {
	const article = fixture('code.md');
	await prepareRender(article);
	t.true(isRenderPrepared(article));
	const result = renderArticle(article, styled(100));
	t.deepEqual(result.warnings, []);
	const comment = result.lines.find(line => line.includes('Count graphemes'))!;
	const code = result.lines.find(line => line.replace(ownEscapes, '').includes('segmenter = new'))!;
	t.true(comment.includes('\u001B[2m// Count graphemes, not code units.'), JSON.stringify(comment));
	t.true(code.includes('\u001B[35mconst\u001B[39m'), JSON.stringify(code));
	t.true(result.lines.some(line => line.includes('\u001B[32m"one grapheme"')));
	// The alias `sh` is bash; an unknown language keeps the plain code colour.
	t.true(result.lines.some(line => line.startsWith('  curl -s')));
	t.true(result.lines.some(line => line.includes('\u001B[33m++++++++[>')));
	// Plain output is the same text with no escape at all.
	const visible = result.lines.map(line => line.replace(ownEscapes, ''));
	t.deepEqual(visible, [...renderArticle(article, plain(100)).lines]);
});

test('code in a language that was not loaded: the plain code colour and a warning, or no warning when asked', t => {
	const article = body('```elixir\nIO.puts("hello")\n```');
	t.false(isRenderPrepared(article));
	const result = renderArticle(article, styled(80));
	t.deepEqual(result.warnings.map(warning => warning.kind), ['highlight']);
	t.true(result.lines.includes('\u001B[33m⚠ Code is shown without syntax colours.\u001B[39m'));
	t.true(result.lines.includes('  \u001B[33mIO.puts("hello")\u001B[39m'));
	const quiet = renderArticle(article, {...styled(80), highlight: false});
	t.deepEqual(quiet.warnings, []);
	t.true(quiet.lines.includes('  \u001B[33mIO.puts("hello")\u001B[39m'));
	// Without colour nothing is needed.
	t.deepEqual(renderArticle(article, plain(80)).warnings, []);
});

// Headings

test('H1, H2 and H3 differ in plain text (═, ─, none) and in colour', t => {
	const markdown = 'Intro.\n\n# Level one\n\n## Level two\n\n### Level three\n\nText.';
	const all = lines(body(markdown), plain(80));
	const one = all.indexOf('Level one');
	t.deepEqual(all.slice(one, one + 9), ['Level one', '═════════', '', 'Level two', '─────────', '', 'Level three', '', 'Text.']);
	const colored = lines(body(markdown), styled(80));
	const paints = ['Level one', 'Level two', 'Level three'].map(text => colored.find(line => line.includes(text))!.replace(text, ''));
	t.is(new Set(paints).size, 3, JSON.stringify(paints));
});

test('a heading repeating the title is dropped only when it is the first block', t => {
	t.false(lines(body('# Test\n\nText.'), plain(80)).slice(2).includes('Test'));
	t.false(lines(body('<h1 align="center">Test</h1>\n\nText.'), plain(80)).slice(2).includes('Test'));
	const later = lines(body('Text first.\n\n# Test\n\nMore.'), plain(80));
	t.true(later.includes('Test'));
	t.true(later.includes('════'));
});

// Titles

test('a title from a heading or a first line is plain text; a later H1 stays in the body', t => {
	const article = fixture('titles.md');
	t.is(article.title, 'inkwire — a terminal news reader with clean articles');
	t.true(article.body.includes('# A later top-level heading'));
	const heading = parseArticle('# The `inkwire` [reader](https://example.com) ![logo](l.png) &amp; friends\n\nText.', {id: 'x', format: 'markdown'}).article;
	t.is(heading.title, 'The inkwire reader & friends');
	const html = parseArticle('<h1 align="center">\n  <img src="logo.png" alt="logo"><br>\n  Inkwire\n</h1>\n\nText.', {id: 'x', format: 'markdown'}).article;
	t.is(html.title, 'Inkwire');
	t.false(lines(html, plain(80)).slice(2).includes('Inkwire'));
	const late = parseArticle('Opening words.\n\n# Later Heading\n\nText.', {id: 'x', format: 'markdown'}).article;
	t.is(late.title, 'Opening words.');
	t.true(late.body.includes('# Later Heading'));
});

// HTML and entities

test('HTML inside Markdown becomes text: block breaks, line breaks, images, links; comments, scripts and the like dropped', t => {
	const result = renderArticle(fixture('html.md'), plain(80));
	const text = result.lines.join('\n');
	for (const hidden of ['comment', 'processing instruction', 'character data', 'script', 'color: red', '<', '&eacute;']) {
		t.false(text.includes(hidden), hidden);
	}

	t.true(result.lines.includes('[image: The Lantern logo]'));
	t.true(result.lines.includes('Bold in a block and the docs[1]'));
	t.true(result.lines.includes('A paragraph with inline emphasis, a line'));
	t.true(result.lines.some(line => line.startsWith('break, an [image: inline image] and a raw link[2].')));
	t.true(result.lines.includes('First HTML paragraph.'));
	t.true(result.lines.includes('Second HTML paragraph with Café €5.'));
	t.deepEqual(result.links.map(link => link.url), ['https://example.com/docs', 'https://example.com/inline']);
	const colored = lines(fixture('html.md'), styled(80)).join('\n');
	t.true(colored.includes('\u001B[1mBold in a block\u001B[22m'));
	t.true(colored.includes('\u001B[3minline emphasis\u001B[23m'));
});

test('entities are decoded once, by the HTML5 table, in every field', t => {
	const text = '---\ntitle: Caf&eacute; &euro;5\nsource: Caf&eacute; &amp; Co\ncaption: Caf&eacute; &euro;5 (AFP)\n---\n\nCaf&eacute; &euro;5 &hellip; &frac34; &#x1F600; &amp;eacute; `&eacute;` [Caf&eacute;](https://example.com/caf&eacute;)\n\n| Caf&eacute; |\n|---|\n| &euro;5 |';
	const {article} = parseArticle(text, {id: 'x', format: 'markdown'});
	t.is(article.title, 'Café €5');
	t.is(article.source, 'Café & Co');
	t.is(article.caption, 'Café €5 (AFP)');
	const result = renderArticle(article, plain(80));
	t.is(result.lines[0], 'Café €5');
	t.true(result.lines.includes('Café €5 … ¾ 😀 &eacute; &eacute; Café[1]'));
	t.true(result.lines.some(line => line.includes('│ Café │')));
	t.true(result.lines.some(line => line.includes('│ €5   │')));
	t.is(result.links[0]!.url, 'https://example.com/café');
});

// Links

test('only http, https and mailto become numbered links; the rest show their text', t => {
	const markdown = '[a](https://a.example) [b](http://b.example) [c](mailto:c@example.org) [d](javascript:alert(1)) [e](/relative) [f](ftp://f.example) [g](data:text/html,x)';
	const result = renderArticle(body(markdown), plain(80));
	t.true(result.lines.includes('a[1] b[2] c[3] d e f g'));
	t.deepEqual(result.links.map(link => link.url), ['https://a.example', 'http://b.example', 'mailto:c@example.org']);
	t.false(result.lines.join('\n').includes('javascript'));
});

// Bounded output

test('a 1.5 MB autolink and a 200 KB link target render in a few lines, with a warning', t => {
	for (const markdown of ['See https://example.com/' + 'a'.repeat(1_500_000) + ' now', '<https://example.com/' + 'a'.repeat(1_500_000) + '>', '[x](https://example.com/' + 'a'.repeat(200_000) + ')']) {
		for (const options of [plain(80), {width: 80, color: true, hyperlinks: true}]) {
			const result = renderArticle(body(markdown), options);
			const size = result.lines.reduce((sum, line) => sum + line.length, 0);
			t.true(size < 10_000, String(size));
			t.deepEqual(result.warnings.map(warning => warning.kind), ['long-link']);
			t.deepEqual(result.links, []);
		}
	}

	const longText = renderArticle(body('[' + 'word '.repeat(40_000) + '](https://example.com/)'), {width: 80, color: true, hyperlinks: true});
	t.true(longText.lines.reduce((sum, line) => sum + line.length, 0) < 20_000);
	t.is(longText.links[0]!.text.length, 500);
});

test('800,000 paragraphs and 500,000 headings render without overflowing the stack', t => {
	const paragraphs = renderArticle(body('a\n\n'.repeat(800_000)), plain(80));
	t.is(paragraphs.lines.length, 3 + 800_000 * 2 - 1);
	const headings = renderArticle(body('# h\n'.repeat(500_000)), plain(80));
	t.is(headings.lines.length, 3 + 500_000 * 3 - 1);
	t.deepEqual([...paragraphs.warnings, ...headings.warnings], []);
});

test('a list nested 1,100 levels deep is flattened past the cap, visibly, and fits the measure', t => {
	for (const markdown of [
		Array.from({length: 1100}, (_, depth) => '  '.repeat(depth) + '- item ' + depth).join('\n'),
		Array.from({length: 1100}, (_, depth) => '    '.repeat(depth) + '1. step ' + depth).join('\n'),
		'> - '.repeat(1100) + 'deep',
		'>'.repeat(5000) + ' quoted',
	]) {
		const result = renderArticle(body(markdown), plain(80));
		t.deepEqual(result.warnings.map(warning => warning.kind), ['nesting']);
		t.is(result.lines[3], '⚠ Lists and quotes nested more than 32 deep are flattened.');
		t.true(result.lines.every(line => stringWidth(line) <= 78));
		t.true(result.lines.join(' ').includes(markdown.includes('deep') ? 'deep' : (markdown.includes('quoted') ? 'quoted' : ' 1099')));
	}
});

test('ordinary nesting is not flattened and takes no warning', t => {
	const markdown = Array.from({length: 20}, (_, depth) => '  '.repeat(depth) + '- item ' + depth).join('\n') + '\n\n' + '> '.repeat(20) + 'quoted';
	t.deepEqual(renderArticle(body(markdown), plain(80)).warnings, []);
});
