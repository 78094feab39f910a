/**
The benchmark corpus: N deterministic news articles written twice, once as an inkwire store (Markdown files with front
matter) and once as a single RSS 2.0 feed for newsboat, so both programs read exactly the same articles.
*/
import fs from 'node:fs';
import path from 'node:path';

/** One generated article, before it is written in either format. */
export type CorpusArticle = {
	/** The store path without `.md`, `/`-separated: what inkwire uses as the id. */
	readonly id: string;
	readonly title: string;
	readonly source: string;
	/** ISO 8601 in UTC, to the minute, for example `2025-05-31T11:40Z`. */
	readonly date: string;
	readonly url: string;
	readonly paragraphs: readonly string[];
};

/** What `writeCorpus` wrote. */
export type Corpus = {
	readonly count: number;
	readonly seed: number;
	readonly storeDirectory: string;
	readonly feedPath: string;
	/** The channel title, which newsboat shows in its feed list. */
	readonly feedTitle: string;
	/** Ids newest first: index 0 is the article both readers should show at the top. */
	readonly ids: readonly string[];
	readonly newestTitle: string;
	/** The first words of the newest article's body: on screen only when that article is open. */
	readonly newestOpening: string;
	readonly storeBytes: number;
	readonly feedBytes: number;
	readonly words: number;
};

/** The title newsboat shows for the generated feed. */
export const feedTitle = 'inkwire bench corpus';

const sources = [
	'Harbour Courier', 'Valley Ledger', 'Northern Dispatch', 'Coastal Times', 'Metro Herald', 'Plains Gazette',
	'River Post', 'Highland Observer', 'Capital Report', 'Island Chronicle', 'Delta Tribune', 'Frontier Journal',
] as const;

const titleWords = [
	'council', 'harbour', 'budget', 'railway', 'election', 'drought', 'festival', 'museum', 'bridge', 'school', 'market',
	'treaty', 'startup', 'hospital', 'forest', 'strike', 'league', 'court', 'airport', 'library', 'tariff', 'summit',
	'reservoir', 'orchestra', 'satellite', 'vineyard', 'mine', 'ferry', 'stadium', 'archive', 'parliament', 'border',
	'wind farm', 'lighthouse', 'refinery', 'canal', 'census', 'glacier', 'harvest', 'pipeline', 'tunnel', 'curfew',
] as const;

const titleVerbs = [
	'weighs', 'rejects', 'delays', 'approves', 'questions', 'expands', 'reopens', 'closes', 'funds', 'revives',
	'tests', 'doubles', 'trims', 'defends', 'splits over', 'bets on', 'rethinks', 'races to save',
] as const;

const titleTails = [
	'after a long winter', 'as costs climb', 'amid protests', 'before the vote', 'for the first time in decades',
	'despite warnings', 'in a surprise move', 'under new rules', 'with help from volunteers', 'as the deadline nears',
	'while rivals watch', 'after an audit', 'in the north', 'on the coast', 'at record pace', 'behind closed doors',
] as const;

const bodyWords = (
	'the a an of to in and for on with at by from as is was were be been has have had will would could should may '
	+ 'said says told officials residents council city region government ministry company workers farmers teachers '
	+ 'plan project budget report study survey data figures year month week morning evening season decade century '
	+ 'new old local national regional public private small large early late recent final first second third '
	+ 'water power road rail port bridge school hospital market price cost tax fund loan grant contract deal vote '
	+ 'meeting hearing court ruling law rule policy reform proposal decision debate protest strike agreement talks '
	+ 'growth decline increase drop rise fall change shift delay risk concern question answer problem solution '
	+ 'people families children students patients visitors drivers owners leaders members experts analysts critics '
	+ 'north south east west coast valley river harbour district village town centre edge border line area zone '
	+ 'build open close expand reduce raise cut spend save move return wait start finish hold keep lose win '
	+ 'because while after before during since until although however still already again also only even just '
	+ 'more most less least many much several few some every each other another same different important clear '
	+ 'weather rain snow wind heat storm flood drought fire smoke air soil crop harvest field forest lake sea '
	+ 'train bus ferry truck car bicycle plane ticket route station platform terminal runway lane street avenue '
	+ 'story history memory record archive museum library theatre festival concert game match season team club'
).split(' ');

