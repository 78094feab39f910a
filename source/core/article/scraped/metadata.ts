import {agencyOf} from './byline.js';
import type {Block} from './classify.js';
import {pressAbout} from './body.js';
import type {Header} from './header.js';
import {readDateline} from './dateline.js';
import {bannerStrength, siteNameFromBanner} from './site-names.js';

/**
The article's fields from the decided blocks: source, author, date, caption, and for wire copy the place and agency
of its dateline ("SPOKANE, Wash. (AP) —"). The lead paragraph of wire copy is kept whole; its place and agency are
fields of their own (`dateline`, `agency`) rather than cut out of the text.
*/

/** Fields read from a page's blocks. */
export type RawFields = {
	source?: string;
	author?: string;
	date?: string;
	caption?: string;
	/** Where a wire story was filed, as its lead says: "Spokane, Wash.", "Paris". */
	dateline?: string;
	/** The news agency a wire lead or byline names: "AP", "Reuters", "AFP". */
	agency?: string;
};

const wireAgency = '(AP|AFP|Reuters|dpa|DPA|UPI|EFE|ANSA|Xinhua|Kyodo|PA|Bloomberg|Yonhap|CNN|Lusa|TASS|Anadolu)';
const monthWord = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\\.?';
// "SPOKANE, Wash. (AP) — ", "PARIS (AFP) - ", "LONDON, June 12 (Reuters) - ", "June 12 (Reuters) - ".
const placeWire = new RegExp(`^((?:\\p{Lu}[\\p{Lu}\\p{M}.'’ -]{1,40})(?:,\\s[\\p{L}. ]{2,30}?)?)(?:,\\s${monthWord}\\s\\d{1,2})?\\s{0,2}\\(${wireAgency}\\)\\s{0,2}[-–—]{1,2}\\s`, 'u');
const dayWire = new RegExp(`^${monthWord}\\s\\d{1,2}\\s{0,2}\\(${wireAgency}\\)\\s{0,2}[-–—]{1,2}\\s`, 'u');
// "BERLIN — " with no agency: a place in capitals and a dash.
const bareWire = /^(\p{Lu}{2}[\p{Lu}\p{M} .'’-]{1,30})\s[—–]\s/u;
// Press releases: "OSLO, Norway, June 12, 2023 /PRNewswire/ -- ".
const pressWire = /^(\p{Lu}[\p{L} .'-]{1,40}),\s(?:[\p{L} .]{2,30},\s)?(.{6,30}?)\s\/(PRNewswire|Business Wire|GLOBE NEWSWIRE|PR Newswire|EINPresswire)\/\s[-–—]{1,2}\s/u;

/** "SPOKANE, Wash." -> "Spokane, Wash.": the place as a name, not shouted. */
function placeName(place: string): string {
	return place.trim().replace(/\p{Lu}{2,}/gu, word => word[0] + word.slice(1).toLowerCase());
}

/** The place, agency and (press releases) date of a wire lead; undefined when the paragraph is no wire lead. */
export function readWireLead(text: string): {place?: string; agency: string | undefined; date?: string} | undefined {
	const head = text.slice(0, 160);
	let match = placeWire.exec(head);
	if (match) {
		return {place: placeName(match[1]!), agency: match[2]!};
	}

	match = dayWire.exec(head);
	if (match) {
		return {agency: match[1]!};
	}

	match = pressWire.exec(head);
	if (match) {
		return {place: placeName(match[1]!), agency: match[3]!, date: readDateline(match[2]!)?.date};
	}

	match = bareWire.exec(head);
	return match ? {place: placeName(match[1]!), agency: undefined} : undefined;
}

const copyrightHolder = /^(?:©|\(c\)|copyright)\s?©?\s?(?:\d{4}(?:\s?[-–]\s?\d{4})?\s)?(?:the\s)?([\p{L}][\p{L}\d&'. -]{1,50}?)(?:\s\d{4})?(?:[.,]|\sall rights|\s?$)/iu;

/** The site's name from a copyright line: "© 2024 Nordic Times. All rights reserved." -> "Nordic Times". */
function sourceFromCopyright(text: string): string | undefined {
	const match = copyrightHolder.exec(text.slice(0, 120));
	const name = match?.[1]?.trim();
	return name && !/^(?:all rights|copyright)/i.test(name) ? name : undefined;
}

/** The fields of a page whose blocks are decided. */
export function collectFields(blocks: readonly Block[], header: Header, locale: string): RawFields {
	const fields: RawFields = {};
	let updated: string | undefined;
	let affiliation: string | undefined;
	let credited: string | undefined;
	for (let index = 0; index < blocks.length; index++) {
		const block = blocks[index]!;
		const {label} = block;
		const isHead = index < header.headEnd;
		if (label?.type === 'byline' && (isHead || block.kind === 'byline')) {
			fields.author ??= label.byline.name;
			fields.agency ??= label.byline.agency;
			fields.dateline ??= label.byline.place;
			affiliation ??= label.byline.rest.split(',')[0]!.trim() || undefined;
		}

		const dateline = label?.type === 'dateline' ? label.dateline : (label?.type === 'byline' ? label.dateline : undefined);
		if (dateline?.date && (isHead || block.kind === 'trailing')) {
			if (dateline.label === 'updated') {
				updated ??= dateline.date;
			} else if (isHead || !fields.date) {
				fields.date ??= dateline.date;
			}
		}

		if (label?.type === 'credit' && label.name) {
			credited ??= label.name;
		}

		if (label?.type === 'image' && label.image.kind === 'caption' && block.kind === 'caption') {
			fields.caption ??= label.image.text;
		}

		if (label?.type === 'furniture' && label.kind === 'copyright' && header.banner === -1) {
			fields.source ??= sourceFromCopyright(block.text);
		}

		if (label?.type === 'source' && header.banner === -1) {
			fields.source ??= label.name;
		}

		const about = block.kind === 'trailing' && header.banner === -1 ? pressAbout.exec(block.text) : undefined;
		if (about && blocks[index + 1]?.isProse) {
			fields.source ??= about[1]!;
		}
	}

	// The first paragraphs: a wire lead names its place and agency.
	for (let index = header.bodyStart, seen = 0; index < blocks.length && seen < 3; index++) {
		if (blocks[index]!.kind === 'paragraph' || blocks[index]!.kind === 'lead') {
			seen++;
			const wire = readWireLead(blocks[index]!.text);
			if (wire) {
				blocks[index]!.reason = `wire lead, kept: ${[wire.place, wire.agency].filter(Boolean).join(', ')}`;
				fields.dateline ??= wire.place;
				fields.agency ??= wire.agency;
				fields.date ??= wire.date;
				break;
			}
		}
	}

	fields.author ??= credited;
	fields.date ??= updated;
	if (header.banner !== -1) {
		fields.source = siteNameFromBanner(blocks[header.banner]!.text, header.title === -1 ? undefined : blocks[header.title]!.text);
	} else if (!fields.source && affiliation && bannerStrength(affiliation) !== 'none' && !agencyOf(affiliation)) {
		fields.source = affiliation;
	}

	fields.source ??= fields.agency;
	return fields;
}
