/**
Builds dist/: the command line and the scan worker, bundled with esbuild, split per command so that each command
loads only its own code (`list` never loads Ink, React or the renderer), and split again so that each highlight.js
language is a chunk of its own, loaded only by an article whose code names it.

Modules are swapped for inkwire's own, and only for the importers that need it, because an alias for every
importer once changed what users saw: esbuild's `--alias:string-width=…` also redirected cli-table3's CommonJS
`require('string-width')`, which then got an ES module namespace instead of a function, and every table in every
article came out as raw Markdown while the tests (run on the source) passed. The tests now render every fixture
through this bundle and through the source and require the same lines (test/bundle.test.ts).
- `string-width`, for Ink, its text helpers and inkwire's core: a fast path for one-column text in front of the real
  module, which is loaded only when some text needs it, and a memo (source/shims/string-width.ts). Ink measures every
  line of every frame, and loading string-width cost the first screen about 150 ms on a busy machine. cli-table3 keeps
  its own string-width 4 (CommonJS), which this does not touch.
- Ink's `build/output.js` (Ink 6.8), for Ink's renderer only: the same frame strings, with rows and lines remembered
  across frames (source/shims/ink-output.ts); Ink's own redid every character of every row on every keypress. The
  build stops if Ink is not 6.8, whose output.js the shim was written and tested against.
- Ink's `build/log-update.js`, one line patched (see `patches`): with incremental rendering, a frame that followed one
  ending in a newline (every frame shorter than the window, which the reader's are) started one row too low, so the
  terminal scrolled by a row and every line Ink skipped as unchanged showed the row below it: the list of links over
  an article kept lines of the article. The build stops if the line is not there exactly once.
- `cli-highlight`, for marked-terminal only: a stub (source/shims/cli-highlight.ts). marked-terminal, loaded only for
  articles with emoji shortcodes, imports it when it loads; inkwire highlights code itself.
*/
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shims = [
	{module: 'string-width', importers: /[\\/]node_modules[\\/](?:ink|widest-line|wrap-ansi|cli-truncate)[\\/]|[\\/]source[\\/](?:core[\\/]|shims[\\/]ink-output)/, file: 'source/shims/string-width.ts'},
	{module: './output.js', importers: /[\\/]node_modules[\\/]ink[\\/]build[\\/]renderer\.js$/, file: 'source/shims/ink-output.ts'},
	{module: 'cli-highlight', importers: /[\\/]node_modules[\\/]marked-terminal[\\/]/, file: 'source/shims/cli-highlight.ts'},
];

/** An esbuild plugin that resolves each shimmed module to inkwire's file, for the listed importers only. */
const targetedShims = {
	name: 'targeted-shims',
	setup(builder) {
		for (const shim of shims) {
			builder.onResolve({filter: new RegExp(`^${shim.module.replaceAll('.', '\\.')}$`)}, arguments_ => (
				shim.importers.test(arguments_.importer) ? {path: path.join(root, shim.file)} : undefined
			));
		}
	},
};

/** Source patches: each `find` must occur exactly once in its file, or the build stops (the library changed). */
const patches = [
	{
		file: /[\\/]node_modules[\\/]ink[\\/]build[\\/]log-update\.js$/,
		// After a frame with a trailing newline the cursor is on the row below the frame: the frame's top is
		// previousVisible rows up, not previousVisible - 1 (the erase branch above it already counts that row).
		find: 'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));',
		replace: 'buffer.push(ansiEscapes.cursorUp(previousOutput.endsWith(\'\\n\') ? previousVisible : previousVisible - 1));',
	},
];

/** An esbuild plugin that applies `patches` to the files they name. */
const sourcePatches = {
	name: 'source-patches',
	setup(builder) {
		for (const patch of patches) {
			builder.onLoad({filter: patch.file}, arguments_ => {
				const source = fs.readFileSync(arguments_.path, 'utf8');
				const parts = source.split(patch.find);
				if (parts.length !== 2) {
					throw new Error(`${arguments_.path}: expected "${patch.find}" exactly once; check the patch in source/build.mjs against this version`);
				}

				return {contents: parts.join(patch.replace), loader: 'js'};
			});
		}
	},
};

const inkVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/ink/package.json'), 'utf8')).version;
if (!/^6\.8\./.test(inkVersion)) {
	throw new Error(`source/shims/ink-output.ts stands in for Ink 6.8's build/output.js; check it against Ink ${inkVersion}'s (and its test) first`);
}

fs.rmSync(path.join(root, 'dist'), {recursive: true, force: true});
await build({
	absWorkingDir: root,
	entryPoints: {cli: 'source/cli.tsx', 'scan-worker': 'source/io/store/scan-worker.ts', 'render-worker': 'source/io/render/render-worker.ts'},
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'esm',
	splitting: true,
	outdir: 'dist',
	chunkNames: 'chunks/[name]-[hash]',
	external: ['react-devtools-core'],
	plugins: [targetedShims, sourcePatches],
	define: {'process.env.NODE_ENV': '"production"'},
	// Bundled CommonJS dependencies call require(); an ES module has none of its own.
	banner: {js: 'import {createRequire as __inkwireRequire} from \'node:module\'; const require = __inkwireRequire(import.meta.url);'},
	logLevel: 'warning',
});
