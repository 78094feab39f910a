import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {tokenizeTerms} from '../source/core/search/tokenize.js';
import {scanStore} from '../source/io/store/scan.js';
import {readFromStore, type SourceDocument} from '../source/io/search/index-sync.js';
import {StoreSearch, type SearchResults} from '../source/io/search/store-search.js';
import {root} from './helpers/cli.js';

const fixture = path.join(root, 'test/fixtures/search-store');

type Setup = {store: string; cache: string; reads: string[]; warnings: string[]};

function makeSetup(): Setup {
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-search-'));
	const store = path.join(directory, 'store');
	fs.cpSync(fixture, store, {recursive: true});
	return {store, cache: path.join(directory, 'cache'), reads: [], warnings: []};
}

async function open(setup: Setup): Promise<StoreSearch> {
	const scan = await scanStore(setup.store, {cacheDirectory: setup.cache});
	return StoreSearch.open(scan, {
		cacheDirectory: setup.cache,
		onWarning(message) {
			setup.warnings.push(message);
		},
		readDocument(document: SourceDocument) {
			setup.reads.push(document.relativePath);
			return readFromStore(document);
		},
	});
}

function ids(results: SearchResults): string[] {
	return results.hits.map(hit => hit.article.id);
}

/** Every query's ids and scores, to compare two indexes of the same store. */
async function answers(search: StoreSearch): Promise<string> {
	const queries = ['harbour', 'ferry strike', 'the', 'new', 'source:gazette', 'cafe', '東京', 'المدرسة', 'ne*', '"ferry strike"', '"new rotas"', '"central bank"'];
	const all = await Promise.all(queries.map(async query => (await search.find(query)).hits.map(hit => `${hit.article.id}=${hit.score}`)));
	return JSON.stringify(all);
}

/** The answers of an index built from nothing over a copy of `store`. */
async function answersFromScratch(store: string): Promise<string> {
	const fresh = makeSetup();
	fs.rmSync(fresh.store, {recursive: true});
	fs.cpSync(store, fresh.store, {recursive: true});
	const rebuilt = await open(fresh);
	try {
		return await answers(rebuilt);
	} finally {
		rebuilt.close();
	}
}

function touch(file: string, text: string): void {
	fs.writeFileSync(file, text);
	// A later mtime whatever the file system's clock granularity.
	const later = new Date(Date.now() + 5000);
	fs.utimesSync(file, later, later);
}

test('BM25 ranks a word repeated in a short text first, a passing mention in a long one last; equal scores newest first', async t => {
	const setup = makeSetup();
	const search = await open(setup);
	const results = await search.find('harbour');
	t.deepEqual(ids(results), [
		'gazette-2025-01-17-harbour-dredging',
		// Identical articles, so identical scores: the newer first.
		'gazette-2025-01-16-ferry-strike-again',
		'gazette-2025-01-15-ferry-strike',
		'reuters-2025-01-10-climate-summit',
		'courier-2025-01-18-council-budget',
	]);
	t.is(results.hits[1]!.score, results.hits[2]!.score);
	t.true(results.hits[0]!.score > results.hits[1]!.score);
	t.is(results.total, 5);
	t.is((await search.find('harbour', {limit: 2})).hits.length, 2);
	t.is((await search.find('harbour', {limit: 2})).total, 5);
	// A word in the title weighs more than the same word in the body.
	t.deepEqual(ids(await search.find('budget council')), ['courier-2025-01-18-council-budget']);
	search.close();
});

