import http from 'node:http';
import type {AddressInfo} from 'node:net';

/**
A local HTTP server for feed tests and the fetch bench, on 127.0.0.1 and a free port. Each route is a function of
the request; the server keeps a log of what it was asked (path and headers), and `close()` ends every connection,
including those of a route that never answers.
*/

export type Route = (request: http.IncomingMessage, response: http.ServerResponse) => void;

export type FeedServer = {
	readonly url: string;
	/** Requests so far: path and headers. */
	readonly log: Array<{path: string; headers: http.IncomingHttpHeaders}>;
	/** Add or replace a route. */
	route(path: string, handler: Route): void;
	close(): Promise<void>;
};

/** A route that serves `body` with `type`, answering 304 when the request's If-None-Match matches `etag`. */
export function serve(body: string | Buffer, type: string, options: {etag?: string; status?: number; headers?: Record<string, string>} = {}): Route {
	return (request, response) => {
		if (options.etag !== undefined && request.headers['if-none-match'] === options.etag) {
			response.writeHead(304, {etag: options.etag});
			response.end();
			return;
		}

		response.writeHead(options.status ?? 200, {'content-type': type, ...(options.etag === undefined ? {} : {etag: options.etag}), ...options.headers});
		response.end(body);
	};
}

/** A route that redirects to `location` with `status` (302 unless said). */
export function redirect(location: string, status = 302): Route {
	return (_request, response) => {
		response.writeHead(status, {location});
		response.end();
	};
}

/** A route that streams `megabytes` MB with back-pressure (a client must stop reading at its cap, not buffer it all). */
export function serveHuge(megabytes: number, type: string): Route {
	return (_request, response) => {
		response.writeHead(200, {'content-type': type});
		response.on('error', () => {});
		const chunk = Buffer.alloc(1024 * 1024, 0x61);
		let sent = 0;
		const write = () => {
			while (sent < megabytes) {
				sent++;
				if (!response.write(chunk)) {
					response.once('drain', write);
					return;
				}
			}

			response.end();
		};

		write();
	};
}

export async function startFeedServer(routes: Record<string, Route> = {}): Promise<FeedServer> {
	const table = new Map(Object.entries(routes));
	const log: FeedServer['log'] = [];
	const server = http.createServer((request, response) => {
		const path = request.url ?? '/';
		log.push({path, headers: request.headers});
		const handler = table.get(path) ?? table.get(path.split('?')[0]!);
		if (handler) {
			handler(request, response);
			return;
		}

		response.writeHead(404, {'content-type': 'text/plain'});
		response.end('not found');
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		log,
		route(path, handler) {
			table.set(path, handler);
		},
		async close() {
			server.closeAllConnections();
			await new Promise<void>(resolve => {
				server.close(() => {
					resolve();
				});
			});
		},
	};
}
