/**
Runaway memory and output: endless or huge input on stdin, in the store, over HTTP, and small inputs that expand.
Every read is bounded; every failure says so in one line.
*/
import zlib from 'node:zlib';
import {defaultMaxRssMb, judgeReader, type Attack, type Command} from '../harness.js';
import {flood, startHostileServer} from './common.js';

/** Stream `megabytes` MB of `unit` into stdin with back-pressure, ending it after. */
function streamMegabytes(megabytes: number, unit = '# Heading\n\nparagraph text\n\n'): Command['stdin'] {
	return stdin => {
		const chunk = Buffer.from(unit.repeat(Math.ceil(1024 * 1024 / unit.length)));
		let sent = 0;
		const write = () => {
			while (sent < megabytes) {
				sent++;
				if (!stdin.write(chunk)) {
					stdin.once('drain', write);
					return;
				}
			}

			stdin.end();
		};

		write();
	};
}

const listed: Attack[] = [
	{
		name: 'show - < /dev/zero',
		class: 'memory',
		isListed: true,
		command: {args: ['show', '-'], stdin: {file: '/dev/zero'}, expect: 'error', stderr: /stdin|larger|limit|MB/i, maxRssMb: 300},
	},
	{
		name: '100 MB of Markdown on stdin',
		class: 'memory',
		isListed: true,
		command: {args: ['show', '-'], stdin: streamMegabytes(100), expect: 'error', stderr: /larger|limit|MB/i, maxRssMb: 300},
	},
	{
		name: 'a 200 KB link with show --format ansi',
		class: 'memory',
		isListed: true,
		setup(workspace) {
			const url = `http://example.com/${'a'.repeat(200 * 1024)}`;
			workspace.write('link.md', `# Link\n\n[text](${url}) and <${url}> and ${url}\n`);
		},
		command: workspace => ({args: ['show', `${workspace.store}/link.md`, '--format', 'ansi'], env: {FORCE_HYPERLINK: '1'}, expect: 'ok', isStyled: true, maxStdoutBytes: 8 * 1024 * 1024}),
	},
	{
		name: 'a single 1.5 MB autolink with show',
		class: 'memory',
		isListed: true,
		setup(workspace) {
			workspace.write('autolink.md', `<http://example.com/${'b'.repeat(1536 * 1024)}>\n`);
		},
		async act(workspace, tools) {
			for (const format of ['plain', 'ansi']) {
				// eslint-disable-next-line no-await-in-loop
				await tools.run({args: ['show', `${workspace.store}/autolink.md`, '--format', format], env: {FORCE_HYPERLINK: '1'}, expect: 'ok', isStyled: format === 'ansi', maxStdoutBytes: 16 * 1024 * 1024}, `show --format ${format}`);
			}
		},
	},
];

