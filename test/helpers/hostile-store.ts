import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {root} from './cli.js';

/** Ids of the articles in the hostile store that must always be listed. */
export const goodIds = [
	'raw-escapes',
	'entities',
	'scraped',
	'bidi',
	'invalid-utf8',
	'bom',
	'crlf',
	'one-long-line',
	'many-paragraphs',
	'markdown-bomb',
	'not-yaml',
	'wrong-types',
	'alias-bomb',
	'duplicate',
	'empty-front-matter',
] as const;

/** Files that are broken beyond use and must be skipped with a reason, not listed. */
export const brokenFiles = ['empty.md', 'binary.md', 'duplicate.txt'] as const;

const aliasBomb = `---
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
title: *i
tags: *i
---

Billion laughs.
`;

/**
Write the hostile and broken store into a new temporary folder: the committed hostile fixtures (escape sequences,
entities, bidi tricks) plus files that are broken in every way a synced, hand-edited store can be.
*/
export function writeHostileStore(): string {
	const store = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-hostile-'));
	fs.cpSync(path.join(root, 'test/fixtures/hostile'), store, {recursive: true});
	const write = (name: string, content: string | Uint8Array) => {
		fs.writeFileSync(path.join(store, name), content);
	};

	write('empty.md', '');
	write('binary.md', Buffer.from([0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1, 2, 3, 0xFF, 0xFE, 0, 0x1B, 0x5B, 0x32, 0x4A]));
	write('invalid-utf8.txt', Buffer.concat([Buffer.from('Invalid UTF-8 Headline\n\nBytes '), Buffer.from([0xC3, 0x28, 0xA0, 0xA1, 0xFF]), Buffer.from(' in the middle of a sentence.\n')]));
	write('bom.md', '\uFEFF---\ntitle: Has a BOM\ndate: 2025-02-01\n---\n\nBody after a byte order mark.\n');
	write('crlf.md', '---\r\ntitle: CRLF Line Ends\r\ndate: 2025-02-02\r\n---\r\n\r\nFirst paragraph.\r\n\r\nSecond paragraph.\r\n');
	write('one-long-line.txt', 'A Long Line\n\n' + 'word '.repeat(600_000) + '\n');
	write('many-paragraphs.md', '---\ntitle: Twenty Thousand Paragraphs\n---\n\n' + Array.from({length: 20_000}, (_, index) => `Paragraph ${index}.`).join('\n\n') + '\n');
	write('markdown-bomb.md', '---\ntitle: Markdown Bomb\n---\n\n' + '_*['.repeat(200_000) + '\n');
	write('not-yaml.md', '---\ntitle: [unclosed\n  : : bad: - yaml\n---\n\nThe body survives.\n');
	write('wrong-types.md', '---\ntitle: [1, 2]\ndate: tomorrow\ntags: 42\nurl: 7\n---\n\n# Fallback Title From Heading\n\nBody.\n');
	write('alias-bomb.md', aliasBomb);
	write('duplicate.md', '---\ntitle: The First Duplicate\n---\n\nKept.\n');
	write('duplicate.txt', 'The Second Duplicate\n\nSkipped, because its id is taken.\n');
	write('empty-front-matter.md', '---\n---\n\nOnly a body.\n');
	fs.mkdirSync(path.join(store, 'loop'));
	fs.symlinkSync('..', path.join(store, 'loop/again'));
	fs.writeFileSync(path.join(store, 'ignored.json'), '{"not": "an article"}');
	return store;
}
