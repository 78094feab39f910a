import {readFileSync} from 'node:fs';
import test from 'ava';
import {Marked} from 'marked';
import type {Article} from '../source/core/article/article.js';
import {parseArticle} from '../source/core/article/parse.js';
import {parseRawText} from '../source/core/article/scraped/raw-text.js';
import {isClean} from '../source/core/text/sanitize.js';
import {bannerStrength, siteNameFromBanner} from '../source/core/article/scraped/site-names.js';

const seedName = 'asharq-al-awsat-2020-06-26-russia-syria-national-unity.txt';

function readFixture(name: string): string {
	return readFileSync(new URL(`fixtures/raw/${name}`, import.meta.url), 'utf8');
}

function parseText(text: string): Article {
	return parseArticle(text, {id: 'raw/test', format: 'text'}).article;
}

function parseFixture(name: string): Article {
	return parseText(readFixture(name));
}

/** The body's blocks (paragraphs, headings, lists), as Markdown separates them. */
function blocks(body: string): string[] {
	return body === '' ? [] : body.split('\n\n');
}

function subheadings(body: string): string[] {
	return blocks(body).filter(block => block.startsWith('## ')).map(block => block.slice(3));
}

function paragraphs(body: string): string[] {
	return blocks(body).filter(block => !block.startsWith('## ') && !block.startsWith('- ') && !/^\d+\. /.test(block));
}

// The seed: a real page of Asharq Al-Awsat English, scraped as text.

test('seed: headline, source, date and caption', t => {
	const article = parseFixture(seedName);
	t.is(article.title, 'Russia Expands its Syrian Contacts to Hold ‘National Unity’ Meeting');
	t.is(article.source, 'Asharq Al-Awsat');
	t.is(article.date, '2020-06-26T07:00');
	t.is(article.caption, 'Souvenir plates bearing the Syrian flag and the portraits of Russian President Vladimir Putin and Syrian President Bashar Assad are pictured in a shop in a bazaar in old Damascus. (AFP)');
	t.is(article.author, undefined);
});

test('seed: body has the two subheadings and the paragraphs, nothing else', t => {
	const {body} = parseFixture(seedName);
	t.deepEqual(subheadings(body), ['Deep return', 'Strong state']);
	t.is(paragraphs(body).length, 12);
	t.is(blocks(body).length, 14);
	t.true(paragraphs(body)[0]!.startsWith('Russian officials have in recent days taken two more steps'));
	t.true(paragraphs(body).at(-1)!.endsWith('Opposition Forces Moaz al-Khatib.'));
});

test('seed: no banner, headline, caption or site furniture in the body', t => {
	const {body} = parseFixture(seedName);
	t.false(body.includes('Russia Expands its Syrian Contacts'));
	t.false(body.includes('Middle-east and International News'));
	t.false(body.includes('Asharq Al-awsat English'));
	t.false(body.includes('Souvenir plates'));
	t.false(body.includes('Friday, 26 June'));
	t.false(body.includes('Editor Picks'));
	t.false(body.startsWith('\n'));
	t.false(body.endsWith('\n'));
});

test('seed: words and reading time', t => {
	const article = parseFixture(seedName);
	t.true(article.words > 900 && article.words < 1050, String(article.words));
	t.is(article.readingMinutes, Math.round(article.words / 230));
});

// Other shapes.

test('banner with " - Home", byline with two names and a role, Published dateline, (Reuters) caption, list, trailing furniture', t => {
	const article = parseFixture('worldline-published-reuters-caption.txt');
	t.is(article.source, 'Worldline News');
	t.is(article.title, 'Glasshouse Growers Turn Waste Heat From a Data Centre Into Winter Tomatoes');
	t.is(article.author, 'Ines Carvalho and Peter Lund');
	t.is(article.date, '2022-03-14T09:15Z');
	t.true(article.caption!.endsWith('near Vestby on Monday. (Reuters)'));
	t.deepEqual(subheadings(article.body), ['What the growers get']);
	t.true(article.body.includes('- Warm water all year, at a fixed price for ten years\n- A share of the electricity the centre saves on cooling\n- Priority for the next phase of greenhouses'));
	t.true(article.body.endsWith('running extra cooling fans in summer.'));
	for (const furniture of ['Share this article', 'Related Articles', 'Data centres look north', '©', 'All rights reserved', 'Worldline News']) {
		t.false(article.body.includes(furniture), furniture);
	}
});

