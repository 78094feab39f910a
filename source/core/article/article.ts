/**
The article model shared by every layer. Parsing lives in `parse.ts`; this file only names the shapes.
*/

/** How an article file is written on disk. */
export type ArticleFormat = 'markdown' | 'text' | 'html';

/** Everything about an article except its body: what the list, the index cache and `list --json` carry. */
export type ArticleMeta = {
	/** Path inside the store without the extension, `/`-separated; front matter `id` wins. Keys the read state. */
	readonly id: string;
	readonly title: string;
	/** Publication or site name, for example "Asharq Al-Awsat". */
	readonly source?: string;
	readonly author?: string;
	/** ISO 8601 as precise as the article says: "2020-06-26", "2020-06-26T07:00", "2022-03-14T09:15Z". No invented time zone. */
	readonly date?: string;
	readonly url?: string;
	/** Photo caption with its agency credit, for example "… in old Damascus. (AFP)". */
	readonly caption?: string;
	readonly tags: readonly string[];
	/** Words in the body. */
	readonly words: number;
	/** Reading time in whole minutes at about 230 words a minute, at least 1. */
	readonly readingMinutes: number;
};

/** A whole article: metadata plus the cleaned body as Markdown. */
export type Article = ArticleMeta & {
	readonly body: string;
};
