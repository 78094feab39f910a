/**
[feeds hook] `.html` files in a store are read as the article `inkwire save` would have stored for the same page.
The extractor (Readability on linkedom, about 60 ms and 20 MB to load) must not be loaded by every `list`, and a
parse is synchronous, so it is installed here by io/store/html-reader.ts, which the store scan calls only when the
store holds an `.html` file (and `show FILE.html` calls before reading one).
*/

let convert: ((html: string) => string) | undefined;

/** Install the page extractor: `html` in, the Markdown article file (front matter and body) out. */
export function installHtmlReader(reader: (html: string) => string): void {
	convert = reader;
}

/** The Markdown article file for an HTML page. Throws when no extractor is installed (a bug: the caller should have loaded it). */
export function readHtmlPage(html: string): string {
	if (!convert) {
		throw new Error('the HTML page reader is not loaded');
	}

	return convert(html);
}