test('headline on the first line (no banner), byline, date, headline repeated a few lines later, hard-wrapped paragraphs', t => {
	const article = parseFixture('harbour-lights-headline-first.txt');
	t.is(article.source, undefined);
	t.is(article.title, 'Harbour Lights Festival Returns After Three-Year Pause');
	t.is(article.author, 'Tomás Ortega');
	t.is(article.date, '2023-06-05');
	t.false(article.body.includes('Three-Year Pause'));
	t.deepEqual(subheadings(article.body), ['Built by volunteers']);
	const texts = paragraphs(article.body);
	t.is(texts.length, 5);
	t.is(texts[0], 'The lantern boats were back on the water on Saturday night for the first time since 2019, and the crowd on the sea wall was larger than the organisers had dared to plan for. Police estimated that 12,000 people lined the harbour between the lifeboat station and the old customs house.');
	t.false(article.body.includes('the\nsea wall'));
});

test('furniture in mid-article does not cut it; stray furniture lines go, the story stays', t => {
	const article = parseFixture('northern-courier-midway-furniture.txt');
	t.is(article.source, 'The Northern Courier');
	t.is(article.title, 'Town Council Approves Plan to Reopen the Old Railway Path');
	t.is(article.date, '2023-06-05T14:30:00Z');
	t.true(article.body.includes('Work on a replacement bridge is expected to start in September'));
	t.true(article.body.includes('The council has promised a review after the first summer.'));
	t.true(article.body.endsWith('"the best news we have had in years".'));
	for (const furniture of ['Advertisement', 'Related', 'Cyclist injured', 'Read more', 'Follow us', 'Most Popular', 'Five things']) {
		t.false(article.body.includes(furniture), furniture);
	}

	t.is(paragraphs(article.body).length, 6);
});

test('Japanese: banner with "|", 年月日 dateline, CJK wrapped lines joined without spaces, subheading, 関連記事 dropped', t => {
	const article = parseFixture('touwan-shinpo-japanese.txt');
	t.is(article.source, '東湾新報');
	t.is(article.title, '港の朝市、五年ぶりに再開へ');
	t.is(article.date, '2024-03-02T10:15');
	t.deepEqual(subheadings(article.body), ['新しい決まり']);
	t.is(paragraphs(article.body)[0], '港の朝市が来月、五年ぶりに再開される。主催する漁業組合が二日、明らかにした。毎週日曜日の午前六時から九時まで、岸壁の倉庫前で開かれる予定だ。');
	t.false(article.body.includes('関連記事'));
	t.false(article.body.includes('春の漁'));
	t.true(article.words > 50);
});

test('Arabic: banner with " - ", بقلم byline, Arabic dateline and (رويترز) caption', t => {
	const article = parseFixture('wadi-daily-arabic.txt');
	t.is(article.source, 'صحيفة الوادي');
	t.is(article.title, 'افتتاح أول مكتبة متنقلة في قرى الوادي');
	t.is(article.author, 'سلمى العتيبي');
	t.is(article.date, '2020-06-26');
	t.true(article.caption!.endsWith('(رويترز)'));
	t.deepEqual(subheadings(article.body), ['جدول الزيارات']);
	t.is(paragraphs(article.body).length, 4);
});

test('Chinese: headline first, ISO date, bullet list under a subheading', t => {
	const article = parseFixture('lakeside-chinese-list.txt');
	t.is(article.source, undefined);
	t.is(article.title, '湖畔小城试行夜间公交 首月乘客超过两万人次');
	t.is(article.date, '2023-06-05');
	t.deepEqual(subheadings(article.body), ['乘客反映']);
	t.true(article.body.includes('- 候车时间比预期短\n- 部分站点照明不足\n- 希望增加周末班次'));
});

test('domain banner, abbreviated month with a US zone, "- AFP" caption, numbered list, trailing Subscribe', t => {
	const article = parseFixture('reuters-com-dash-agency.txt');
	t.is(article.source, 'Reuters');
	t.is(article.title, 'Night Trains Return to the Alpine Line After a Decade');
	t.is(article.date, '2023-06-05T10:42-04:00');
	t.is(article.caption, 'A sleeper carriage waits at the platform in Innsbruck before its first run on Sunday - AFP');
	t.true(article.body.includes('1. Departures from Innsbruck at 21:10\n2. Arrival in the capital at 06:45\n3. Return departures every other evening'));
	t.false(article.body.includes('Subscribe'));
	t.true(article.body.endsWith('the operator added.'));
});

