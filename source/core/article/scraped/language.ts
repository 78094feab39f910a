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

const scriptNames = ['latin', 'cyrillic', 'arabic', 'greek', 'hebrew', 'kana', 'han', 'hangul', 'thai', 'devanagari'] as const;
type Script = typeof scriptNames[number];

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

// Word units below U+0800 (Latin, Greek, Cyrillic, Hebrew, Arabic) as a table: the scan below looks each one up.
const wordUnits = new Uint8Array(0x8_00);
for (let code = 0; code < wordUnits.length; code++) {
	wordUnits[code] = code < 0x80
		? ((code >= 0x61 && code <= 0x7A) || (code >= 0x41 && code <= 0x5A) || code === 0x27 ? 1 : 0)
		: (code >= 0xC0 && code !== 0xD7 && code !== 0xF7 && code !== 0x06_0C && code !== 0x06_1F ? 1 : 0);
}

/** Whether a UTF-16 unit is part of a word: a letter, a mark or an apostrophe (not spaces, digits, punctuation). */
function isWordUnit(code: number): boolean {
	if (code < 0x8_00) {
		return wordUnits[code] === 1;
	}

	return code >= 0xC0 && code !== 0xD7 && code !== 0xF7 && !(code >= 0x20_00 && code <= 0x20_6F && code !== 0x20_19) && code !== 0x30_00
		&& !(code >= 0x30_01 && code <= 0x30_03) && !(code >= 0xFF_01 && code <= 0xFF_0F) && code !== 0x06_0C && code !== 0x06_1F;
}

/** Call `visit` with each lower-case word of `text`; a hand-written scan, as this runs over every block of every page. */
function forEachWord(text: string, visit: (word: string) => void): void {
	const lower = text.toLowerCase();
	let start = -1;
	for (let index = 0; index <= lower.length; index++) {
		const isWord = index < lower.length && isWordUnit(lower.charCodeAt(index));
		if (isWord && start === -1) {
			start = index;
		} else if (!isWord && start !== -1) {
			// No stopword is longer than 14 letters: longer words are counted without being cut out of the text.
			visit(index - start > 14 ? '' : lower.slice(start, index).replaceAll('’', '\''));
			start = -1;
		}
	}
}

// For telling languages apart in one pass: every stopword of a script's languages, with the languages it belongs to.
const byWord = new Map<Script, Map<string, number[]>>();

function wordsOfScript(script: Script): Map<string, number[]> {
	let map = byWord.get(script);
	if (!map) {
		map = new Map();
		for (const [index, language] of languages.entries()) {
			if (language.script === script) {
				for (const word of stopwordSet(language.code)) {
					const owners = map.get(word);
					if (owners) {
						owners.push(index);
					} else {
						map.set(word, [index]);
					}
				}
			}
		}

		byWord.set(script, map);
	}

	return map;
}

/**
Tell the page's language from a sample of its text (the caller passes its longer lines; 1,000 characters are
enough). The script decides first; among languages sharing a script, the one whose stopwords occur most wins.
*/
export function detectLanguage(sample: string): PageLanguage {
	const text = sample.slice(0, 1000);
	const counts = new Uint32Array(scriptNames.length);
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		// ASCII letters are the common case: counted without the range checks.
		if (code < 0x80) {
			counts[0]! += (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7A ? 1 : 0;
		} else {
			const script = scriptOf(code);
			if (script) {
				counts[scriptNames.indexOf(script)]!++;
			}
		}
	}

	let script: Script = 'latin';
	let most = 0;
	for (const [index, name] of scriptNames.entries()) {
		// Japanese mixes kanji with kana: a little kana is enough to tell it from Chinese.
		const weight = name === 'kana' ? counts[index]! * 4 : counts[index]!;
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

	const owners = wordsOfScript(script);
	const hits = new Uint32Array(languages.length);
	forEachWord(text.slice(0, 600), word => {
		const languagesOfWord = owners.get(word);
		if (languagesOfWord) {
			for (const index of languagesOfWord) {
				hits[index]!++;
			}
		}
	});
	let best = candidates[0]!;
	let bestScore = -1;
	for (const [index, count] of hits.entries()) {
		const language = languages[index]!;
		if (count === 0) {
			continue;
		}

		// A long list matches more by chance: hits are weighed against the list's size.
		const score = count / Math.log2(8 + stopwordSet(language.code).size);
		if (score > bestScore) {
			bestScore = score;
			best = language;
		}
	}

	return {code: best.code, locale: best.locale, isUnspaced: false};
}

/** Words and stopwords in a block of text (its first 300 characters: enough to judge), in the page's language. */
export function countStopwords(text: string, language: PageLanguage): {words: number; stopwords: number} {
	const sample = text.length > 300 ? text.slice(0, 300) : text;
	const set = stopwordSet(language.code);
	let words = 0;
	let stopwords = 0;
	if (language.isUnspaced) {
		// Particles and function characters (の, は, 的, 了) are single characters: count those among the letters.
		for (const character of sample) {
			if (scriptOf(character.charCodeAt(0)) !== undefined) {
				words++;
				stopwords += set.has(character) ? 1 : 0;
			}
		}

		return {words, stopwords};
	}

	// The scan of forEachWord, inlined: this runs over every paragraph of every page the store indexes.
	const lower = sample.toLowerCase();
	let start = -1;
	let hasCurlyApostrophe = false;
	for (let index = 0; index <= lower.length; index++) {
		const code = index < lower.length ? lower.charCodeAt(index) : 32;
		if (isWordUnit(code)) {
			start = start === -1 ? index : start;
			hasCurlyApostrophe ||= code === 0x20_19;
		} else if (start !== -1) {
			words++;
			if (index - start <= 14) {
				const word = lower.slice(start, index);
				stopwords += set.has(hasCurlyApostrophe ? word.replaceAll('’', '\'') : word) ? 1 : 0;
			}

			start = -1;
			hasCurlyApostrophe = false;
		}
	}

	return {words, stopwords};
}

/** Whether a word is a stopword of the page's language (for names: "Anna Berg" has none, "The Hague" has one). */
export function isStopword(word: string, language: PageLanguage): boolean {
	return stopwordSet(language.code).has(word.toLowerCase());
}
