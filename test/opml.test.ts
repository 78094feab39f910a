import test from 'ava';
import {formatSubscriptions, OpmlError, parseSubscriptions, type Subscription} from '../source/core/feed/opml.js';

const subscriptions: Subscription[] = [
	{name: 'News & "Views"', url: 'https://news.example/feed?x=1&y=2', site: 'https://news.example/', full: true, folder: 'news-views'},
	{name: 'Blog', url: 'https://blog.example/atom.xml', full: false, folder: 'blog'},
];

test('subscriptions round-trip through OPML, options as attributes', t => {
	const text = formatSubscriptions(subscriptions);
	t.regex(text, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<opml version="2\.0">/);
	t.regex(text, /xmlUrl="https:\/\/news\.example\/feed\?x=1&amp;y=2"/);
	t.regex(text, /full="true"/);
	t.deepEqual(parseSubscriptions(text, {isOwnFile: true}).subscriptions, subscriptions);
});

test('an empty list is valid OPML and reads back empty', t => {
	const text = formatSubscriptions([]);
	t.deepEqual(parseSubscriptions(text, {isOwnFile: true}), {subscriptions: [], warnings: []});
});

test('another reader\'s export: folders flattened, missing names and folders made, bad URLs skipped with a warning', t => {
	const text = `<?xml version="1.0"?><opml version="1.0"><head><title>newsboat</title></head><body>
		<outline text="Tech"><outline text="Blog" type="rss" xmlUrl="https://blog.example/atom.xml"/><outline type="rss" xmlUrl="https://nameless.example/rss"/></outline>
		<outline text="Blog" xmlUrl="https://other.example/feed"/>
		<outline text="Local" xmlUrl="file:///etc/passwd"/>
		<outline text="Evil" xmlUrl="https://evil.example/" folder="../../etc"/>
	</body></opml>`;
	const {subscriptions: read, warnings} = parseSubscriptions(text, {isOwnFile: false});
	t.deepEqual(read.map(subscription => [subscription.name, subscription.folder]), [['Blog', 'blog'], ['nameless.example', 'nameless-example'], ['Blog-2', 'blog-2'], ['Evil', 'evil']]);
	t.deepEqual(warnings, ['skipped "Local": its xmlUrl is not an http(s) URL']);
});

test('the own file, edited by hand: an unsafe folder or a repeated name is an error, not a guess', t => {
	t.throws(() => parseSubscriptions('<opml version="2.0"><body><outline text="A" xmlUrl="https://a.example/" folder="../x"/></body></opml>', {isOwnFile: true}), {instanceOf: OpmlError, message: /not a safe folder name/});
	t.throws(() => parseSubscriptions('<opml version="2.0"><body><outline text="A" xmlUrl="https://a.example/"/><outline text="A" xmlUrl="https://b.example/"/></body></opml>', {isOwnFile: true}), {instanceOf: OpmlError, message: 'two feeds are named "A"'});
	// Hand-edited without the folder attribute, or with sloppy XML: still works.
	const {subscriptions: read} = parseSubscriptions('<opml version="2.0"><body><outline text="Tom & Jerry" xmlUrl="https://a.example/?a=1&b=2"></body>', {isOwnFile: true});
	t.deepEqual(read, [{name: 'Tom & Jerry', url: 'https://a.example/?a=1&b=2', full: false, folder: 'tom-jerry'}]);
});

test('a file that is not OPML is an error', t => {
	t.throws(() => parseSubscriptions('garbage', {isOwnFile: true}), {instanceOf: OpmlError, message: /^not an OPML file/});
	t.throws(() => parseSubscriptions('<rss version="2.0"><channel/></rss>', {isOwnFile: true}), {instanceOf: OpmlError});
});

test('deeply nested outlines are walked without recursion', t => {
	const depth = 5000;
	const text = `<opml version="2.0"><body>${'<outline text="f">'.repeat(depth)}<outline text="Deep" xmlUrl="https://deep.example/"/>${'</outline>'.repeat(depth)}</body></opml>`;
	let result: ReturnType<typeof parseSubscriptions> | undefined;
	try {
		result = parseSubscriptions(text, {isOwnFile: true});
	} catch (error) {
		// The XML parser itself may refuse such depth; what matters is a clear error, not a crash.
		t.true(error instanceof OpmlError);
		return;
	}

	t.deepEqual(result.subscriptions.map(subscription => subscription.name), ['Deep']);
});
