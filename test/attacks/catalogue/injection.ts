/**
Terminal injection: a control sequence from outside (a file or folder name, a front matter field, an article's text,
a feed, a web page, an HTTP header, an argument quoted back in an error) must never reach the terminal, on any channel:
stdout, stderr, the progress line, the reader's screen and title.
*/
import fs from 'node:fs';
import path from 'node:path';
import type {Attack, Command} from '../harness.js';
import {frontMatterArticle, hostileFeed, hostilePage, respond, sequenceEntries, sequences, startHostileServer, writeManyArticles} from './common.js';

const osc = sequences['OSC 0 title'];

/** The commands that print what the store holds, each a channel an article's text can reach. */
const printingCommands = (id: string): Command[] => [
	{args: ['list'], expect: 'ok'},
	{args: ['list', '--json'], expect: 'ok'},
	{args: ['show', id], expect: 'ok'},
	{args: ['show', id, '--format', 'json'], expect: 'ok'},
	{args: ['show', id, '--format', 'ansi'], expect: 'ok', isStyled: true},
	{args: ['show', id, '--color', 'always'], expect: 'ok', isStyled: true, env: {FORCE_HYPERLINK: '1'}},
	{args: ['search', 'body'], expect: 'any', answerStatuses: [1]},
];

const listed: Attack[] = [
	{
		name: 'an OSC sequence in a file name, through list --verbose',
		class: 'injection',
		isListed: true,
		setup(workspace) {
			workspace.write(`${osc}.md`, '');
			workspace.write('good.md', '# Good\n\nText.\n');
		},
		command: {args: ['list', '--verbose'], expect: 'ok', stderr: /skipped|empty/i},
	},
	{
		name: 'an OSC sequence in a file name, through show PATH errors',
		class: 'injection',
		isListed: true,
		setup(workspace) {
			workspace.write(`${osc}.md`, '');
		},
		async act(workspace, tools) {
			await tools.run({args: ['show', path.join(workspace.store, `${osc}.md`)], expect: 'error'}, 'show of the empty file');
			await tools.run({args: ['show', path.join(workspace.store, `missing${osc}.md`)], expect: 'error'}, 'show of a missing file');
			await tools.run({args: ['show', `store/${osc}.md`], expect: 'error'}, 'show of a relative path');
		},
	},
	{
		name: 'an OSC sequence in the store folder name, through the first-index progress line',
		class: 'injection',
		isListed: true,
		needsTerminal: true,
		setup(workspace) {
			writeManyArticles(workspace, 4000, `${osc}store`);
		},
		async act(workspace, tools) {
			const reader = await tools.reader(['--data', path.join(workspace.store, `${osc}store`)]);
			if (!await reader.waitFor(screen => screen.includes('Article'), 30_000)) {
				tools.fail('the reader did not show the list');
			}

			reader.keys('q');
			const result = await reader.end();
			for (const problem of (await import('../harness.js')).judgeReader(result, {expectStatus: 0})) {
				tools.fail(problem);
			}
		},
	},
];

// Every sequence in a file name and in a folder name, through every command that names files.
const inNames: Attack[] = sequenceEntries.flatMap(([name, sequence]): Attack[] => [
	{
		name: `${name} in a file name (list, --verbose, --json, show PATH)`,
		class: 'injection',
		setup(workspace) {
			workspace.write(`x${sequence}.md`, '# Readable\n\nBody text.\n');
			workspace.write(`y${sequence}.md`, '');
			workspace.write(`z${sequence}.txt`, '\u0000\u0001binary');
		},
		async act(workspace, tools) {
			for (const command of [['list', '--verbose'], ['list', '--json'], ['search', 'readable']]) {
				// eslint-disable-next-line no-await-in-loop
				await tools.run({args: command, expect: 'any', answerStatuses: [1]}, command.join(' '));
			}

			await tools.run({args: ['show', path.join(workspace.store, `x${sequence}.md`)], expect: 'ok'}, 'show PATH');
			await tools.run({args: ['show', path.join(workspace.store, `y${sequence}.md`)], expect: 'error'}, 'show PATH of an empty file');
		},
	},
	{
		name: `${name} in a folder name (list --verbose, show PATH)`,
		class: 'injection',
		setup(workspace) {
			workspace.write(`dir${sequence}/a.md`, '# A\n\nBody.\n');
			workspace.write(`dir${sequence}/empty.md`, '');
		},
		async act(workspace, tools) {
			await tools.run({args: ['list', '--verbose'], expect: 'ok'}, 'list --verbose');
			await tools.run({args: ['show', path.join(workspace.store, `dir${sequence}`, 'empty.md')], expect: 'error'}, 'show PATH of an empty file');
			await tools.run({args: ['--data', path.join(workspace.store, `dir${sequence}`, 'nothing')], expect: 'any'}, '--data of a missing store');
		},
	},
]);

