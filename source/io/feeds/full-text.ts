import {describeError} from '../../core/errors.js';
import {decodeBytes} from '../../core/feed/charset.js';
import type {FeedItem} from '../../core/feed/feed.js';
import {FetchError, fetchUrl} from '../fetch/http.js';
import type {HostLimiter} from '../fetch/limiter.js';

/**
The full text of a feed item (a `full="true"` subscription): its page fetched and the article extracted, as
`inkwire save` does. The extractor is loaded on first use only. A page that cannot be had keeps the feed's own text,
and says so in a warning.
*/

/** Fetch a web page and decode it; the final URL (after redirects) comes back with the text. */
export async function fetchPage(url: string, options: {readonly limiter?: HostLimiter; readonly signal?: AbortSignal; readonly timeoutMs?: number}): Promise<{html: string; url: string}> {
	const result = await fetchUrl(url, {
		accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5',
		...(options.limiter ? {limiter: options.limiter} : {}),
		...(options.signal ? {signal: options.signal} : {}),
		...(options.timeoutMs ? {timeoutMs: options.timeoutMs} : {}),
	});
	// A PDF or a picture is no page to extract an article from; a missing Content-Type is given the benefit of the doubt.
	const type = result.contentType?.split(';')[0]!.trim().toLowerCase();
	if (type !== undefined && type !== '' && !/^(?:text\/|application\/(?:xhtml\+)?xml$|application\/xhtml)/.test(type)) {
		throw new FetchError(`not a web page (${type.slice(0, 80)})`);
	}

	return {html: decodeBytes(result.bytes, result.contentType).text, url: result.url};
}

/** The item's page as Markdown, or undefined (with a warning pushed) when it cannot be fetched or has no article. */
export async function fetchFullText(item: FeedItem, options: {readonly limiter?: HostLimiter; readonly signal?: AbortSignal; readonly timeoutMs?: number}, warnings: string[]): Promise<string | undefined> {
	if (item.link === undefined) {
		warnings.push(`"${item.title}": no link to fetch the full text from; kept the feed's text`);
		return undefined;
	}

	try {
		const page = await fetchPage(item.link, options);
		const {extractPage} = await import('../../core/article/page/extract-page.js');
		const extracted = extractPage(page.html, page.url);
		if (extracted.warning !== undefined) {
			warnings.push(`full text of ${item.link}: ${extracted.warning}; kept the feed's text`);
			return undefined;
		}

		return extracted.markdown;
	} catch (error) {
		warnings.push(`full text of ${item.link}: ${describeError(error)}; kept the feed's text`);
		return undefined;
	}
}
