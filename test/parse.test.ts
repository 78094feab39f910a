import {readdirSync, readFileSync} from 'node:fs';
import {isDeepStrictEqual} from 'node:util';
import test from 'ava';
import fc from 'fast-check';
import type {Article, ArticleFormat, ArticleMeta} from '../source/core/article/article.js';
import {generateArticle, toMarkdown} from '../bench/corpus.js';
import {articleIdFromPath, countWords, formatOfPath, parseArticle, parseArticleMeta} from '../source/core/article/parse.js';
import {isClean} from '../source/core/text/sanitize.js';

function parseMarkdown(text: string, id = 'md/test'): {article: Article; warnings: string[]} {
	return parseArticle(text, {id, format: 'markdown'});
}

function readFixture(name: string): string {
	return readFileSync(new URL(`fixtures/markdown/${name}`, import.meta.url), 'utf8');
}

const stringFields = ['id', 'title', 'source', 'author', 'date', 'url', 'caption', 'body'] as const;

function assertClean(t: {true: (value: boolean, message?: string) => void}, article: Article): void {
	for (const key of stringFields) {
		const value = article[key];
		if (value !== undefined) {
			t.true(isClean(value), `${key}: ${JSON.stringify(value).slice(0, 120)}`);
		}
	}

	for (const tag of article.tags) {
		t.true(isClean(tag), tag);
	}
}

// Paths.

test('formatOfPath', t => {
	t.is(formatOfPath('a/b.md'), 'markdown');
	t.is(formatOfPath('A/B.MARKDOWN'), 'markdown');
	t.is(formatOfPath('x.txt'), 'text');
	t.is(formatOfPath('x.TXT'), 'text');
	// [feeds] a page saved from a browser is read through the page extractor.
	t.is(formatOfPath('x.html'), 'html');
	t.is(formatOfPath('x.HTM'), 'html');
	t.is(formatOfPath('x.xhtml'), undefined);
	t.is(formatOfPath('md'), undefined);
	t.is(formatOfPath('notes.md.bak'), undefined);
});

test('articleIdFromPath', t => {
	t.is(articleIdFromPath('world/japan/market.md'), 'world/japan/market');
	t.is(articleIdFromPath('world\\japan\\market.txt'), 'world/japan/market');
	t.is(articleIdFromPath('./a.md'), 'a');
	t.is(articleIdFromPath('././b/c.d.txt'), 'b/c.d');
	t.is(articleIdFromPath('dir.v2/readme'), 'dir.v2/readme');
	t.is(articleIdFromPath('.hidden'), '.hidden');
});

// Words.

test('countWords counts words, not Markdown markers', t => {
	t.is(countWords(''), 0);
	t.is(countWords('one two  three\nfour'), 4);
	t.is(countWords('# Title\n\n- item one\n- item two\n\n---\n\n> quoted *word*'), 7);
	t.is(countWords('café naïve Ω Привет мир مرحبا بالعالم'), 7);
	t.is(countWords('東京で記録的な大雨'), 5);
	t.is(countWords('The year 2023 — a list: 1, 2, 3.'), 8);
});

/** countWords as its doc says, one UTF-16 unit at a time: the reference the fast byte loop must match. */
function referenceWordCount(body: string): number {
	const kindOf = (code: number): number => {
		if (code < 128) {
			return /[A-Za-z\d]/.test(String.fromCharCode(code)) ? 1 : ([32, 10, 9, 13].includes(code) ? 2 : 0);
		}

		if ((code >= 0x3040 && code <= 0x30FF) || (code >= 0x3400 && code <= 0x9FFF) || (code >= 0xF900 && code <= 0xFAFF)) {
			return 3;
		}

		if (code === 0xA0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200A)) {
			return 2;
		}

		return code < 0xC0 || (code >= 0x200B && code <= 0x2BFF) || (code >= 0x3001 && code <= 0x303F) || (code >= 0xFF00 && code <= 0xFF65) ? 0 : 1;
	};

	let words = 0;
	let cjk = 0;
	let isInWord = false;
	for (let index = 0; index < body.length; index++) {
		const kind = kindOf(body.charCodeAt(index));
		if (kind === 1) {
			isInWord = true;
		} else if (kind === 2) {
			words += isInWord ? 1 : 0;
			isInWord = false;
		} else if (kind === 3) {
			cjk++;
		}
	}

	return words + (isInWord ? 1 : 0) + Math.ceil(cjk / 2);
}

