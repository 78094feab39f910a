/**
Crashes: inputs whose shape (depth, count, unusual text, wrong types) could overflow the stack, throw from deep inside
a library, or fail an assumption. Every one must end with output or one `inkwire:` line, never a stack trace.
*/
import fs from 'node:fs';
import path from 'node:path';
import type {Attack} from '../harness.js';
import {repeatTo} from './common.js';

const twoMegabytes = 2 * 1024 * 1024;

/** `show` of the file in every output format, and `list` of the store it is in. */
function showEveryWay(file: string, maxRssMb?: number): Attack['act'] {
	return async (workspace, tools) => {
		const target = path.join(workspace.store, file);
		for (const format of ['plain', 'ansi', 'json']) {
			// eslint-disable-next-line no-await-in-loop
			await tools.run({args: ['show', target, '--format', format], expect: 'any', isStyled: format === 'ansi', timeoutMs: 30_000, maxRssMb}, `show --format ${format}`);
		}

		await tools.run({args: ['list'], expect: 'ok', maxRssMb}, 'list');
	};
}

/** A Markdown file made at test time; `show` and `list` of it. */
function markdownAttack(name: string, make: () => string, options: {readonly isListed?: boolean; readonly extension?: string; readonly maxRssMb?: number} = {}): Attack {
	const file = `input.${options.extension ?? 'md'}`;
	return {
		name,
		class: 'crash',
		isListed: options.isListed,
		setup(workspace) {
			workspace.write(file, make());
		},
		act: showEveryWay(file, options.maxRssMb),
	};
}

