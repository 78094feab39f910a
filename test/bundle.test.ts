/*
What ships is what is tested: every fixture, every data/ article and the hostile pieces are rendered by the built
dist/cli.js (`show --format plain|ansi`) and by the source renderer, and the lines must be the same. A bundle-only
alias or shim can never again change what a user sees without this failing. None of them may take a fallback.
*/
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {articleIdFromPath} from '../source/core/article/parse.js';
import {prepareRender, renderArticle} from '../source/core/render/article.js';
import {languages} from '../source/core/render/highlight-languages.js';
import {loadArticle} from '../source/io/store/load-article.js';
import {hostileArticle, hostilePieces} from './fixtures/render/articles.js';
import {cliEnvironment, makeHome, root, runCliBatch, type BatchJob} from './helpers/cli.js';

const widths = [80, 40];
const formats = ['plain', 'ansi'] as const;

function articleFiles(directory: string): string[] {
	if (!fs.existsSync(directory)) {
		return [];
	}

	return fs.readdirSync(directory, {recursive: true, encoding: 'utf8'})
		.filter(name => /\.(?:md|markdown|txt)$/.test(name))
		.map(name => path.join(directory, name))
		.filter(file => fs.statSync(file).isFile())
		.sort();
}

/** The hostile pieces as files a user could have: Markdown with every field set, and scraped text. */
function writeHostileFiles(directory: string): string[] {
	const files: string[] = [];
	for (const [index, piece] of hostilePieces.entries()) {
		const article = hostileArticle(piece);
		const frontMatter = ['title', 'source', 'author', 'date', 'url', 'caption'].map(key => `${key}: ${JSON.stringify(article[key as keyof typeof article])}`);
		const markdown = path.join(directory, `hostile-${index}.md`);
		fs.writeFileSync(markdown, `---\n${frontMatter.join('\n')}\ntags: ${JSON.stringify(article.tags)}\n---\n\n${article.body}\n`);
		const text = path.join(directory, `hostile-${index}.txt`);
		fs.writeFileSync(text, `Source ${piece} | News\n\nTitle ${piece} here\n\nBy Author ${piece}\n\nA paragraph ${piece} long enough to read as prose, with [brackets] and *stars*.\n`);
		files.push(markdown, text);
	}

	return files;
}

const home = makeHome();
const emptyStore = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-empty-store-'));
const hostileDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-hostile-'));
const files = [
	...articleFiles(path.join(root, 'test/fixtures')),
	...articleFiles(path.join(root, 'data')),
	...writeHostileFiles(hostileDirectory),
];
const cases = files.flatMap(file => formats.flatMap(format => widths.map(width => ({file, format, width}))));

/** What the source renderer gives for a file, as `show` would write it; or the error loading it raises. */
async function renderFromSource(file: string, format: 'plain' | 'ansi', width: number): Promise<{text: string; fallbacks: string[]} | {error: string}> {
	let article;
	try {
		article = loadArticle(path.resolve(file), articleIdFromPath(path.basename(file)));
	} catch (error) {
		return {error: error instanceof Error ? error.message : String(error)};
	}

	const color = format === 'ansi';
	if (color) {
		await prepareRender(article);
	}

	const {lines, warnings} = renderArticle(article, {width, measure: width, color, hyperlinks: color});
	return {text: lines.join('\n') + '\n', fallbacks: warnings.map(warning => warning.kind)};
}

test('the built CLI renders every fixture, data/ article and hostile piece exactly as the source does, with no fallback', async t => {
	t.true(files.length > 80, String(files.length));
	const jobs: BatchJob[] = cases.map(({file, format, width}) => ({
		args: ['--data', emptyStore, 'show', file, '--format', format, '--width', String(width), '--verbose'],
		// FORCE_HYPERLINK makes the bundle write OSC 8 links, as the source renders them here.
		env: {FORCE_HYPERLINK: format === 'ansi' ? '1' : '0'},
	}));
	const results = runCliBatch(jobs, cliEnvironment(home));
	let compared = 0;
	for (const [index, {file, format, width}] of cases.entries()) {
		const shipped = results[index]!;
		const source = await renderFromSource(file, format, width);
		const name = `${path.relative(root, file)} ${format} ${width}`;
		if ('error' in source) {
			t.not(shipped.status, 0, name);
			t.true(shipped.stderr.includes('inkwire: '), name);
			continue;
		}

		t.is(shipped.status, 0, `${name}: ${shipped.stderr}`);
		t.is(shipped.stdout, source.text, name);
		t.deepEqual(source.fallbacks, [], name);
		// --verbose names every simplification on stderr; there must be none.
		t.false(/shown as plain text|flattened|is cut|without syntax colours|without its styling|too long/.test(shipped.stderr), `${name}: ${shipped.stderr}`);
		compared++;
	}

	t.log(`${compared} renders compared (${files.length} files × ${formats.length} formats × ${widths.length} widths)`);
});

test('the bundle takes a fallback where the source does, and says why with --verbose', t => {
	const file = path.join(hostileDirectory, 'bomb.md');
	fs.writeFileSync(file, `# Bomb\n\nBefore.\n\n${'_*['.repeat(5000)}\n\nAfter.\n`);
	const [result] = runCliBatch([{args: ['--data', emptyStore, 'show', file, '--format', 'plain', '--verbose']}], cliEnvironment(home));
	t.is(result!.status, 0);
	t.true(result!.stdout.includes('⚠ Part of this article is shown as plain text.'));
	t.regex(result!.stderr, /inkwire: Part of this article is shown as plain text\. \(a paragraph with more than 2,000 emphasis or bracket delimiters\)/);
});

/** The chunks a built file imports statically (loaded with it), transitively. */
function staticChunks(file: string, seen = new Set<string>()): Set<string> {
	const queue = [file];
	while (queue.length > 0) {
		const current = queue.pop()!;
		for (const match of fs.readFileSync(current, 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s*"(\.[^"]+)"|^import\s*"(\.[^"]+)"/gm)) {
			const target = path.resolve(path.dirname(current), match[1] ?? match[2]!);
			if (!seen.has(target)) {
				seen.add(target);
				queue.push(target);
			}
		}
	}

	return seen;
}

test('highlight.js is in chunks of its own, loaded only by an article whose code names a language', t => {
	const chunks = path.join(root, 'dist/chunks');
	const show = fs.readdirSync(chunks).find(name => name.startsWith('show-'))!;
	const loaded = staticChunks(path.join(chunks, show));
	loaded.add(path.join(chunks, show));
	for (const file of staticChunks(path.join(root, 'dist/cli.js'))) {
		loaded.add(file);
	}

	const highlighter = fs.readdirSync(chunks).filter(name => fs.readFileSync(path.join(chunks, name), 'utf8').includes('Falling back to no-highlight mode'));
	t.is(highlighter.length, 1);
	t.false(loaded.has(path.join(chunks, highlighter[0]!)), 'highlight.js core is loaded with `show`');
	// Each language is a chunk named after its file (javascript-HASH.js).
	const languageChunks = fs.readdirSync(chunks).filter(name => languages.has(name.replace(/-[A-Z\d]+\.js$/, '')));
	t.is(languageChunks.length, languages.size);
	t.deepEqual(languageChunks.filter(name => loaded.has(path.join(chunks, name))), []);
});