test('one paragraph per line (no blank lines): short lines become subheadings, Editor\'s Picks dropped', t => {
	const article = parseFixture('nhk-style-single-newlines.txt');
	t.is(article.source, 'NHK WORLD-JAPAN News');
	t.is(article.title, 'Volunteers Replant Seagrass Meadows in the Inland Sea');
	t.is(article.date, '2024-04-18T07:30+09:00');
	t.deepEqual(subheadings(article.body), ['Seeds in mesh bags']);
	t.is(paragraphs(article.body).length, 4);
	t.false(article.body.includes('Editor'));
});

test('no header at all: the first sentence is the title and the text stays whole', t => {
	const article = parseFixture('no-header-paragraphs.txt');
	t.is(article.title, 'The lighthouse on Gull Point was switched off for the last time on Tuesday, after 140 years of service.');
	t.is(paragraphs(article.body).length, 2);
	t.true(article.body.startsWith('The lighthouse on Gull Point'));
	t.is(article.source, undefined);
	t.is(article.date, undefined);
});

test('Markdown characters in scraped text are escaped and render as written', t => {
	const article = parseFixture('quarry-markdown-characters.txt');
	t.is(article.title, 'Quarry Hill Coders Win a Prize for a Program Named *star_gazer*');
	t.is(article.author, 'Ruth Abernethy');
	const {body} = article;
	t.true(body.includes('called \\*star\\_gazer\\*, reads a file named \\`sky\\[1\\].txt\\`'));
	t.true(body.includes('only \\<, \\> and \\| characters'));
	t.true(body.includes('\n\\#1 in the regional rankings'));
	t.true(body.includes('\n1\\. That is the score'));
	t.true(body.includes('C:\\\\stars\\\\map'));
	t.true(body.includes('\n\\+ marks were added'));
	const html = new Marked().parse(body) as string;
	for (const tag of ['<em>', '<strong>', '<code>', '<a ', '<h1', '<ol', '<ul', '<del>', '<table', '<blockquote']) {
		t.false(html.includes(tag), tag);
	}

	t.true(html.includes('*star_gazer*'));
	t.true(html.includes('sky[1].txt'));
	t.true(html.includes('C:\\stars\\map'));
});

// Banners in general.

const banners: Array<[string, string]> = [
	['Asharq Al-awsat English Middle-east and International News and Opinion from Asharq Al-awsat Newspaper', 'Asharq Al-Awsat'],
	['BBC News - Home', 'BBC News'],
	['The Guardian | World news', 'The Guardian'],
	['Al Jazeera English – Breaking News, World News and Video from Al Jazeera', 'Al Jazeera English'],
	['Reuters.com', 'Reuters'],
	['NHK WORLD-JAPAN News', 'NHK WORLD-JAPAN News'],
	['The Harbour Gazette | Local news, weather and sport', 'The Harbour Gazette'],
	['Latest News | The Daily Planet', 'The Daily Planet'],
];

for (const [banner, name] of banners) {
	test(`banner "${banner}" names the site "${name}"`, t => {
		t.not(bannerStrength(banner), 'none');
		t.is(siteNameFromBanner(banner), name);
		const article = parseText(`${banner}\n\nA Headline About Something Else\n\nBy Jo Bloggs\n\nThe first paragraph of the story, long enough to read like prose.`);
		t.is(article.source, name);
		t.is(article.title, 'A Headline About Something Else');
		t.is(article.author, 'Jo Bloggs');
		t.false(article.body.includes(banner));
	});
}

test('a headline with banner-like words followed by a byline is the headline, not a banner', t => {
	const article = parseText('Fake News Law Passed in Singapore\nBy Lee Wen, Political correspondent\n\nThe bill passed on Wednesday after two days of debate in parliament.');
	t.is(article.title, 'Fake News Law Passed in Singapore');
	t.is(article.source, undefined);
	t.is(article.author, 'Lee Wen');
});

test('a headline with a dash followed by prose is the headline', t => {
	const article = parseText('Tesla shares fall - analysts warn\n\nShares in the carmaker fell by five percent on Monday after a downbeat note from analysts.');
	t.is(article.title, 'Tesla shares fall - analysts warn');
	t.is(article.source, undefined);
	t.true(article.body.startsWith('Shares in the carmaker'));
});

test('a first line repeated as the headline is never taken for a banner', t => {
	const article = parseText('World News Roundup for Tuesday\n\nWorld News Roundup for Tuesday\n\nThe day began with a storm warning on the coast and ended with a vote.');
	t.is(article.title, 'World News Roundup for Tuesday');
	t.is(article.source, undefined);
	t.false(article.body.includes('Roundup'));
});

