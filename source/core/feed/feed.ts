/**
The shapes of a fetched feed once it is read, whatever its format (RSS 2.0, RSS 1.0/RDF, Atom 1.0, JSON Feed 1.1).
Every string here still comes from outside: cleaning happens where an item becomes an article file.
*/

/** One entry of a feed, normalised. */
export type FeedItem = {
	/** The feed's own identifier (RSS guid, Atom id, JSON Feed id), as given. */
	readonly guid?: string;
	/** The item's page, absolute. */
	readonly link?: string;
	readonly title: string;
	readonly author?: string;
	/** ISO 8601 in UTC when the feed gave a date that parses, for example "2026-12-01T10:00:00Z". */
	readonly date?: string;
	/** The item's body as HTML (full content when the feed has it, else the summary). */
	readonly html?: string;
	/** Categories, as given. */
	readonly tags: readonly string[];
	/** Lead image URL (media:content, media:thumbnail, an image enclosure, JSON Feed `image`). */
	readonly image?: string;
	/** Lead image caption with its credit, for example "The cat in the garden. (AFP)". */
	readonly caption?: string;
	/** The URL relative links in `html` are resolved against (xml:base, else the feed's URL). */
	readonly baseUrl: string;
};

/** A parsed feed. */
export type Feed = {
	readonly format: 'rss' | 'atom' | 'rdf' | 'json';
	readonly title?: string;
	/** The site the feed belongs to. */
	readonly link?: string;
	readonly items: readonly FeedItem[];
	/** Items the parser kept but inkwire dropped (past the item limit), for a warning. */
	readonly droppedItems: number;
};
