import {
	afr, ara, bul, cat, ces, dan, deu, ell, eng, est, eus, fas, fin, fra, gle, glg, heb, hin, hrv, hun, ind, ita, jpn, kor,
	lav, lit, msa, nld, nob, pol, por, ron, rus, slk, slv, spa, swa, swe, tgl, tha, tur, ukr, urd, vie, zho,
} from 'stopword';

/**
The language of a scraped page, told from its script and its stopwords, and how much of a block is stopwords in that
language: prose is full of them ("the", "de", "の"), menus and buttons have almost none. The lists are the `stopword`
package's (function words only; stopwords-iso's English list also holds "home", "page", "section", "latest" and
"next", the very words navigation is made of). Sets are built the first time a language is needed, once a process.
*/

/** A page language: its ISO 639-3 code (as `stopword` names it), its BCP 47 tag for Intl, and how it is written. */
export type PageLanguage = {
	readonly code: string;
	readonly locale: string;
	/** Written without spaces between words (Chinese, Japanese, Thai): stopwords are counted per character. */
	readonly isUnspaced: boolean;
};

type Script = 'latin' | 'cyrillic' | 'arabic' | 'greek' | 'hebrew' | 'kana' | 'han' | 'hangul' | 'thai' | 'devanagari';

// Every list this module can use, by script, with the locale Intl knows the language by.
const languages: ReadonlyArray<{code: string; locale: string; script: Script; words: readonly string[]}> = [
	{code: 'eng', locale: 'en', script: 'latin', words: eng}, {code: 'fra', locale: 'fr', script: 'latin', words: fra},
	{code: 'deu', locale: 'de', script: 'latin', words: deu}, {code: 'spa', locale: 'es', script: 'latin', words: spa},
	{code: 'ita', locale: 'it', script: 'latin', words: ita}, {code: 'por', locale: 'pt', script: 'latin', words: por},
	{code: 'nld', locale: 'nl', script: 'latin', words: nld}, {code: 'swe', locale: 'sv', script: 'latin', words: swe},
	{code: 'dan', locale: 'da', script: 'latin', words: dan}, {code: 'nob', locale: 'nb', script: 'latin', words: nob},
	{code: 'fin', locale: 'fi', script: 'latin', words: fin}, {code: 'pol', locale: 'pl', script: 'latin', words: pol},
	{code: 'ces', locale: 'cs', script: 'latin', words: ces}, {code: 'slk', locale: 'sk', script: 'latin', words: slk},
	{code: 'slv', locale: 'sl', script: 'latin', words: slv}, {code: 'hrv', locale: 'hr', script: 'latin', words: hrv},
	{code: 'ron', locale: 'ro', script: 'latin', words: ron}, {code: 'hun', locale: 'hu', script: 'latin', words: hun},
	{code: 'tur', locale: 'tr', script: 'latin', words: tur}, {code: 'ind', locale: 'id', script: 'latin', words: ind},
	{code: 'msa', locale: 'ms', script: 'latin', words: msa}, {code: 'tgl', locale: 'fil', script: 'latin', words: tgl},
	{code: 'vie', locale: 'vi', script: 'latin', words: vie}, {code: 'cat', locale: 'ca', script: 'latin', words: cat},
	{code: 'glg', locale: 'gl', script: 'latin', words: glg}, {code: 'eus', locale: 'eu', script: 'latin', words: eus},
	{code: 'afr', locale: 'af', script: 'latin', words: afr}, {code: 'swa', locale: 'sw', script: 'latin', words: swa},
	{code: 'est', locale: 'et', script: 'latin', words: est}, {code: 'lav', locale: 'lv', script: 'latin', words: lav},
	{code: 'lit', locale: 'lt', script: 'latin', words: lit}, {code: 'gle', locale: 'ga', script: 'latin', words: gle},
	{code: 'rus', locale: 'ru', script: 'cyrillic', words: rus}, {code: 'ukr', locale: 'uk', script: 'cyrillic', words: ukr},
	{code: 'bul', locale: 'bg', script: 'cyrillic', words: bul}, {code: 'ell', locale: 'el', script: 'greek', words: ell},
	{code: 'heb', locale: 'he', script: 'hebrew', words: heb}, {code: 'ara', locale: 'ar', script: 'arabic', words: ara},
	{code: 'fas', locale: 'fa', script: 'arabic', words: fas}, {code: 'urd', locale: 'ur', script: 'arabic', words: urd},
	{code: 'hin', locale: 'hi', script: 'devanagari', words: hin}, {code: 'jpn', locale: 'ja', script: 'kana', words: jpn},
	{code: 'zho', locale: 'zh', script: 'han', words: zho}, {code: 'kor', locale: 'ko', script: 'hangul', words: kor},
	{code: 'tha', locale: 'th', script: 'thai', words: tha},
];

