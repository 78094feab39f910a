import test from 'ava';
import type {Article} from '../source/core/article/article.js';
import {formatJson, formatMarkdown, renderArticle, type RenderOptions} from '../source/core/render/article.js';
import {isClean, isSafeTerminalOutput, sanitizeLine, sanitizeText} from '../source/core/text/sanitize.js';
import {hostileArticle, hostilePieces} from './fixtures/render/articles.js';

// eslint-disable-next-line no-control-regex
const ownEscapes = /\u001B\[[\d;:]*m|\u001B\]8;;(?:https?:\/\/|mailto:)[\u0021-\u007E]*\u001B\\|\u001B\]8;;\u001B\\/g;
// eslint-disable-next-line no-control-regex
const anyControl = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

test('whole escape sequences go, not only their ESC byte', t => {
	t.is(sanitizeText('a\u001B[2J\u001B[Hb'), 'ab');
	t.is(sanitizeText('a\u001B[38;2;255;0;0mred\u001B[0m'), 'ared');
	t.is(sanitizeText('a\u001B[?1049hb'), 'ab');
	t.is(sanitizeText('a\u001B]0;pwned title\u0007b'), 'ab');
	t.is(sanitizeText('a\u001B]0;st title\u001B\\b'), 'ab');
	t.is(sanitizeText('a\u001B]52;c;cm0gLXJmIH4=\u0007b'), 'ab');
	t.is(sanitizeText('a\u001B]8;;https://evil.example\u001B\\click\u001B]8;;\u001B\\b'), 'aclickb');
	t.is(sanitizeText('a\u001BPq#0;2;0;0;0\u001B\\b'), 'ab');
	t.is(sanitizeText('a\u001BX sos \u001B\\b\u001B^ pm \u001B\\c\u001B_ apc \u001B\\d'), 'abcd');
	t.is(sanitizeText('a\u001Bcb\u001B(0c\u001B7d\u001B#8e'), 'abcde');
	t.is(sanitizeText('trailing\u001B'), 'trailing');
	t.is(sanitizeText('\u001B\u001B[31mx'), 'x');
});

test('C1 controls, including the 8-bit CSI, OSC and DCS introducers', t => {
	t.is(sanitizeText('a\u009B2Jb'), 'ab');
	t.is(sanitizeText('a\u009D0;c1 title\u009Cb'), 'ab');
	t.is(sanitizeText('a\u0090c1 dcs\u009Cb'), 'ab');
	t.is(sanitizeText('a\u0085b\u008Dc\u0080d\u009Fe'), 'abcde');
});

test('BEL, BS, DEL and other C0 controls go; CR cannot overwrite a line', t => {
	t.is(sanitizeText('bell\u0007 del\u007F nul\u0000 vt\u000B ff\u000C'), 'bell del nul vt ff');
	t.is(sanitizeText('safe\b\b\b\bevil'), 'safeevil');
	t.is(sanitizeText('Safe\rEvil'), 'Safe\nEvil');
	t.is(sanitizeText('one\r\ntwo\n\tthree'), 'one\ntwo\n\tthree');
	t.is(sanitizeLine('  Safe\rEvil\n\tnext  '), 'Safe Evil next');
});

test('bidi overrides, isolates and marks go; Arabic, CJK and emoji stay', t => {
	t.is(sanitizeText('\u202Eevil\u202C \u202A\u202B\u202D \u2066iso\u2069 \u2067\u2068 \u200Emark\u200F \u061C.'), 'evil  iso  mark .');
	const text = 'مرحبا بالعالم 東京 😀 👨‍👩‍👧 café';
	t.is(sanitizeText(text), text);
	t.is(sanitizeLine(text), text);
});

test('an unterminated string sequence cannot swallow the article', t => {
	const long = 'x'.repeat(5000);
	t.is(sanitizeText(`a\u001B]0;${long}`), `a0;${long}`);
	t.is(sanitizeText('a\u001B]0;title'), 'a0;title');
	t.is(sanitizeText('a\u001B]0;title\nnext'), 'a0;title\nnext');
	// An ESC inside the string ends it, as in a terminal, and starts a sequence of its own.
	t.is(sanitizeText('a\u001B]0;t\u001B[31mb'), 'ab');
});

