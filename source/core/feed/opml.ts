import {generateOpml, parseOpml} from 'feedsmith';
import {sanitizeLine} from '../text/sanitize.js';
import {feedFolderName, isSafeName, uniqueName} from './names.js';
import {asList, asRecord, asText, resolveUrl} from './read-values.js';

/**
Subscriptions as OPML, the format every feed reader imports and exports. inkwire's own options are attributes of
each `<outline>`: `full="true"` (fetch each item's page for its full text) and `folder` (where its articles go in
the store, fixed when the feed is added so that renaming a feed by hand does not move its articles).
*/

/** One subscription. */
export type Subscription = {
	/** What the user calls it: `inkwire fetch NAME`, `remove NAME`. Unique among subscriptions. */
	readonly name: string;
	/** The feed's URL. */
	readonly url: string;
	/** The site's URL, when known. */
	readonly site?: string;
	/** Fetch each new item's page and store the extracted article instead of the feed's text. */
	readonly full: boolean;
	/** The store folder of its articles: a safe name (see names.ts). */
	readonly folder: string;
};

/** A document that is not OPML, or an outline that cannot be used, as one line for the user. */
export class OpmlError extends Error {
	override name = 'OpmlError';
}

const extraOutlineAttributes = ['full', 'folder'];
const maxSubscriptions = 10_000;

/** True for the OPML of an empty subscription list, which feedsmith refuses as "not OPML". */
function isEmptyOpml(text: string): boolean {
	return /<opml[\s>]/.test(text) && /<body\s*(?:\/>|>\s*<\/body>)/.test(text) && !/<outline[\s>/]/.test(text);
}

/**
Every subscription in an OPML document, in document order, folders (nested outlines) flattened. Outlines without
a usable `xmlUrl` are skipped and named in `warnings`. With `isOwnFile`, a hand-edited `folder` that is not a safe
name is an error (the file is the user's to fix); on import, names and folders are made unique instead.
*/
export function parseSubscriptions(text: string, options: {readonly isOwnFile: boolean}): {subscriptions: Subscription[]; warnings: string[]} {
	let document: ReturnType<typeof parseOpml>;
	try {
		document = parseOpml(text, {extraOutlineAttributes});
	} catch (error) {
		if (isEmptyOpml(text)) {
			return {subscriptions: [], warnings: []};
		}

		const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message.split('\n')[0]!.slice(0, 200)}` : '';
		throw new OpmlError(`not an OPML file${cause}`);
	}

	const subscriptions: Subscription[] = [];
	const warnings: string[] = [];
	const names = new Set<string>();
	const folders = new Set<string>();
	// Depth-first over the outline tree with an explicit stack: OPML from outside may nest arbitrarily deep.
	const stack: unknown[] = [...asList(asRecord(document.body)['outlines'])].reverse();
	let visited = 0;
	while (stack.length > 0 && subscriptions.length < maxSubscriptions && visited++ < maxSubscriptions * 10) {
		const outline = asRecord(stack.pop());
		const children = asList(outline['outlines']);
		for (let index = children.length - 1; index >= 0; index--) {
			stack.push(children[index]);
		}

		const rawUrl = asText(outline['xmlUrl']);
		const label = asText(outline['text']) ?? asText(outline['title']);
		if (rawUrl === undefined) {
			continue;
		}

		const url = resolveUrl(rawUrl, undefined);
		if (url === undefined) {
			warnings.push(`skipped "${label ?? rawUrl}": its xmlUrl is not an http(s) URL`);
			continue;
		}

		const baseName = sanitizeLine(label ?? '').slice(0, 200) || new URL(url).hostname;
		if (options.isOwnFile && names.has(baseName)) {
			throw new OpmlError(`two feeds are named "${baseName}"`);
		}

		const name = uniqueName(baseName, candidate => names.has(candidate));
		const givenFolder = asText(outline['folder']);
		if (options.isOwnFile && givenFolder !== undefined && !isSafeName(givenFolder)) {
			throw new OpmlError(`feed "${name}" has folder="${givenFolder.slice(0, 100)}", which is not a safe folder name (lowercase letters, digits and hyphens)`);
		}

		const folder = givenFolder !== undefined && isSafeName(givenFolder) && !folders.has(givenFolder)
			? givenFolder
			: uniqueName(feedFolderName(name, url), candidate => folders.has(candidate));
		const site = resolveUrl(asText(outline['htmlUrl']), undefined);
		names.add(name);
		folders.add(folder);
		subscriptions.push({name, url, ...(site === undefined ? {} : {site}), full: asText(outline['full']) === 'true', folder});
	}

	return {subscriptions, warnings};
}

/** The OPML document for `subscriptions` (what `inkwire export` prints and the subscriptions file holds). */
export function formatSubscriptions(subscriptions: readonly Subscription[]): string {
	if (subscriptions.length === 0) {
		return '<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0">\n  <head>\n    <title>inkwire subscriptions</title>\n  </head>\n  <body/>\n</opml>\n';
	}

	const outlines = subscriptions.map(subscription => ({
		text: subscription.name,
		title: subscription.name,
		type: 'rss',
		xmlUrl: subscription.url,
		...(subscription.site === undefined ? {} : {htmlUrl: subscription.site}),
		...(subscription.full ? {full: 'true'} : {}),
		folder: subscription.folder,
	}));
	const text = generateOpml({head: {title: 'inkwire subscriptions'}, body: {outlines}}, {extraOutlineAttributes});
	return text.endsWith('\n') ? text : `${text}\n`;
}
