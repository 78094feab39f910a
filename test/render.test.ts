import {execFileSync} from 'node:child_process';
import test from 'ava';
import stringWidth from 'string-width';
import type {Article} from '../source/core/article/article.js';
import {
	formatDate, formatJson, formatMarkdown, renderArticle, textMeasure, type RenderOptions,
} from '../source/core/render/article.js';
import {balanceStyles} from '../source/core/text/sgr.js';
import {wrapText} from '../source/core/text/wrap.js';
import {isSafeTerminalOutput} from '../source/core/text/sanitize.js';
import {featureArticle, minimalArticle, seedArticle, wideArticle} from './fixtures/render/articles.js';

// eslint-disable-next-line no-control-regex
const ownEscapes = /\u001B\[[\d;:]*m|\u001B\]8;[^\u0007\u001B]*(?:\u0007|\u001B\\)/g;
const plainOptions: RenderOptions = {width: 80, color: false, hyperlinks: false};
const styledOptions: RenderOptions = {width: 80, color: true, hyperlinks: true};
const fixtures = [seedArticle, featureArticle, wideArticle, minimalArticle];
const allOptions: RenderOptions[] = [40, 80, 200].flatMap(width => [
	{width, color: false, hyperlinks: false},
	{width, color: true, hyperlinks: false},
	{width, color: true, hyperlinks: true},
	{width, color: false, hyperlinks: true},
]);

function visible(line: string): string {
	return line.replace(ownEscapes, '');
}

function render(article: Article, options: RenderOptions = plainOptions): string[] {
	return [...renderArticle(article, options).lines];
}

test('the seed article: title, metadata line, caption, blank line, then the body', t => {
	const lines = render(seedArticle);
	t.is(lines[0], 'Russia Expands its Syrian Contacts to Hold ‘National Unity’ Meeting');
	t.is(lines[1], 'Asharq Al-Awsat · Ibrahim Hamidi · Fri 26 Jun 2020 07:00 · 4 min read');
	// The article's own address, cut to the measure where it is longer.
	t.is(lines[2]! + lines[3]!, 'https://english.aawsat.com/home/article/2355131/russia-expands-its-syrian-contacts');
	// Its tags, as #tags.
	t.is(lines[4], '#syria #russia');
	t.is(lines[5], '');
	t.true(lines[6]!.startsWith('Souvenir plates bearing the Syrian flag'));
	const bodyStart = lines.indexOf('', 6);
	t.true(lines[bodyStart + 1]!.startsWith('Russian officials have in recent days'));
	// The body's own `# Title` repeats the header, so it is left out.
	t.is(lines.filter(line => line.includes('Russia Expands its Syrian Contacts')).length, 1);
	t.true(lines.includes('Deep return'));
	t.true(lines.some(line => line.startsWith('│ We are committed')));
	t.true(lines.some(line => line.startsWith('  • A new “social contract”, drafted with Moscow in the room')));
});

test('a minimal article has a title, a reading time and its body', t => {
	t.deepEqual(render(minimalArticle), ['Minimal', '1 min read', '', 'Only a body.']);
	t.deepEqual(render({...minimalArticle, title: '  ', body: ''}), ['Untitled', '1 min read']);
});

test('every output: no newline inside a line, no trailing blank line, no doubled blank lines, safe escapes only', t => {
	for (const article of fixtures) {
		for (const options of allOptions) {
			const lines = render(article, options);
			t.true(lines.length > 0);
			t.not(lines.at(-1), '', `${article.id} ${JSON.stringify(options)}`);
			for (const [index, line] of lines.entries()) {
				t.false(line.includes('\n') || line.includes('\r'), line);
				t.true(isSafeTerminalOutput(line), JSON.stringify(line));
				t.false(line === '' && lines[index + 1] === '', `${article.id}: two blank lines at ${index}`);
			}
		}
	}
});