test('bylines: role dropped, sentences starting with "By" are not bylines', t => {
	t.is(parseText('Headline Here\nBy Jane Doe, Reuters\n\nBody text that is long enough to be a paragraph.').author, 'Jane Doe');
	t.is(parseText('Headline Here\nBy Jane Doe | June 5, 2023\n\nBody text that is long enough to be a paragraph.').date, '2023-06-05');
	const sentence = parseText('Headline Here\nBy the time the ferry arrived, the harbour was full.\n\nMore text.');
	t.is(sentence.author, undefined);
	t.true(sentence.body.startsWith('By the time the ferry arrived'));
});

test('a caption-looking line deep in the body stays body text', t => {
	const text = 'Headline Here\n\nFirst paragraph of the story, with enough words to be prose.\n\nSecond paragraph of the story, also long enough to be prose.\n\nA late line that ends with a credit. (AFP)\n\nThe end of the story comes here, as a full sentence.';
	const article = parseText(text);
	t.is(article.caption, undefined);
	t.true(article.body.includes('A late line that ends with a credit. (AFP)'));
});

test('two short lines in a row are kept as text, not made subheadings', t => {
	const article = parseText('Headline Here\n\nA long first paragraph that reads like prose and ends properly.\n\nMary Smith\n\n12 Harbour Road\n\nAnother long paragraph that reads like prose and ends properly.');
	t.deepEqual(subheadings(article.body), []);
});

test('control characters, escape sequences and entities never survive in raw fields or body', t => {
	const text = 'The Daily Planet | World news\n\nHeadline \u001B[2Jwith \u009B31mcodes &#27;[31mand &#x9b;1mentities\u202E\n\nBy Jane\u0007 Doe\nJune 5, 2023\nPhoto of a harbour \u001B]8;;https://evil.example\u0007link\u001B]8;;\u0007 at dawn. (AFP)\n\nBody \u001B[31mred\u001B[0m text with a bell\u0007 and &#27;]0;pwned&#7; an OSC title, &amp; an ampersand.';
	const {article} = parseArticle(text, {id: 'x', format: 'text'});
	for (const value of [article.title, article.author!, article.caption!, article.source!, article.body]) {
		t.true(isClean(value), JSON.stringify(value));
		t.false(value.includes('[2J'));
		t.false(value.includes('[31m'));
		t.false(value.includes('&#'));
	}

	// HTML5 reads the numeric references 128-159 as Windows-1252 (&#x9b; is ›), never as C1 controls.
	t.is(article.title, 'Headline with codes and ›1mentities');
	t.is(article.author, 'Jane Doe');
	t.true(article.body.includes('& an ampersand') || article.body.includes('\\& an ampersand'));
	t.false(article.body.includes('pwned'));
});

test('BOM and CRLF are accepted in raw text', t => {
	const article = parseText('\uFEFFBBC News - Home\r\n\r\nA Headline\r\nBy Jo Bloggs\r\n\r\nFirst paragraph, long enough to be prose in its own right.\r\n');
	t.is(article.source, 'BBC News');
	t.is(article.title, 'A Headline');
	t.is(article.body, 'First paragraph, long enough to be prose in its own right.');
});

test('parseRawText on empty and blank input', t => {
	t.deepEqual(parseRawText(''), {title: undefined, source: undefined, author: undefined, date: undefined, caption: undefined, body: ''});
	t.is(parseRawText('\n\n   \n').body, '');
	t.is(parseText('').title, 'raw/test');
});

test('relative times, share buttons and image credits in the header are dropped; "Image caption," labels the caption', t => {
	const article = parseText('BBC News - Home\nOlympics: Japan Wins Gold in Skateboarding\n2 hours ago\nShare\nImage source, Getty Images\nImage caption, The winner on the podium in Tokyo\nJapan\'s skateboarders took gold on Sunday in front of a small crowd at the venue.\nMore text follows here as a sentence.');
	t.is(article.source, 'BBC News');
	t.is(article.title, 'Olympics: Japan Wins Gold in Skateboarding');
	t.is(article.caption, 'The winner on the podium in Tokyo');
	t.true(article.body.startsWith('Japan\'s skateboarders took gold'));
	for (const furniture of ['hours ago', 'Share', 'Getty']) {
		t.false(article.body.includes(furniture), furniture);
	}
});
