import packageJson from '../../../package.json' with {type: 'json'};
import type {HostLimiter} from './limiter.js';

/**
The HTTP client for feeds and pages, on Node's built-in fetch (undici), with the limits a feed reader needs against
servers it does not control: conditional GET (ETag, Last-Modified), gzip/deflate/br, at most 5 redirects followed by
hand (so a permanent one can update the subscription and a loop is caught), one timeout for the whole request body
included, a size cap counted on the decompressed stream as it arrives (never buffered whole, so a gzip bomb stops at
the cap), and 429/503 with Retry-After waited out when the wait is short.
*/

export const userAgent = `inkwire/${packageJson.version}`;

/** Options of one fetch. */
export type FetchOptions = {
	readonly etag?: string;
	readonly lastModified?: string;
	readonly accept?: string;
	readonly signal?: AbortSignal;
	/** For the whole request, body included. Default 30 s. */
	readonly timeoutMs?: number;
	/** Decompressed body size limit. Default 20 MB. */
	readonly maxBytes?: number;
	readonly maxRedirects?: number;
	/** The longest Retry-After waited out; longer ones fail the fetch. Default 10 s. */
	readonly maxRetryWaitMs?: number;
	readonly limiter?: HostLimiter;
};

/** A fetch that worked: the body, or 304 Not Modified. */
export type FetchResult = {
	readonly status: 200 | 304;
	/** The URL the body came from, after redirects. */
	readonly url: string;
	/** Set when every redirect on the way was permanent (301, 308): the URL to use from now on. */
	readonly permanentUrl?: string;
	readonly bytes: Uint8Array;
	readonly contentType?: string;
	readonly etag?: string;
	readonly lastModified?: string;
};

/** A fetch that failed, with a one-line reason ("HTTP 500 Internal Server Error", "timed out after 30 s"). */
export class FetchError extends Error {
	override name = 'FetchError';
}

const defaultMaxBytes = 20 * 1024 * 1024;
const maxRetries = 2;

function megabytes(bytes: number): string {
	return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/** Retry-After as milliseconds: seconds, or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
	if (value === null) {
		return undefined;
	}

	if (/^\s*\d{1,9}\s*$/.test(value)) {
		return Number(value) * 1000;
	}

	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Drop a body not needed (a redirect's, an error page's). */
async function discard(response: Response): Promise<void> {
	await response.body?.cancel().catch(() => undefined);
}

/** The body, read chunk by chunk and stopped at `maxBytes`. */
async function readBody(response: Response, maxBytes: number): Promise<Uint8Array> {
	const length = Number(response.headers.get('content-length') ?? Number.NaN);
	// With a Content-Encoding the header counts compressed bytes, so only an uncompressed body is refused up front.
	if (!response.headers.has('content-encoding') && Number.isFinite(length) && length > maxBytes) {
		await discard(response);
		throw new FetchError(`larger than ${megabytes(maxBytes)} (${megabytes(length)})`);
	}

	if (!response.body) {
		return new Uint8Array(0);
	}

	const reader = response.body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const {done, value} = await reader.read();
		if (done) {
			break;
		}

		total += value.byteLength;
		if (total > maxBytes) {
			// The connection is going away anyway; an error while cancelling says nothing more.
			await reader.cancel().catch(() => undefined);
			throw new FetchError(`larger than ${megabytes(maxBytes)}${response.headers.has('content-encoding') ? ' once decompressed' : ''}`);
		}

		chunks.push(value);
	}

	const body = new Uint8Array(total);
	let offset = 0;
	for (const chunk of chunks) {
		body.set(chunk, offset);
		offset += chunk.byteLength;
	}

	return body;
}

function describeNetworkError(error: unknown, timeoutMs: number, signal: AbortSignal | undefined): string {
	if (signal?.aborted) {
		return 'cancelled';
	}

	if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
		return `timed out after ${Math.round(timeoutMs / 1000)} s`;
	}

	const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
	const code = (cause as {code?: unknown} | undefined)?.code;
	const messages: Record<string, string> = {
		ECONNREFUSED: 'connection refused',
		ENOTFOUND: 'no such host',
		ECONNRESET: 'connection reset',
		EAI_AGAIN: 'host name lookup failed',
		UND_ERR_SOCKET: 'connection closed',
		UND_ERR_HEADERS_TIMEOUT: `timed out after ${Math.round(timeoutMs / 1000)} s`,
	};
	if (typeof code === 'string' && messages[code]) {
		return messages[code]!;
	}

	const message = cause instanceof Error ? cause.message : String(cause);
	return message.split('\n')[0]!.slice(0, 200) || 'network error';
}