test('property: countWords equals the one-unit-at-a-time reference on any text, lone surrogates included', t => {
	const unit = fc.oneof(
		fc.constantFrom(' ', '\n', '\t', '\r', 'a', 'Z', '7', '-', '#', '\u00A0', '\u00E9', '\u00BF', '\u3000', '\u2003', '\u200B', '東', 'カ', '\uFF01', '\uD83D\uDE00', '\uD800', '\uDC00', '\uFFFD'),
		fc.integer({min: 0, max: 0xFFFF}).map(code => String.fromCharCode(code)),
		fc.string({unit: 'binary', maxLength: 2}),
	);
	fc.assert(fc.property(fc.string({unit, maxLength: 80}), text => countWords(text) === referenceWordCount(text)), {numRuns: 2000});
	const long = 'word 東京 ¿qué? \uD83D\uDE00 '.repeat(400_000);
	t.is(countWords(long), referenceWordCount(long));
	t.is(countWords(long.slice(0, 100_000)), referenceWordCount(long.slice(0, 100_000)));
});

test('reading minutes: about 230 words a minute, at least one', t => {
	t.is(parseMarkdown('# T\n\nword').article.readingMinutes, 1);
	t.is(parseMarkdown('').article.readingMinutes, 1);
	const long = parseMarkdown(`# T\n\n${'word '.repeat(2300)}`).article;
	t.is(long.words, 2300);
	t.is(long.readingMinutes, 10);
});

// Markdown with front matter.

test('full front matter', t => {
	const {article, warnings} = parseMarkdown(readFixture('full.md'), 'path/id');
	t.deepEqual(warnings, []);
	t.is(article.id, 'harbour/night-ferries');
	t.is(article.title, 'Night Ferries Add a Third Crossing on Fridays');
	t.is(article.source, 'The Harbour Gazette');
	t.is(article.author, 'Maren Tolliver');
	t.is(article.date, '2023-06-05T14:30');
	t.is(article.url, 'https://example.com/harbour/night-ferries');
	t.is(article.caption, 'The night ferry leaving Kellsmouth at dusk. (Reuters)');
	t.deepEqual(article.tags, ['transport', 'ferries', 'islands']);
	t.true(article.body.startsWith('The island\'s ferry operator'), 'the heading repeating the title is removed');
	t.true(article.body.includes('\n\n## Why now\n\n'));
	t.false('unknown_field' in article);
});

test('YAML dates stay as written (no time zone, no Date object)', t => {
	t.is(parseMarkdown('---\ndate: 2023-06-05\n---\nx').article.date, '2023-06-05');
	t.is(parseMarkdown('---\ndate: 2023-06-05 14:30\n---\nx').article.date, '2023-06-05T14:30');
	t.is(parseMarkdown('---\ndate: 2023-06-05T14:30:00Z\n---\nx').article.date, '2023-06-05T14:30:00Z');
	t.is(parseMarkdown('---\ndate: "June 5, 2023"\n---\nx').article.date, '2023-06-05');
});

test('no front matter: the first heading is the title and leaves the body; later headings stay', t => {
	const {article, warnings} = parseMarkdown(readFixture('no-front-matter.md'), 'notes/seed-swap');
	t.deepEqual(warnings, []);
	t.is(article.id, 'notes/seed-swap');
	t.is(article.title, 'Seed Swap Draws a Crowd at the Library');
	t.is(article.body, 'Gardeners traded more than 300 packets on Saturday.\n\n# A second top-level heading stays\n\nMore text.');
	t.deepEqual(article.tags, []);
});

test('a setext title counts as the first heading', t => {
	const {article} = parseMarkdown(readFixture('setext-title.md'));
	t.is(article.title, 'Setext Titles Still Count');
	t.is(article.body, 'Body text under a setext title.');
});

test('a "# comment" in a code fence is not a heading; the first line of text is the title', t => {
	const {article} = parseMarkdown(readFixture('code-fence-first.md'));
	t.is(article.title, 'Plain paragraph without any heading at all, which becomes the title.');
	t.true(article.body.startsWith('```sh\n# not a heading'));
});

test('a body heading differing from the front matter title stays', t => {
	const {article} = parseMarkdown('---\ntitle: One\n---\n# Two\n\ntext');
	t.is(article.title, 'One');
	t.is(article.body, '# Two\n\ntext');
});

test('closing hashes and escapes are dropped from a heading title', t => {
	t.is(parseMarkdown('# The \\*Real\\* Story ##\n\nx').article.title, 'The *Real* Story');
	t.is(parseMarkdown('# C# ##\n\nx').article.title, 'C#');
});

