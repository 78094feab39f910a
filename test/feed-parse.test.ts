import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {formatItem} from '../source/core/feed/article-file.js';
import {decodeBytes} from '../source/core/feed/charset.js';
import {itemKeys, keysOfArticleText} from '../source/core/feed/dedupe.js';
import {discoverFeeds, looksLikeHtml} from '../source/core/feed/discover.js';
import {FeedFormatError, maxItems, parseFeedDocument} from '../source/core/feed/parse-feed.js';
import {htmlToMarkdown} from '../source/core/feed/html-markdown.js';
import {isSafeTerminalOutput} from '../source/core/text/sanitize.js';
import {root} from './helpers/cli.js';

const fixture = (name: string) => fs.readFileSync(path.join(root, 'test/fixtures/feeds', name));
const parse = (name: string, contentType?: string) => parseFeedDocument(decodeBytes(fixture(name), contentType).text, `https://feeds.example/${name}`);
const fetchedAt = '2026-12-01T12:00:00Z';

test('WordPress RSS: content:encoded, dc:creator, categories, media:content caption with credit', t => {
	const feed = parse('wordpress.xml');
	t.is(feed.format, 'rss');
	t.is(feed.title, 'The Daily Wire Test – News');
	t.is(feed.items.length, 2);
	const [first] = feed.items;
	t.is(first!.title, 'Water returns to the old city’s fountains');
	t.is(first!.author, 'Maya Haddad');
	t.is(first!.date, '2026-12-01T08:30:00Z');
	t.is(first!.guid, 'https://news.example/?p=1201');
	t.deepEqual(first!.tags, ['Middle East', 'Environment']);
	t.is(first!.image, 'https://news.example/wp-content/uploads/fountain.jpg');
	t.is(first!.caption, 'The main fountain in the old city on Monday. (AFP)');
	const {text} = formatItem(first!, {title: feed.title, url: 'https://news.example/feed/'}, fetchedAt);
	t.regex(text, /^---\ntitle: "Water returns to the old city’s fountains"\nsource: "The Daily Wire Test – News"\nauthor: "Maya Haddad"\ndate: "2026-12-01T08:30:00Z"\n/);
	t.regex(text, /\nguid: "https:\/\/news\.example\/\?p=1201"\nfeed: "https:\/\/news\.example\/feed\/"\ntags: \["Middle East", "Environment"\]\n/);
	t.regex(text, /\ncaption: "The main fountain in the old city on Monday\. \(AFP\)"\n---\n/);
	// The full content, not the summary, and in Markdown: heading, bold, absolute link, image, table, quote, list, code.
	t.regex(text, /the \*\*fountains\*\* of the old city/);
	t.regex(text, /\n## A long wait\n/);
	t.regex(text, /\[aqueduct\]\(https:\/\/news\.example\/tag\/aqueduct\/\)/);
	t.regex(text, /\[image: The main fountain\]\(https:\/\/news\.example\/wp-content\/uploads\/fountain\.jpg\)/);
	t.regex(text, /\| Year \| Rain \(mm\) \|\n\| -+ \| -+ \|\n\| 2024 \| 112 +\|/);
	t.regex(text, /\n> We had forgotten the sound\.\n/);
	t.regex(text, /\n- +Fountains restored: 14\n/);
	t.regex(text, /```\nflow = 12 l\/s\n```/);
	t.false(text.includes('tracker'), 'scripts are dropped with their content');
});

test('Atom: xhtml content, xml:base on the feed and the entry, html titles, text summaries', t => {
	const feed = parse('atom-xhtml.xml');
	t.is(feed.format, 'atom');
	t.is(feed.title, 'Notes on things');
	t.is(feed.link, 'https://blog.example/');
	const [first, second] = feed.items;
	t.is(first!.link, 'https://blog.example/posts/2026/relative-links.html');
	t.is(first!.date, '2026-11-29T10:00:00Z', 'published wins over updated');
	t.deepEqual(first!.tags, ['The Web']);
	const markdown = htmlToMarkdown(first!.html!, first!.baseUrl).markdown;
	t.regex(markdown, /\[the other post\]\(https:\/\/blog\.example\/posts\/2026\/other-post\.html\)/);
	t.regex(markdown, /\[image: A diagram of links\]\(https:\/\/blog\.example\/posts\/2026\/images\/diagram\.png\)/);
	t.regex(markdown, /1\. +first\n2\. +second/);
	t.is(second!.title, 'Escaped HTML title');
	t.is(second!.link, 'https://blog.example/posts/escaped.html');
	t.is(htmlToMarkdown(second!.html!, second!.baseUrl).markdown, 'Plain text summary & more.');
});

test('RSS 1.0 (RDF): items, dc:date, dc:creator, dc:subject', t => {
	const feed = parse('rdf.xml');
	t.is(feed.format, 'rdf');
	t.is(feed.title, 'Slash Test');
	t.deepEqual(feed.items.map(item => [item.title, item.date, item.link]), [
		['RDF story one', '2026-11-27T08:00:00Z', 'https://slash.example/story/1'],
		['RDF story two', '2026-11-26T08:00:00Z', 'https://slash.example/story/2'],
	]);
	t.is(feed.items[0]!.author, 'timothy');
	t.deepEqual(feed.items[0]!.tags, ['science']);
	t.is(htmlToMarkdown(feed.items[0]!.html!, feed.items[0]!.baseUrl).markdown, 'The first **RDF** story.');
});

test('JSON Feed 1.1: content_html, content_text, authors, tags, image, dates with an offset', t => {
	const feed = parse('json-feed.json', 'application/feed+json');
	t.is(feed.format, 'json');
	const [first, second] = feed.items;
	t.is(first!.author, 'Jo Json');
	t.is(first!.date, '2026-11-25T15:00:00Z');
	t.is(first!.image, 'https://json.example/img/first.jpg');
	t.deepEqual(first!.tags, ['json', 'feeds']);
	t.is(htmlToMarkdown(first!.html!, first!.baseUrl).markdown, 'Hello from [JSON Feed](https://json.example/about).');
	t.is(htmlToMarkdown(second!.html!, second!.baseUrl).markdown, 'Line one.\n\nLine two.');
});

test('a Windows-1252 feed declared only in its XML prolog is decoded as Windows-1252', t => {
	const bytes = fixture('windows-1252.xml');
	t.is(decodeBytes(bytes, 'text/xml').encoding, 'windows-1252');
	const feed = parse('windows-1252.xml', 'text/xml');
	t.is(feed.title, 'Café Presse');
	t.is(feed.items[0]!.title, '“Quotes” and cafés – €5');
	// The HTTP header's charset wins over the prolog, as the issue orders them (BOM, header, prolog, meta).
	t.is(decodeBytes(bytes, 'text/xml; charset=utf-8').encoding, 'utf-8');
	// A BOM wins over everything.
	t.is(decodeBytes(Buffer.from('\uFEFF<?xml version="1.0" encoding="windows-1252"?><rss/>'), 'text/xml; charset=iso-8859-1').encoding, 'utf-8');
	t.is(decodeBytes(Buffer.from('<html><head><meta charset="iso-8859-2"></head></html>'), 'text/html').encoding, 'iso-8859-2');
});

test('an XML entity-expansion bomb is not expanded: the entities stay as their literal names', t => {
	const document = fixture('entity-bomb.xml').toString('utf8');
	const feed = parseFeedDocument(document, 'https://bomb.example/feed');
	t.is(feed.items.length, 1);
	t.is(feed.items[0]!.title, 'Laugh &lol9;');
	t.false(JSON.stringify(feed).includes('lollol'));
	t.true(JSON.stringify(feed).length < document.length * 2);
});

test('an external entity (XXE) is refused with a clear reason, never read', t => {
	const error = t.throws(() => parseFeedDocument(fixture('external-entity.xml').toString('utf8'), 'https://x.example/'), {instanceOf: FeedFormatError});
	t.regex(error.message, /^malformed feed: External entities are not supported/);
	t.false(error.message.includes('root:'));
});

test('malformed XML (bare &, unclosed tags) keeps every item', t => {
	const feed = parse('malformed.xml');
	t.is(feed.title, 'Tom & Jerry\'s News');
	t.deepEqual(feed.items.map(item => item.title), ['Fish & chips', 'Second item survives']);
	t.is(feed.items[0]!.link, 'https://mal.example/1?a=1&b=2');
});

test('a document that is no feed gives one clear line', t => {
	t.throws(() => parseFeedDocument('<html><body>hello</body></html>', 'https://x.example/'), {instanceOf: FeedFormatError, message: 'not a feed (RSS, Atom, RDF or JSON Feed)'});
	t.throws(() => parseFeedDocument('', 'https://x.example/'), {instanceOf: FeedFormatError});
	t.throws(() => parseFeedDocument('{"not": "a feed"}', 'https://x.example/'), {instanceOf: FeedFormatError});
});

test('escapes and bidi controls in titles and bodies never reach the article file', t => {
	const feed = parse('hostile-titles.xml');
	for (const item of feed.items) {
		const {text} = formatItem(item, {title: feed.title, url: 'https://evil.example/feed'}, fetchedAt);
		t.true(isSafeTerminalOutput(text), text);
		t.false(/[\u001B\u009B\u202E\u0007\u0000]/.test(text));
	}

	const {text} = formatItem(feed.items[0]!, {title: feed.title, url: 'https://evil.example/feed'}, fetchedAt);
	t.regex(text, /^---\ntitle: "Bidi txt\.exe and red"\nsource: "Evil Feed"\n/);
	t.false(text.includes('[2J'), 'an escape sequence goes whole, not leaving its parameters behind');
});

test('a feed of 10,000 items is read whole; past the limit it is cut and says how many were dropped', t => {
	const items = (count: number) => Array.from({length: count}, (_, index) => `<item><title>Item ${index}</title><link>https://big.example/${index}</link><guid>g${index}</guid></item>`).join('');
	const feed = parseFeedDocument(`<rss version="2.0"><channel><title>Big</title>${items(10_000)}</channel></rss>`, 'https://big.example/feed');
	t.is(feed.items.length, 10_000);
	t.is(feed.droppedItems, 0);
	const bigger = parseFeedDocument(`<rss version="2.0"><channel><title>Big</title>${items(maxItems + 5)}</channel></rss>`, 'https://big.example/feed');
	t.is(bigger.items.length, maxItems);
	t.is(bigger.droppedItems, 5);
});

test('dedupe keys: guid, else link (without fragment or trailing slash), else title and date; the stored file gives the same keys', t => {
	t.deepEqual(itemKeys({guid: 'g1', link: 'https://x.example/a/', title: 'T'}), ['guid:g1', 'url:https://x.example/a']);
	t.deepEqual(itemKeys({link: 'https://X.example/a#comments', title: 'T'}), ['url:https://x.example/a']);
	t.deepEqual(itemKeys({title: 'T', date: '2026-01-01T00:00:00Z'}), ['title:T|2026-01-01T00:00:00Z']);
	const feed = parse('wordpress.xml');
	const item = feed.items[0]!;
	const {text, fields} = formatItem(item, {title: feed.title, url: 'https://news.example/feed/'}, fetchedAt);
	t.deepEqual(keysOfArticleText(text), itemKeys({guid: fields.guid!, link: fields.url!, title: fields.title}));
	t.deepEqual(keysOfArticleText('no front matter'), []);
	t.deepEqual(keysOfArticleText('---\n: [broken\n---\n'), []);
	// A file saved with other line ends (an editor on Windows, old Mac) keeps its keys, so a fetch never duplicates it.
	t.deepEqual(keysOfArticleText(`\uFEFF${text.replaceAll('\n', '\r')}`), keysOfArticleText(text));
	t.deepEqual(keysOfArticleText(text.replaceAll('\n', '\r\n')), keysOfArticleText(text));
});

test('feed autodiscovery finds <link rel="alternate"> feeds, absolute, and ignores other links', t => {
	const html = fixture('page-with-feed.html').toString('utf8');
	t.true(looksLikeHtml(html));
	t.false(looksLikeHtml(fixture('wordpress.xml').toString('utf8')));
	t.deepEqual(discoverFeeds(html, 'https://news.example/index.html'), ['https://news.example/wordpress.xml']);
	t.deepEqual(discoverFeeds('<link rel="alternate" type="application/atom+xml" href="https://a.example/atom"><link rel="alternate" hreflang="fr" href="/fr"><link type="application/json" rel="alternate feed" href="feed.json">', 'https://a.example/x/'), ['https://a.example/atom', 'https://a.example/x/feed.json']);
});

test('HTML nested deeper than the converter can recurse comes back as text, with a warning', t => {
	const html = `${'<div>'.repeat(20_000)}deep text${'</div>'.repeat(20_000)}`;
	const result = htmlToMarkdown(html, 'https://x.example/');
	t.regex(result.markdown, /deep text/);
	t.is(result.warning, 'HTML nested too deeply; kept as plain text');
});

test('a long fragment (thousands of paragraphs) is converted whole, in order, list and table intact', t => {
	const paragraphs = Array.from({length: 5000}, (_, index) => `<p>Paragraph number ${index} of a long page.</p>`);
	const html = `<div id="readability-page-1"><div>${paragraphs.slice(0, 2500).join('')}<ul><li>kept</li><li>whole</li></ul><table><tr><th>a</th></tr><tr><td>1</td></tr></table>${paragraphs.slice(2500).join('')}</div></div>`;
	const {markdown} = htmlToMarkdown(html, 'https://x.example/');
	const found = [...markdown.matchAll(/Paragraph number (\d+) of a long page\./g)].map(match => Number(match[1]));
	t.deepEqual(found, Array.from({length: 5000}, (_, index) => index));
	t.regex(markdown, /\n- kept\n- whole\n/);
	t.regex(markdown, /\| a \|\n\| -+ \|\n\| 1 \|/);
});

test('an item without a title (a micro-blog post) is titled by the start of its text', t => {
	const feed = parseFeedDocument('<rss version="2.0"><channel><title>Toots</title><item><guid>1</guid><description>&lt;p&gt;Just shipped &lt;b&gt;inkwire&lt;/b&gt; 0.2 &amp;amp; it fetches feeds now, with a very long sentence that goes on and on past the limit&lt;/p&gt;</description></item><item><guid>2</guid></item></channel></rss>', 'https://toot.example/feed');
	const fields = feed.items.map(item => formatItem(item, {title: feed.title, url: 'https://toot.example/feed'}, fetchedAt).fields.title);
	t.deepEqual(fields, ['Just shipped inkwire 0.2 & it fetches feeds now, with a very long sentence that…', 'Untitled']);
});
