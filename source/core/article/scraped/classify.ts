import {agencyOf, readCredit, readLabelledByline, readPlaceByline, readRoleByline, isPersonName, type Byline} from './byline.js';
import {isCaptionLabel, readImageLine, type ImageLine} from './caption.js';
import {readDateline, type Dateline} from './dateline.js';
import {boxButtons, boxWords, lookUpFurniture, mayBeBox, normalizePhrase, sectionWords, tickerStart, type FurnitureKind} from './furniture-words.js';
import {countStopwords, type PageLanguage} from './language.js';
import type {Unit} from './units.js';

/**
The first pass of the cleaner: what each unit looks like on its own. Recognisers for the things that have a shape
(datelines, bylines, captions, furniture phrases, cookie notices, live timestamps), and the features jusText and
trafilatura judge text blocks by: length, sentence punctuation and the share of stopwords in the page's language.
Position and neighbours are judged later (header.ts, body.ts).
*/

/** What a recogniser found in a unit, with what it read. */
export type Label =
	| {readonly type: 'furniture'; readonly kind: FurnitureKind; readonly isEnd: boolean; readonly phrase: string}
	| {readonly type: 'dateline'; readonly dateline: Dateline}
	| {readonly type: 'byline'; readonly byline: Byline; readonly dateline?: Dateline}
	| {readonly type: 'credit'; readonly name?: string}
	| {readonly type: 'image'; readonly image: ImageLine; readonly isLabelled: boolean}
	| {readonly type: 'timestamp'}
	| {readonly type: 'cookie'}
	| {readonly type: 'ticker'}
	| {readonly type: 'source'; readonly name: string};

/** Every kind of decision the cleaner makes about a block, as `--explain` prints them. */
export type BlockKind = 'banner' | 'nav' | 'account' | 'search' | 'cookie' | 'ticker' | 'section' | 'title'
	| 'title-repeat' | 'lead' | 'byline' | 'dateline' | 'caption' | 'credit' | 'gallery' | 'furniture' | 'related'
	| 'pull-quote' | 'bio' | 'trailing' | 'heading' | 'timestamp' | 'paragraph' | 'list-item';

/** A unit with its features and, once decided, what it is and why. */
export type Block = {
	readonly unit: Unit;
	readonly text: string;
	readonly words: number;
	/** Share of the words (or, in Chinese and Japanese, characters) that are stopwords. */
	readonly stopwordShare: number;
	readonly endsSentence: boolean;
	label?: Label;
	/** Reads as running text: a sentence, long enough, with the stopwords of the page's language. */
	isProse: boolean;
	kind?: BlockKind;
	reason?: string;
};

