import test from 'ava';
import fc from 'fast-check';
import {maxTermLength, tokenizeTerms, tokenizeWithSpans} from '../source/core/search/tokenize.js';
import {highlightTerms, parseQuery, type QueryClause} from '../source/core/search/query.js';
import {findMatches, findMatchesInLine} from '../source/core/search/highlight.js';
import {makeSnippet, plainTextOfMarkdown} from '../source/core/search/snippet.js';

test('tokenizer: case and accents folded, compatibility forms unified', t => {
	t.deepEqual(tokenizeTerms('Café CAFÉ cafe\u0301 Straße ﬁne Ｆｕｌｌ Ørsted Łódź Æsir'), ['cafe', 'cafe', 'cafe', 'strasse', 'fine', 'full', 'orsted', 'lodz', 'aesir']);
	t.deepEqual(tokenizeTerms('e-mail, U.S. don\'t 2024'), ['e', 'mail', 'u', 's', 'don', 't', '2024']);
});

test('tokenizer: Chinese and Japanese runs become overlapping bigrams, a lone character a unigram', t => {
	t.deepEqual(tokenizeTerms('東京都に'), ['東京', '京都', '都に']);
	t.deepEqual(tokenizeTerms('北京市政府'), ['北京', '京市', '市政', '政府']);
	t.deepEqual(tokenizeTerms('iPhone用 東'), ['iphone', '用', '東']);
	t.deepEqual(tokenizeTerms('ｶﾀｶﾅ'), tokenizeTerms('カタカナ'));
	// Korean is written with spaces: its words stay words.
	t.deepEqual(tokenizeTerms('한국어 텍스트'), ['한국어', '텍스트']);
});

test('tokenizer: Arabic diacritics, alef forms, alef maksura, teh marbuta, tatweel and digits normalised', t => {
	t.deepEqual(tokenizeTerms('المَدْرَسَةُ'), ['المدرسه']);
	t.deepEqual(tokenizeTerms('أحمد إلى آخر ٱلكتاب'), ['احمد', 'الي', 'اخر', 'الكتاب']);
	t.deepEqual(tokenizeTerms('الـــمدرسة ٢٠٢٥ ۱۲'), ['المدرسه', '2025', '12']);
	t.deepEqual(tokenizeTerms('فارسی کتاب'), ['فارسي', 'كتاب']);
});

test('tokenizer: spans point at the original text, terms are bounded', t => {
	const text = 'Ça va, 東京都!';
	const tokens = tokenizeWithSpans(text);
	t.deepEqual(tokens.map(token => text.slice(token.start, token.end)), ['Ça', 'va', '東京', '京都']);
	t.is(tokenizeTerms('x'.repeat(500))[0]!.length, maxTermLength);
	t.deepEqual(tokenizeTerms('\u001B[31m red \u0000 \uD800 lone'), ['31m', 'red', 'lone']);
});

test('tokenizer: never throws, spans stay inside the text and in order', t => {
	t.notThrows(() => fc.assert(fc.property(fc.string({unit: 'grapheme', maxLength: 200}), text => {
		let last = 0;
		for (const token of tokenizeWithSpans(text)) {
			if (token.start < 0 || token.end > text.length || token.start >= token.end || token.start < last - 2 || token.term === '') {
				return false;
			}

			last = token.start;
		}

		return true;
	}), {numRuns: 300}));
});

function only(query: string): QueryClause {
	const {clauses} = parseQuery(query);
	if (clauses.length !== 1) {
		throw new Error(`expected one clause in ${query}, got ${clauses.length}`);
	}

	return clauses[0]!;
}

test('query: words, phrases, prefixes, fields and exclusions', t => {
	const parsed = parseQuery('Climate "central BANK" rail* source:Reuters -tag:sport title:"new targets" -rain');
	t.deepEqual(parsed.clauses.map(clause => [clause.terms.join(' '), clause.isPhrase, clause.isPrefix, clause.fields.join(','), clause.isExcluded]), [
		['climate', false, false, 'title,source,author,tags,body', false],
		['central bank', true, false, 'title,source,author,tags,body', false],
		['rail', false, true, 'title,source,author,tags,body', false],
		['reuters', false, false, 'source', false],
		['sport', false, false, 'tags', true],
		['new targets', true, false, 'title', false],
		['rain', false, false, 'title,source,author,tags,body', true],
	]);
	t.deepEqual(only('author:pérez').fields, ['author']);
	t.deepEqual(only('TAGS:Climate').fields, ['tags']);
	t.true(only('"ferry strike"*').isPrefix);
});