test('sanitising is idempotent and leaves clean text untouched', t => {
	for (const piece of hostilePieces) {
		const once = sanitizeText(`x${piece}y`);
		t.is(sanitizeText(once), once);
		t.true(isClean(once), JSON.stringify(once));
		t.false(anyControl.test(once));
	}

	const clean = 'Plain text, “quotes”, tabs\tand\nlines.';
	t.is(sanitizeText(clean), clean);
	t.true(isClean(clean));
	t.false(isClean('a\u001Bb'));
	t.false(isClean('a\rb'));
	t.false(isClean('a\u202Eb'));
});

test('linear time on 3 MB adversarial lines', t => {
	const inputs = [
		'\u001B]'.repeat(1_500_000),
		('\u001B]' + 'a'.repeat(5000)).repeat(600),
		('\u001B[' + '1;'.repeat(3000)).repeat(500),
		'\u009D'.repeat(3_000_000),
		('word \u001B[31m\u001B]0;x\u0007&#27;\u202E\r').repeat(100_000),
		'a'.repeat(3_000_000),
	];
	for (const input of inputs) {
		const output = sanitizeText(input);
		t.true(isClean(output));
		t.true(isSafeTerminalOutput(output));
	}

	t.is(sanitizeText('\u001B]'.repeat(1_500_000)), '');
	t.is(sanitizeText('\u009D'.repeat(3_000_000)), '');
});

test('isSafeTerminalOutput accepts only SGR and OSC 8 links to web and mail targets', t => {
	t.true(isSafeTerminalOutput('plain\ttext\nlines'));
	t.true(isSafeTerminalOutput('\u001B[1mbold\u001B[22m \u001B[38;5;12mc\u001B[0m \u001B[m'));
	t.true(isSafeTerminalOutput('\u001B]8;;https://example.com/a?b=1\u001B\\link\u001B]8;;\u001B\\'));
	t.true(isSafeTerminalOutput('\u001B]8;;http://example.com\u0007link\u001B]8;;\u0007'));
	t.true(isSafeTerminalOutput('\u001B]8;id=1;mailto:a@example.com\u001B\\mail\u001B]8;;\u001B\\'));
	t.false(isSafeTerminalOutput('\u001B]8;;javascript:alert(1)\u001B\\x\u001B]8;;\u001B\\'));
	t.false(isSafeTerminalOutput('\u001B]8;;file:///etc/passwd\u001B\\x'));
	t.false(isSafeTerminalOutput('\u001B]8;;https://a b\u001B\\x'));
	t.false(isSafeTerminalOutput('\u001B]0;title\u0007'));
	t.false(isSafeTerminalOutput('\u001B]52;c;eA==\u0007'));
	t.false(isSafeTerminalOutput('\u001B[2J'));
	t.false(isSafeTerminalOutput('\u001B[31;1H'));
	t.false(isSafeTerminalOutput('\u001B'));
	t.false(isSafeTerminalOutput('\u009B31m'));
	t.false(isSafeTerminalOutput('a\rb'));
	t.false(isSafeTerminalOutput('a\u0007'));
	t.false(isSafeTerminalOutput('a\bb'));
	t.false(isSafeTerminalOutput('a\u007F'));
	t.false(isSafeTerminalOutput('a\u202Eb'));
	t.false(isSafeTerminalOutput('a\u200Fb'));
});

const renderOptions: RenderOptions[] = [20, 40, 80, 200].flatMap(width => [
	{width, color: false, hyperlinks: false},
	{width, color: true, hyperlinks: true},
	{width, color: true, hyperlinks: false},
]);

/** Every output of an article, as text: the terminal lines in each mode, Markdown, and JSON. */
function outputsOf(article: Article): Array<[string, string]> {
	return [
		...renderOptions.map((options): [string, string] => [JSON.stringify(options), renderArticle(article, options).lines.join('\n')]),
		['markdown', formatMarkdown(article)],
		['json', formatJson(article, false)],
	];
}

test('hostile articles: every output is safe and nothing the article carried survives as an escape', t => {
	for (const piece of hostilePieces) {
		for (const [name, output] of outputsOf(hostileArticle(piece))) {
			t.true(isSafeTerminalOutput(output), `${JSON.stringify(piece)} in ${name}`);
			// With inkwire's own escapes taken out, not one ESC, C1, BEL, CR or bidi control is left.
			t.false(anyControl.test(output.replace(ownEscapes, '')), `${JSON.stringify(piece)} in ${name}`);
		}
	}
});