test('phrases, prefixes, fields, exclusions, accents, Chinese, Japanese and Arabic through the index', async t => {
	const setup = makeSetup();
	const search = await open(setup);
	const find = async (query: string) => ids(await search.find(query));
	t.deepEqual(await find('"central bank"'), ['reuters-2025-01-10-climate-summit']);
	t.deepEqual(await find('"bank central"'), []);
	t.deepEqual(await find('emiss*'), ['reuters-2025-01-10-climate-summit']);
	t.deepEqual(await find('source:reuters'), ['reuters-2025-01-10-climate-summit']);
	t.deepEqual(await find('author:perez'), ['reuters-2025-01-10-climate-summit']);
	t.deepEqual(await find('author:PÉREZ climate'), ['reuters-2025-01-10-climate-summit']);
	t.deepEqual(await find('tag:economie'), ['lemonde-2025-01-11-cafes']);
	t.deepEqual(await find('tag:climate'), ['reuters-2025-01-10-climate-summit']);
	t.deepEqual(await find('title:climate'), ['reuters-2025-01-10-climate-summit']);
	t.deepEqual(await find('title:harbour'), []);
	t.deepEqual(await find('CAFES'), ['lemonde-2025-01-11-cafes']);
	t.deepEqual(await find('eleves'), ['lemonde-2025-01-11-cafes']);
	t.deepEqual(await find('strike -ferry'), []);
	t.deepEqual(await find('ferry -"new rotas"'), []);
	t.deepEqual(await find('politics -tag:city'), ['reuters-2025-01-10-climate-summit']);
	t.deepEqual(await find('東京都'), ['world/nhk-2025-01-12-tokyo']);
	// In the title, a tag and twice in the body against once in a body.
	t.deepEqual(await find('交通'), ['world/nhk-2025-01-12-tokyo', 'world/xinhua-2025-01-13-beijing']);
	t.deepEqual(await find('北'), ['world/xinhua-2025-01-13-beijing']);
	t.deepEqual(await find('المدرسة'), ['world/aljazeera-2025-01-14-school']);
	t.deepEqual(await find('احمد 2025'), ['world/aljazeera-2025-01-14-school']);
	t.deepEqual(await find('source:الجزيرة'), ['world/aljazeera-2025-01-14-school']);
	const onlyExclusions = await search.find('-ferry');
	t.deepEqual(onlyExclusions.hits, []);
	t.is(onlyExclusions.notes.length, 1);
	search.close();
});

test('filtering as one types: the last word is a prefix, among the given articles only', async t => {
	const setup = makeSetup();
	const scan = await scanStore(setup.store, {cacheDirectory: setup.cache});
	const search = await StoreSearch.open(scan, {cacheDirectory: setup.cache});
	t.deepEqual(ids(search.findNow('ferry stri', {isPrefixLast: true})), ['gazette-2025-01-16-ferry-strike-again', 'gazette-2025-01-15-ferry-strike']);
	t.deepEqual(ids(search.findNow('ferry stri')), []);
	const older = scan.articles.filter(article => article.id.endsWith('ferry-strike'));
	t.deepEqual(ids(search.findNow('ferry', {articles: older})), ['gazette-2025-01-15-ferry-strike']);
	t.deepEqual(search.findNow('Ferry stri', {isPrefixLast: true}).terms, [{term: 'ferry', isPrefix: false}, {term: 'stri', isPrefix: true}]);
	search.close();
});

test('an update touches only what changed: one new, one changed and one deleted file', async t => {
	const setup = makeSetup();
	(await open(setup)).close();
	t.is(setup.reads.length, 9);

	// Nothing changed: nothing is read, not even compared.
	setup.reads.length = 0;
	let search = await open(setup);
	t.deepEqual(search.report, {indexed: 0, removed: 0, postingsWritten: 0, merged: 0, unreadable: []});
	t.deepEqual(setup.reads, []);
	search.close();

	// A new file: it alone is read, and its postings are all that is written.
	const added = '---\ntitle: Lighthouse keeper retires\nsource: Harbour Gazette\ndate: 2025-01-19\n---\n\nThe lighthouse keeper retires after forty years.\n';
	touch(path.join(setup.store, 'lighthouse.md'), added);
	search = await open(setup);
	const expectedPostings = new Set(tokenizeTerms('Lighthouse keeper retires')).size + new Set(tokenizeTerms('Harbour Gazette')).size
		+ new Set(tokenizeTerms('The lighthouse keeper retires after forty years.')).size;
	t.like(search.report, {indexed: 1, removed: 0, postingsWritten: expectedPostings, merged: 0});
	t.deepEqual(setup.reads, ['lighthouse.md']);
	t.deepEqual(ids(await search.find('lighthouse')), ['lighthouse']);
	search.close();

	// A changed file: read again, its old version deleted.
	setup.reads.length = 0;
	touch(path.join(setup.store, 'gazette-2025-01-17-harbour-dredging.md'), '---\ntitle: Dredging postponed\nsource: Harbour Gazette\ndate: 2025-01-17\n---\n\nThe dredging is postponed to spring.\n');
	search = await open(setup);
	t.like(search.report, {indexed: 1, removed: 1, merged: 0});
	t.deepEqual(setup.reads, ['gazette-2025-01-17-harbour-dredging.md']);
	t.deepEqual(ids(await search.find('postponed')), ['gazette-2025-01-17-harbour-dredging']);
	t.false(ids(await search.find('authority')).includes('gazette-2025-01-17-harbour-dredging'));
	search.close();

	// A deleted file: nothing read, nothing written, one document deleted.
	setup.reads.length = 0;
	fs.rmSync(path.join(setup.store, 'lemonde-2025-01-11-cafes.md'));
	search = await open(setup);
	t.deepEqual(search.report, {indexed: 0, removed: 1, postingsWritten: 0, merged: 0, unreadable: []});
	t.deepEqual(setup.reads, []);
	t.deepEqual(ids(await search.find('cafe')), []);
	const incremental = await answers(search);
	search.close();

	// The same answers, to the score, as an index built from scratch: deleted documents count nowhere.
	t.is(await answersFromScratch(setup.store), incremental);
});

