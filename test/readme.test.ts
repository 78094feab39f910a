import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {keysMarkdownTable} from '../source/core/reader/keymap.js';
import {root} from './helpers/cli.js';

test('the README\'s Keys table is the key map\'s table', t => {
	const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
	const section = /<!-- keys -->\n([\s\S]*?)<!-- \/keys -->/.exec(readme);
	t.truthy(section, 'README has a <!-- keys --> section');
	t.is(section![1], keysMarkdownTable().replace(/\n*$/, '\n'), 'paste keysMarkdownTable() between the markers');
});

test('the README shows real screenshots that exist', t => {
	const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
	const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map(match => match[1]!);
	t.true(images.length > 0);
	for (const image of images) {
		t.true(fs.statSync(path.join(root, image)).size > 10_000, image);
	}
});