test('tags as a comma-separated string', t => {
	t.deepEqual(parseMarkdown('---\ntags: a, b ,, c, a\n---\nx').article.tags, ['a', 'b', 'c']);
});

test('urls: http(s) and mailto kept, anything else dropped with a warning', t => {
	t.is(parseMarkdown('---\nurl: mailto:desk@example.com\n---\nx').article.url, 'mailto:desk@example.com');
	for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'not a url', 'ftp://example.com/x']) {
		const {article, warnings} = parseMarkdown(`---\nurl: "${url}"\n---\nx`);
		t.is(article.url, undefined, url);
		t.is(warnings.length, 1, url);
	}
});

// Broken front matter degrades instead of failing.

test('front matter that is not YAML: a warning, the heading as title, the body kept', t => {
	const {article, warnings} = parseMarkdown(readFixture('broken-yaml.md'));
	t.is(article.title, 'Heading Saves the Day');
	t.is(article.body, 'Body survives broken YAML.');
	t.is(warnings.length, 1);
	t.regex(warnings[0]!, /not valid YAML/);
});

test('wrong types: each field falls back with a warning', t => {
	const {article, warnings} = parseMarkdown(readFixture('wrong-types.md'));
	t.is(article.title, 'Fallback Title From Heading');
	t.is(article.author, undefined);
	t.is(article.date, undefined);
	t.is(article.url, undefined);
	t.is(article.caption, undefined);
	t.deepEqual(article.tags, []);
	t.is(article.source, '42');
	t.is(warnings.length, 6);
	t.true(warnings.some(warning => warning.includes('"date"') && warning.includes('tomorrow')));
	t.true(warnings.some(warning => warning.includes('"title"')));
});

test('a YAML alias bomb cannot blow up: nested aliases are refused, the title survives', t => {
	const {article, warnings} = parseMarkdown(readFixture('alias-bomb.md'));
	t.is(article.title, 'Billion Laughs Survived');
	t.is(article.author, undefined);
	t.deepEqual(article.tags, []);
	t.is(article.body, 'Body after the bomb.');
	t.true(warnings.length >= 2);
	t.true(JSON.stringify(article).length < 1000);
});

test('BOM and CRLF', t => {
	const {article, warnings} = parseMarkdown(readFixture('bom-crlf.md'));
	t.deepEqual(warnings, []);
	t.is(article.title, 'Windows Line Ends');
	t.is(article.date, '2024-01-02');
	t.deepEqual(article.tags, ['one', 'two', 'three']);
	t.is(article.body, 'First line.\nSecond line.');
});

test('front matter never closed: read as body, with a warning', t => {
	const {article, warnings} = parseMarkdown(readFixture('not-closed.md'));
	t.is(warnings.length, 1);
	t.true(article.body.includes('Body text that follows'));
});

test('a leading --- block that is not a mapping of fields is Markdown, kept in the body without a warning', t => {
	const cases: Array<[string, string]> = [['- a\n- b', 'a'], ['just text', 'just text'], ['42 reasons to read on.', '42 reasons to read on.']];
	for (const [yaml, title] of cases) {
		const text = `---\n${yaml}\n---\n# Real Title\n\nbody`;
		const {article, warnings} = parseMarkdown(text);
		t.is(article.body, text, yaml);
		t.is(article.title, title, yaml);
		t.deepEqual(warnings, [], yaml);
	}
});

test('empty file, blank file and empty front matter', t => {
	for (const text of ['', '\n\n', '---\n---\n', '\uFEFF', '---\n---']) {
		const {article} = parseMarkdown(text, 'empty/file');
		t.is(article.title, 'empty/file', JSON.stringify(text));
		t.is(article.body, '');
		t.is(article.words, 0);
	}
});

test('binary-ish garbage returns an article with clean fields', t => {
	let garbage = '';
	for (let index = 0; index < 4096; index++) {
		garbage += String.fromCharCode((index * 7919) % 256);
	}

	for (const format of ['markdown', 'text'] as ArticleFormat[]) {
		const {article} = parseArticle(`\u0000\u0001${garbage}\uD800\uDFFF\uFFFE`, {id: 'bin/blob', format});
		t.is(typeof article.title, 'string');
		t.true(article.title.length > 0);
		assertClean(t, article);
	}
});

// Untrusted text never reaches the terminal.