// Every front matter field, each with every sequence at once, through every printing command.
const fields = ['title', 'author', 'source', 'date', 'url', 'summary', 'tags', 'id'] as const;
const allSequences = sequenceEntries.map(([, sequence]) => sequence).join(' ');
const inFields: Attack[] = fields.map(field => ({
	name: `every sequence in the front matter field ${field}`,
	class: 'injection',
	setup(workspace) {
		workspace.write('a.md', frontMatterArticle({id: 'hostile', title: 'Normal', [field]: field === 'tags' ? [allSequences, 'plain'] : `v ${allSequences}`}, '# Heading\n\nSome body text.\n'));
	},
	async act(workspace, tools) {
		const id = field === 'id' ? path.join(workspace.store, 'a.md') : 'hostile';
		for (const command of printingCommands(id)) {
			// eslint-disable-next-line no-await-in-loop
			await tools.run(command, command.args.join(' '));
		}
	},
}));

// The body: raw, as entities (marked decodes them after the sanitiser would have looked), in code, links, tables.
const bodies: Record<string, string> = {
	'raw sequences in paragraphs and headings': `# Head ${allSequences}\n\nPara ${allSequences}\n\n> quote ${allSequences}\n\n- item ${allSequences}\n`,
	'sequences as HTML entities': '# &#27;]0;PWNED&#7;\n\nText &#x1b;[2J &#155;31m &#27;P$q&#27;\\ &#8238;gnp.exe &#x9d;0;PWNED&#7;\n',
	'sequences in code blocks and inline code': `\`\`\`js\nconst a = "${allSequences}";\n\`\`\`\n\n\`${osc}\`\n\n    indented ${osc}\n`,
	'sequences in link text, link targets and image text': `[text ${osc}](http://example.com/${encodeURIComponent(osc)}) [x](javascript:alert(1)) ![alt ${osc}](http://e/${osc}.png) <http://example.com/${osc}>\n\n[ref]: http://e/${osc}\n`,
	'sequences in table cells': `| a ${osc} | b |\n|---|---|\n| ${allSequences} | c |\n`,
	'sequences in raw HTML blocks': `<div title="${osc}">${allSequences}</div>\n\n<script>${osc}</script>\n`,
	'sequences in a scraped .txt article': `Headline ${allSequences}\n\nBy Someone ${osc}\n\nParagraph one ${allSequences} of the scraped text.\n`,
	'sequences in a .html page': `<html><head><title>T ${osc}</title></head><body><article><h1>${osc}</h1><p>${allSequences} paragraph text long enough to keep.</p></article></body></html>`,
};
const inBodies: Attack[] = Object.entries(bodies).map(([name, body]) => ({
	name: `${name}`,
	class: 'injection',
	setup(workspace) {
		const extension = name.includes('.txt') ? 'txt' : (name.includes('.html') ? 'html' : 'md');
		workspace.write(`hostile.${extension}`, extension === 'md' ? `---\nid: hostile\n---\n${body}` : body);
	},
	async act(workspace, tools) {
		const id = path.join(workspace.store, fs.readdirSync(workspace.store)[0]!);
		for (const command of printingCommands(id)) {
			// eslint-disable-next-line no-await-in-loop
			await tools.run(command, command.args.join(' '));
		}

		if (id.endsWith('.txt')) {
			await tools.run({args: ['show', id, '--explain'], expect: 'ok'}, 'show --explain');
		}
	},
}));

// Arguments quoted back in errors and warnings: the user typed them, but they may come from a script or a link.
const inArguments: Attack = {
	name: 'sequences in arguments quoted back by errors (ids, queries, flags, names, URLs)',
	class: 'injection',
	setup(workspace) {
		workspace.write('a.md', '# A\n\nBody.\n');
	},
	async act(workspace, tools) {
		const commands: Command[] = [
			{args: ['show', osc], expect: 'error'},
			{args: ['read', `a${osc}`], expect: 'error'},
			{args: ['search', `title:${osc}`], expect: 'any', answerStatuses: [1]},
			{args: ['list', '--tag', osc], expect: 'any'},
			{args: ['list', '--source', osc], expect: 'any'},
			{args: ['show', 'a', '--width', osc], expect: 'error'},
			{args: ['show', 'a', '--format', osc], expect: 'error'},
			{args: ['list', `--${osc}`], expect: 'error'},
			{args: [osc], expect: 'error'},
			{args: ['remove', osc], expect: 'error'},
			{args: ['add', `http://127.0.0.1:1/${osc}`], expect: 'error'},
			{args: ['add', `ftp://${osc}`], expect: 'error'},
			{args: ['save', `http://[${osc}]/`], expect: 'error'},
			{args: ['import', path.join(workspace.directory, `${osc}.opml`)], expect: 'error'},
			{args: ['list', '--color', osc], expect: 'error'},
			{args: ['list'], env: {INKWIRE_DATA: path.join(workspace.directory, osc)}, expect: 'any'},
		];
		for (const command of commands) {
			// eslint-disable-next-line no-await-in-loop
			await tools.run(command, command.args.join(' ').slice(0, 60));
		}
	},
	writesSubscriptions: true,
};

