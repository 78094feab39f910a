import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {root} from './helpers/cli.js';

function importsOf(directory: string): Array<{file: string; specifier: string}> {
	const found: Array<{file: string; specifier: string}> = [];
	for (const name of fs.readdirSync(path.join(root, 'source', directory))) {
		const file = path.join('source', directory, name);
		const code = fs.readFileSync(path.join(root, file), 'utf8');
		for (const match of code.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'|^import\s+'([^']+)'|import\('([^']+)'\)/gm)) {
			found.push({file, specifier: match[1] ?? match[2] ?? match[3]!});
		}
	}

	return found;
}

const rules: Record<string, RegExp> = {
	// Pure: no terminal, no UI, no file system, no process, no other layer.
	core: /^(?:react|ink|ink-select-input|ink-testing-library|conf|open|node:fs|node:process|node:child_process|node:tty|\.\.\/(?:io|ui|cli)\/)/,
	// The UI gets data and callbacks: it never touches io or cli.
	ui: /^(?:conf|open|node:fs|node:child_process|\.\.\/(?:io|cli)\/)/,
	// The edges know nothing of the UI or the command line.
	io: /^(?:react|ink|ink-select-input|\.\.\/(?:ui|cli)\/)/,
};

for (const [layer, forbidden] of Object.entries(rules)) {
	test(`source/${layer} imports only what its layer may`, t => {
		const imports = importsOf(layer);
		t.true(imports.length > 0);
		const offending = imports.filter(({specifier}) => forbidden.test(specifier)).map(({file, specifier}) => `${file} imports ${specifier}`);
		t.deepEqual(offending, []);
	});
}
