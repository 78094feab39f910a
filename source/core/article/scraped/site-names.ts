import {comparable} from './compare.js';

/**
Site banners: the first line of a scraped page that names the site ("BBC News - Home", "The Guardian | World news",
"Asharq Al-awsat English Middle-east and International News and Opinion from Asharq Al-awsat Newspaper") rather than
the story. How strongly a line reads like one, and the clean site name inside it.
*/

/** How much a line reads like a site banner: 'strong' alone is enough, 'weak' needs the structure around it to agree. */
export type BannerStrength = 'strong' | 'weak' | 'none';

const domain = /(?:^|[\s(])(?:www\.)?[\p{L}\d-]{1,63}\.(?:com|net|org|info|news|co\.uk|co\.jp|co|io|tv|ae|sa|qa|jp|cn|de|fr|uk|eu|in|ru|it|es|ca|au)(?=$|[\s/)])/iu;
const barSeparator = /\s[|•·»]\s|^[^|]{2,60}\|[^|]{2,80}$/;
const dashSeparator = /\s[-–—:]\s/;
const taglinePhrase = /\b(?:breaking news|latest news|world news|international news|news and (?:opinion|analysis|video)|news from|news,|headlines|homepage|front page)\b|(?:\s[-–—|]\s|^)home$/i;
// Words newspapers and broadcasters are named with, in English and the fixtures' languages ("Echo", "Kurier", "日報",
// "晚报", "جريدة"): a short title-cased line ending in one is a site name.
const brandEnding = /\b(?:news|english|newspaper|online|world|arabic|tv|radio|times|post|daily|herald|tribune|gazette|journal|chronicle|observer|echo|mail|mirror|express|telegraph|courier|ledger|beacon|record|review|bulletin|standard|independent|examiner|inquirer|sentinel|star|sun|advertiser|dispatch|leader|argus|kurier|zeitung|anzeiger|rundschau|courrier|quotidien|diario|noticias|heraldo|gazzetta|corriere|broadcasting)$/i;
const brandWord = /\b(?:news|english|newspaper|online|times|post|daily|herald|tribune|gazette|journal|chronicle|observer|media|press|agency|radio|tv|channel|network|world|broadcasting|kurier|zeitung|courrier|diario|gazzetta)\b|(?:新聞|新闻|日報|日报|晚报|晩報|時報|时报|新報|新报|通信|電視|电视|广播|放送|일보|신문|일간|방송|통신)|(?:^|\s)(?:صحيفة|جريدة|قناة|شبكة|وكالة)(?:\s|$)|(?:^|\s)(?:газета|правда|вести|известия|ведомости|новости|вестник|dziennik|gazeta|kurier|harian|kabar|berita|tribun)(?:\s|$)/iu;

// Words that make up taglines rather than names; a segment made only of these is not the site's name.
const generic = new Set([
	'home', 'homepage', 'news', 'breaking', 'latest', 'world', 'international', 'english', 'online', 'headlines',
	'opinion', 'opinions', 'video', 'videos', 'and', 'from', 'the', 'of', 'for', 'in', 'on', 'top', 'stories', 'story',
	'business', 'sport', 'sports', 'politics', 'middle-east', 'middle', 'east', 'live', 'updates', 'edition', 'today',
	'local', 'weather', 'analysis', 'national', 'global', 'us', 'uk', 'europe', 'asia', 'africa', 'americas',
	'newspaper', 'daily', 'front', 'page', 'section', '&', 'more', 'all', 'your', 'source', 'trusted', 'arabic',
]);

/** Words the site name stops before when a long single-segment banner runs on into its tagline. */
const taglineStart = new Set(['english', 'arabic', 'middle-east', 'breaking', 'latest', 'news', 'online', 'newspaper', 'international', 'world', '-', '–', '—', '|']);

