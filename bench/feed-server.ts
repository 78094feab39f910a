/**
A static feed server for the fetch benchmark, in its own process (the benchmark times programs with spawnSync, which
would stall a server in its own event loop): `node --import=tsx bench/feed-server.ts DIR` serves DIR's files on
127.0.0.1 with an ETag and Last-Modified, answers 304 to a matching conditional GET, and prints `port N` once
listening. It ends when its standard input closes, so it never outlives the benchmark.
*/
import fs from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import process from 'node:process';

const directory = path.resolve(process.argv[2] ?? '.');
const server = http.createServer((request, response) => {
	const name = decodeURIComponent((request.url ?? '/').split('?')[0]!).replace(/^\/+/, '');
	const file = path.join(directory, name);
	let stats: fs.Stats;
	try {
		if (name.includes('..') || name === '') {
			throw new Error('refused');
		}

		stats = fs.statSync(file);
	} catch {
		response.writeHead(404);
		response.end();
		return;
	}

	const etag = `"${stats.size}-${Math.round(stats.mtimeMs)}"`;
	const lastModified = stats.mtime.toUTCString();
	if (request.headers['if-none-match'] === etag || (!request.headers['if-none-match'] && request.headers['if-modified-since'] === lastModified)) {
		response.writeHead(304, {etag, 'last-modified': lastModified});
		response.end();
		return;
	}

	const type = name.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/rss+xml; charset=utf-8';
	response.writeHead(200, {'content-type': type, 'content-length': stats.size, etag, 'last-modified': lastModified});
	fs.createReadStream(file).pipe(response);
});

server.listen(0, '127.0.0.1', () => {
	process.stdout.write(`port ${(server.address() as AddressInfo).port}\n`);
});
process.stdin.resume();
process.stdin.on('end', () => {
	server.closeAllConnections();
	server.close();
	process.exit(0);
});