const variants: Attack[] = [
	{
		name: 'a single 1.5 MB autolink opened in the reader, then q',
		class: 'memory',
		isListed: true,
		needsTerminal: true,
		setup(workspace) {
			workspace.write('autolink.md', `---\nid: long\ntitle: Long link\n---\n\n<http://example.com/${'b'.repeat(1536 * 1024)}>\n`);
		},
		async act(_workspace, tools) {
			const reader = await tools.reader([]);
			if (!await reader.waitFor(screen => screen.includes('Long link'))) {
				tools.fail('the list did not show');
			}

			reader.keys('Enter');
			if (!await reader.waitFor(screen => /example\.com|lines \d|100%/.test(screen), 20_000)) {
				tools.fail(`the article did not show: ${reader.screen().slice(0, 300)}`);
			}

			reader.keys('q', 'q');
			const result = await reader.end(20_000);
			for (const problem of judgeReader(result, {expectStatus: 0})) {
				tools.fail(problem);
			}
		},
	},
	{name: 'show - < /dev/urandom', class: 'memory', command: {args: ['show', '-'], stdin: {file: '/dev/urandom'}, expect: 'error', maxRssMb: 300}},
	{name: 'import - < /dev/zero', class: 'memory', command: {args: ['import', '-'], stdin: {file: '/dev/zero'}, expect: 'error', maxRssMb: 300}},
	{name: 'show /dev/zero as a path', class: 'memory', command: {args: ['show', '/dev/zero'], expect: 'error'}},
	{name: 'show /dev/urandom as a path', class: 'memory', command: {args: ['show', '/dev/urandom'], expect: 'error'}},
	{name: 'show - of 6 MB, just over the limit', class: 'memory', command: {args: ['show', '-'], stdin: streamMegabytes(6), expect: 'error', stderr: /larger|limit|MB/i}},
	{name: 'show - of 4 MB, under the limit', class: 'memory', command: {args: ['show', '-'], stdin: streamMegabytes(4), expect: 'ok', maxRssMb: defaultMaxRssMb}},
	{
		name: 'a 50 MB file in the store and as show PATH',
		class: 'memory',
		setup(workspace) {
			workspace.write('huge.md', Buffer.alloc(50 * 1024 * 1024, 0x61));
			workspace.write('ok.md', '# ok\n\ntext\n');
		},
		async act(workspace, tools) {
			await tools.run({args: ['list', '--verbose'], expect: 'ok', stderr: /huge\.md/}, 'list --verbose');
			await tools.run({args: ['show', `${workspace.store}/huge.md`], expect: 'error'}, 'show PATH');
		},
	},
	{
		name: 'a table row of 5 MB in one cell, shown as ansi',
		class: 'memory',
		setup(workspace) {
			workspace.write('t.md', `| a | b |\n|---|---|\n| ${'x'.repeat(4 * 1024 * 1024)} | y |\n`);
		},
		command: workspace => ({args: ['show', `${workspace.store}/t.md`, '--format', 'ansi'], expect: 'ok', isStyled: true, maxStdoutBytes: 32 * 1024 * 1024}),
	},
	{
		name: '100,000 links (footnote numbering and the link list)',
		class: 'memory',
		setup(workspace) {
			workspace.write('l.md', Array.from({length: 100_000}, (_, index) => `[l${index}](http://e.com/${index})`).join(' '));
		},
		command: workspace => ({args: ['show', `${workspace.store}/l.md`, '--format', 'ansi'], env: {FORCE_HYPERLINK: '1'}, expect: 'ok', isStyled: true}),
	},
];

// Hostile servers: what a feed or page URL can send back.
const gzipBomb = zlib.gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x20), {level: 9});
const http: Attack[] = (['add', 'save', 'fetch'] as const).flatMap((verb): Attack[] => {
	const attackOf = (name: string, route: Parameters<typeof startHostileServer>[1][string]): Attack => ({
		name: `${name}, against ${verb}`,
		class: 'memory',
		writesSubscriptions: true,
		writesStore: true,
		async act(workspace, tools) {
			const server = await startHostileServer(workspace, {'/x': route});
			const url = `${server.url}/x`;
			if (verb === 'fetch') {
				await tools.run({args: ['import', '-'], stdin: `<opml version="2.0"><body><outline text="hostile" type="rss" xmlUrl="${url}"/></body></opml>`, expect: 'ok'}, 'import the feed');
				await tools.run({args: ['fetch', '--timeout', '5'], expect: 'any', maxRssMb: 300}, 'fetch');
			} else {
				await tools.run({args: [verb, url], expect: 'error', maxRssMb: 300}, verb);
			}
		},
	});
	return [
		attackOf('a 200 MB gzip bomb', socket => {
			socket.write(`HTTP/1.1 200 OK\r\ncontent-type: application/rss+xml\r\ncontent-encoding: gzip\r\ncontent-length: ${gzipBomb.length}\r\nconnection: close\r\n\r\n`);
			socket.end(gzipBomb);
		}),
		attackOf('an endless body', socket => {
			socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/html\r\nconnection: close\r\n\r\n');
			flood(socket, Buffer.alloc(64 * 1024, 0x61));
		}),
		attackOf('endless headers', socket => {
			socket.write('HTTP/1.1 200 OK\r\n');
			flood(socket, Buffer.from(`x-junk: ${'h'.repeat(1000)}\r\n`.repeat(64)));
		}),
		attackOf('a body longer than its Content-Length', socket => {
			socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/rss+xml\r\ncontent-length: 10\r\nconnection: close\r\n\r\n');
			socket.end(Buffer.alloc(1024 * 1024, 0x62));
		}),
		attackOf('a Content-Length of 10 GB', socket => {
			socket.end('HTTP/1.1 200 OK\r\ncontent-type: application/rss+xml\r\ncontent-length: 10737418240\r\nconnection: close\r\n\r\n<rss>');
		}),
	];
});

/** The memory attacks. */
export const memory: readonly Attack[] = [...listed, ...variants, ...http];