test('many small updates are merged now and then, with the same answers', async t => {
	const setup = makeSetup();
	(await open(setup)).close();
	for (let index = 0; index < 10; index++) {
		touch(path.join(setup.store, `note-${index}.md`), `---\ntitle: Note ${index}\ndate: 2025-02-0${index}\n---\n\nHarbour note number ${index}.\n`);
		// eslint-disable-next-line no-await-in-loop
		(await open(setup)).close();
	}

	const search = await open(setup);
	const manifest = JSON.parse(fs.readFileSync(path.join(searchDirectory(setup), 'manifest.json'), 'utf8')) as {manifest: {segments: unknown[]}};
	t.true(manifest.manifest.segments.length < 8);
	t.is((await search.find('harbour note')).total, 10);
	const incremental = await answers(search);
	search.close();
	t.is(await answersFromScratch(setup.store), incremental);
});

function searchDirectory(setup: Setup): string {
	return path.join(setup.cache, fs.readdirSync(setup.cache).find(name => name.startsWith('search-'))!);
}

function segmentFile(setup: Setup, extension: string): string {
	const directory = searchDirectory(setup);
	return path.join(directory, fs.readdirSync(directory).find(name => name.endsWith(extension))!);
}

const damages: Array<[string, (setup: Setup) => void]> = [
	['a flipped byte in the postings', setup => {
		const file = segmentFile(setup, '.post');
		const bytes = fs.readFileSync(file);
		const middle = Math.floor(bytes.length / 2);
		bytes[middle] = bytes[middle]! ^ 0x10;
		fs.writeFileSync(file, bytes);
	}],
	['scrambled positions', setup => {
		const file = segmentFile(setup, '.pos');
		fs.writeFileSync(file, fs.readFileSync(file).map(byte => byte ^ 0x01));
	}],
	['a dictionary cut short', setup => {
		const file = segmentFile(setup, '.terms');
		fs.truncateSync(file, fs.statSync(file).size - 100);
	}],
	['a segment file gone', setup => {
		fs.rmSync(segmentFile(setup, '.post'));
	}],
	['a manifest of garbage', setup => {
		fs.writeFileSync(path.join(searchDirectory(setup), 'manifest.json'), '{"manifest": {"segm');
	}],
	['a manifest edited by hand', setup => {
		const file = path.join(searchDirectory(setup), 'manifest.json');
		fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"documents":9', '"documents":8'));
	}],
];

for (const [name, damage] of damages) {
	test(`a damaged index is rebuilt with one warning, and the answers stay right: ${name}`, async t => {
		const setup = makeSetup();
		let search = await open(setup);
		const before = await answers(search);
		search.close();
		damage(setup);
		setup.reads.length = 0;
		search = await open(setup);
		// Damage that opening the index shows is found at once; damage inside postings only when they are read.
		const after = await answers(search);
		t.is(after, before);
		t.is(setup.warnings.length, 1, setup.warnings.join('\n'));
		t.regex(setup.warnings[0]!, /^the search index was damaged \([^)\n]+\): rebuilding it$/);
		t.is(setup.reads.length, 9);
		search.close();
		// Repaired for good: the next start neither warns nor reads.
		setup.warnings.length = 0;
		setup.reads.length = 0;
		search = await open(setup);
		t.is(await answers(search), before);
		t.deepEqual(setup.warnings, []);
		t.deepEqual(setup.reads, []);
		search.close();
	});
}
