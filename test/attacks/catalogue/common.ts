/**
What the attacks share: the hostile strings (each a control sequence a terminal would obey), makers of large inputs
(made at test time in the workspace, never committed), a hostile HTTP server on 127.0.0.1, and small helpers.
*/
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type {Workspace} from '../harness.js';

/** Control sequences a terminal obeys, by name: each would retitle, clear, query, recolour or reorder the screen. */
export const sequences = {
	'OSC 0 title': '\u001B]0;PWNED\u0007',
	'OSC 52 clipboard': '\u001B]52;c;UFdORUQ=\u001B\\',
	'OSC 8 javascript link': '\u001B]8;;javascript:alert(1)\u001B\\click\u001B]8;;\u001B\\',
	'CSI clear screen': '\u001B[2J\u001B[H',
	'CSI cursor up and erase': '\u001B[3A\u001B[K',
	'C1 CSI': '\u009B31mred\u009B0m',
	'C1 OSC': '\u009D0;PWNED\u0007',
	'DCS query': '\u001BP$q"p\u001B\\',
	'APC': '\u001B_PWNED\u001B\\',
	'bidi override': 'abc\u202Efdp.exe',
	'carriage return overwrite': 'harmless\rEVIL',
	'backspace and bell': 'ab\b\b\u0007cd',
	'alternate screen off': '\u001B[?1049l\u001B[?25l',
} as const;

export type SequenceName = keyof typeof sequences;

/** The names and strings, for attacks made one per sequence. */
export const sequenceEntries = Object.entries(sequences) as Array<[SequenceName, string]>;

/** A front matter article with the given fields (values quoted for YAML, so any byte survives into the parser). */
export function frontMatterArticle(fields: Readonly<Record<string, string | readonly string[]>>, body = 'Body text.\n'): string {
	const lines = ['---'];
	for (const [key, value] of Object.entries(fields)) {
		lines.push(typeof value === 'string' ? `${key}: ${JSON.stringify(value)}` : `${key}: [${value.map(item => JSON.stringify(item)).join(', ')}]`);
	}

	lines.push('---', '', body);
	return lines.join('\n');
}

/** `count` small articles in the store (ids a0..), for scans and marks. */
export function writeManyArticles(workspace: Workspace, count: number, folder = '.'): string[] {
	const directory = path.join(workspace.store, folder);
	fs.mkdirSync(directory, {recursive: true});
	const ids: string[] = [];
	for (let index = 0; index < count; index++) {
		const id = `a${index}`;
		ids.push(id);
		fs.writeFileSync(path.join(directory, `${id}.md`), `---\nid: ${id}\ntitle: Article ${index}\ndate: 2024-01-${String(1 + (index % 28)).padStart(2, '0')}\n---\n\nText ${index}.\n`);
	}

	return ids;
}

/** Make a FIFO (mkfifo(1): Node has no mkfifo). */
export function makeFifo(file: string): void {
	fs.mkdirSync(path.dirname(file), {recursive: true});
	const result = spawnSync('mkfifo', [file]);
	if (result.status !== 0) {
		throw new Error(`mkfifo ${file} failed`);
	}
}

/** A string of `bytes` bytes of `unit` repeated. */
export function repeatTo(unit: string, bytes: number): string {
	return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
}

/** A route of the hostile server: it gets the raw socket and the request's first line and headers. */
export type RawRoute = (socket: net.Socket, request: {readonly path: string; readonly head: string}) => void;

export type HostileServer = {readonly url: string; close(): void};

