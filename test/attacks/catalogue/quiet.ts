/**
Quieter defects: files dropped without a word, names that cannot be reached, URLs mangled, config files left in a
bad state, and a terminal not restored after a signal. Also the signal matrix: every fatal signal and Ctrl-C in
every screen of the reader, each leaving the terminal as it was found.
*/
import fs from 'node:fs';
import path from 'node:path';
import type {Attack, Tools} from '../harness.js';
import {judgeReader} from '../harness.js';
import {configLeftovers, isRoot, makeFifo} from './common.js';

const listed: Attack[] = [
	{
		name: 'FIFOs, devices and symlinks to them in the store are skipped with a reason',
		class: 'quiet defect',
		isListed: true,
		setup(workspace) {
			workspace.write('good.md', '# Good\n\nx\n');
			makeFifo(path.join(workspace.store, 'fifo.md'));
			fs.symlinkSync('/dev/null', path.join(workspace.store, 'null.md'));
			fs.symlinkSync('/dev/zero', path.join(workspace.store, 'zero.txt'));
			fs.symlinkSync('fifo.md', path.join(workspace.store, 'to-fifo.md'));
		},
		async act(_workspace, tools) {
			const result = await tools.run({args: ['list', '--verbose'], expect: 'ok'}, 'list --verbose');
			for (const name of ['fifo.md', 'null.md', 'zero.txt', 'to-fifo.md']) {
				if (!result.stderr.includes(name)) {
					tools.fail(`${name} skipped without a word`);
				}
			}

			await tools.run({args: ['list'], expect: 'ok', stderr: /skipped|4 files/i}, 'list says files were skipped');
		},
	},
	{
		name: 'a file name that is not valid UTF-8 is listed, shown and marked',
		class: 'quiet defect',
		isListed: true,
		setup(workspace) {
			fs.writeFileSync(Buffer.concat([Buffer.from(`${workspace.store}/caf`), Buffer.from([0xE9]), Buffer.from('.md')]), '# Latin-1 name\n\nText.\n');
		},
		async act(_workspace, tools) {
			const list = await tools.run({args: ['list'], expect: 'ok', stdout: /Latin-1 name/}, 'list');
			const id = list.stdout.split('\t')[0]!;
			await tools.run({args: ['show', id], expect: 'ok', stdout: /Text\./}, 'show by its id');
			await tools.run({args: ['read', id], expect: 'ok'}, 'read');
			await tools.run({args: ['list', '--unread'], expect: 'ok', stdout: /^$/}, 'list --unread is empty');
		},
	},
	{
		name: 'BROWSER with %s and a URL holding $&, $` and $\'',
		class: 'quiet defect',
		isListed: true,
		needsTerminal: true,
		setup(workspace) {
			workspace.write('a.md', '---\nid: a\ntitle: Dollar\nurl: "http://e.com/?a=$&b=$`c=$\'d"\n---\n\nText.\n');
			fs.writeFileSync(workspace.path('browser.sh'), `#!/bin/sh\nprintf '%s' "$1" > ${JSON.stringify(workspace.path('opened'))}\n`, {mode: 0o755});
		},
		async act(workspace, tools) {
			const reader = await tools.reader([], {env: {BROWSER: `${workspace.path('browser.sh')} %s`}});
			await reader.waitFor(screen => screen.includes('Dollar'));
			reader.keys('Enter');
			await reader.waitFor(screen => screen.includes('Text.'), 5000);
			reader.keys('o');
			const deadline = Date.now() + 5000;
			while (!fs.existsSync(workspace.path('opened')) && Date.now() < deadline) {
				// eslint-disable-next-line no-await-in-loop
				await new Promise(resolve => setTimeout(resolve, 50));
			}

			reader.keys('q', 'q');
			const result = await reader.end();
			for (const problem of judgeReader(result, {expectStatus: 0})) {
				tools.fail(problem);
			}

			const opened = fs.existsSync(workspace.path('opened')) ? fs.readFileSync(workspace.path('opened'), 'utf8') : '(nothing)';
			if (opened !== 'http://e.com/?a=$&b=$`c=$\'d') {
				tools.fail(`the browser got ${JSON.stringify(opened)}`);
			}
		},
	},
	{
		name: 'a symlinked config.json stays a symlink after a save',
		class: 'quiet defect',
		isListed: true,
		setup(workspace) {
			workspace.write('a.md', '---\nid: a\n---\n\nx\n');
			fs.mkdirSync(workspace.configDirectory, {recursive: true});
			fs.writeFileSync(workspace.path('real-config.json'), '{}');
			fs.symlinkSync(workspace.path('real-config.json'), workspace.configFile);
		},
		async act(workspace, tools) {
			await tools.run({args: ['star', 'a'], expect: 'ok'}, 'star');
			if (!fs.lstatSync(workspace.configFile).isSymbolicLink()) {
				tools.fail('config.json was replaced by a plain file');
			}

			if (!fs.readFileSync(workspace.path('real-config.json'), 'utf8').includes('saved')) {
				tools.fail('the save did not reach the link\'s target');
			}
		},
	},
	{
		name: 'a config that fails its own consistency checks is reported, not accepted silently',
		class: 'quiet defect',
		isListed: true,
		breaksConfig: true,
		setup(workspace) {
			workspace.write('a.md', '---\nid: a\n---\n\nx\n');
		},
		async act(workspace, tools) {
			await tools.run({args: ['read', 'a'], expect: 'ok'}, 'read');
			const config = JSON.parse(fs.readFileSync(workspace.configFile, 'utf8')) as {marks: {stores: Record<string, {read: {count: number}}>}};
			for (const store of Object.values(config.marks.stores)) {
				store.read.count = 99;
			}

			fs.writeFileSync(workspace.configFile, JSON.stringify(config));
			await tools.run({args: ['list'], expect: 'ok', stderr: /consistency/}, 'list');
		},
	},
	{
		name: 'a front matter id shadowing another file\'s id is said without --verbose',
		class: 'quiet defect',
		isListed: true,
		setup(workspace) {
			workspace.write('first.md', '---\nid: same\ntitle: First\n---\n\nx\n');
			workspace.write('second.md', '---\nid: same\ntitle: Second\n---\n\ny\n');
		},
		command: {args: ['list'], expect: 'ok', stderr: /same|duplicate|id another file has/i},
	},
	{
		name: 'stray config.json.tmp-* files of killed writers are cleaned by the next save',
		class: 'quiet defect',
		isListed: true,
		setup(workspace) {
			workspace.write('a.md', '---\nid: a\n---\n\nx\n');
			fs.mkdirSync(workspace.configDirectory, {recursive: true});
			// What a writer killed between writing and renaming leaves: a dead pid in the name.
			fs.writeFileSync(path.join(workspace.configDirectory, 'config.json.tmp-999999-0'), '{"half":');
			fs.writeFileSync(path.join(workspace.configDirectory, 'config.json.tmp-4194300-abc'), '{}');
		},
		async act(workspace, tools) {
			await tools.run({args: ['star', 'a'], expect: 'ok'}, 'star');
			const stray = configLeftovers(workspace);
			if (stray.length > 0) {
				tools.fail(`left: ${stray.join(' ')}`);
			}
		},
	},
];