/** A small, fast, seeded generator (mulberry32): the same seed gives the same corpus on every machine. */
export function createRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6D_2B_79_F5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

function pick<T>(random: () => number, items: readonly T[]): T {
	return items[Math.floor(random() * items.length)]!;
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function slugify(text: string): string {
	return text.toLowerCase().replaceAll(/[^a-z\d]+/g, '-').replaceAll(/^-|-$/g, '');
}

function sentence(random: () => number): string {
	const length = 8 + Math.floor(random() * 13);
	const words: string[] = [];
	for (let index = 0; index < length; index++) {
		words.push(pick(random, bodyWords));
	}

	return `${capitalise(words.join(' '))}.`;
}

function paragraph(random: () => number, sentences: number): string {
	const parts: string[] = [];
	for (let index = 0; index < sentences; index++) {
		parts.push(sentence(random));
	}

	return parts.join(' ');
}

function countWords(text: string): number {
	let count = 1;
	for (let index = 0; index < text.length; index++) {
		if (text.codePointAt(index) === 32) {
			count++;
		}
	}

	return count;
}

/** The newest article's date; article `index` is older by a strictly growing number of minutes. */
const newestTime = Date.UTC(2025, 4, 31, 12, 0);

function isoMinute(time: number): string {
	return `${new Date(time).toISOString().slice(0, 16)}Z`;
}

/**
Article number `index` of a corpus (index 0 is the newest). Each article has its own generator derived from the seed
and index, so any article can be regenerated alone and the order of generation does not matter.
*/
export function generateArticle(seed: number, index: number): CorpusArticle {
	const random = createRandom((seed * 1_000_003) ^ Math.imul(index + 1, 0x9E_37_79_B1));
	const source = pick(random, sources);
	const title = `${capitalise(pick(random, titleWords))} ${pick(random, titleVerbs)} ${pick(random, titleWords)} plan ${pick(random, titleTails)}`;
	// Steps of 20 minutes with at most 15 minutes of jitter keep every date distinct and the order fixed.
	const time = newestTime - (index * 20 * 60_000) - (Math.floor(random() * 15) * 60_000);
	const date = isoMinute(time);
	const slug = `${slugify(title).slice(0, 48).replace(/-$/, '')}-${index.toString(36)}`;
	const sourceSlug = slugify(source);
	const id = `${sourceSlug}/${date.slice(0, 4)}/${date.slice(0, 10)}-${slug}`;
	const paragraphs: string[] = [];
	let words = 0;
	const target = 660 + Math.floor(random() * 80);
	while (words < target) {
		const text = paragraph(random, 3 + Math.floor(random() * 4));
		paragraphs.push(text);
		words += countWords(text);
	}

	return {id, title, source, date, url: `https://news.example.com/${sourceSlug}/${date.slice(0, 10)}/${slug}`, paragraphs};
}

/** The article as inkwire stores it: YAML front matter, then the Markdown body. */
export function toMarkdown(article: CorpusArticle): string {
	// JSON strings are valid YAML double-quoted scalars; quoting the date keeps YAML from turning it into a Date.
	return `---\ntitle: ${JSON.stringify(article.title)}\nsource: ${JSON.stringify(article.source)}\ndate: "${article.date}"\nurl: ${article.url}\n---\n\n${article.paragraphs.join('\n\n')}\n`;
}

function escapeXml(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** The article as one RSS 2.0 `<item>`. */
export function toRssItem(article: CorpusArticle): string {
	const body = article.paragraphs.map(text => `<p>${escapeXml(text)}</p>`).join('');
	return `<item><title>${escapeXml(article.title)}</title><link>${article.url}</link><guid isPermaLink="true">${article.url}</guid>`
		+ `<pubDate>${new Date(Date.parse(article.date)).toUTCString().replace('GMT', '+0000')}</pubDate>`
		+ `<author>desk@news.example.com (${escapeXml(article.source)})</author><description><![CDATA[${body}]]></description></item>\n`;
}

async function writeFiles(files: ReadonlyArray<readonly [string, string]>, concurrency: number): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < files.length) {
			const [file, text] = files[next++]!;
			// eslint-disable-next-line no-await-in-loop
			await fs.promises.writeFile(file, text);
		}
	};

	await Promise.all(Array.from({length: concurrency}, worker));
}

