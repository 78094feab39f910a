import {readFileSync, readdirSync} from 'node:fs';
import test from 'ava';
import fc from 'fast-check';
import {explainRawText, formatRawExplanation, parseRawText, type RawDecision} from '../source/core/article/scraped/raw-text.js';
import {isClean} from '../source/core/text/sanitize.js';

function readFixture(name: string): string {
	return readFileSync(new URL(`fixtures/raw/${name}`, import.meta.url), 'utf8');
}

const fixtures = readdirSync(new URL('fixtures/raw/', import.meta.url)).filter(name => name.endsWith('.txt'));

/** The line numbers (1-based) of the input's non-blank lines. */
function nonBlankLines(text: string): number[] {
	return text.replace(/^\uFEFF/, '').split(/\r?\n/).flatMap((line, index) => (line.trim() === '' ? [] : [index + 1]));
}

function decisionOf(decisions: readonly RawDecision[], text: string, from = 0): RawDecision {
	const decision = decisions.find(candidate => candidate.text === text && candidate.from >= from);
	if (!decision) {
		throw new Error(`no decision for "${text}"`);
	}

	return decision;
}

test('every non-blank line of every fixture is in exactly one decision, in page order', t => {
	for (const name of fixtures) {
		const text = readFixture(name);
		const decisions = explainRawText(text);
		const covered = decisions.flatMap(decision => Array.from({length: decision.to - decision.from + 1}, (_, offset) => decision.from + offset));
		t.deepEqual(covered.filter(line => nonBlankLines(text).includes(line)), nonBlankLines(text), name);
		t.deepEqual(covered, [...covered].sort((a, b) => a - b), name);
	}
});

test('the seed: each line is explained as what it is', t => {
	const decisions = explainRawText(readFixture('asharq-al-awsat-2020-06-26-russia-syria-national-unity.txt'));
	const kinds = decisions.map(decision => `${decision.from} ${decision.kind} ${decision.isKept ? 'keep' : 'drop'}`);
	t.deepEqual(kinds.slice(0, 6), ['1 banner drop', '3 title drop', '5 title-repeat drop', '7 dateline drop', '8 caption drop', '10 paragraph keep']);
	t.deepEqual(decisions.filter(decision => decision.kind === 'heading').map(decision => decision.text), ['Deep return', 'Strong state']);
	t.is(decisions.at(-1)!.text, 'Editor Picks');
	t.is(decisions.at(-1)!.kind, 'trailing');
	t.is(decisions.at(-1)!.reason, 'end of the article: related "editor picks"');
});

test('the kept decisions are exactly the body, in order', t => {
	for (const name of fixtures) {
		const text = readFixture(name);
		const kept = explainRawText(text).filter(decision => decision.isKept);
		const {body} = parseRawText(text);
		t.is(body.split('\n').filter(line => line !== '').length >= kept.length, true, name);
		let at = 0;
		for (const decision of kept) {
			const found = body.replace(/\\/g, '').indexOf(decision.text.slice(0, 12), at);
			t.true(found >= at, `${name}: "${decision.text.slice(0, 40)}"`);
			at = found;
		}
	}
});

test('why a line vanished: furniture, bylines, captions and boxes name what they were taken for', t => {
	const decisions = explainRawText(readFixture('uk-broadsheet-stockholm-ferries.txt'));
	t.is(decisionOf(decisions, 'Skip to main content').reason, 'skip link');
	t.is(decisionOf(decisions, 'Sign in').kind, 'account');
	t.is(decisionOf(decisions, 'The Northern Ledger').kind, 'banner');
	t.is(decisionOf(decisions, 'Europe').kind, 'nav');
	t.is(decisionOf(decisions, 'Europe', 20).kind, 'section');
	t.is(decisionOf(decisions, 'Anna Berg in Stockholm').kind, 'byline');
	t.is(decisionOf(decisions, 'Tue 9 Jan 2024 08.30 GMT').kind, 'dateline');
	t.is(decisionOf(decisions, 'Charging at the quay').kind, 'heading');
	t.is(decisionOf(decisions, 'Free weekly newsletter').kind, 'furniture');
	t.is(decisionOf(decisions, 'Most viewed').kind, 'trailing');
	const lead = decisionOf(decisions, 'City officials say the battery boats have outperformed diesel in ice, but crews warn the charging network is already stretched');
	t.is(lead.kind, 'lead');
	t.true(lead.isKept);
});