// A config home whose path holds a sequence: every warning that names the config file quotes it.
const inConfigPath: Attack = {
	name: 'a sequence in the config directory path, quoted by the corrupt-config warning',
	class: 'injection',
	setup(workspace) {
		workspace.write('a.md', '# A\n\nBody.\n');
		const home = path.join(workspace.directory, `conf${osc}`);
		fs.mkdirSync(path.join(home, 'inkwire'), {recursive: true});
		fs.writeFileSync(path.join(home, 'inkwire', 'config.json'), '{not json');
	},
	async act(workspace, tools) {
		const environment = {XDG_CONFIG_HOME: path.join(workspace.directory, `conf${osc}`)};
		await tools.run({args: ['list'], env: environment, expect: 'ok'}, 'list');
		await tools.run({args: ['read', 'a'], env: environment, expect: 'ok'}, 'read');
	},
	breaksConfig: true,
};

// The index cache read back: a title written into it (by an older inkwire, or by hand) is outside text too.
const inIndexCache: Attack = {
	name: 'sequences written into the index cache (a title and a path), read back by list and the first paint',
	class: 'injection',
	setup(workspace) {
		workspace.write('a.md', '---\nid: a\ntitle: Tame\n---\n\nBody.\n');
	},
	async act(workspace, tools) {
		await tools.run({args: ['list'], expect: 'ok'}, 'list to write the index');
		const cache = path.join(workspace.cacheHome, 'inkwire');
		for (const name of fs.readdirSync(cache).filter(file => file.startsWith('index-'))) {
			const file = path.join(cache, name);
			fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('\tTame\t', `\t${osc}${sequences['C1 CSI']}\t`));
		}

		await tools.run({args: ['list'], expect: 'ok'}, 'list from the index');
		await tools.run({args: ['list', '--json'], expect: 'ok'}, 'list --json from the index');
	},
};

// Feeds and pages from a server: every field of a feed, the server's error text and headers.
const fromServer: Attack[] = sequenceEntries.slice(0, 7).map(([name, sequence]) => ({
	name: `${name} in a served feed (add, feeds, fetch, list, show)`,
	class: 'injection',
	writesStore: true,
	writesSubscriptions: true,
	async act(workspace, tools) {
		const server = await startHostileServer(workspace, {'/feed.xml': respond(hostileFeed(sequence), 'application/rss+xml')});
		await tools.run({args: ['add', `${server.url}/feed.xml`], expect: 'ok'}, 'add');
		await tools.run({args: ['feeds'], expect: 'ok'}, 'feeds');
		await tools.run({args: ['feeds', '--json'], expect: 'ok'}, 'feeds --json');
		await tools.run({args: ['fetch'], expect: 'ok'}, 'fetch');
		await tools.run({args: ['fetch', '--json'], expect: 'any'}, 'fetch --json');
		await tools.run({args: ['list'], expect: 'ok'}, 'list');
		await tools.run({args: ['export'], expect: 'ok'}, 'export');
		const list = await tools.run({args: ['list', '--json'], expect: 'ok'}, 'list --json');
		const ids = (JSON.parse(list.stdout || '[]') as Array<{id: string}>).map(article => article.id);
		if (ids.length === 0) {
			tools.fail('fetch stored nothing');
		}

		for (const id of ids.slice(0, 2)) {
			// eslint-disable-next-line no-await-in-loop
			await tools.run({args: ['show', id], expect: 'ok'}, `show ${id}`);
			// eslint-disable-next-line no-await-in-loop
			await tools.run({args: ['show', id, '--format', 'ansi'], expect: 'ok', isStyled: true}, `show ${id} ansi`);
		}
	},
}));

