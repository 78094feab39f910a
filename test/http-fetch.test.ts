import zlib from 'node:zlib';
import test from 'ava';
import {fetchUrl, FetchError, retryAfterMs, userAgent} from '../source/io/fetch/http.js';
import {HostLimiter} from '../source/io/fetch/limiter.js';
import {redirect, serve, serveHuge, startFeedServer, type FeedServer} from './helpers/feed-server.js';

let server: FeedServer;

test.before(async () => {
	server = await startFeedServer({
		'/feed': serve('<rss version="2.0"><channel><title>t</title></channel></rss>', 'application/rss+xml', {etag: '"v1"', headers: {'last-modified': 'Tue, 01 Dec 2026 08:00:00 GMT'}}),
		'/moved': redirect('/moved-2', 301),
		'/moved-2': redirect('/feed', 308),
		'/temporary': redirect('/feed'),
		'/loop-a': redirect('/loop-b'),
		'/loop-b': redirect('/loop-a'),
		'/to-file': redirect('file:///etc/passwd'),
		'/error': serve('boom', 'text/plain', {status: 500}),
		'/never': () => {
			// Never answers: the client's timeout must end it.
		},
		// 100 MB, streamed with back-pressure: the client must stop reading at its cap.
		'/huge': serveHuge(100, 'application/xml'),
		'/huge-declared': (_request, response) => {
			response.writeHead(200, {'content-type': 'application/xml', 'content-length': String(100 * 1024 * 1024)});
			response.on('error', () => {});
			response.write('<rss>');
		},
		'/gzip-bomb': (_request, response) => {
			response.writeHead(200, {'content-type': 'application/xml', 'content-encoding': 'gzip'});
			response.end(gzipBomb);
		},
		'/brotli': (_request, response) => {
			response.writeHead(200, {'content-type': 'text/plain', 'content-encoding': 'br'});
			response.end(zlib.brotliCompressSync('hello, brotli'));
		},
		'/deflate': (_request, response) => {
			response.writeHead(200, {'content-type': 'text/plain', 'content-encoding': 'deflate'});
			response.end(zlib.deflateSync('hello, deflate'));
		},
	});
});

test.after.always(async () => {
	await server.close();
});

// 200 MB of zeros in about 200 KB.
const gzipBomb = zlib.gzipSync(Buffer.alloc(200 * 1024 * 1024), {level: 9});

test('a conditional GET round trip: ETag and Last-Modified sent back give 304', async t => {
	const first = await fetchUrl(`${server.url}/feed`);
	t.is(first.status, 200);
	t.is(first.etag, '"v1"');
	t.is(first.lastModified, 'Tue, 01 Dec 2026 08:00:00 GMT');
	const second = await fetchUrl(`${server.url}/feed`, {etag: first.etag!, lastModified: first.lastModified!});
	t.is(second.status, 304);
	const request = server.log.filter(entry => entry.path === '/feed').at(-1)!;
	t.is(request.headers['if-none-match'], '"v1"');
	t.is(request.headers['if-modified-since'], 'Tue, 01 Dec 2026 08:00:00 GMT');
	t.is(request.headers['user-agent'], userAgent);
	t.regex(userAgent, /^inkwire\/\d+\.\d+\.\d+$/);
	t.regex(String(request.headers['accept-encoding']), /gzip.*deflate.*br/);
});

test('permanent redirects give the new URL; a temporary one on the way does not', async t => {
	const moved = await fetchUrl(`${server.url}/moved`);
	t.is(moved.status, 200);
	t.is(moved.url, `${server.url}/feed`);
	t.is(moved.permanentUrl, `${server.url}/feed`);
	const temporary = await fetchUrl(`${server.url}/temporary`);
	t.is(temporary.url, `${server.url}/feed`);
	t.is(temporary.permanentUrl, undefined);
});

test('a redirect loop, too many redirects and a redirect off http are errors', async t => {
	await t.throwsAsync(fetchUrl(`${server.url}/loop-a`), {instanceOf: FetchError, message: 'redirect loop'});
	await t.throwsAsync(fetchUrl(`${server.url}/moved`, {maxRedirects: 1}), {instanceOf: FetchError, message: 'more than 1 redirects'});
	await t.throwsAsync(fetchUrl(`${server.url}/to-file`), {instanceOf: FetchError, message: 'redirected to a file: URL'});
});