const listed: Attack[] = [
	// A block costs marked a few hundred bytes of tokens: the bound for a million of them is higher than the rest's.
	markdownAttack('800,000 paragraphs in a 2 MB file', () => 'a\n\n'.repeat(800_000), {isListed: true, maxRssMb: 1024}),
	markdownAttack('500,000 headings in a 2 MB file', () => '# h\n'.repeat(500_000), {isListed: true, maxRssMb: 1024}),
	{
		name: 'short unusual texts that crashed the width computation',
		class: 'crash',
		isListed: true,
		setup(workspace) {
			const texts = [
				'\u0301'.repeat(50_000),
				'👩‍👩‍👧‍👦'.repeat(5000),
				'\u200D'.repeat(50_000),
				'🇺🇳'.repeat(20_000).slice(1),
				'\uFE0F'.repeat(30_000),
				'e\u0301\u0302\u0303'.repeat(10_000),
				'\uD800'.repeat(1000) + '\uDFFF'.repeat(1000),
				'\u{E0001}\u{E0020}'.repeat(5000),
				'ﷺ'.repeat(5000),
				'\u1100\u1161\u11A8'.repeat(10_000),
			];
			for (const [index, text] of texts.entries()) {
				workspace.write(`w${index}.md`, `---\nid: w${index}\ntitle: "${text.slice(0, 3000)}"\n---\n\n# ${text.slice(0, 2000)}\n\n${text}\n\n| ${text.slice(0, 500)} | b |\n|---|---|\n| c | d |\n`);
			}
		},
		async act(workspace, tools) {
			await tools.run({args: ['list'], expect: 'ok'}, 'list');
			for (let index = 0; index < 10; index++) {
				// eslint-disable-next-line no-await-in-loop
				await tools.run({args: ['show', `w${index}`, '--width', '40'], expect: 'ok'}, `show w${index}`);
			}
		},
	},
	{
		name: 'an index entry of valid shape with a wrong type among the fields, then list --json',
		class: 'crash',
		isListed: true,
		setup(workspace) {
			workspace.write('a.md', '---\nid: a\ntitle: A\ntags: [one, two]\n---\n\nBody.\n');
			workspace.write('b.md', '---\nid: b\ntitle: B\n---\n\nBody.\n');
		},
		async act(workspace, tools) {
			await tools.run({args: ['list', '--json'], expect: 'ok'}, 'list --json to write the index');
			const cache = path.join(workspace.cacheHome, 'inkwire');
			for (const name of fs.readdirSync(cache).filter(file => file.startsWith('index-'))) {
				const file = path.join(cache, name);
				const lines = fs.readFileSync(file, 'utf8').split('\n');
				// Numbers where text goes and text where numbers go, columns added and removed, a huge count.
				const broken = lines.map((line, index) => {
					if (index === 0 || line === '') {
						return line;
					}

					const columns = line.split('\t');
					return index === 1 ? columns.map((column, at) => (at > 1 ? (/^\d/.test(column) ? 'NaN' : '1e999') : column)).join('\t') : `${line}\textra\t${'9'.repeat(400)}`;
				});
				fs.writeFileSync(file, broken.join('\n'));
			}

			const result = await tools.run({args: ['list', '--json'], expect: 'ok'}, 'list --json from the broken index');
			if (!/"a"/.test(result.stdout) || !/"b"/.test(result.stdout)) {
				tools.fail('an article went missing after the index was damaged');
			}

			await tools.run({args: ['list', '--json'], expect: 'ok', stdout: /"tags":\s*\[\s*"one"/}, 'list --json again (repaired)');
		},
	},
];

const deep = (open: string, count: number, close = '') => open.repeat(count) + 'x' + close.repeat(count);

const shapes: Attack[] = [
	markdownAttack('100,000 nested blockquotes', () => `${'>'.repeat(100_000)} deep\n`),
	markdownAttack('20,000 nested blockquotes on separate lines', () => Array.from({length: 20_000}, (_, index) => `${'> '.repeat(index % 500)}line`).join('\n')),
	markdownAttack('50,000 nested emphasis markers', () => deep('*', 50_000, '*')),
	markdownAttack('100,000 open brackets and parentheses', () => '[('.repeat(100_000)),
	markdownAttack('nested links and images 20,000 deep', () => deep('[![', 20_000, '](x)](y)')),
	markdownAttack('30,000 nested HTML elements', () => deep('<div><span>', 30_000, '</span></div>')),
	markdownAttack('a 4 MB single line without spaces', () => 'a'.repeat(4 * 1024 * 1024)),
	markdownAttack('a 4 MB single line of words', () => repeatTo('word ', 4 * 1024 * 1024)),
	markdownAttack('4 MB of spaces and tabs', () => repeatTo(' \t', 4 * 1024 * 1024)),
	markdownAttack('a flood of zero-width characters', () => repeatTo('a\u200B\u200C\u200D\uFEFF', twoMegabytes)),
	markdownAttack('a flood of right-to-left text and marks', () => repeatTo('שלום \u200F مرحبا \u061C', twoMegabytes)),
	markdownAttack('a flood of combining marks on one letter', () => `a${'\u0300\u0301\u0302\u0303'.repeat(250_000)}\n`),
	markdownAttack('CRLF line endings and lone CRs everywhere', () => repeatTo('# Title\r\n\r\npara\rgraph\r\n- item\r\n', twoMegabytes)),
	markdownAttack('NUL bytes through the text', () => repeatTo('text\u0000more\u0000\n', 1024 * 1024)),
	markdownAttack('invalid UTF-8 throughout', () => Buffer.from(Array.from({length: 1024 * 1024}, (_, index) => (index % 3 === 0 ? 0xC3 : (index % 3 === 1 ? 0x28 : 0xFF)))).toString('latin1')),
	markdownAttack('a UTF-16 file with a byte order mark', () => Buffer.concat([Buffer.from([0xFF, 0xFE]), Buffer.from('# Title\n\nText in UTF-16.\n', 'utf16le')]).toString('latin1')),
	markdownAttack('1,000,000 entities, numeric out of range and surrogates', () => repeatTo('&amp;&#99999999;&#xD800;&#0;&#x110000;&nosuch; ', twoMegabytes)),
	markdownAttack('a YAML alias bomb in the front matter', () => `---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\ntags: *g\ntitle: *g\n---\n\nBody.\n`),
	markdownAttack('YAML nested 50,000 deep in the front matter', () => `---\ntitle: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n---\n\nBody.\n`),
	markdownAttack('front matter of wrong types (title a map, tags a number, date an array, id a list)', () => '---\ntitle: {a: 1}\ntags: 42\ndate: [1, 2]\nid: [x]\nauthor: null\nurl: 12\nsource: true\n---\n\nBody.\n'),
	markdownAttack('a 4 MB front matter', () => `---\ntitle: ${'t'.repeat(4 * 1024 * 1024)}\n---\n\nBody.\n`),
	markdownAttack('an unterminated front matter and fence', () => `---\ntitle: x\n\n\`\`\`\n${repeatTo('code\n', 1024 * 1024)}`),
	markdownAttack('a scraped .txt article of 500,000 short lines', () => repeatTo('Line of scraped text.\n', 10 * 1024 * 1024 / 2), {extension: 'txt'}),
	markdownAttack('a .html page nested 20,000 elements deep', () => `<html><body>${deep('<div><p>', 20_000, '</p></div>')}</body></html>`, {extension: 'html'}),
	markdownAttack('dates far outside any calendar', () => '---\nid: d\ntitle: Dates\ndate: "+275760-09-13T00:00:00.001Z"\n---\n\nBody.\n'),
];

/** The crash attacks. */
export const crash: readonly Attack[] = [...listed, ...shapes];