test('no line is wider than the measure, by display width: code and tables included', t => {
	for (const article of fixtures) {
		for (const options of allOptions) {
			const measure = textMeasure(options.width);
			for (const line of render(article, options)) {
				t.true(stringWidth(line) <= measure, `${options.width}: ${stringWidth(line)} > ${measure}: ${line}`);
			}
		}
	}
});

test('the measure is the width less margins, capped at a comfortable 100 columns', t => {
	t.is(textMeasure(40), 38);
	t.is(textMeasure(80), 78);
	t.is(textMeasure(200), 98);
	t.is(textMeasure(3), 10);
	const wide = render(seedArticle, {width: 200, color: false, hyperlinks: false});
	const widest = Math.max(...wide.map(line => stringWidth(line)));
	t.true(widest > 80 && widest <= 98, String(widest));
	t.is(render(seedArticle, {width: 1000, color: false, hyperlinks: false}).join('\n'), wide.join('\n'));
});

test('color: false writes no escape at all; color: true styles even when FORCE_COLOR=0', t => {
	t.is(process.env.FORCE_COLOR, '0');
	for (const article of fixtures) {
		t.false(render(article, {width: 80, color: false, hyperlinks: false}).join('\n').includes('\u001B'));
	}

	const styled = render(seedArticle, styledOptions);
	t.is(styled[0], '\u001B[1mRussia Expands its Syrian Contacts to Hold ‘National Unity’ Meeting\u001B[22m');
	t.is(styled[1], '\u001B[2mAsharq Al-Awsat · Ibrahim Hamidi · Fri 26 Jun 2020 07:00 · 4 min read\u001B[22m');
	t.true(styled.some(line => line.includes('\u001B[1mAsharq Al-Awsat\u001B[22m')));
});

test('color: false stays plain when the environment forces colour and hyperlinks', t => {
	const script = `
		import {renderArticle} from './source/core/render/article.ts';
		import {featureArticle} from './test/fixtures/render/articles.ts';
		process.stdout.write(renderArticle(featureArticle, {width: 80, color: false, hyperlinks: false}).lines.join('\\n'));`;
	const output = execFileSync(process.execPath, ['--import=tsx', '--input-type=module', '-e', script], {
		env: {...process.env, FORCE_COLOR: '3', FORCE_HYPERLINK: '1'},
		encoding: 'utf8',
	});
	t.true(output.includes('Tight list'));
	t.false(output.includes('\u001B'));
});

test('headings have no # prefix and are bold', t => {
	const lines = render(featureArticle);
	t.true(lines.includes('Tight list'));
	t.true(lines.includes('Loose list'));
	t.false(lines.some(line => line.startsWith('#')));
	const styled = render(featureArticle, styledOptions);
	t.true(styled.includes('\u001B[1m\u001B[36mTight list\u001B[22m\u001B[39m'));
	t.true(styled.includes('\u001B[1mLoose list\u001B[22m'));
});

test('tight list items render their inline markup instead of raw ** and backticks', t => {
	const lines = render(featureArticle);
	const item = lines.find(line => line.includes('bold item'));
	t.is(item, '  • bold item with code span and a link[4]');
	t.false(lines.join('\n').includes('**'));
	t.false(lines.join('\n').includes('`'));
	const styled = render(featureArticle, styledOptions).find(line => line.includes('bold item'))!;
	t.true(styled.includes('\u001B[1mbold item\u001B[22m'));
	t.true(styled.includes('\u001B[33mcode span\u001B[39m'));
});

test('lists: wrapped items hang under their text, nested lists indent, numbers and task boxes', t => {
	const lines = render(featureArticle, {width: 40, color: false, hyperlinks: false});
	const start = lines.findIndex(line => line.includes('a second item'));
	t.true(lines[start]!.startsWith('  • a second item'));
	t.regex(lines[start + 1]!, /^ {4}\S/);
	t.true(lines.includes('    ◦ nested item one'));
	t.true(lines.includes('  [x] a task that is done'));
	t.true(lines.includes('  [ ] a task still to do'));
	t.false(lines.some(line => line.includes('[x]  [x]') || line.includes('[X]')));
	t.deepEqual(lines.filter(line => /^ {2}\d\./.test(line)), ['  1. first', '  2. second', '  3. third']);
	const loose = lines.indexOf('  • first loose paragraph');
	t.deepEqual(lines.slice(loose, loose + 3), ['  • first loose paragraph', '', '  • second loose paragraph']);
});