const unspacedScripts = new Set<Script>(['kana', 'han', 'thai']);
const sets = new Map<string, ReadonlySet<string>>();

/** The stopword set of a language, built on first use. */
function stopwordSet(code: string): ReadonlySet<string> {
	let set = sets.get(code);
	if (!set) {
		const entry = languages.find(language => language.code === code);
		set = new Set(entry?.words.map(word => word.toLowerCase()) ?? []);
		sets.set(code, set);
	}

	return set;
}

function scriptOf(code: number): Script | undefined {
	if (code < 0x2_50) {
		return (code >= 0x41 && code <= 0x5A) || (code >= 0x61 && code <= 0x7A) || code >= 0xC0 ? 'latin' : undefined;
	}

	if (code >= 0x3_70 && code <= 0x3_FF) {
		return 'greek';
	}

	if (code >= 0x4_00 && code <= 0x4_FF) {
		return 'cyrillic';
	}

	if (code >= 0x5_90 && code <= 0x5_FF) {
		return 'hebrew';
	}

	if ((code >= 0x6_00 && code <= 0x6_FF) || (code >= 0xFE_70 && code <= 0xFE_FF)) {
		return 'arabic';
	}

	if (code >= 0x9_00 && code <= 0x9_7F) {
		return 'devanagari';
	}

	if (code >= 0xE_00 && code <= 0xE_7F) {
		return 'thai';
	}

	if ((code >= 0x30_40 && code <= 0x30_FF) || (code >= 0xFF_66 && code <= 0xFF_9F)) {
		return 'kana';
	}

	if ((code >= 0x34_00 && code <= 0x9F_FF) || (code >= 0xF9_00 && code <= 0xFA_FF)) {
		return 'han';
	}

	return code >= 0xAC_00 && code <= 0xD7_AF ? 'hangul' : undefined;
}

const wordPattern = /[\p{L}\p{M}'’]+/gu;

/**
Tell the page's language from a sample of its text (the caller passes its longest lines; a few thousand characters
are enough). The script decides first; among languages sharing a script, the one whose stopwords occur most wins.
*/
export function detectLanguage(sample: string): PageLanguage {
	const text = sample.slice(0, 6000);
	const scripts = new Map<Script, number>();
	for (let index = 0; index < text.length; index++) {
		const script = scriptOf(text.charCodeAt(index));
		if (script) {
			scripts.set(script, (scripts.get(script) ?? 0) + 1);
		}
	}

	let script: Script = 'latin';
	let most = 0;
	for (const [name, count] of scripts) {
		// Japanese mixes kanji with kana: a little kana is enough to tell it from Chinese.
		const weight = name === 'kana' ? count * 4 : count;
		if (weight > most) {
			most = weight;
			script = name;
		}
	}

	const candidates = languages.filter(language => language.script === script);
	if (candidates.length === 1 || unspacedScripts.has(script)) {
		const only = candidates[0]!;
		return {code: only.code, locale: only.locale, isUnspaced: unspacedScripts.has(script)};
	}

	const words = text.toLowerCase().match(wordPattern) ?? [];
	let best = candidates[0]!;
	let bestHits = -1;
	for (const candidate of candidates) {
		const set = stopwordSet(candidate.code);
		let hits = 0;
		for (const word of words) {
			hits += set.has(word) ? 1 : 0;
		}

		// A long list matches more by chance: hits are weighed against the list's size.
		const score = hits / Math.log2(8 + set.size);
		if (score > bestHits) {
			bestHits = score;
			best = candidate;
		}
	}

	return {code: best.code, locale: best.locale, isUnspaced: false};
}

/** Words and stopwords in a block of text (its first 2,000 characters), in the page's language. */
export function countStopwords(text: string, language: PageLanguage): {words: number; stopwords: number} {
	const sample = text.length > 2000 ? text.slice(0, 2000) : text;
	const set = stopwordSet(language.code);
	if (language.isUnspaced) {
		// Particles and function characters (の, は, 的, 了) are single characters: count those among the letters.
		let letters = 0;
		let stopwords = 0;
		for (const character of sample) {
			if (/\p{L}/u.test(character)) {
				letters++;
				stopwords += set.has(character) ? 1 : 0;
			}
		}

		return {words: letters, stopwords};
	}

	const words = sample.toLowerCase().match(wordPattern) ?? [];
	let stopwords = 0;
	for (const word of words) {
		stopwords += set.has(word) ? 1 : 0;
	}

	return {words: words.length, stopwords};
}

/** Whether a word is a stopword of the page's language (for names: "Anna Berg" has none, "The Hague" has one). */
export function isStopword(word: string, language: PageLanguage): boolean {
	return stopwordSet(language.code).has(word.toLowerCase());
}
