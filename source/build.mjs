/**
Builds dist/: the command line and the scan worker, bundled with esbuild, split per command so that each command
loads only its own code (`list` never loads Ink, React or the renderer), and split again so that each highlight.js
language is a chunk of its own, loaded only by an article whose code names it.

Two modules are swapped for inkwire's own, and only for the importers that need it, because an alias for every
importer once changed what users saw: esbuild's `--alias:string-width=…` also redirected cli-table3's CommonJS
`require('string-width')`, which then got an ES module namespace instead of a function, and every table in every
article came out as raw Markdown while the tests (run on the source) passed. The tests now render every fixture
through this bundle and through the source and require the same lines (test/bundle.test.ts).
- `string-width`, for Ink only: a memoised wrapper (source/shims/string-width.ts). Ink measures every line of every
  frame and list rows repeat the same strings.
- `cli-highlight`, for marked-terminal only: a stub (source/shims/cli-highlight.ts). marked-terminal, loaded only for
  articles with emoji shortcodes, imports it when it loads; inkwire highlights code itself.
*/
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shims = [
	{module: 'string-width', importers: /[\\/]node_modules[\\/](?:ink|widest-line)[\\/]/, file: 'source/shims/string-width.ts'},
	{module: 'cli-highlight', importers: /[\\/]node_modules[\\/]marked-terminal[\\/]/, file: 'source/shims/cli-highlight.ts'},
];

/** An esbuild plugin that resolves each shimmed module to inkwire's file, for the listed importers only. */
const targetedShims = {
	name: 'targeted-shims',
	setup(builder) {
		for (const shim of shims) {
			builder.onResolve({filter: new RegExp(`^${shim.module}$`)}, arguments_ => (
				shim.importers.test(arguments_.importer) ? {path: path.join(root, shim.file)} : undefined
			));
		}
	},
};

fs.rmSync(path.join(root, 'dist'), {recursive: true, force: true});
await build({
	absWorkingDir: root,
	entryPoints: {cli: 'source/cli.tsx', 'scan-worker': 'source/io/store/scan-worker.ts'},
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'esm',
	splitting: true,
	outdir: 'dist',
	chunkNames: 'chunks/[name]-[hash]',
	external: ['react-devtools-core'],
	plugins: [targetedShims],
	define: {'process.env.NODE_ENV': '"production"'},
	// Bundled CommonJS dependencies call require(); an ES module has none of its own.
	banner: {js: 'import {createRequire as __inkwireRequire} from \'node:module\'; const require = __inkwireRequire(import.meta.url);'},
	logLevel: 'warning',
});