test('blockquotes get a bar on every line and wrap within the measure', t => {
	const lines = render(featureArticle, {width: 40, color: false, hyperlinks: false});
	const quote = lines.filter(line => line.startsWith('│'));
	t.true(quote.length >= 4);
	t.is(quote[0], '│ A blockquote that is long enough to');
	t.true(quote.includes('│'));
	t.true(quote.includes('│ A second quoted paragraph.'));
});

test('tables: boxed, a rule under the header, columns (and their headers) aligned as written, bold header', t => {
	const lines = render(featureArticle);
	const top = lines.findIndex(line => line.startsWith('┌'));
	t.deepEqual(lines.slice(top, top + 6), [
		'┌──────────────────┬─────────┬────────────┐',
		'│ Team             │    Time │   Notes    │',
		'├──────────────────┼─────────┼────────────┤',
		'│ Harbour Harriers │ 1:09:12 │ late surge │',
		'│ Callan AC        │ 1:10:05 │   steady   │',
		'└──────────────────┴─────────┴────────────┘',
	]);
	const styled = render(featureArticle, styledOptions);
	t.true(styled.some(line => line.includes('\u001B[1mTeam\u001B[22m')));
});

test('code blocks are indented, tab-expanded, and wrapped at the measure under a ↪ mark with nothing lost', t => {
	const lines = render(featureArticle, {width: 40, color: false, hyperlinks: false});
	t.true(lines.includes('  const answer = 42;'));
	const start = lines.findIndex(line => line.startsWith('      console.log('));
	t.is(stringWidth(lines[start]!), 38);
	t.true(lines[start + 1]!.startsWith('  ↪ '));
	const pieces = [lines[start]!.slice(2)];
	for (let index = start + 1; lines[index]?.startsWith('  ↪ '); index++) {
		pieces.push(lines[index]!.slice(4));
		t.true(stringWidth(lines[index]!) <= 38);
	}

	t.is(pieces.join(''), '    console.log(\'a very long line of code that is never wrapped, however narrow the terminal happens to be today\');');
});

test('a horizontal rule spans the measure', t => {
	t.true(render(featureArticle, {width: 40, color: false, hyperlinks: false}).includes('─'.repeat(38)));
	t.true(render(featureArticle, {width: 200, color: false, hyperlinks: false}).includes('─'.repeat(98)));
});

test('links are numbered in the text and listed at the end; OSC 8 is added only when asked', t => {
	const plain = render(featureArticle, {width: 200, color: false, hyperlinks: false});
	t.true(plain.join(' ').includes('a web link[1] plus https://auto.example.org/path[2] and news@example.org[3].'));
	const links = plain.indexOf('Links');
	t.is(plain[links + 1], '─────');
	t.deepEqual(plain.slice(links + 2), [
		'[1] https://example.com/story?id=7&x=1',
		'[2] https://auto.example.org/path',
		'[3] mailto:news@example.org',
		'[4] http://example.net/a',
	]);
	const result = renderArticle(featureArticle, {width: 200, color: false, hyperlinks: false});
	t.deepEqual(result.links[0], {number: 1, text: 'web link', url: 'https://example.com/story?id=7&x=1'});
	t.deepEqual(result.links.map(link => link.number), [1, 2, 3, 4]);
	const linked = render(featureArticle, {width: 200, color: false, hyperlinks: true}).join(' ');
	t.true(linked.includes('a \u001B]8;;https://example.com/story?id=7&x=1\u001B\\web link\u001B]8;;\u001B\\[1] plus'));
	t.true(linked.includes('\u001B]8;;mailto:news@example.org\u001B\\news@example.org\u001B]8;;\u001B\\[3]'));
});