const sentenceEnd = /[.!?。！？؟…]["”»’'）)]?$/;
const clockOnly = /^(?:\d{1,2}[:.h]\d{2}\s?(?:a\.?m\.?|p\.?m\.?)?|\d{1,2}(?:am|pm))(?:\s(?:GMT|BST|UTC|CET|CEST|ET|EDT|EST|PT|PDT|JST|AEST))?$/i;
const bylineSeparator = /\s[|·•]\s|\s[—–]\s/;

function countWords(text: string, language: PageLanguage): number {
	if (language.isUnspaced) {
		return Math.ceil(text.length / 2);
	}

	let words = text === '' ? 0 : 1;
	for (let index = text.indexOf(' '); index !== -1 && index < 4000; index = text.indexOf(' ', index + 1)) {
		words++;
	}

	return words;
}

/** Whether a line is a menu: section names in a row ("Home News Sport World"), or short items between separators. */
export function isNavLine(text: string): boolean {
	if (text.length > 300 || sentenceEnd.test(text)) {
		return false;
	}

	const segments = text.split(/\s[|•·/›»]\s|\s{2,}|\t/);
	if (segments.length >= 3 && segments.every(segment => segment.split(' ').length <= 3)) {
		return true;
	}

	const tokens = text.toLowerCase().split(/[\s|•·/›»]+/).filter(Boolean);
	if (tokens.length < 3) {
		return false;
	}

	let known = 0;
	for (const token of tokens) {
		known += sectionWords.has(token.replace(/[,.:]$/, '')) ? 1 : 0;
	}

	return known >= tokens.length * 0.6;
}

/** Bylines and datelines alone or on one line ("By Jane Doe | June 5, 2023", "Anna Berg · Tue 9 Jan 2024"). */
function readBylineLine(text: string, locale: string): Label | undefined {
	if (text.length > 200) {
		return undefined;
	}

	const labelled = readLabelledByline(text) ?? readRoleByline(text);
	if (labelled && labelled.rest === '') {
		return {type: 'byline', byline: labelled};
	}

	// "Posted on June 5, 2023 by Jane Doe": the date first, then the byline.
	const by = /\s(by|par|von|por)\s/i.exec(text);
	let parts = by && readDateline(text.slice(0, by.index), locale)?.date ? [text.slice(0, by.index), text.slice(by.index + 1)] : text.split(bylineSeparator);
	if (parts.length === 1 && text.length <= 120 && /\d/.test(text)) {
		// "05/06/2023 10h30 Atualizado há 2 horas": a dateline and an update note, with no separator between them.
		const update = findUpdateLabel(text);
		parts = update > 0 ? [text.slice(0, update), text.slice(update)] : parts;
	}

	if (parts.length === 1) {
		// One part: a labelled byline with a date after its name, or an agency and its place ("AFP in Paris"). The line
		// alone was already tried as a dateline.
		if (labelled) {
			const date = readDateline(labelled.rest, locale);
			return {type: 'byline', byline: labelled, ...(date?.date ? {dateline: date} : {})};
		}

		const placed = agencyOf(text.split(' in ')[0]!) ? readPlaceByline(text) : undefined;
		return placed ? {type: 'byline', byline: placed} : undefined;
	}

	let byline: Byline | undefined;
	let dateline: Dateline | undefined;
	for (const part of parts) {
		const date = readDateline(part, locale);
		if (date) {
			// "Published: … | Updated: …": the published date wins whichever comes first.
			if (!dateline || (dateline.label === 'updated' && date.label !== 'updated' && date.date)) {
				dateline = date;
			}

			continue;
		}

		// "Name in Place" alone could be a headline ("Floods in Kent"): only an agency or a date beside it says byline.
		const placed = parts.length > 1 || agencyOf(part.split(' ')[0]!) ? readPlaceByline(part) : undefined;
		const name = readLabelledByline(part) ?? (placed && (placed.agency || parts.length > 1) ? placed : undefined);
		if (name && !byline) {
			byline = name;
		} else if (part.length > 40 || sentenceEnd.test(part)) {
			return undefined;
		}
	}

	// A bare name beside a date is a byline too: "Anna Berg · 9 January 2024".
	if (!byline && dateline && parts.length === 2) {
		const other = parts.find(part => !readDateline(part, locale));
		if (other && isPersonName(other)) {
			byline = {name: other, rest: ''};
		}
	}

	if (byline) {
		return {type: 'byline', byline, ...(dateline ? {dateline} : {})};
	}

	return dateline && parts.length > 1 ? {type: 'dateline', dateline} : undefined;
}

/** Where an "Updated" label starts inside a line (after a space), or -1. */
function findUpdateLabel(text: string): number {
	const match = /\s(?=(?:updated|last updated|atualizado|actualizado|aggiornato|ultimo aggiornamento|mis à jour|aktualisiert|bijgewerkt|수정|更新)\b)/iu.exec(text.slice(0, 120));
	return match ? match.index + 1 : -1;
}

/** The label a unit's shape gives it, or undefined. Long units are only checked for cookie, newsletter and paywall boxes. */
function recognise(text: string, words: number, language: PageLanguage): Label | undefined {
	if (text.length <= 240) {
		const furniture = lookUpFurniture(text);
		if (furniture) {
			return {type: 'furniture', ...furniture};
		}

		if (tickerStart.test(text) && words <= 30) {
			return {type: 'ticker'};
		}

		if (clockOnly.test(text)) {
			return {type: 'timestamp'};
		}

		const dateline = readDateline(text, language.locale);
		if (dateline) {
			return {type: 'dateline', dateline};
		}

		const byline = readBylineLine(text, language.locale);
		if (byline) {
			return byline;
		}

		const credit = readCredit(text);
		if (credit) {
			return {type: 'credit', ...credit};
		}

		// "Source: Al Qamar and news agencies", "来源：钱塘晚报": the publication the story comes from.
		const source = /^(?:source|quelle|fuente|fonte|来源|來源|出典|المصدر)\s?[:：]\s?([\p{L}][\p{L}\p{N} .&'-]{1,60}?)(?:\s(?:and|with|et|und|y)\s(?:news )?agencies)?\.?$/iu.exec(text);
		if (source) {
			return {type: 'source', name: source[1]!};
		}
	}

	const image = readImageLine(text);
	if (image) {
		return {type: 'image', image, isLabelled: image.kind !== 'caption' || image.text !== text};
	}

	return words <= 80 ? recogniseBox(text, words) : undefined;
}

/** Cookie notices, newsletter boxes and paywalls: their words, and buttons or brevity around them. */
function recogniseBox(text: string, words: number): Label | undefined {
	if (!mayBeBox.test(text)) {
		return undefined;
	}

	for (const [kind, pattern] of boxWords) {
		if (!pattern.test(text)) {
			continue;
		}

		if (kind === 'cookie' && (words <= 12 || boxButtons.test(text))) {
			return {type: 'cookie'};
		}

		if (kind === 'newsletter' && (words <= 14 || /\b(?:inbox|newsletters?)\b/i.test(text) || countNewsletterWords(text) >= 3)) {
			return {type: 'furniture', kind, isEnd: false, phrase: normalizePhrase(text).slice(0, 40)};
		}

		if (kind === 'paywall') {
			return {type: 'furniture', kind, isEnd: true, phrase: normalizePhrase(text).slice(0, 40)};
		}
	}

	return undefined;
}

/** How many words of a subscription prompt a line holds ("Subscribe for free to receive new posts and support my work"). */
function countNewsletterWords(text: string): number {
	return text.match(/\b(?:subscribe|subscribers?|subscription|free|posts?|support|email|sign up|receive|thanks for reading|paid)\b/gi)?.length ?? 0;
}

/** Whether a block reads as prose: a finished sentence, long enough, and (where the language has a list) with stopwords. */
function readsAsProse(block: Block, language: PageLanguage, threshold: number): boolean {
	if (block.label) {
		return false;
	}

	const isLong = language.isUnspaced ? block.text.length >= 20 : block.words >= 8;
	if (!isLong || block.stopwordShare < threshold) {
		return false;
	}

	if (block.text.length >= 200) {
		return true;
	}

	// A one-sentence question or exclamation is a headline more often than a paragraph.
	return block.endsSentence && (!/[?!？！]["”»’')]?$/.test(block.text) || block.words >= 25 || /[.!?]\s.+[.!?]/.test(block.text));
}

/** Features and labels for every unit, and which ones read as prose. */
export function classifyUnits(units: readonly Unit[], language: PageLanguage): Block[] {
	const blocks: Block[] = [];
	const shares: number[] = [];
	for (const unit of units) {
		const {text} = unit;
		const words = countWords(text, language);
		// Only blocks long enough to be prose need the share (it is what costs most here): shorter ones count as none.
		const counts = words >= 4 || (language.isUnspaced && text.length >= 12) ? countStopwords(text, language) : {words: 0, stopwords: 0};
		const block: Block = {
			unit, text, words, stopwordShare: counts.words === 0 ? 0 : counts.stopwords / counts.words,
			endsSentence: sentenceEnd.test(text), isProse: false,
		};
		const previous = blocks.at(-1);
		// "Image caption," on a line of its own: the caption is the next line.
		block.label = previous?.label?.type === 'furniture' && isCaptionLabel(previous.text) && text.length > 4
			? {type: 'image', image: {kind: 'caption', text}, isLabelled: true}
			: recognise(text, words, language);
		if (words >= 15 && block.endsSentence && !block.label) {
			shares.push(block.stopwordShare);
		}

		blocks.push(block);
	}

	// The page's own prose sets the bar: under half the median stopword share of its long sentences is not prose.
	// Where the list catches less than a fifth of those sentences' words (no list, or a language that glues its
	// particles to words, like Korean, or writes them apart from the list's forms), it says too little to judge by,
	// and blocks are judged on punctuation and length alone.
	shares.sort((a, b) => a - b);
	const median = shares.length === 0 ? 0 : shares[Math.floor(shares.length / 2)]!;
	const threshold = median < 0.2 ? 0 : median * 0.45;
	for (const block of blocks) {
		block.isProse = readsAsProse(block, language, threshold);
	}

	return blocks;
}

/** Whether a line is a short menu or button item: a few words, no sentence, no digits of a date. */
export function isShortItem(block: Block): boolean {
	return block.words <= 3 && block.text.length <= 32 && !block.endsSentence && !block.unit.bullet;
}

/** Whether a short block is a menu item or kicker: every word a section name ("News", "US news", "Live TV"). */
export function isSectionItem(block: Block): boolean {
	if (!isShortItem(block)) {
		return false;
	}

	const words = block.text.toLowerCase().split(/[\s|/&]+/).filter(Boolean);
	return words.length > 0 && words.every(word => sectionWords.has(word) || sectionWords.has(word.replace(/[.,:]$/, '')));
}
