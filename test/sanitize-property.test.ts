import test from 'ava';
import fc from 'fast-check';
import type {Article} from '../source/core/article/article.js';
import {formatJson, formatMarkdown, renderArticle} from '../source/core/render/article.js';
import {isClean, isSafeTerminalOutput, sanitizeLine, sanitizeText} from '../source/core/text/sanitize.js';

// Pieces an attacker (or a broken scraper) would reach for, mixed with Markdown syntax that changes how marked
// tokenises the text around them: links, emphasis, code, lists, tables, raw HTML.
const hostilePieces = [
	'\u001B[', '\u001B]0;', '\u001B]8;;', '\u001B]52;c;', '\u001BP', '\u001B\\', '\u001B', '\u0007', '\u009B', '\u009D',
	'\u009C', '\u0085', '\b', '\r', '\r\n', '\u007F', '\u0000', '\u202E', '\u2066', '\u200F', '\u061C', '2J', '31m',
	'&#27;', '&#x1b;', '&#X1B;', '&#155;', '&#x9b;', '&#157;', '&#7;', '&#8;', '&#13;', '&#8238;', '&amp;#27;', '&amp;',
	'&lt;', '&rlm;', '&copy;', '[', ']', '(', ')', '](', '](https://example.com/', '](javascript:', '<', '>', '<https://',
	'**', '*', '_', '`', '```\n', '~~', '\n', '\n\n', '- ', '1. ', '> ', '# ', '| a | b |\n|---|---|\n| ', '<div>',
	'</div>', '<script>', '<!--', '  \n', '\\', 'https://', 'mailto:', ' ', '\t', '東京', '😀', 'مرحبا', '\u0301',
];

const hostileText = fc.array(fc.oneof(
	{weight: 3, arbitrary: fc.constantFrom(...hostilePieces)},
	{weight: 1, arbitrary: fc.string({unit: 'binary', maxLength: 12})},
	{weight: 1, arbitrary: fc.string({maxLength: 12})},
), {maxLength: 30}).map(pieces => pieces.join(''));

const hostileArticle: fc.Arbitrary<Article> = fc.record({
	id: hostileText,
	title: hostileText,
	source: fc.option(hostileText, {nil: undefined}),
	author: fc.option(hostileText, {nil: undefined}),
	date: fc.option(fc.oneof(hostileText, fc.constant('2020-06-26T07:00')), {nil: undefined}),
	url: fc.option(hostileText, {nil: undefined}),
	caption: fc.option(hostileText, {nil: undefined}),
	tags: fc.array(hostileText, {maxLength: 3}),
	words: fc.nat(100_000),
	readingMinutes: fc.integer({min: 1, max: 500}),
	body: fc.array(hostileText, {maxLength: 6}).map(parts => parts.join('\n\n')),
}, {requiredKeys: ['id', 'title', 'tags', 'words', 'readingMinutes', 'body']}) as fc.Arbitrary<Article>;

// eslint-disable-next-line no-control-regex
const ownEscapes = /\u001B\[[\d;:]*m|\u001B\]8;;(?:https?:\/\/|mailto:)[\u0021-\u007E]*\u001B\\|\u001B\]8;;\u001B\\/g;

test('sanitizeText and sanitizeLine: clean, safe, idempotent, whatever the input', t => {
	fc.assert(fc.property(hostileText, text => {
		const multiline = sanitizeText(text);
		const line = sanitizeLine(text);
		return isClean(multiline) && isSafeTerminalOutput(multiline) && sanitizeText(multiline) === multiline
			&& isClean(line) && !/[\n\t]/.test(line) && line === line.trim() && sanitizeLine(line) === line;
	}), {numRuns: 2000});
	t.pass();
});

test('renderArticle never throws and every line is safe, in every mode and at any width', t => {
	fc.assert(fc.property(hostileArticle, fc.integer({min: 1, max: 250}), fc.boolean(), fc.boolean(), (article, width, color, hyperlinks) => {
		const lines = renderArticle(article, {width, color, hyperlinks}).lines;
		for (const line of lines) {
			if (line.includes('\n') || !isSafeTerminalOutput(line) || !isClean(line.replace(ownEscapes, ''))) {
				return false;
			}

			if (!color && !hyperlinks && line.includes('\u001B')) {
				return false;
			}
		}

		return lines.length > 0 && lines.at(-1) !== '';
	}), {numRuns: 600});
	t.pass();
});

test('formatMarkdown and formatJson never throw and are safe; JSON parses back to clean strings', t => {
	fc.assert(fc.property(hostileArticle, fc.boolean(), (article, read) => {
		const markdown = formatMarkdown(article);
		const json = formatJson(article, read);
		if (!isSafeTerminalOutput(markdown) || markdown.includes('\u001B') || !isSafeTerminalOutput(json)) {
			return false;
		}

		const value = JSON.parse(json) as Record<string, unknown>;
		const strings = Object.values(value).flatMap(field => (Array.isArray(field) ? field : [field])).filter(item => typeof item === 'string');
		return value.read === read && strings.every(text => isClean(text as string));
	}), {numRuns: 600});
	t.pass();
});