test('query: words that split are phrases; Chinese and Japanese too; a lone character is a prefix', t => {
	t.like(only('e-mail'), {terms: ['e', 'mail'], isPhrase: true});
	t.like(only('東京都'), {terms: ['東京', '京都'], isPhrase: true, isPrefix: false});
	t.like(only('東'), {terms: ['東'], isPrefix: true});
});

test('query: malformed input is read as text, never an error', t => {
	t.like(only('"city council'), {terms: ['city', 'council'], isPhrase: true});
	t.deepEqual(parseQuery('"').clauses, []);
	t.deepEqual(parseQuery('- * "" title: -').clauses.map(clause => clause.terms), [['title']]);
	t.like(only('http://example.com'), {terms: ['http', 'example', 'com'], isPhrase: true});
	t.like(only('nofield:x'), {terms: ['nofield', 'x'], fields: ['title', 'source', 'author', 'tags', 'body']});
	t.is(parseQuery('a '.repeat(5000)).clauses.length, 32);
	t.notThrows(() => fc.assert(fc.property(fc.string({maxLength: 300}), text => {
		const {clauses} = parseQuery(text, {isPrefixLast: true});
		return clauses.every(clause => clause.terms.length > 0 && clause.fields.length > 0);
	}), {numRuns: 500}));
});

test('query: the last word is a prefix while typing, not once a space follows it', t => {
	t.true(parseQuery('harbour cou', {isPrefixLast: true}).clauses[1]!.isPrefix);
	t.false(parseQuery('harbour cou', {isPrefixLast: true}).clauses[0]!.isPrefix);
	t.false(parseQuery('harbour cou ', {isPrefixLast: true}).clauses[1]!.isPrefix);
	t.false(parseQuery('"harbour cou"', {isPrefixLast: true}).clauses[0]!.isPrefix);
	t.false(parseQuery('harbour cou').clauses[1]!.isPrefix);
});

test('highlight terms are the required ones, prefixes marked', t => {
	t.deepEqual(highlightTerms(parseQuery('Ferry strike* -rain "new rotas"')), [
		{term: 'ferry', isPrefix: false}, {term: 'strike', isPrefix: true}, {term: 'new', isPrefix: false}, {term: 'rotas', isPrefix: false},
	]);
});

test('matches in rendered lines: folded, prefixed, phrases across a line break, no overlaps', t => {
	const lines = ['The CAFÉ opened; cafes', 'followed. City', 'council met the city council.'];
	t.deepEqual(findMatches(lines, 'café'), [
		{ranges: [{line: 0, start: 4, end: 8}]},
	]);
	t.deepEqual(findMatches(lines, 'caf*').map(match => match.ranges[0]), [{line: 0, start: 4, end: 8}, {line: 0, start: 17, end: 22}]);
	t.deepEqual(findMatches(lines, '"city council"'), [
		{ranges: [{line: 1, start: 10, end: 14}, {line: 2, start: 0, end: 7}]},
		{ranges: [{line: 2, start: 16, end: 28}]},
	]);
	t.is(findMatches(lines, 'city').length, 2);
	t.deepEqual(findMatches(lines, '-city'), []);
	t.deepEqual(findMatchesInLine('東京都の計画', '東京都'), [[0, 3]]);
	t.deepEqual(findMatchesInLine('المَدْرَسَةُ الجديدة', 'المدرسة'), [[0, 12]]);
});

test('snippets: around the first match, cut at words, marked where cut, sanitised', t => {
	const body = `${'Lorem ipsum dolor sit amet. '.repeat(20)}The **harbour** opened.\u001B[2J Then ${'more words here. '.repeat(20)}`;
	const snippet = makeSnippet(body, parseQuery('harbour'));
	t.true(snippet.text.startsWith('…'));
	t.true(snippet.text.endsWith('…'));
	t.false(snippet.text.includes('\u001B'));
	t.false(snippet.text.includes('**'));
	t.is(snippet.matches.length, 1);
	const [start, end] = snippet.matches[0]!;
	t.is(snippet.text.slice(start, end), 'harbour');
	t.true(snippet.text.length <= 165);
	const short = makeSnippet('Title only matched.', parseQuery('nothing'));
	t.deepEqual(short, {text: 'Title only matched.', matches: []});
	t.is(plainTextOfMarkdown('# Head\n\n> [a link](https://x.example) and ![pic](p.png) <b>bold</b> `code`'), 'Head\n\na link and pic bold code');
});
