/*
The CommonMark corpus: for every example of the spec (commonmark-spec), the visible text of `inkwire show --format
plain` through the built CLI equals the visible text of the spec's expected HTML, whitespace collapsed. The examples
that still differ are listed below with the reason; the list must be exact, so a fix removes its entry.
*/
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import spec from 'commonmark-spec';
import {cliEnvironment, makeHome, runCliBatch} from './helpers/cli.js';
import {visibleHtmlText, visibleRenderedText} from './helpers/visible-text.js';

/** Examples whose visible text differs, by number, and why. */
const exceptions = new Map<number, string>([
	[28, 'the entities package reads `&#87654321;` as HTML5 does (U+FFFD); CommonMark allows only 7 decimal digits and leaves it as text'],
]);

type Example = {readonly markdown: string; readonly html: string; readonly section: string; readonly number: number};

// The spec writes tabs as →.
const examples = (spec.tests as Example[]).map(example => ({
	...example,
	markdown: example.markdown.replaceAll('→', '\t'),
	html: example.html.replaceAll('→', '\t'),
}));

test('every CommonMark example shows the text its HTML shows, but for the listed exceptions', t => {
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-commonmark-'));
	const store = path.join(directory, 'store');
	fs.mkdirSync(store);
	const jobs = examples.map(example => {
		const file = path.join(directory, `example-${example.number}.md`);
		// A title of its own, so that nothing in the example is taken for the article's title.
		fs.writeFileSync(file, `---\ntitle: Example\n---\n${example.markdown}`);
		return {args: ['--data', store, 'show', file, '--format', 'plain', '--width', '1000']};
	});
	const results = runCliBatch(jobs, cliEnvironment(makeHome()));
	const failing: number[] = [];
	for (const [index, example] of examples.entries()) {
		const result = results[index]!;
		t.is(result.status, 0, `example ${example.number}: ${result.stderr}`);
		// No example may make the renderer simplify (a warning line under the header).
		t.false(result.stdout.includes('⚠ '), `example ${example.number} took a fallback: ${result.stdout}`);
		// The header is the title and the reading time, then a blank line.
		const shown = visibleRenderedText(result.stdout, 3);
		const expected = visibleHtmlText(example.html);
		if (shown !== expected) {
			failing.push(example.number);
			if (!exceptions.has(example.number)) {
				t.log(`example ${example.number} (${example.section}):\n  markdown ${JSON.stringify(example.markdown)}\n  expected ${JSON.stringify(expected)}\n  shown    ${JSON.stringify(shown)}`);
			}
		}
	}

	t.log(`${examples.length - failing.length} of ${examples.length} CommonMark examples pass (exceptions listed: ${exceptions.size})`);
	t.deepEqual(failing, [...exceptions.keys()].sort((a, b) => a - b));
});
