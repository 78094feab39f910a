/**
Bylines: who wrote the story. The author is the person, never the label or the desk: "By Anna Berg, Nordic Times",
"BY ANNA BERG", "Anna Berg in Stockholm", "Par Jeanne Dupont", "Von Max Huber", "كتب: سلمى العتيبي", "記者：山田太郎".
Agency lines name no person ("AFP in Paris"); wire credits at the end name the reporter ("Reporting by Anna Berg;
Editing by Tom Hogue"). Lines are short (at most 200 characters), and every pattern is anchored.
*/

/** What a byline says: the author, and the agency or place when it names them. */
export type Byline = {
	readonly name?: string;
	readonly agency?: string;
	readonly place?: string;
	/** What followed the name: a role, a publication, a date. */
	readonly rest: string;
};

// Labels before the name, lower case, in the languages of the fixtures and their neighbours.
const labelPattern = /^(?:(?:(?:written|words|story|reported|text|posted|article|analysis|interview|compiled)\s+by|by|par|von|por|di|door|av|af)(?:\s{1,3}|\s?:\s{0,3})|(?:autor(?:a|in)?|auteur|texto|text|testo)\s?:\s{0,3}|(?:بقلم|كتبت|كتب|إعداد)\s?:?\s{0,3}|(?:作者|文|記者|记者|撰文|執筆)\s?[:：/／・]?\s{0,3})/iu;
const agencyNames = /^(?:the associated press|associated press|ap|afp|agence france-presse|reuters|thomson reuters|bloomberg|bloomberg news|dpa|efe|agencia efe|ansa|kyodo|kyodo news|jiji|jiji press|xinhua|yonhap|pa|pa media|press association|upi|anadolu|anadolu agency|tass|apa|sda|kna|epd|europa press|lusa|aap|the canadian press|canadian press|pti|ians|ani|wam|spa|kuna|qna|mena|irna|cna|新华社|共同通信|時事通信|staff and agencies|agencies|wire services|news agencies|وكالات|رويترز|أ ف ب|وكالة الصحافة الفرنسية)$/i;
const nameConnector = /^(?:and|&|al|el|bin|ibn|bint|abu|de|del|della|di|da|du|des|van|von|der|den|la|le|y|e|et|und|ben|st\.?|ter|zu|dos|das)$/i;
const notNames = /^(?:the|this|that|these|those|a|an|its|his|her|their|our|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|then|now|early|late|last|next|le|la|les|der|die|das|el|los|las|il|un|une|ein|eine)$/i;
const cutPattern = /,|،|\s[-–—|·•/]\s|\s(?:in|for|at|à|en|aus|für|em|na|of)\s|;|\(/i;
const contributed = /\b(?:contributed (?:to )?(?:this|the) (?:report|story|article)|contributed reporting|contributed to this report|ont contribué à cet article|hat zu diesem bericht beigetragen)\.?\)?$/i;
const reportingBy = /^\(?(?:additional )?reporting by\s/i;

/** Whether a name is all capitals ("ANNA BERG"), which pages print in bylines and the author field should not. */
function isShouting(text: string): boolean {
	return /\p{Lu}{2}/u.test(text) && !/\p{Ll}/u.test(text);
}

/** "ANNA BERG" -> "Anna Berg", "NICHOLAS K. GERANIOS" -> "Nicholas K. Geranios"; other names unchanged. */
function unshout(name: string): string {
	if (!isShouting(name)) {
		return name;
	}

	return name.toLowerCase().replace(/(^|[\s'-])(\p{Ll})/gu, (_whole, before: string, letter: string) => `${before}${letter.toUpperCase()}`)
		.replace(/\b(And|Al|El|De|Van|Von|Der|Bin|Ibn)\b(?=\s)/g, word => (word === 'And' ? 'and' : word));
}

/** Whether words read as a person's name (or two, joined by "and"): capitalised words, connectors, no sentence. */
export function isPersonName(text: string): boolean {
	const name = text.trim();
	if (name.length < 2 || name.length > 80) {
		return false;
	}

	// Chinese and Japanese names: two to five characters, with an optional middle dot.
	if (/^[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}・·]{2,8}$/u.test(name)) {
		return true;
	}

	const words = name.split(/\s+/);
	if (words.length > 10 || notNames.test(words[0]!) || agencyNames.test(name)) {
		return false;
	}

	let capitalised = 0;
	for (const word of words) {
		if (nameConnector.test(word) || /^(?:al|el)-/i.test(word)) {
			continue;
		}

		// A full stop is only part of a name in an initial or a title ("J.", "Jr.", "Dr.").
		if (!/^[\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]*$/u.test(word) || (word.endsWith('.') && word.length > 4)) {
			return false;
		}

		capitalised++;
	}

	return capitalised >= 1 && (capitalised >= 2 || /^\p{Lo}/u.test(name) || words.length === 1);
}

/** The name at the start of `text` and what follows it: "Anna Berg, Nordic Times" -> Anna Berg + Nordic Times. */
function splitName(text: string): {name: string; rest: string} {
	const cut = cutPattern.exec(text);
	let name = (cut ? text.slice(0, cut.index) : text).trim();
	let rest = cut ? text.slice(cut.index + cut[0].length).trim() : '';
	// "NICHOLAS K. GERANIOS Associated Press": the shouted name ends where the capitals do.
	const words = name.split(' ');
	const shouted = words.findIndex(word => !isShouting(word) && !/^\p{Lu}\.$/u.test(word));
	if (shouted > 0 && isShouting(words.slice(0, shouted).join(' '))) {
		rest = [words.slice(shouted).join(' '), rest].filter(Boolean).join(', ');
		name = words.slice(0, shouted).join(' ');
	}

	// "Anna Berg Associated Press", "Jon Lee Reuters": an agency glued on without a comma.
	const agency = /\s(?:the associated press|associated press|reuters|afp|bloomberg news|bloomberg)$/i.exec(name);
	if (agency) {
		rest = [agency[0].trim(), rest].filter(Boolean).join(', ');
		name = name.slice(0, agency.index);
	}

	return {name, rest};
}

/** The agency a byline or credit names: "AFP", "Associated Press", "Reuters"; undefined for anything else. */
export function agencyOf(text: string): string | undefined {
	const trimmed = text.trim().replace(/[.,]$/, '');
	return agencyNames.test(trimmed) ? trimmed : undefined;
}

/** A labelled byline: "By NAME", "By NAME, role", "Par NAME", "Von NAME", "بقلم NAME", "記者：NAME". */
export function readLabelledByline(line: string): Byline | undefined {
	if (line.length > 200) {
		return undefined;
	}

	const label = labelPattern.exec(line);
	if (!label || label[0].length === line.length) {
		return undefined;
	}

	const text = line.slice(label[0].length);
	const agency = agencyOf(text);
	if (agency) {
		return {agency, rest: ''};
	}

	const {name, rest} = splitName(text);
	if (!isPersonName(name) || /[.!?]\s\p{Lu}/u.test(rest)) {
		return undefined;
	}

	const restAgency = rest === '' ? undefined : agencyOf(rest.split(',')[0]!);
	return {name: unshout(name), rest: unshout(rest), ...(restAgency ? {agency: restAgency} : {})};
}

// A role after the name, as Korean, Japanese and Chinese papers print bylines: "김민수 기자", "山田太郎記者", "林晓雨 记者".
const roleAfterName = /^([\p{Script=Hangul}\p{Script=Han}]{2,5})\s?(?:기자|특파원|논설위원|記者|记者|特派員|特派员|編集委員|通讯员)(?:\s[\w.+-]{1,40}@[\w.-]{2,60})?$/u;

/** A name followed by its role ("김민수 기자"), in the scripts whose bylines put the role last. */
export function readRoleByline(line: string): Byline | undefined {
	const match = line.length <= 120 ? roleAfterName.exec(line) : undefined;
	return match ? {name: match[1]!, rest: ''} : undefined;
}

/** "Anna Berg in Stockholm", "Anna Berg and Jon Lee in Oslo", "AFP in Paris": a name or agency, then where. */
export function readPlaceByline(line: string): Byline | undefined {
	const hasPlaceWord = line.length <= 130 && (line.includes(' in ') || line.includes(' à ') || line.includes(' en ') || line.includes(' aus '));
	const match = hasPlaceWord ? /^(.{2,80}?)\s(?:in|à|en|aus|in der)\s(\p{Lu}[\p{L}.' -]{1,40})$/u.exec(line) : undefined;
	if (!match) {
		return undefined;
	}

	const agency = agencyOf(match[1]!);
	if (agency) {
		return {agency, place: match[2]!, rest: ''};
	}

	return isPersonName(match[1]!) && match[1]!.split(' ').length <= 7 ? {name: unshout(match[1]!), place: match[2]!, rest: ''} : undefined;
}

/**
A wire credit at the end of a story: "Reporting by Anna Berg in Oslo; Editing by Tom Hogue" names the reporter;
"Associated Press writer Jon Lee contributed to this report." is a credit without an author.
*/
export function readCredit(line: string): {name?: string} | undefined {
	if (line.length > 300) {
		return undefined;
	}

	if (contributed.test(line)) {
		return {};
	}

	if (!reportingBy.test(line)) {
		return /^\(?(?:editing|writing|compiled|additional reporting) by\s/i.test(line) ? {} : undefined;
	}

	const first = line.replace(/^\(/, '').split(';')[0]!.replace(reportingBy, '').replace(/\)$/, '');
	const {name} = splitName(first);
	return isPersonName(name) ? {name: unshout(name)} : {};
}