/** How strongly a first line reads like a site banner. Lines that read like sentences are never banners. */
export function bannerStrength(line: string): BannerStrength {
	if (line.length > 160 || line.length < 2) {
		return 'none';
	}

	const isDomain = domain.test(line);
	if (/[.!?;,:]$/.test(line) && !isDomain) {
		return 'none';
	}

	const words = line.split(' ').length;
	if (barSeparator.test(line) || taglinePhrase.test(line) || (isDomain && words <= 3)) {
		return 'strong';
	}

	if (words <= 6 && brandEnding.test(line) && isTitleCased(line)) {
		return 'strong';
	}

	return isDomain || dashSeparator.test(line) || brandWord.test(line) ? 'weak' : 'none';
}

function isTitleCased(line: string): boolean {
	for (const word of line.split(' ')) {
		const first = word[0] ?? '';
		if (first !== first.toUpperCase() && !generic.has(word.toLowerCase())) {
			return false;
		}
	}

	return true;
}

function isGenericSegment(segment: string): boolean {
	return segment.split(/[\s,]+/).every(word => word === '' || generic.has(word.toLowerCase()));
}

/** "Asharq Al-awsat" -> "Asharq Al-Awsat": each hyphen part of an Arabic "Al-xxx" name is capitalised. */
function capitaliseArabicArticle(name: string): string {
	return name.replace(/(?<![\p{L}])(A[lnrstdz]|El|Ash|Adh)-(\p{Ll})/gu, (_whole, article: string, letter: string) => `${article}-${letter.toUpperCase()}`);
}

/** The longest run of 1-5 leading words that the banner repeats later: "Asharq Al-awsat ... from Asharq Al-awsat X". */
function repeatedBrand(words: readonly string[], whole: string): string | undefined {
	const lower = whole.toLowerCase();
	for (let count = Math.min(5, words.length - 1); count >= 1; count--) {
		const candidate = words.slice(0, count).join(' ');
		if (isGenericSegment(candidate)) {
			continue;
		}

		const at = lower.indexOf(candidate.toLowerCase(), candidate.length);
		if (at > 0 && /[\s,]/.test(lower[at - 1] ?? '')) {
			return candidate;
		}
	}

	return undefined;
}

/**
The site's name from a banner line: the part before the tagline, the brand the banner repeats, a domain without its
ending. Falls back to the first segment; never longer than six words.
*/
export function siteNameFromBanner(banner: string, title?: string): string {
	const line = banner.replace(/\s+/g, ' ').trim();
	const bare = /^(?:https?:\/\/)?(?:www\.)?([\p{L}\d-]{1,63})\.[a-z.]{2,12}\/?$/iu.exec(line);
	if (bare) {
		// "Reuters.com" names itself "Reuters"; an all-lowercase domain ("nytimes.com") is kept as written.
		return /\p{Lu}/u.test(bare[1]!) ? bare[1]! : line.replace(/^https?:\/\//i, '').replace(/\/$/, '');
	}

	// A banner copied from the window title holds the headline too: "Harbour Festival Returns | The Coast Gazette".
	const titleKey = title === undefined ? undefined : comparable(title);
	const segments = line.split(/\s[|•·»:\-–—]\s|\|/).map(segment => segment.trim()).filter(segment => segment !== '' && comparable(segment) !== titleKey);
	const chosen = segments.find(segment => !isGenericSegment(segment)) ?? segments[0] ?? line;
	let words = chosen.split(' ');
	if (words.length > 5) {
		const brand = repeatedBrand(words, line);
		if (brand) {
			words = brand.split(' ');
		} else {
			const stop = words.findIndex((word, index) => index > 0 && taglineStart.has(word.toLowerCase()));
			words = words.slice(0, stop > 0 ? stop : 6);
		}
	}

	return unshout(capitaliseArabicArticle(words.join(' ').replace(/^[\s,.:;]+|[\s,.:;]+$/g, '')));
}

/** "THE QUARTERLY REVIEW" -> "The Quarterly Review"; names in mixed case ("NHK WORLD-JAPAN News", "BBC") stay. */
function unshout(name: string): string {
	if (/\p{Ll}/u.test(name) || name.split(' ').length < 2 || !/\p{Lu}{4}/u.test(name)) {
		return name;
	}

	return name.toLowerCase().replace(/(^|[\s-])(\p{Ll})/gu, (_whole, before: string, letter: string) => `${before}${letter.toUpperCase()}`);
}