test('the formatter: one line per decision with its lines, keep or drop, kind, reason and the text cut to the width', t => {
	const decisions = explainRawText('The Daily Planet | World news\n\nA Headline About Something Else\n\nBy Jo Bloggs\n\nThe first paragraph of the story, long enough to read like prose.\n\nAdvertisement');
	const lines = formatRawExplanation(decisions, 80).split('\n');
	t.is(lines.length, decisions.length);
	t.regex(lines[0]!, /^\s+1 {2}drop {2}banner {7}site name line {2}«The Daily Planet \| World news»$/);
	t.regex(lines[2]!, /^\s+5 {2}drop {2}byline/);
	t.regex(lines[3]!, /^\s+7 {2}keep {2}paragraph/);
	t.true(lines.every(line => line.length <= 80), lines.join('\n'));
	const wrapped = formatRawExplanation(explainRawText('A Headline\n\nLine one of a wrapped paragraph that goes on\nand on over a second line, as hard-wrapped text does.'));
	t.regex(wrapped, /^\s+3-4 {2}keep/m);
});

test('explanations are sanitised like the article: no escape sequences in any decision', t => {
	const text = 'Daily \u001B[31mPlanet\u001B[0m | News\n\nHeadline \u009B2J here\n\nBy Jo\u0007 Bloggs\n\nBody \u001B]8;;https://x\u0007text &#27;[2J that is long enough to be read as prose here.';
	const decisions = explainRawText(text);
	for (const decision of decisions) {
		t.true(isClean(decision.text), JSON.stringify(decision.text));
		t.true(isClean(decision.reason), JSON.stringify(decision.reason));
	}

	t.true(isClean(formatRawExplanation(decisions)));
});

// Any mix of the lines real dumps hold: the cleaner never throws, every field stays clean, and every line is explained.

const dumpLines = [
	'Skip to main content', 'Sign in', 'Search', 'Home', 'News', 'Sport', 'Europe', 'The Northern Ledger', 'BBC News - Home',
	'A Headline About the Harbour Festival', 'By Anna Berg, Nordic Times', 'Anna Berg in Stockholm', 'Tue 9 Jan 2024 08.30 GMT',
	'Updated 9:12 AM EDT, June 2, 2022', '3 hours ago', 'Image caption,', 'The keepers on the steps. (AFP)', 'Photo: Jo Lee / AFP',
	'2 of 5', '14:07', 'Advertisement', 'Read more: Something else', 'Related', 'Most read', '© 2024 Nordic Times',
	'We use cookies to improve your experience. Accept all', 'SPOKANE, Wash. (AP) — The fish came back on Thursday, biologists said.',
	'The first paragraph of the story is long enough to read like prose and ends with a full stop.', 'Subscribe to continue reading',
	'Publié le 12 avril 2023 à 08h15', 'Par Jeanne Dupont', 'كتب: خالد المنصوري', '2023年6月3日 10時05分', '记者 林晓雨', '- a list item',
	'1. first step', '2. second step', '', '', '\u001B[2J', '&#27;', '*', '\\', '\uFEFF', '\u202E',
];

test('property: any dump of real-looking lines parses, stays clean and is fully explained', t => {
	fc.assert(fc.property(fc.array(fc.constantFrom(...dumpLines), {maxLength: 40}), lines => {
		const text = lines.join('\n');
		const article = parseRawText(text);
		for (const value of [article.title, article.source, article.author, article.date, article.caption, article.body]) {
			if (value !== undefined && !isClean(value)) {
				return false;
			}
		}

		// Decisions are in page order, never overlap, and stay within the page's lines.
		let last = 0;
		for (const decision of explainRawText(text)) {
			if (decision.from <= last || decision.to < decision.from || decision.to > Math.max(1, lines.length)) {
				return false;
			}

			last = decision.to;
		}

		return true;
	}), {numRuns: 1000});
	t.pass();
});