/**
A hostile HTTP server: raw TCP, so that it can do what a well-behaved server library would refuse (endless headers,
one byte a second, a body longer than its Content-Length, nothing at all). Closed with the workspace.
*/
export async function startHostileServer(workspace: Workspace, routes: Readonly<Record<string, RawRoute>>): Promise<HostileServer> {
	const sockets = new Set<net.Socket>();
	const server = net.createServer(socket => {
		sockets.add(socket);
		socket.on('error', () => undefined);
		socket.on('close', () => sockets.delete(socket));
		let head = '';
		const onData = (chunk: Buffer) => {
			head += chunk.toString('latin1');
			if (!head.includes('\r\n\r\n')) {
				return;
			}

			socket.off('data', onData);
			const requestPath = head.split(' ')[1] ?? '/';
			const route = routes[requestPath] ?? routes[requestPath.split('?')[0]!];
			if (route) {
				route(socket, {path: requestPath, head});
			} else {
				socket.end('HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
			}
		};

		socket.on('data', onData);
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const close = () => {
		for (const socket of sockets) {
			socket.destroy();
		}

		server.close();
	};

	workspace.onCleanup(close);
	const {port} = server.address() as net.AddressInfo;
	return {url: `http://127.0.0.1:${port}`, close};
}

/** A complete response with `body`, its type and extra header lines. */
export function respond(body: string | Buffer, type = 'text/html; charset=utf-8', extraHeaders = '', status = '200 OK'): RawRoute {
	return socket => {
		const bytes = typeof body === 'string' ? Buffer.from(body) : body;
		socket.write(`HTTP/1.1 ${status}\r\ncontent-type: ${type}\r\ncontent-length: ${bytes.length}\r\nconnection: close\r\n${extraHeaders}\r\n`);
		socket.end(bytes);
	};
}

/** Write `chunk` every `everyMs` until the client goes away (or the workspace is cleaned up). */
export function drip(socket: net.Socket, chunk: string | Buffer, everyMs: number): void {
	const timer = setInterval(() => {
		if (socket.destroyed || !socket.writable) {
			clearInterval(timer);
			return;
		}

		socket.write(chunk);
	}, everyMs);
	socket.on('close', () => {
		clearInterval(timer);
	});
}

/** Write as fast as the client reads, forever (back-pressure respected), until it goes away. */
export function flood(socket: net.Socket, chunk: Buffer): void {
	const write = () => {
		while (!socket.destroyed && socket.writable) {
			if (!socket.write(chunk)) {
				socket.once('drain', write);
				return;
			}
		}
	};

	write();
}

/** An RSS feed whose channel and items carry `text` in every field a reader shows. */
export function hostileFeed(text: string, items = 3): string {
	const escapeXml = (value: string) => value.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
	// XML 1.0 cannot carry most C0 controls raw: numeric references are what a hostile feed would use, and raw
	// bytes are tried too (a lenient parser may let them through).
	const encoded = [...text].map(character => {
		const code = character.codePointAt(0)!;
		return code < 0x20 || (code >= 0x7F && code <= 0x9F) ? `&#${code};` : escapeXml(character);
	}).join('');
	const raw = escapeXml(text);
	const itemXml = Array.from({length: items}, (_, index) => `<item><title>Item ${index} ${index % 2 === 0 ? encoded : raw}</title><link>http://127.0.0.1/item/${index}?q=${encodeURIComponent(text)}</link><guid>item-${index}</guid><author>${encoded}@example.com (${encoded})</author><category>${encoded}</category><pubDate>Mon, 01 Jan 2024 0${index}:00:00 GMT</pubDate><description>&lt;p&gt;Paragraph ${encoded} and ${raw}&lt;/p&gt;</description></item>`).join('');
	return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed ${encoded}</title><link>http://127.0.0.1/</link><description>${encoded}</description>${itemXml}</channel></rss>`;
}

/** A web page for `save` with `text` in the title, the byline, headings, paragraphs, links and image text. */
export function hostilePage(text: string): string {
	const escapeHtml = (value: string) => value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
	const entity = [...text].map(character => `&#${character.codePointAt(0)!};`).join('');
	const paragraph = `Readable paragraph ${escapeHtml(text)} with enough words to count as the main text of the page, and ${entity} again. `.repeat(6);
	return `<!doctype html><html><head><title>Title ${escapeHtml(text)}</title><meta name="author" content="${escapeHtml(text)}"><meta property="og:site_name" content="${escapeHtml(text)}"></head><body><article><h1>Heading ${escapeHtml(text)}</h1><p class="byline">By ${entity}</p><p>${paragraph}</p><p><a href="javascript:alert(1)">${escapeHtml(text)}</a> <img alt="${escapeHtml(text)}" src="x.png"></p><p>${paragraph}</p><pre><code>${escapeHtml(text)}</code></pre></article></body></html>`;
}

/** The config directory's files, to find stray temp files and locks. */
export function configLeftovers(workspace: Workspace): string[] {
	try {
		return fs.readdirSync(workspace.configDirectory).filter(name => /\.tmp-|\.lock$/.test(name));
	} catch {
		return [];
	}
}

/** Ids a `list` printed (its first column). */
export function idsOf(stdout: string): string[] {
	return stdout.split('\n').filter(Boolean).map(line => line.split('\t')[0]!);
}

export const isRoot = process.getuid?.() === 0;
