import test from 'ava';
import {explainRawText, parseRawText} from '../source/core/article/scraped/raw-text.js';
import {readDateline} from '../source/core/article/scraped/dateline.js';
import {isClean} from '../source/core/text/sanitize.js';

/**
Inputs aimed at each pattern and loop of the scraped-text cleaner: a backtracking regex or a loop over pairs of
blocks would make one of these hang; here each must simply finish, with a clean article. Lines sit just under and
far over the length limits the recognisers check first (120 for datelines, 130 for place bylines, 200 for bylines,
240 for furniture, 600 for captions).
*/

const line = (text: string, count: number): string => Array.from({length: count}, () => text).join('\n');

const hostile: Array<[string, () => string]> = [
	['a 2 MB line of "By "', () => 'By '.repeat(700_000)],
	['a byline name of 199 capitals, 20,000 times', () => line(`By ${'A'.repeat(196)}`, 20_000)],
	['place bylines that almost match, 20,000 times', () => line(`${'Anna in '.repeat(15)}paris`, 20_000)],
	['119-character digit and colon runs, 20,000 times', () => line('1:2.3/4-5 '.repeat(12).slice(0, 119), 20_000)],
	['datelines with a month name at every word, 20,000 times', () => line('5 June 5 June 5 June 5 June 5 June 5 June 5 June 5 June 2023 and more', 20_000)],
	['599 opening brackets then a credit, 20,000 times', () => line(`${'('.repeat(590)}(AFP)`, 20_000)],
	['caption credit words everywhere, 20,000 times', () => line('photo photo: image image/ credit: '.repeat(17), 20_000)],
	['a cookie notice of 80 words, 20,000 times', () => line('cookie consent accept '.repeat(26), 20_000)],
	['100,000 one-word menu lines', () => line('News', 100_000)],
	['100,000 headline-like lines, then prose', () => `${line('A Headline That Goes On', 100_000)}\n\nThe text of the story starts here and it reads like prose.`],
	['20,000 related boxes between paragraphs', () => line('Related\nA teaser headline\n\nA paragraph of the story that is long enough to count as prose.\n', 20_000)],
	['20,000 short lines that repeat the paragraph around them', () => line('The quote in the text.\nThe quote in the text. And more of the paragraph around it, as prose.', 20_000)],
	['a 100,000-line hard-wrapped paragraph', () => line('the wrapped line of a very long paragraph that goes on and on', 100_000)],
	['40,000 live-blog times', () => line('14:07\nAn update that is long enough to be read as prose here.', 40_000)],
	['40,000 wire leads', () => line('SPOKANE, Wash. (AP) — The fish came back, biologists said on Thursday.', 40_000)],
	['one 3 MB line of words', () => 'word '.repeat(600_000)],
	['lone surrogates, bidi controls and escapes on every line', () => line('\uD800 \u202E \u001B[2J &#27; Headline \uDFFF', 20_000)],
];

for (const [name, make] of hostile) {
	test(`hostile input finishes with a clean article: ${name}`, t => {
		const text = make();
		const article = parseRawText(text);
		for (const value of [article.title, article.source, article.author, article.date, article.caption, article.body]) {
			t.true(value === undefined || isClean(value));
		}

		t.true((article.title ?? '').length <= 400);
		t.true(explainRawText(text).length > 0);
	});
}

test('readDateline refuses long lines before any pattern runs', t => {
	t.is(readDateline(`5 June 2023${' '.repeat(200)}`), undefined);
	t.is(readDateline('1'.repeat(100_000)), undefined);
});
