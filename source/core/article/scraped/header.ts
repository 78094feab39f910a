import {parseDateline} from './dateline.js';
import {bannerStrength, siteNameFromBanner} from './site-names.js';

/**
The top of a scraped page: banner, headline (often twice), byline, dateline and photo caption, in whatever order the
site prints them. Each recogniser is strict, and the scan stops at the first line none of them claims, so anything
unexpected stays body text.
*/

export type RawHeader = {
	/** Index (into the given lines) of the first line after the header. */
	end: number;
	title?: string;
	source?: string;
	author?: string;
	date?: string;
	caption?: string;
};

const sentenceEnd = /[.!?;,:。！？؟،؛]$/;
const bylineStart = /^(?:by|written by|words by|story by|reported by|بقلم)[\s:]{1,4}/i;
const nameConnector = /^(?:and|&|al|el|bin|ibn|bint|abu|de|del|della|di|da|du|des|van|von|der|den|la|le|y|e|ben|st\.?)$/i;
const notNames = /^(?:the|this|that|a|an|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|then|now|early|late|last|next)$/i;
const knownAgency = /^(?:AFP|AP|EPA|SPA|WAM|DPA|UPI|ANSA|KUNA|IRNA|QNA|MENA|PTI|IANS|TASS|AAP|NHK|Reuters|Getty|Xinhua|Kyodo|Jiji|Yonhap|Anadolu|Bloomberg|Shutterstock|Alamy|AP Photo|File|Handout)\b/i;
// Arabic sites credit agencies in Arabic: AFP, Reuters, AP, SPA, WAM, dpa.
const arabicAgency = /^(?:أ\.?\s?ف\.?\s?ب|رويترز|أ\.?\s?ب|واس|وام|د\.?\s?ب\.?\s?أ|الأناضول)\.?$/;
const photoWord = /\b(?:photo|photograph|image|images|picture|credit|via)\b/i;
const trailingAgency = /\s[-–—]\s?(?:AFP|AP|EPA|SPA|WAM|DPA|UPI|Reuters|Getty Images|Xinhua|Kyodo|Anadolu|Bloomberg)$/;
const photoCredit = /(?:^|[\s.])(?:photo|photograph|picture|image|credit)s?(?:\s?credit)?\s{0,2}[:/]\s{0,2}[\p{Lu}\d][^.!?]{0,60}$/iu;
// Header lines that carry nothing worth keeping: reading time, relative times, share buttons, image credits.
const headerFurniture = /^(?:\d{1,3}\s?(?:min(?:ute)?s?)\.?(?:\s(?:read|reading))?|\d{1,2}\s(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\sago|listen to this article|share|share this|print|comments?|image source\s?[,:].{0,80})$/i;
const captionPrefix = /^(?:image caption|photo caption|caption)\s?[,:]\s/i;

/** Text compared for "the same headline": case, quotes, punctuation and spacing ignored. */
export function comparable(text: string): string {
	return text.toLowerCase().replace(/[\s'"‘’“”«»`.,:;!?()[\]-]+/g, ' ').trim();
}

/** A line short and calm enough to be a headline: not a sentence ending in a full stop or comma, at most 30 words. */
export function isHeadlineLike(line: string): boolean {
	if (line.length < 2 || line.length > 250 || sentenceEnd.test(line) || !/\p{L}/u.test(line)) {
		return false;
	}

	let spaces = 0;
	for (let index = line.indexOf(' '); index !== -1; index = line.indexOf(' ', index + 1)) {
		spaces++;
	}

	return spaces < 30;
}

/** The author's name from a byline ("By NAME", "By NAME, role", "By NAME and NAME"), with whatever followed the name. */
export function parseByline(line: string): {name: string; rest: string} | undefined {
	const start = bylineStart.exec(line);
	if (!start || line.length > 160) {
		return undefined;
	}

	const text = line.slice(start[0].length);
	const cut = /,|\s[-–—|·•/]\s|\s(?:in|for|at)\s/.exec(text);
	const name = (cut ? text.slice(0, cut.index) : text).trim();
	const rest = cut ? text.slice(cut.index + cut[0].length).trim() : '';
	const words = name.split(' ');
	if (name.length < 2 || name.length > 80 || words.length > 10 || notNames.test(words[0] ?? '') || /[.!?]\s/.test(rest)) {
		return undefined;
	}

	for (const word of words) {
		const isName = /^[\p{Lu}\p{Lo}]/u.test(word) || nameConnector.test(word) || /^(?:al|el)-/i.test(word);
		// A full stop is only part of a name in an initial or a title ("J.", "Jr.", "Dr.").
		if (!isName || (word.endsWith('.') && word.length > 4)) {
			return undefined;
		}
	}

	return {name, rest};
}

/** A photo caption that ends with its agency credit: "... (AFP)", "(Getty Images)", "Photo: Reuters", "- AFP". */
export function isCaption(line: string): boolean {
	if (line.length < 12 || line.length > 600 || !line.includes(' ')) {
		return false;
	}

	if (captionPrefix.test(line)) {
		return true;
	}

	const parenthesis = /\(([^()]{2,60})\)\s?$/.exec(line);
	if (parenthesis) {
		const credit = parenthesis[1]!.trim();
		return knownAgency.test(credit) || arabicAgency.test(credit) || photoWord.test(credit) || /^[A-Z]{2,6}(?:\s?[/|]\s?[\p{L} .'-]{1,40})?$/u.test(credit);
	}

	return trailingAgency.test(line) || photoCredit.test(line);
}

function isFurniture(line: string): boolean {
	return line.length <= 160 && !sentenceEnd.test(line) && !parseDateline(line) && !parseByline(line) && !isCaption(line);
}

/** Whether two lines say the same thing; lines of clearly different lengths are not even compared. */
export function isSameLine(left: string, right: string): boolean {
	return Math.abs(left.length - right.length) <= (Math.min(left.length, right.length) / 4) + 4 && comparable(left) === comparable(right);
}

function appearsWithin(lines: readonly string[], index: number, span: number): boolean {
	for (let other = index + 1; other <= index + span && other < lines.length; other++) {
		if (isSameLine(lines[other]!, lines[index]!)) {
			return true;
		}
	}

	return false;
}

/** Whether line 0 is a site banner: it reads like one and the next line is the headline, not a byline or dateline. */
function isBannerFirst(lines: readonly string[]): boolean {
	const [first, next, after] = lines;
	const strength = first === undefined ? 'none' : bannerStrength(first);
	if (strength === 'none' || next === undefined || !isFurniture(first!) || !isHeadlineLike(next)) {
		return false;
	}

	if (parseDateline(next) || parseByline(next) || isCaption(next)) {
		return false;
	}

	if (strength === 'strong') {
		return true;
	}

	return after !== undefined && (Boolean(parseDateline(after)) || Boolean(parseByline(after)) || isCaption(after)
		|| isSameLine(after, next));
}

type Found = {author?: string; date?: string};

/** Bylines and datelines, alone or combined on one line ("By Jane Doe | June 5, 2023"); undefined if the line is neither. */
function readByDateLine(line: string): Found | undefined {
	const parts = line.split(/\s[|·•]\s/);
	const found: Found = {};
	let unknown = 0;
	for (const part of parts) {
		const date = parseDateline(part);
		const byline = date ? undefined : parseByline(part);
		if (date) {
			found.date ??= date;
		} else if (byline) {
			found.author ??= byline.name;
			const restDate = byline.rest ? parseDateline(byline.rest) : undefined;
			if (restDate) {
				found.date ??= restDate;
			}
		} else if (part.length <= 40 && !sentenceEnd.test(part)) {
			unknown++;
		} else {
			return undefined;
		}
	}

	return unknown < parts.length ? found : undefined;
}

/**
Read the header of a scraped page from its non-blank lines (`lines` holds only those, in order). Looks at no more than
the first 14 lines, so its cost does not depend on the article's length.
*/
export function readRawHeader(lines: readonly string[]): RawHeader {
	const top = lines.slice(0, 14);
	const header: RawHeader = {end: 0};
	let start = 0;
	for (let index = 0; index < 4 && index < top.length; index++) {
		if (!isHeadlineLike(top[index]!) || !appearsWithin(top, index, 4)) {
			continue;
		}

		// A headline the page repeats: whatever short lines stand above it are banner and section labels.
		if (top.slice(0, index).every(line => isFurniture(line))) {
			const banner = top.slice(0, index).find(line => bannerStrength(line) !== 'none');
			if (banner) {
				header.source = siteNameFromBanner(banner);
			}

			start = index;
		}

		break;
	}

	if (start === 0 && !appearsWithin(top, 0, 4) && isBannerFirst(top)) {
		header.source = siteNameFromBanner(top[0]!);
		start = 1;
	}

	let index = start;
	for (; index < top.length; index++) {
		const line = top[index]!;
		if (header.title !== undefined && isSameLine(line, header.title)) {
			continue;
		}

		const found = readByDateLine(line);
		if (found) {
			header.author ??= found.author;
			header.date ??= found.date;
			continue;
		}

		if (line.length <= 100 && headerFurniture.test(line)) {
			continue;
		}

		if (header.caption === undefined && isCaption(line)) {
			header.caption = line;
			continue;
		}

		if (header.title === undefined && isHeadlineLike(line)) {
			header.title = line;
			continue;
		}

		break;
	}

	header.end = index;
	return header;
}
