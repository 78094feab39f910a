import {decodeEntities} from '../text/entities.js';
import {resolveUrl} from './read-values.js';

/**
Feed autodiscovery: the feeds a web page names in its `<head>` with `<link rel="alternate" type="application/rss+xml"
href="…">` (or Atom, RDF, JSON Feed), as browsers and every feed reader find them. Only link tags are looked at, with
bounded patterns over at most the first 512 KB, so no HTML parser needs loading for it.
*/

const feedTypes = /^(?:application\/(?:rss|atom|rdf|feed)\+(?:xml|json)|application\/json|text\/xml|application\/xml)$/i;

function attributes(tag: string): Map<string, string> {
	const found = new Map<string, string>();
	for (const match of tag.matchAll(/([\w:-]{1,40})\s*=\s*(?:"([^"]{0,4000})"|'([^']{0,4000})'|([^\s"'>]{1,4000}))/g)) {
		found.set(match[1]!.toLowerCase(), decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
	}

	return found;
}

/** The feed URLs a page at `pageUrl` links to, in page order, absolute. */
export function discoverFeeds(html: string, pageUrl: string): string[] {
	const feeds: string[] = [];
	for (const match of html.slice(0, 512 * 1024).matchAll(/<link\b[^<>]{0,8000}>/gi)) {
		const attributesOfTag = attributes(match[0]);
		const relations = (attributesOfTag.get('rel') ?? '').toLowerCase().split(/\s+/);
		const type = attributesOfTag.get('type') ?? '';
		const url = resolveUrl(attributesOfTag.get('href'), pageUrl);
		if (relations.includes('alternate') && feedTypes.test(type.trim()) && url !== undefined && !feeds.includes(url)) {
			feeds.push(url);
		}
	}

	return feeds;
}

/** True when a document looks like an HTML page rather than a feed. */
export function looksLikeHtml(text: string): boolean {
	return /^\s*(?:<!--[\s\S]{0,2000}?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i.test(text.slice(0, 4096));
}