const pageAndHeaders: Attack[] = [
	{
		name: 'every sequence in a page for save (title, byline, site name, text, links)',
		class: 'injection',
		writesStore: true,
		async act(workspace, tools) {
			const server = await startHostileServer(workspace, {'/page': respond(hostilePage(allSequences))});
			const saved = await tools.run({args: ['save', `${server.url}/page`], expect: 'ok'}, 'save');
			const id = saved.stdout.trim().split('\n').at(-1) ?? '';
			await tools.run({args: ['show', id], expect: 'ok'}, 'show the saved page');
			await tools.run({args: ['list'], expect: 'ok'}, 'list');
		},
	},
	{
		name: 'sequences in HTTP status text, headers and redirect targets (add, save, fetch errors)',
		class: 'injection',
		writesSubscriptions: true,
		writesStore: true,
		async act(workspace, tools) {
			const server = await startHostileServer(workspace, {
				'/status': socket => socket.end(`HTTP/1.1 500 Bad ${osc}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n`),
				'/redirect': socket => socket.end(`HTTP/1.1 302 Found\r\nlocation: /nowhere${osc}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n`),
				'/scheme': socket => socket.end(`HTTP/1.1 302 Found\r\nlocation: file:///etc/passwd${osc}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n`),
				'/type': respond('<html><body>nothing here</body></html>', `text/${osc}`),
				'/retry': socket => socket.end(`HTTP/1.1 429 Too Many\r\nretry-after: ${osc}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n`),
			});
			for (const route of ['/status', '/redirect', '/scheme', '/type', '/retry']) {
				// eslint-disable-next-line no-await-in-loop
				await tools.run({args: ['add', `${server.url}${route}`], expect: 'error'}, `add ${route}`);
				// eslint-disable-next-line no-await-in-loop
				await tools.run({args: ['save', `${server.url}${route}`], expect: 'any'}, `save ${route}`);
			}
		},
	},
	{
		name: 'sequences in an imported OPML file (titles, URLs), through import, feeds and export',
		class: 'injection',
		writesSubscriptions: true,
		async act(workspace, tools) {
			const file = workspace.path('feeds.opml');
			const escapeXml = (value: string) => [...value].map(character => (character.codePointAt(0)! < 0x20 ? `&#${character.codePointAt(0)!};` : character)).join('');
			fs.writeFileSync(file, `<?xml version="1.0"?><opml version="2.0"><head><title>${escapeXml(osc)}</title></head><body><outline text="${escapeXml(allSequences).replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('&#', '&#')}" title="x${escapeXml(osc)}" type="rss" xmlUrl="http://127.0.0.1:1/${encodeURIComponent(osc)}"/><outline text="raw ${osc}" xmlUrl="http://127.0.0.1:1/raw${osc}"/></body></opml>`);
			await tools.run({args: ['import', file], expect: 'any'}, 'import');
			await tools.run({args: ['feeds'], expect: 'ok'}, 'feeds');
			await tools.run({args: ['export'], expect: 'ok'}, 'export');
			await tools.run({args: ['import', '-'], stdin: fs.readFileSync(file), expect: 'any'}, 'import -');
		},
	},
];

// The reader: titles in the list, the article, the links list, the feeds screen; every byte it writes is inspected.
const inReader: Attack = {
	name: 'every sequence in titles, bodies and links, through the reader (list, article, links, help)',
	class: 'injection',
	needsTerminal: true,
	async setup(workspace) {
		for (const [index, [, sequence]] of sequenceEntries.entries()) {
			workspace.write(`h${index}${sequence}.md`, frontMatterArticle({id: `h${index}`, title: `T${index} ${sequence}`, source: sequence, author: sequence, url: `http://e.com/${sequence}`}, `# ${sequence}\n\n${sequence} text [link ${sequence}](http://e.com/${encodeURIComponent(sequence)})\n\n&#27;]0;PWNED&#7;\n`));
		}
	},
	async act(_workspace, tools) {
		const {judgeReader} = await import('../harness.js');
		const reader = await tools.reader([]);
		if (!await reader.waitFor(screen => screen.includes('T0'))) {
			tools.fail('the list did not show');
		}

		reader.keys('Enter');
		await reader.waitFor(screen => /lines|100%/.test(screen), 5000);
		reader.keys('L');
		await reader.waitFor(screen => /link/i.test(screen), 3000);
		reader.keys('Escape');
		reader.keys('?');
		await reader.waitFor(screen => /help|Quit/i.test(screen), 3000);
		reader.keys('q', 'q', 'q', 'q');
		const result = await reader.end();
		for (const problem of judgeReader(result, {expectStatus: 0})) {
			tools.fail(problem);
		}
	},
};

/** The injection attacks. */
export const injection: readonly Attack[] = [...listed, ...inNames, ...inFields, ...inBodies, inArguments, inConfigPath, inIndexCache, ...fromServer, ...pageAndHeaders, inReader];