/**
Write N articles into `directory/store/` (Markdown) and `directory/feed.xml` (RSS 2.0, newest first).
Files are written in batches with parallel writes: 100,000 files take seconds, not minutes.
*/
export async function writeCorpus(directory: string, count: number, seed = 1): Promise<Corpus> {
	const storeDirectory = path.join(directory, 'store');
	const feedPath = path.join(directory, 'feed.xml');
	fs.mkdirSync(storeDirectory, {recursive: true});
	const feed = fs.openSync(feedPath, 'w');
	fs.writeSync(feed, `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${feedTitle}</title>`
		+ `<link>https://news.example.com/</link><description>Generated articles for inkwire's benchmark</description>\n`);
	const ids: string[] = [];
	const directories = new Set<string>();
	let newestTitle = '';
	let newestOpening = '';
	let storeBytes = 0;
	let feedBytes = 0;
	let words = 0;
	const batchSize = 2000;
	for (let start = 0; start < count; start += batchSize) {
		const files: Array<readonly [string, string]> = [];
		const items: string[] = [];
		for (let index = start; index < Math.min(count, start + batchSize); index++) {
			const article = generateArticle(seed, index);
			if (index === 0) {
				newestTitle = article.title;
				newestOpening = article.paragraphs[0]!.slice(0, 24);
			}

			ids.push(article.id);
			const file = path.join(storeDirectory, `${article.id}.md`);
			const parent = path.dirname(file);
			if (!directories.has(parent)) {
				fs.mkdirSync(parent, {recursive: true});
				directories.add(parent);
			}

			const markdown = toMarkdown(article);
			storeBytes += Buffer.byteLength(markdown);
			files.push([file, markdown]);
			items.push(toRssItem(article));
			for (const text of article.paragraphs) {
				words += countWords(text);
			}
		}

		const chunk = items.join('');
		feedBytes += Buffer.byteLength(chunk);
		fs.writeSync(feed, chunk);
		// eslint-disable-next-line no-await-in-loop
		await writeFiles(files, 32);
	}

	fs.writeSync(feed, '</channel></rss>\n');
	fs.closeSync(feed);
	return {count, seed, storeDirectory, feedPath, feedTitle, ids, newestTitle, newestOpening, storeBytes, feedBytes, words};
}

/** What `writeLongArticleStore` wrote. */
export type LongArticleStore = {
	readonly storeDirectory: string;
	readonly id: string;
	readonly title: string;
	/** Non-blank lines in the body: one short paragraph each, so about twice as many rendered lines with the gaps. */
	readonly paragraphs: number;
};

/**
A small store whose newest article is very long (for the pager measure): `lines` rendered lines, made of one-line
paragraphs short enough not to wrap at 120 columns, plus a few ordinary articles below it in the list.
*/
export function writeLongArticleStore(directory: string, lines: number, seed = 7): LongArticleStore {
	const storeDirectory = path.join(directory, 'store');
	const random = createRandom(seed);
	const paragraphs: string[] = [];
	// A paragraph renders as its line plus a blank line.
	const count = Math.ceil(lines / 2);
	for (let index = 0; index < count; index++) {
		// Numbered so that a scrolled screen always differs from the one before; short enough never to wrap.
		paragraphs.push(`Line ${index + 1}: ${sentence(random)}`.slice(0, 90));
	}

	const title = 'A very long article for the pager benchmark';
	const id = 'long/very-long-article';
	const article: CorpusArticle = {
		id, title, source: 'Bench Desk', date: isoMinute(newestTime + 3_600_000), url: 'https://news.example.com/long', paragraphs,
	};
	fs.mkdirSync(path.join(storeDirectory, 'long'), {recursive: true});
	fs.writeFileSync(path.join(storeDirectory, `${id}.md`), toMarkdown(article));
	for (let index = 0; index < 9; index++) {
		const other = generateArticle(seed, index);
		fs.mkdirSync(path.dirname(path.join(storeDirectory, `${other.id}.md`)), {recursive: true});
		fs.writeFileSync(path.join(storeDirectory, `${other.id}.md`), toMarkdown(other));
	}

	return {storeDirectory, id, title, paragraphs: paragraphs.length};
}
