import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {root} from './helpers/cli.js';

type Import = {readonly file: string; readonly specifier: string; readonly layer: string | undefined};

/** Every import of every file under source/<directory>, with the top-level folder of source/ a relative one lands in. */
function importsOf(directory: string): Import[] {
	const found: Import[] = [];
	const base = path.join(root, 'source', directory);
	for (const name of fs.readdirSync(base, {recursive: true, encoding: 'utf8'})) {
		if (!/\.tsx?$/.test(name)) {
			continue;
		}

		const file = path.join(base, name);
		const code = fs.readFileSync(file, 'utf8');
		for (const match of code.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'|^import\s+'([^']+)'|import\('([^']+)'\)/gm)) {
			const specifier = match[1] ?? match[2] ?? match[3]!;
			const layer = specifier.startsWith('.')
				? path.relative(path.join(root, 'source'), path.resolve(path.dirname(file), specifier)).split(path.sep)[0]
				: undefined;
			found.push({file: path.relative(root, file), specifier, layer});
		}
	}

	return found;
}

const rules: Record<string, {readonly packages: RegExp; readonly layers: readonly string[]}> = {
	// Pure: no terminal, no UI, no file system, no process, no other layer.
	core: {packages: /^(?:react|ink|ink-select-input|ink-testing-library|conf|open|node:fs|node:process|node:child_process|node:tty|node:worker_threads|node:net|node:http)/, layers: ['io', 'ui', 'cli']},
	// The UI gets data and callbacks: it never touches io or cli.
	ui: {packages: /^(?:conf|open|node:fs|node:child_process)/, layers: ['io', 'cli']},
	// The edges know nothing of the UI or the command line.
	io: {packages: /^(?:react|ink|ink-select-input)/, layers: ['ui', 'cli']},
};

for (const [layer, {packages, layers}] of Object.entries(rules)) {
	test(`source/${layer} imports only what its layer may`, t => {
		const imports = importsOf(layer);
		t.true(imports.length > 0);
		const offending = imports
			.filter(({specifier, layer: target}) => packages.test(specifier) || (target !== undefined && layers.includes(target)))
			.map(({file, specifier}) => `${file} imports ${specifier}`);
		t.deepEqual(offending, []);
	});
}

test('the layer check sees imports in nested folders and resolves them', t => {
	const core = importsOf('core');
	t.true(core.some(({file}) => file.startsWith(path.join('source', 'core', 'article', 'scraped'))));
	t.true(core.every(({layer}) => layer === undefined || layer === 'core'));
});