const variants: Attack[] = [
	{
		name: 'show of a folder, of a missing path and of an empty path',
		class: 'quiet defect',
		setup(workspace) {
			workspace.write('dir.md/inner.md', '# inner\n');
		},
		async act(workspace, tools) {
			await tools.run({args: ['show', path.join(workspace.store, 'dir.md')], expect: 'error'}, 'show a folder');
			await tools.run({args: ['show', path.join(workspace.store, 'nothing.md')], expect: 'error'}, 'show a missing path');
			await tools.run({args: ['show', ''], expect: 'error'}, 'show an empty argument');
		},
	},
	{
		name: 'out-of-range numbers for --width, --limit and --timeout',
		class: 'quiet defect',
		setup(workspace) {
			workspace.write('a.md', '---\nid: a\n---\n\nSome words here.\n');
		},
		async act(_workspace, tools) {
			for (const args of [['show', 'a', '--width', '0'], ['show', 'a', '--width', '-5'], ['show', 'a', '--width', '1e9'], ['show', 'a', '--width', 'NaN'], ['search', 'words', '--limit', '-1'], ['search', 'words', '--limit', '99999999999999999999'], ['fetch', '--timeout', '0'], ['fetch', '--timeout', 'Infinity']]) {
				// eslint-disable-next-line no-await-in-loop
				await tools.run({args, expect: 'any', answerStatuses: [1], maxStdoutBytes: 1024 * 1024}, args.join(' '));
			}
		},
	},
	{
		name: 'a corrupt config.json is moved aside with a warning, never silently reset',
		class: 'quiet defect',
		breaksConfig: true,
		setup(workspace) {
			workspace.write('a.md', '---\nid: a\n---\n\nx\n');
			fs.mkdirSync(workspace.configDirectory, {recursive: true});
			fs.writeFileSync(workspace.configFile, '{"marks": {"version": 2, "stores": "not an object"');
		},
		async act(workspace, tools) {
			await tools.run({args: ['read', 'a'], expect: 'ok', stderr: /invalid|moved aside/i}, 'read');
			if (!fs.readdirSync(workspace.configDirectory).some(name => name.startsWith('config.json.corrupt'))) {
				tools.fail('the corrupt file was not kept aside');
			}
		},
	},
	{
		name: 'config.json of 40 MB of nested arrays, and one that is a folder',
		class: 'quiet defect',
		breaksConfig: true,
		setup(workspace) {
			workspace.write('a.md', '---\nid: a\n---\n\nx\n');
			fs.mkdirSync(workspace.configDirectory, {recursive: true});
			fs.writeFileSync(workspace.configFile, `{"marks": ${'['.repeat(20_000_000)}`);
		},
		async act(workspace, tools) {
			await tools.run({args: ['list'], expect: 'any'}, 'list with a 20 MB config');
			await tools.run({args: ['read', 'a'], expect: 'any'}, 'read with a 20 MB config');
			fs.rmSync(workspace.configDirectory, {recursive: true, force: true});
			fs.mkdirSync(workspace.configFile, {recursive: true});
			await tools.run({args: ['list'], expect: 'any'}, 'list with config.json a folder');
			await tools.run({args: ['read', 'a'], expect: 'error'}, 'read with config.json a folder');
		},
	},
	{
		name: 'a broken feeds.opml (not XML, an entity bomb, 200,000 nested outlines) is reported and left alone',
		class: 'quiet defect',
		breaksConfig: true,
		async act(workspace, tools) {
			const opml = path.join(workspace.configDirectory, 'feeds.opml');
			fs.mkdirSync(workspace.configDirectory, {recursive: true});
			const cases = {
				'not XML': '<opml><body><outline',
				'an entity bomb': `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa">${Array.from({length: 9}, (_, index) => `<!ENTITY ${'b'.repeat(index + 1)} "${`&${index === 0 ? 'a' : 'b'.repeat(index)};`.repeat(10)}">`).join('')}]><opml version="2.0"><body><outline text="&bbbbbbbbb;" xmlUrl="http://127.0.0.1:1/"/></body></opml>`,
				'200,000 nested outlines': `<opml version="2.0"><body>${'<outline text="x">'.repeat(200_000)}${'</outline>'.repeat(200_000)}</body></opml>`,
			};
			for (const [name, text] of Object.entries(cases)) {
				fs.writeFileSync(opml, text);
				// eslint-disable-next-line no-await-in-loop
				await tools.run({args: ['feeds'], expect: 'any'}, `feeds with ${name}`);
				// eslint-disable-next-line no-await-in-loop
				await tools.run({args: ['add', 'http://127.0.0.1:1/x.xml'], expect: 'error'}, `add with ${name}`);
				if (fs.readFileSync(opml, 'utf8') !== text) {
					tools.fail(`feeds.opml with ${name} was overwritten`);
				}

				// eslint-disable-next-line no-await-in-loop
				await tools.run({args: ['import', '-'], stdin: text, expect: 'any'}, `import - of ${name}`);
			}
		},
	},
	{
		name: 'an unreadable article (chmod 000) is skipped with a reason',
		class: 'quiet defect',
		setup(workspace) {
			workspace.write('good.md', '# good\n');
			fs.chmodSync(workspace.write('secret.md', '# secret\n'), 0o000);
		},
		// As root (CI) the file is readable whatever its mode: then it is simply listed.
		command: isRoot ? {args: ['list'], expect: 'ok', stdout: /secret/} : {args: ['list', '--verbose'], expect: 'ok', stderr: /secret\.md/},
	},
	{
		name: 'a store that is a file, a FIFO, or missing',
		class: 'quiet defect',
		setup(workspace) {
			fs.writeFileSync(workspace.path('plain-file'), 'x');
			makeFifo(workspace.path('fifo-store'));
		},
		async act(workspace, tools) {
			for (const store of ['plain-file', 'fifo-store', 'missing']) {
				// eslint-disable-next-line no-await-in-loop
				await tools.run({args: ['list', '--data', workspace.path(store)], expect: 'error', timeoutMs: 10_000}, `--data ${store}`);
			}
		},
	},
];