test('hostile articles: plain output has no escape byte and every link target is printable http(s)', t => {
	for (const piece of hostilePieces) {
		const article = hostileArticle(piece);
		t.false(renderArticle(article, {width: 80, color: false, hyperlinks: false}).lines.join('\n').includes('\u001B'));
		const linked = renderArticle(article, {width: 80, color: false, hyperlinks: true}).lines.join('\n');
		for (const [, target] of linked.matchAll(/\u001B\]8;;([^\u001B]*)\u001B\\/g)) {
			t.regex(target!, /^(?:https?:\/\/[\u0021-\u007E]+)?$/);
		}
	}
});

test('hostile JSON: every string field parses back clean', t => {
	for (const piece of hostilePieces) {
		const value = JSON.parse(formatJson(hostileArticle(piece), true)) as Record<string, unknown>;
		for (const field of Object.values(value)) {
			for (const text of (Array.isArray(field) ? field : [field]).filter(item => typeof item === 'string')) {
				t.true(isClean(text as string), `${JSON.stringify(piece)}: ${JSON.stringify(text)}`);
			}
		}
	}
});

test('entity-encoded escapes never become control bytes; double-encoded ones show literally', t => {
	const body = 'A &#27;[2J B &#x1b;]0;t&#7; C &#155;31m D &#x9b;2J E &amp;#27;[2J F &amp;#x1b; G &#8238;x';
	const article: Article = {id: 'e', title: 'Entities &#27;[2J', tags: [], words: 1, readingMinutes: 1, body};
	const lines = renderArticle(article, {width: 200, color: false, hyperlinks: false}).lines;
	t.is(lines[0], 'Entities &#27;[2J');
	// HTML5 reads the numeric references 128-159 as Windows-1252 (&#155; is ›), never as C1 controls.
	t.is(lines.at(-1), 'A B C ›31m D ›2J E &#27;[2J F &#x1b; G x');
	// A link target, link text and title attribute with encoded escapes.
	const link: Article = {...article, body: '[t&#x9d;0;x&#x9c;e&#x9b;1mxt](https://example.com/&#27;[2J&#x9b;2Jp "ti&#27;[2Jtle")'};
	const linked = renderArticle(link, {width: 200, color: true, hyperlinks: true}).lines.find(line => line.includes('\u001B]8;;h'))!;
	t.true(isSafeTerminalOutput(linked));
	t.true(linked.includes('\u001B]8;;https://example.com/%E2%80%BA2Jp\u001B\\'));
	t.is(linked.replace(ownEscapes, ''), 't0;xœe›1mxt[1]');
	// The Markdown and JSON outputs keep the references as text a later renderer cannot decode into ESC.
	const markdown = formatMarkdown(article);
	t.true(markdown.includes('A &amp;#27;[2J B &amp;#x1b;]0;t&amp;#7; C &amp;#155;31m D &amp;#x9b;2J E &amp;#27;[2J'));
	t.true(markdown.includes('G &amp;#8238;x'));
	t.true(markdown.startsWith('# Entities \\&\\#27;\\[2J\n'));
});

test('the lines a hostile scraped page tries to forge stay visible', t => {
	const article: Article = {id: 'cr', title: 'Real headline\rFake headline', tags: [], words: 1, readingMinutes: 1, body: 'Price: 10\r20 and safe\b\b\b\bevil'};
	const lines = renderArticle(article, {width: 80, color: false, hyperlinks: false}).lines;
	t.is(lines[0], 'Real headline Fake headline');
	t.is(lines.at(-1), 'Price: 10 20 and safeevil');
});

test('sanitizeLine folds every kind of whitespace run and trims, and leaves a field with single spaces as it is', t => {
	const cases: Array<[string, string]> = [
		['Council weighs budget', 'Council weighs budget'],
		['two  spaces', 'two spaces'],
		[' leading', 'leading'],
		['trailing ', 'trailing'],
		['no\u00A0break', 'no break'],
		['tab\there', 'tab here'],
		['line\nbreak', 'line break'],
		['\u3000ideographic', 'ideographic'],
		['', ''],
		[' ', ''],
	];
	for (const [input, expected] of cases) {
		t.is(sanitizeLine(input), expected, JSON.stringify(input));
	}
});
