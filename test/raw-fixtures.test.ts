import {readFileSync} from 'node:fs';
import test from 'ava';
import {parseArticle} from '../source/core/article/parse.js';
import {parseRawText} from '../source/core/article/scraped/raw-text.js';

/**
Every raw dump under test/fixtures/raw/ against its expected fields (expected.json): title, source, author, date,
caption, subheadings, first and last paragraph, the strings that must be gone, and for wire copy its dateline place
and agency. The table is printed with the test (`npx ava test/raw-fixtures.test.ts --verbose`).
*/

type Expected = {
	file: string;
	title: string;
	source: string | null;
	author: string | null;
	date: string | null;
	caption: string | null;
	subheads: string[];
	first: string | null;
	last: string | null;
	gone: string[];
	dateline?: string;
	agency?: string;
};

const expectations = JSON.parse(readFileSync(new URL('fixtures/raw/expected.json', import.meta.url), 'utf8')) as Expected[];

/** Paragraphs and subheadings of a Markdown body, without the escapes the cleaner added. */
function readBody(body: string): {paragraphs: string[]; subheads: string[]} {
	const blocks = body === '' ? [] : body.split('\n\n').map(block => block.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
	return {
		subheads: blocks.filter(block => block.startsWith('## ')).map(block => block.slice(3)),
		paragraphs: blocks.filter(block => !block.startsWith('## ') && !/^(?:- |\d+\. )/.test(block)),
	};
}

/** Each field of one fixture: whether it came out right, and what came out when it did not. */
export function checkFixture(expected: Expected): Array<{field: string; isRight: boolean; actual: string}> {
	const text = readFileSync(new URL(`fixtures/raw/${expected.file}`, import.meta.url), 'utf8');
	const {article} = parseArticle(text, {id: `raw/${expected.file}`, format: 'text'});
	const raw = parseRawText(text);
	const {paragraphs, subheads} = readBody(article.body);
	const first = paragraphs[0] ?? '';
	const last = paragraphs.at(-1) ?? '';
	const checks = [
		{field: 'title', isRight: article.title === expected.title, actual: article.title},
		{field: 'source', isRight: (article.source ?? null) === expected.source, actual: String(article.source)},
		{field: 'author', isRight: (article.author ?? null) === expected.author, actual: String(article.author)},
		{field: 'date', isRight: (article.date ?? null) === expected.date, actual: String(article.date)},
		{field: 'caption', isRight: (article.caption ?? null) === expected.caption, actual: String(article.caption)},
		{field: 'subheads', isRight: JSON.stringify(subheads) === JSON.stringify(expected.subheads), actual: JSON.stringify(subheads)},
		{field: 'first', isRight: expected.first === null ? first === '' : first.startsWith(expected.first), actual: first.slice(0, 90)},
		{field: 'last', isRight: expected.last === null ? last === '' : last.endsWith(expected.last), actual: last.slice(-90)},
		{field: 'gone', isRight: expected.gone.every(gone => !article.body.includes(gone)), actual: expected.gone.filter(gone => article.body.includes(gone)).join(' | ')},
	];
	for (const key of ['dateline', 'agency'] as const) {
		if (expected[key] !== undefined) {
			checks.push({field: key, isRight: raw[key] === expected[key], actual: String(raw[key])});
		}
	}

	return checks;
}

test('fixture table: every raw dump has every field right', t => {
	t.true(expectations.length >= 40, `only ${expectations.length} fixtures`);
	const rows: string[] = [];
	const wrong: string[] = [];
	let right = 0;
	let total = 0;
	for (const expected of expectations) {
		const checks = checkFixture(expected);
		const good = checks.filter(check => check.isRight).length;
		right += good;
		total += checks.length;
		rows.push(`| ${expected.file} | ${good}/${checks.length} |`);
		for (const check of checks.filter(check => !check.isRight)) {
			wrong.push(`${expected.file} ${check.field}: ${check.actual}`);
		}
	}

	t.log(['', '| dump | fields right / fields |', '|---|---|', ...rows, `| **all ${expectations.length}** | **${right}/${total}** |`].join('\n'));
	t.deepEqual(wrong, [], wrong.join('\n'));
});