test('a URL linked twice keeps one number; the article URL shows in the header', t => {
	const body = '[one](https://example.com/a) and [again](https://example.com/a) and [two](https://example.com/b)';
	const result = renderArticle({...minimalArticle, url: 'https://example.com/story', body}, plainOptions);
	t.is(result.lines[2], 'https://example.com/story');
	t.true(result.lines.includes('one[1] and again[1] and two[2]'));
	t.deepEqual(result.links.map(link => link.url), ['https://example.com/a', 'https://example.com/b']);
	const styled = renderArticle({...minimalArticle, url: 'https://example.com/story', body}, styledOptions);
	t.true(styled.lines[2]!.includes('\u001B]8;;https://example.com/story\u001B\\'));
});

test('javascript:, file:, data: and relative links are never hyperlinks: only their text shows', t => {
	for (const options of allOptions) {
		const output = render(featureArticle, options).join(' ');
		t.false(output.includes('javascript:'));
		t.false(output.includes('file:'));
		t.false(output.includes('data:'));
		t.false(output.includes('/news/other'));
		t.true(visible(output).includes('Unsafe links: script link, file link, data link and'));
	}
});

test('a hyperlink broken across lines is closed and reopened on each line', t => {
	const article = {...minimalArticle, body: '[a link text long enough to need more than one line at this width](https://example.com/x)'};
	const all = render(article, {width: 30, color: true, hyperlinks: true});
	const lines = all.slice(3, all.indexOf('', 3));
	t.true(lines.length >= 3);
	for (const [index, line] of lines.entries()) {
		t.regex(line, /^(?:\u001B\[[\d;]*m)*\u001B\]8;;https:\/\/example\.com\/x\u001B\\/);
		// Every line closes the link it opened; the last one then carries the link's number.
		const closed = index === lines.length - 1 ? line.slice(0, line.lastIndexOf('\u001B]8;;\u001B\\') + 7) : line;
		t.true(closed.endsWith('\u001B]8;;\u001B\\\u001B[0m') || closed.endsWith('\u001B]8;;\u001B\\'), JSON.stringify(line));
	}

	t.true(visible(lines.at(-1)!).endsWith('[1]'));
});

test('raw HTML is shown as text: tags stripped, scripts dropped, entities decoded', t => {
	const output = render(featureArticle).join('\n');
	t.true(output.includes('Raw HTML text & more'));
	t.false(output.includes('<div'));
	t.false(output.includes('<b>'));
	t.false(output.includes('alert("x")'));
});

test('hard breaks and images', t => {
	const lines = render(featureArticle);
	t.true(lines.includes('Hard break here'));
	t.true(lines.includes('and the next line.'));
	t.true(lines.includes('[image: A photo of the harbour]'));
});