test('control characters, escape sequences and entities in front matter never survive', t => {
	const text = [
		'---',
		'title: "Red \\e[31malert\\e[0m and \\x1b]8;;http://evil\\x07link &#27;[2J done\\u202E"',
		'author: "Jo\\u0007 &#x1b;[1mBloggs"',
		'source: "Daily\\r\\nPlanet"',
		'caption: "Line one\\x9b2J\\nline two &#155;31m"',
		'tags: ["ok", "bad\\e[5m", "&#7;"]',
		'date: "2023-06-05\\e[2J"',
		'id: "a\\e[2J/b"',
		'---',
		'Body \u001B[2J with \u009B31m CSI &amp; text.',
	].join('\n');
	const {article, warnings} = parseMarkdown(text);
	assertClean(t, article);
	for (const warning of warnings) {
		t.true(isClean(warning));
	}

	t.is(article.title, 'Red alert and link done');
	t.is(article.author, 'Jo Bloggs');
	t.is(article.source, 'Daily Planet');
	// HTML5 reads the numeric references 128-159 as Windows-1252 (&#155; is ›), never as C1 controls.
	t.is(article.caption, 'Line one\nline two ›31m');
	t.deepEqual(article.tags, ['ok', 'bad']);
	t.is(article.date, '2023-06-05');
	t.is(article.id, 'a/b');
	t.false(article.body.includes('[2J'));
});

test('entities in a heading title are decoded, then sanitised', t => {
	t.is(parseMarkdown('# Q&amp;A: &#8220;Why&#8221; &#27;[2Jnow\n\nx').article.title, 'Q&A: “Why” now');
});

test('property: any text in either format gives a clean article and never reaches the safety net', t => {
	const fragments = fc.constantFrom('---\n', '...\n', 'title: ', 'tags: [', 'date: ', '# ', 'By Jane Doe\n', 'June 5, 2023\n', ' (AFP)\n',
		'\n', '\n\n', '\r\n', '\u001B[2J', '\u001B]8;;x\u0007', '\u009B', '&#27;', '&amp;', '*', '_', '[', '`', '\\', '- ', '1. ', 'Related\n',
		'Advertisement\n', 'News | Site\n', '\uFEFF', '\u202E', 'word ', 'Sentence ends here. ', '東京', 'مرحبا');
	fc.assert(fc.property(fc.string({unit: fc.oneof(fragments, fc.string({unit: 'binary', maxLength: 3})), maxLength: 60}), fc.boolean(), (text, isText) => {
		const {article, warnings} = parseArticle(text, {id: 'prop/x', format: isText ? 'text' : 'markdown'});
		for (const key of stringFields) {
			const value = article[key];
			if (value !== undefined && !isClean(value)) {
				return false;
			}
		}

		return article.title.length > 0 && article.readingMinutes >= 1 && !warnings.some(warning => warning.startsWith('could not parse'));
	}), {numRuns: 400});
	t.pass();
});

// The metadata-only parse, used to build the store's index, must give exactly what the full parse gives.

function withoutBody(parsed: {article: Article; warnings: string[]}): {article: ArticleMeta; warnings: string[]} {
	const {body: _body, ...meta} = parsed.article;
	return {article: meta, warnings: parsed.warnings};
}

function assertSameMeta(t: {deepEqual: (actual: unknown, expected: unknown, message?: string) => void}, text: string, format: ArticleFormat, label: string): void {
	const options = {id: 'meta/test', format};
	t.deepEqual(parseArticleMeta(text, options), withoutBody(parseArticle(text, options)), `${label} as ${format}`);
}

test('parseArticleMeta equals parseArticle without the body on every fixture, in both formats', t => {
	const directory = new URL('fixtures/', import.meta.url);
	const files = readdirSync(directory, {recursive: true, withFileTypes: true})
		.filter(entry => entry.isFile())
		.map(entry => `${entry.parentPath}/${entry.name}`);
	t.true(files.filter(file => formatOfPath(file)).length >= 30, `only ${files.length} fixtures found`);
	for (const file of files) {
		const text = readFileSync(file, 'utf8');
		assertSameMeta(t, text, 'markdown', file);
		assertSameMeta(t, text, 'text', file);
	}
});

test('parseArticleMeta equals parseArticle on generated articles and their title variants', t => {
	for (let index = 0; index < 200; index++) {
		const article = generateArticle(7, index);
		const markdown = toMarkdown(article);
		const body = article.paragraphs.join('\n\n');
		const variants: Array<[string, string]> = [
			['front matter', markdown],
			['heading repeating the title on top', markdown.replace('---\n\n', `---\n\n# ${article.title}\n\n`)],
			['other heading on top', markdown.replace('---\n\n', '---\n\n# Another headline\n\n')],
			['repeated heading after a paragraph', markdown.replace('\n\n', `\n\n${article.paragraphs[0]}\n\n# ${article.title}\n\n`)],
			['setext title on top', markdown.replace('---\n\n', `---\n\n${article.title}\n===\n\n`)],
			['no front matter, heading title', `# ${article.title}\n\n${body}\n`],
			['no title at all', `${body}\n`],
		];
		for (const [label, text] of variants) {
			assertSameMeta(t, text, 'markdown', `${label} ${index}`);
		}
	}
});