async function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		const onAbort = () => {
			clearTimeout(timer);
			reject(new FetchError('cancelled'));
		};

		signal?.addEventListener('abort', onAbort, {once: true});
	});
}

/** One request and its redirects, within one timeout. */
async function fetchOnce(url: string, options: FetchOptions, headers: Record<string, string>): Promise<FetchResult | {retryAfter: number | undefined; status: number}> {
	const timeoutMs = options.timeoutMs ?? 30_000;
	const maxRedirects = options.maxRedirects ?? 5;
	const timeout = AbortSignal.timeout(timeoutMs);
	const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
	const seen = new Set<string>([url]);
	let current = url;
	let permanentUrl: string | undefined;
	let isPermanentSoFar = true;
	try {
		for (let redirects = 0; ; redirects++) {
			const response = await fetch(current, {headers, redirect: 'manual', signal});
			if (response.status >= 300 && response.status < 400 && response.status !== 304) {
				await discard(response);
				const location = response.headers.get('location');
				if (location === null) {
					throw new FetchError(`HTTP ${response.status} without a Location`);
				}

				let next: URL;
				try {
					next = new URL(location, current);
				} catch {
					throw new FetchError(`HTTP ${response.status} to an invalid URL`);
				}

				if (next.protocol !== 'http:' && next.protocol !== 'https:') {
					throw new FetchError(`redirected to a ${next.protocol} URL`);
				}

				if (seen.has(next.href)) {
					throw new FetchError('redirect loop');
				}

				if (redirects + 1 > maxRedirects) {
					throw new FetchError(`more than ${maxRedirects} redirects`);
				}

				isPermanentSoFar &&= response.status === 301 || response.status === 308;
				if (isPermanentSoFar) {
					permanentUrl = next.href;
				}

				seen.add(next.href);
				current = next.href;
				continue;
			}

			const common = {url: current, ...(permanentUrl === undefined ? {} : {permanentUrl})};
			if (response.status === 304) {
				await discard(response);
				return {status: 304, ...common, bytes: new Uint8Array(0)};
			}

			if (response.status === 429 || response.status === 503) {
				await discard(response);
				return {status: response.status, retryAfter: retryAfterMs(response.headers.get('retry-after'))};
			}

			if (response.status < 200 || response.status >= 300) {
				await discard(response);
				throw new FetchError(`HTTP ${response.status}${response.statusText ? ` ${response.statusText.slice(0, 100)}` : ''}`);
			}

			const bytes = await readBody(response, options.maxBytes ?? defaultMaxBytes);
			const contentType = response.headers.get('content-type') ?? undefined;
			const etag = response.headers.get('etag') ?? undefined;
			const lastModified = response.headers.get('last-modified') ?? undefined;
			return {
				status: 200,
				...common,
				bytes,
				...(contentType === undefined ? {} : {contentType}),
				...(etag === undefined ? {} : {etag}),
				...(lastModified === undefined ? {} : {lastModified}),
			};
		}
	} catch (error) {
		if (error instanceof FetchError) {
			throw error;
		}

		throw new FetchError(describeNetworkError(error, timeoutMs, options.signal));
	}
}

/**
Fetch `url` (GET), honouring the options; resolves with the body or a 304, or rejects with a FetchError whose
message is one line for the user.
*/
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<FetchResult> {
	const headers: Record<string, string> = {
		'user-agent': userAgent,
		accept: options.accept ?? '*/*',
		'accept-encoding': 'gzip, deflate, br',
	};
	if (options.etag) {
		headers['if-none-match'] = options.etag;
	}

	if (options.lastModified) {
		headers['if-modified-since'] = options.lastModified;
	}

	let host = '';
	try {
		host = new URL(url).host;
	} catch {
		throw new FetchError('not a URL');
	}

	const maxWait = options.maxRetryWaitMs ?? 10_000;
	for (let attempt = 0; ; attempt++) {
		const result = options.limiter ? await options.limiter.run(host, async () => fetchOnce(url, options, headers)) : await fetchOnce(url, options, headers);
		if (!('retryAfter' in result)) {
			return result;
		}

		const wait = result.retryAfter ?? 1000;
		if (attempt >= maxRetries || wait > maxWait) {
			const after = result.retryAfter === undefined ? '' : ` (retry after ${Math.ceil(result.retryAfter / 1000)} s)`;
			throw new FetchError(`HTTP ${result.status} ${result.status === 429 ? 'Too Many Requests' : 'Service Unavailable'}${after}`);
		}

		// The wait happens outside the limiter, so other hosts' requests go on meanwhile.
		await sleep(wait, options.signal);
	}
}