/** The reader's screens, each reached by keys from the list of a small store. */
const screens: Record<string, {readonly keys: readonly string[]; readonly shows: RegExp}> = {
	list: {keys: [], shows: /Article 0/},
	article: {keys: ['Enter'], shows: /lines|100%/},
	help: {keys: ['?'], shows: /Quit|help/i},
	feeds: {keys: ['F'], shows: /feed/i},
	links: {keys: ['Enter', 'L'], shows: /link/i},
	filter: {keys: ['/', 'A', 'r'], shows: /\/\s*Ar|filter/i},
	'article search': {keys: ['Enter', '/', 'T', 'e'], shows: /\/\s*Te|search/i},
	'confirm mark all': {keys: ['A'], shows: /y\/n|\?/},
};

async function signalInScreen(tools: Tools, screen: string, interrupt: string): Promise<void> {
	const {keys, shows} = screens[screen]!;
	const reader = await tools.reader([]);
	if (!await reader.waitFor(text => text.includes('Article 0'))) {
		tools.fail(`the list did not show: ${reader.screen().slice(0, 200)}`);
	}

	for (const key of keys) {
		reader.keys(key);
		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => setTimeout(resolve, 80));
	}

	if (!await reader.waitFor(text => shows.test(text), 3000)) {
		tools.fail(`the ${screen} screen did not show: ${reader.screen().slice(0, 200)}`);
	}

	if (interrupt === 'Ctrl-C') {
		reader.keys('C-c');
	} else {
		reader.signal(interrupt as NodeJS.Signals);
	}

	const result = await reader.end(5000);
	for (const problem of judgeReader(result, {expectStatus: 'any'})) {
		tools.fail(problem);
	}
}

const signals: Attack[] = Object.keys(screens).flatMap(screen => ['SIGINT', 'SIGTERM', 'SIGQUIT', 'SIGHUP', 'Ctrl-C'].map((interrupt): Attack => ({
	name: `${interrupt} in the reader's ${screen} screen restores the terminal`,
	class: 'quiet defect',
	isListed: interrupt === 'SIGQUIT' && screen === 'list',
	needsTerminal: true,
	setup(workspace) {
		for (let index = 0; index < 5; index++) {
			workspace.write(`a${index}.md`, `---\nid: a${index}\ntitle: Article ${index}\nurl: http://e.com/${index}\n---\n\nText with [a link](http://e.com/l${index}).\n`);
		}
	},
	async act(_workspace, tools) {
		await signalInScreen(tools, screen, interrupt);
	},
})));

/** The quiet defects and the signal matrix. */
export const quiet: readonly Attack[] = [...listed, ...variants, ...signals];