test('a heading repeating the front matter title is dropped only when nothing comes before it', t => {
	const top = parseArticleMeta('---\ntitle: Alpha beta\n---\n\n# Alpha beta\n\nOne two three.\n', {id: 'x', format: 'markdown'});
	t.is(top.article.words, 3);
	const late = parseArticleMeta('---\ntitle: Alpha beta\n---\n\nOne two three.\n\n# Alpha beta\n', {id: 'x', format: 'markdown'});
	t.is(late.article.words, 5);
	const setext = parseArticleMeta('---\ntitle: Alpha beta\n---\nAlpha beta\n==\nOne two three.\n', {id: 'x', format: 'markdown'});
	t.is(setext.article.words, 3);
	const fenced = parseArticle('---\ntitle: Alpha beta\n---\n```\ncode\n```\n# Alpha beta\n', {id: 'x', format: 'markdown'});
	t.true(fenced.article.body.includes('# Alpha beta'));
});

test('property: parseArticleMeta equals parseArticle without the body on any text', t => {
	const fragments = fc.constantFrom('---\n', '...\n', 'title: ', 'title: T\n', 'tags: [', 'date: ', '# ', '# T\n', 'T\n', '===\n', '```\n', '~~~\n',
		'By Jane Doe\n', 'June 5, 2023\n', ' (AFP)\n', '\n', '\n\n', '\r\n', '   ', '\t', '\u001B[2J', '\u009B', '&#27;', '&amp;', '*', '\\', '- ',
		'Related\n', '\uFEFF', '\u00A0', '\u3000', '\u202E', 'word ', 'Sentence ends here. ', '東京', 'مرحبا');
	fc.assert(fc.property(fc.string({unit: fc.oneof(fragments, fc.string({unit: 'binary', maxLength: 3})), maxLength: 60}), fc.boolean(), (text, isText) => {
		const options = {id: 'prop/x', format: isText ? 'text' as const : 'markdown' as const};
		return isDeepStrictEqual(parseArticleMeta(text, options), withoutBody(parseArticle(text, options)));
	}), {numRuns: 500});
	t.pass();
});

// Linear time: these inputs make a backtracking regex or a quadratic loop hang; here they must simply finish.

const pathological: Array<[string, () => string]> = [
	['a 3 MB single line', () => 'word '.repeat(600_000)],
	['a 3 MB line of spaces then a hash', () => `# ${' '.repeat(3_000_000)}x`],
	['20,000 paragraphs', () => Array.from({length: 20_000}, (_, index) => `Paragraph ${index} says something.`).join('\n\n')],
	['200,000 repeated _*[', () => '_*['.repeat(200_000)],
	['100,000 short lines in one block', () => 'short line\n'.repeat(100_000)],
	['100,000 list lines', () => '- item\n'.repeat(100_000)],
	['100,000 numbered lines', () => Array.from({length: 100_000}, (_, index) => `${index + 1}. step`).join('\n')],
	['a long run of entities', () => '&#27;&amp;&#x9b;'.repeat(100_000)],
	['a long unterminated escape', () => `\u001B]${'x'.repeat(1_000_000)}`],
	['front matter with deep nesting', () => `---\ntitle: ${'['.repeat(50_000)}\n---\nbody`],
	['huge front matter', () => `---\n${'k: v\n'.repeat(100_000)}---\nbody`],
	['an unclosed fence of 100,000 lines', () => `---\n${'x\n'.repeat(100_000)}`],
	['100,000 trailing furniture markers', () => `Title\n\nBody sentence that is long enough.\n\n${'Related\n'.repeat(100_000)}`],
	['100,000 headline-like lines', () => 'Short Headline Here\n'.repeat(100_000)],
];

for (const [name, make] of pathological) {
	test(`linear-time smoke: ${name}`, t => {
		const text = make();
		for (const format of ['markdown', 'text'] as ArticleFormat[]) {
			const {article} = parseArticle(text, {id: 'big/x', format});
			t.is(typeof article.body, 'string');
			t.true(article.title.length <= 400, `${format}: title of ${article.title.length} characters`);
		}
	});
}