test('CJK, Arabic and emoji wrap by display width and lose no character', t => {
	for (const width of [20, 40, 80]) {
		const lines = render(wideArticle, {width, color: false, hyperlinks: false});
		const measure = textMeasure(width);
		for (const line of lines) {
			t.true(stringWidth(line) <= measure, `${width}: ${line}`);
		}

		const japanese = lines.filter(line => /[\u3040-\u30FF]/.test(line) && !/[A-Za-z(]/.test(line) && !line.startsWith('電車を待つ'));
		t.true(japanese.length > 1);
		t.is(japanese.join(''), '東京の朝は早い。駅のホームには通勤客が並び、電車は分刻みで到着する。新聞を読む人は少なくなったが、スマートフォンでニュースを読む人は多い。この記事は表示幅による折り返しを確かめるための長い日本語の段落である。');
		// Closing punctuation never starts a line.
		t.false(lines.some(line => /^[、。，]/.test(line)));
		t.true(lines.join(' ').includes('👨‍👩‍👧'));
	}

	const forty = render(wideArticle, {width: 40, color: false, hyperlinks: false});
	// At 40 columns the Japanese paragraph fills lines to 38 columns (19 wide characters), not 38 characters.
	t.true(forty.some(line => /[\u3040-\u30FF]/.test(line) && stringWidth(line) >= 36));
	t.true(forty.filter(line => line.includes('😀😀')).every(line => stringWidth(line) <= 38));
	t.true(forty.some(line => line.startsWith('  • 東京 item with 太字 and コード')));
});

test('wrapText: words, long words cut by columns, escapes take no room', t => {
	t.deepEqual(wrapText('one two three four', 9), ['one two', 'three', 'four']);
	t.deepEqual(wrapText('abcdefghij', 4), ['abcd', 'efgh', 'ij']);
	t.deepEqual(wrapText('中文中文中文', 5), ['中文', '中文', '中文']);
	t.deepEqual(wrapText('a \u001B[1mbold\u001B[22m word', 6), ['a \u001B[1mbold\u001B[22m', 'word']);
	t.deepEqual(wrapText('x\ry', 10), ['x', 'y']);
	t.deepEqual(wrapText('', 10), ['']);
});

test('balanceStyles closes styles at line ends and reopens them on the next line', t => {
	t.deepEqual(balanceStyles(['\u001B[1ma', 'b\u001B[22m c']), ['\u001B[1ma\u001B[0m', '\u001B[1mb\u001B[22m c']);
	t.deepEqual(balanceStyles(['\u001B[38;5;12mx', '', 'y\u001B[39m']), ['\u001B[38;5;12mx\u001B[0m', '', '\u001B[38;5;12my\u001B[39m']);
	t.deepEqual(balanceStyles(['plain', 'text']), ['plain', 'text']);
	for (const line of render(seedArticle, {width: 30, color: true, hyperlinks: true})) {
		const sgr = [...line.matchAll(/\u001B\[([\d;]*)m/g)].map(match => match[1]);
		if (sgr.length > 0) {
			t.true(['0', '22', '23', '24', '39'].includes(sgr.at(-1)!), JSON.stringify(line));
		}
	}
});

test('dates: as precise as written, no invented time zone', t => {
	t.is(formatDate('2020-06-26T07:00'), 'Fri 26 Jun 2020 07:00');
	t.is(formatDate('2020-06-26'), 'Fri 26 Jun 2020');
	t.is(formatDate('2020-06'), 'Jun 2020');
	t.is(formatDate('2020'), '2020');
	t.is(formatDate('2022-03-14T09:15Z'), 'Mon 14 Mar 2022 09:15 UTC');
	t.is(formatDate('2022-03-14T09:15:30+0300'), 'Mon 14 Mar 2022 09:15 +03:00');
	t.is(formatDate('2024-02-29'), 'Thu 29 Feb 2024');
	t.is(formatDate('2023-02-29'), '2023-02-29');
	t.is(formatDate('tomorrow'), 'tomorrow');
});

test('formatMarkdown: # Title, metadata, link, italic caption, then the body without the repeated title', t => {
	const markdown = formatMarkdown(seedArticle);
	t.true(markdown.startsWith([
		'# Russia Expands its Syrian Contacts to Hold ‘National Unity’ Meeting',
		'',
		'Asharq Al-Awsat · Ibrahim Hamidi · Fri 26 Jun 2020 07:00 · 4 min read',
		'',
		'<https://english.aawsat.com/home/article/2355131/russia-expands-its-syrian-contacts>',
		'',
		'*Souvenir plates bearing the Syrian flag',
	].join('\n')));
	t.true(markdown.includes('old Damascus. (AFP)*\n\nRussian officials have'));
	t.is(markdown.match(/National Unity/g)?.length, 1);
	t.true(markdown.includes('## Deep return\n'));
	t.true(markdown.endsWith('in Syria\n'));
	t.is(formatMarkdown(minimalArticle), '# Minimal\n\n1 min read\n\nOnly a body.\n');
	t.is(formatMarkdown({...minimalArticle, title: 'A *star* & [link]', url: 'javascript:alert(1)'}), '# A \\*star\\* \\& \\[link\\]\n\n1 min read\n\nOnly a body.\n');
});

test('formatJson: every field, nulls for missing ones, 2-space indent, trailing newline', t => {
	const json = formatJson(seedArticle, true);
	t.true(json.endsWith('}\n'));
	t.true(json.startsWith('{\n  "id": '));
	const value = JSON.parse(json) as Record<string, unknown>;
	t.deepEqual(Object.keys(value), ['id', 'title', 'source', 'author', 'date', 'url', 'caption', 'tags', 'words', 'readingMinutes', 'read', 'starred', 'body']);
	t.is(value.date, '2020-06-26T07:00');
	t.deepEqual(value.tags, ['syria', 'russia']);
	t.is(value.read, true);
	t.is(value.readingMinutes, 4);
	t.is(value.body, seedArticle.body.trimEnd());
	const minimal = JSON.parse(formatJson(minimalArticle, false)) as Record<string, unknown>;
	t.deepEqual(minimal, {
		id: 'minimal', title: 'Minimal', source: null, author: null, date: null, url: null, caption: null, tags: [], words: 1,
		readingMinutes: 1, read: false, starred: false, body: 'Only a body.',
	});
});

test('the renderer is fast enough for a long article (measured, not asserted)', t => {
	const body = Array.from({length: 40}, () => seedArticle.body + '\n\n' + featureArticle.body).join('\n\n');
	const article = {...seedArticle, body};
	const times: number[] = [];
	let lines = 0;
	for (let run = 0; run < 5; run++) {
		const start = performance.now();
		lines = renderArticle(article, {width: 100, color: true, hyperlinks: true}).lines.length;
		times.push(performance.now() - start);
	}

	times.sort((a, b) => a - b);
	t.log(`${lines} lines at width 100: median ${times[2]!.toFixed(1)} ms`);
	t.true(lines > 1500);
});

test('pathological Markdown renders without throwing and within the measure', t => {
	const bodies = [
		'>'.repeat(500) + ' a deeply quoted sentence that is long enough to wrap',
		Array.from({length: 60}, (_, depth) => '  '.repeat(depth) + '- item ' + depth).join('\n'),
		Array.from({length: 40}, (_, depth) => '> '.repeat(depth) + '- item').join('\n'),
		// Deep enough to overflow marked's stack: shown as plain text instead.
		'*'.repeat(5000) + 'x' + '*'.repeat(5000),
		// The hostile store's markdown bomb: too many delimiters for marked to finish in reasonable time.
		'Before.\n\n' + '_*['.repeat(200_000) + '\n\nAfter **bold**.',
		// Long unspaced runs: Intl.Segmenter and string-width are quadratic on long strings, so these took minutes.
		'東京'.repeat(100_000),
		'e\u0301'.repeat(50_000),
		'😀'.repeat(20_000),
	];
	for (const body of bodies) {
		const lines = render({...minimalArticle, body}, {width: 80, color: true, hyperlinks: true});
		t.true(lines.length > 3);
		for (const line of lines) {
			t.true(stringWidth(line) <= 78);
			t.true(isSafeTerminalOutput(line));
		}
	}

	const bomb = renderArticle({...minimalArticle, body: bodies[4]!}, plainOptions);
	t.deepEqual(bomb.warnings.map(warning => warning.kind), ['delimiters']);
	t.is(bomb.lines[3], '⚠ Part of this article is shown as plain text.');
	t.is(bomb.lines[5], 'Before.');
	t.is(bomb.lines.at(-1), 'After bold.');
	t.true(bomb.lines[7]!.startsWith('_*[_*['));
});