test('HTTP errors and refused connections are one line', async t => {
	await t.throwsAsync(fetchUrl(`${server.url}/error`), {instanceOf: FetchError, message: 'HTTP 500 Internal Server Error'});
	await t.throwsAsync(fetchUrl(`${server.url}/nothing-here`), {instanceOf: FetchError, message: 'HTTP 404 Not Found'});
	const closed = await startFeedServer();
	const closedUrl = closed.url;
	await closed.close();
	await t.throwsAsync(fetchUrl(closedUrl), {instanceOf: FetchError, message: 'connection refused'});
});

test('a server that never answers is timed out', async t => {
	await t.throwsAsync(fetchUrl(`${server.url}/never`, {timeoutMs: 500}), {instanceOf: FetchError, message: 'timed out after 1 s'});
});

test('a 100 MB body stops at the cap, without being buffered whole', async t => {
	const before = process.memoryUsage().rss;
	await t.throwsAsync(fetchUrl(`${server.url}/huge`, {maxBytes: 5 * 1024 * 1024}), {instanceOf: FetchError, message: 'larger than 5 MB'});
	await t.throwsAsync(fetchUrl(`${server.url}/huge-declared`), {instanceOf: FetchError, message: 'larger than 20 MB (100 MB)'});
	t.true(process.memoryUsage().rss - before < 80 * 1024 * 1024);
});

test('a gzip bomb is stopped at the cap on the decompressed size', async t => {
	await t.throwsAsync(fetchUrl(`${server.url}/gzip-bomb`), {instanceOf: FetchError, message: 'larger than 20 MB once decompressed'});
});

test('brotli and deflate bodies are decompressed', async t => {
	t.is(Buffer.from((await fetchUrl(`${server.url}/brotli`)).bytes).toString(), 'hello, brotli');
	t.is(Buffer.from((await fetchUrl(`${server.url}/deflate`)).bytes).toString(), 'hello, deflate');
});

test('429 with a short Retry-After is waited out; a long one fails with the wait named', async t => {
	let calls = 0;
	server.route('/busy', (_request, response) => {
		calls++;
		if (calls === 1) {
			response.writeHead(429, {'retry-after': '0'});
			response.end();
			return;
		}

		response.writeHead(200, {'content-type': 'text/plain'});
		response.end('ok');
	});
	const result = await fetchUrl(`${server.url}/busy`);
	t.is(Buffer.from(result.bytes).toString(), 'ok');
	t.is(calls, 2);
	server.route('/down', (_request, response) => {
		response.writeHead(503, {'retry-after': '3600'});
		response.end();
	});
	await t.throwsAsync(fetchUrl(`${server.url}/down`), {instanceOf: FetchError, message: 'HTTP 503 Service Unavailable (retry after 3600 s)'});
	t.is(retryAfterMs('120'), 120_000);
	t.is(retryAfterMs('Tue, 01 Dec 2026 08:00:10 GMT', Date.parse('Tue, 01 Dec 2026 08:00:00 GMT')), 10_000);
	t.is(retryAfterMs('soon'), undefined);
});

test('the limiter keeps at most N requests in flight per host and overall', async t => {
	const limiter = new HostLimiter(3, 2);
	let running = 0;
	let most = 0;
	const perHost = new Map<string, number>();
	let mostPerHost = 0;
	const task = (host: string) => limiter.run(host, async () => {
		running++;
		perHost.set(host, (perHost.get(host) ?? 0) + 1);
		most = Math.max(most, running);
		mostPerHost = Math.max(mostPerHost, perHost.get(host)!);
		await new Promise(resolve => {
			setImmediate(resolve);
		});
		running--;
		perHost.set(host, perHost.get(host)! - 1);
	});
	await Promise.all(['a', 'a', 'a', 'a', 'b', 'b', 'c', 'c', 'a', 'b'].map(host => task(host)));
	t.is(most, 3);
	t.is(mostPerHost, 2);
});
