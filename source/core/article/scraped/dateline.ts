import {isRelativeTime, isWeekday, monthOf, readDateLabel, type DateLabel} from './date-words.js';

/**
Datelines and dates as scraped pages and front matter write them, normalised to ISO 8601 without inventing a time zone:
"Friday, 26 June, 2020 - 07:00" -> "2020-06-26T07:00", "Tue 9 Jan 2024 08.30 GMT" -> "2024-01-09T08:30Z",
"Updated 9:12 AM EDT, June 2, 2022" -> "2022-06-02T09:12-04:00", "Publié le 12 avril 2023 à 08h15" ->
"2023-04-12T08:15". Every pattern is anchored and the line is at most 120 characters, so the cost is bounded.
*/

// Zones with a fixed offset. Ambiguous abbreviations ("ET", "PT", "IST", "AST") are read but dropped: no guessing.
const zoneOffsets = new Map<string, string>(Object.entries({
	gmt: 'Z', utc: 'Z', z: 'Z', jst: '+09:00', kst: '+09:00', cet: '+01:00', cest: '+02:00', eet: '+02:00',
	eest: '+03:00', bst: '+01:00', est: '-05:00', edt: '-04:00', cst: '-06:00', cdt: '-05:00', mst: '-07:00',
	mdt: '-06:00', pst: '-08:00', pdt: '-07:00', msk: '+03:00', sgt: '+08:00', hkt: '+08:00', aest: '+10:00',
	aedt: '+11:00', nzst: '+12:00', nzdt: '+13:00', wet: 'Z', west: '+01:00', mez: '+01:00', mesz: '+02:00',
	wib: '+07:00', wita: '+08:00', wit: '+09:00', pht: '+08:00', pkt: '+05:00', trt: '+03:00',
}));
const ambiguousZones = new Set(['et', 'pt', 'ct', 'mt', 'ist', 'ast', 'hst', 'akst', 'ict', 'cat', 'eat', 'wat']);

const isoDate = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?)?/;
const ymdDate = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)/;
const dmyNumeric = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)/;
const cjkDate = /^(\d{4})\s{0,2}[年년]\s{0,2}(\d{1,2})\s{0,2}[月월]\s{0,2}(\d{1,2})\s{0,2}[日일](?:\s{0,2}[(（][^)）]{1,4}[)）])?/;
// A day, then a month name of one or two words ("9 Jan", "4. Mai", "3 de mayo", "14 تشرين الأول"); the year follows.
const dayFirst = /^(\d{1,2})(?:st|nd|rd|th|er|\.|º)?\s{0,4}(?:of\s|de\s)?\s{0,2}(\p{L}[\p{L}\p{M}]{1,15}\.?)(?:\s(\p{L}[\p{L}\p{M}]{1,10}))?/u;
const monthFirst = /^(\p{L}[\p{L}\p{M}]{1,15}\.?)(?:\s(\p{L}[\p{L}\p{M}]{1,10}))?\s{0,4}(\d{1,2})(?:st|nd|rd|th)?(?!\d)/u;
const yearAfterDay = /^\s{0,4}[,.]?\s{0,4}(?:de\s|del\s)?\s{0,2}(\d{4})(?!\d)/;
const yearAfterMonth = /^\s{0,4},?\s{0,4}(\d{4})(?!\d)/;

const separator = /^\s{0,4}(?:[-–—,|·•@،/]|at|à|a las|alle|às|um|om|kl\.|в|في|pukul)?\s{0,4}/i;
const clock = /^(\d{1,2})(?:[:.時hH](\d{2})(?::(\d{2}))?)?\s{0,2}(?:分|uhr|h(?![a-z]))?\s{0,2}(a\.?m\.?|p\.?m\.?|午前|午後)?(?![\d:])/i;
const zoneText = /^\s{0,4}\(?\s{0,2}(?:(gmt|utc|z)\s{0,2}(?:([+-])(\d{1,2})(?::?(\d{2}))?)?|([+-])(\d{2}):?(\d{2})|([a-z]{2,5}))\s{0,2}\)?/i;
const weekdayWord = /^\(?([\p{L}\p{M}]{2,12}\.?)\)?\s{0,3}[,،]?\s{0,4}/u;
const arabicWeekday = /^(?:يوم\s)?(?:الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت)\s{0,4}[،,]?\s{0,4}/;

function pad(value: number): string {
	return value < 10 ? `0${value}` : String(value);
}

function isValidDay(year: number, month: number, day: number): boolean {
	if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) {
		return false;
	}

	const lengths = [31, (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
	return day <= (lengths[month - 1] ?? 0);
}

type Day = {year: number; month: number; day: number; rest: string; time?: string};

/** A month name of one or two words at the start of a match: the two-word reading wins when it is a month. */
function readMonthName(first: string, second: string | undefined, locale: string): {month: number; words: 1 | 2} | undefined {
	const month = monthOf(first, locale);
	if (month !== undefined) {
		return {month, words: 1};
	}

	// Only a word that is not a month alone can start a two-word name ("تشرين الأول"; "تشرين" alone is none).
	const both = second === undefined ? undefined : monthOf(`${first} ${second}`, locale);
	return both === undefined ? undefined : {month: both, words: 2};
}

function readNamedDay(text: string, locale: string): Day | undefined {
	let match = dayFirst.exec(text);
	if (match) {
		const name = readMonthName(match[2]!, match[3], locale);
		if (name) {
			const after = text.slice(match[0].length - (name.words === 1 && match[3] !== undefined ? match[3].length + 1 : 0));
			const year = yearAfterDay.exec(after);
			if (year) {
				return {year: Number(year[1]), month: name.month, day: Number(match[1]), rest: after.slice(year[0].length)};
			}
		}
	}

	match = monthFirst.exec(text);
	if (match) {
		const name = readMonthName(match[1]!, match[2], locale);
		// "June 2, 2022" but not "Updated 9" or "Mai 2023": the words before the day must be the whole month name.
		if (name && (name.words === 2 || match[2] === undefined)) {
			const year = yearAfterMonth.exec(text.slice(match[0].length));
			if (year) {
				return {year: Number(year[1]), month: name.month, day: Number(match[3]), rest: text.slice(match[0].length + year[0].length)};
			}
		}
	}

	return undefined;
}

function readDay(text: string, locale: string): Day | undefined {
	let match = isoDate.exec(text);
	if (match) {
		const day: Day = {year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), rest: text.slice(match[0].length)};
		if (match[4] !== undefined) {
			if (Number(match[4]) > 23 || Number(match[5]) > 59 || Number(match[6] ?? 0) > 60) {
				return undefined;
			}

			day.time = `${match[4]}:${match[5]}${match[6] === undefined ? '' : `:${match[6]}`}`;
		}

		return day;
	}

	match = ymdDate.exec(text) ?? cjkDate.exec(text);
	if (match) {
		return {year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), rest: text.slice(match[0].length)};
	}

	const named = readNamedDay(text, locale);
	if (named) {
		return named;
	}

	match = dmyNumeric.exec(text);
	if (match) {
		// 05/06/2023 could be May or June: only an impossible month tells which order the site uses.
		const first = Number(match[1]);
		const second = Number(match[2]);
		if (first > 12 && second <= 12) {
			return {year: Number(match[3]), month: second, day: first, rest: text.slice(match[0].length)};
		}

		if (second > 12 && first <= 12) {
			return {year: Number(match[3]), month: first, day: second, rest: text.slice(match[0].length)};
		}

		// Dotted dates ("04.05.2023") and pages in languages other than English put the day first.
		if (first <= 12 && second <= 12 && (match[0].includes('.') || locale !== 'en')) {
			return {year: Number(match[3]), month: second, day: first, rest: text.slice(match[0].length)};
		}
	}

	return undefined;
}

/** Read "07:00", "9:15 am", "08h15", "14時30分", "10.30 Uhr" (with its zone) from the start of `text`. */
function readTime(text: string): {time: string; zone: string; rest: string} | undefined {
	const match = clock.exec(text);
	if (!match || (match[2] === undefined && match[4] === undefined)) {
		return undefined;
	}

	let hours = Number(match[1]);
	const minutes = Number(match[2] ?? 0);
	const meridiem = match[4]?.toLowerCase().replaceAll('.', '');
	if (meridiem) {
		if (hours < 1 || hours > 12) {
			return undefined;
		}

		const isAfternoon = meridiem === 'pm' || meridiem === '午後';
		hours = (hours % 12) + (isAfternoon ? 12 : 0);
	}

	if (hours > 23 || minutes > 59 || Number(match[3] ?? 0) > 60) {
		return undefined;
	}

	const time = `${pad(hours)}:${pad(minutes)}${match[3] === undefined ? '' : `:${match[3]}`}`;
	const zone = readZone(text.slice(match[0].length));
	return {time, zone: zone.zone, rest: zone.rest};
}

function readZone(text: string): {zone: string; rest: string} {
	const match = zoneText.exec(text);
	if (!match) {
		return {zone: '', rest: text};
	}

	const rest = text.slice(match[0].length);
	if (match[1]) {
		if (!match[2]) {
			return {zone: 'Z', rest};
		}

		const hours = Number(match[3]);
		const minutes = Number(match[4] ?? 0);
		return hours > 14 || minutes > 59 ? {zone: '', rest: text} : {zone: `${match[2]}${pad(hours)}:${pad(minutes)}`, rest};
	}

	if (match[5]) {
		const hours = Number(match[6]);
		const minutes = Number(match[7]);
		return hours > 14 || minutes > 59 ? {zone: '', rest: text} : {zone: `${match[5]}${match[6]}:${match[7]}`, rest};
	}

	const name = match[8]!.toLowerCase();
	const offset = zoneOffsets.get(name);
	if (offset !== undefined) {
		return {zone: offset, rest};
	}

	// Known-ambiguous zone names are swallowed without a zone; any other word is not a zone and stays as rest.
	return ambiguousZones.has(name) ? {zone: '', rest} : {zone: '', rest: text};
}

/** Eastern Arabic and Persian digits as ASCII digits, so Arabic datelines parse like the rest. */
function toAsciiDigits(text: string): string {
	return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, digit => {
		const code = digit.codePointAt(0)!;
		return String(code >= 0x06_F0 ? code - 0x06_F0 : code - 0x06_60);
	});
}

function skipWeekday(text: string, locale: string): string {
	const arabic = arabicWeekday.exec(text);
	if (arabic) {
		return text.slice(arabic[0].length);
	}

	const match = weekdayWord.exec(text);
	if (!match) {
		return text;
	}

	// A capitalised word and a comma before a day number is a weekday, whichever language the page's is ("Senin, 05").
	const isBeforeDay = /,\s{0,4}$/.test(match[0]) && /^\d/.test(text.slice(match[0].length)) && /^\p{Lu}/u.test(match[1]!);
	return isWeekday(match[1]!, locale) || isBeforeDay ? text.slice(match[0].length) : text;
}

/** A date with its time and zone, the time standing before or after the date; undefined unless that is all the text. */
function readDateAndTime(text: string, locale: string): string | undefined {
	let day = readDay(skipWeekday(text, locale), locale);
	let time: {time: string; zone: string} | undefined;
	let rest: string;
	if (day) {
		rest = day.rest;
		if (day.time) {
			const zone = readZone(rest);
			time = {time: day.time, zone: zone.zone};
			rest = zone.rest;
		} else if (rest.trim() !== '') {
			const after = readTime(rest.replace(separator, ''));
			if (after) {
				time = after;
				rest = after.rest;
			}
		}
	} else {
		// "9:12 AM EDT, June 2, 2022": the time first, as American sites print it.
		const before = readTime(text);
		day = before ? readDay(skipWeekday(before.rest.replace(separator, ''), locale), locale) : undefined;
		if (!before || !day || day.time) {
			return undefined;
		}

		time = before;
		rest = day.rest;
	}

	if (!isValidDay(day.year, day.month, day.day) || !/^[\s.,;)）]*$/.test(rest)) {
		return undefined;
	}

	const date = `${day.year}-${pad(day.month)}-${pad(day.day)}`;
	return time ? `${date}T${time.time}${time.zone}` : date;
}

/** What a dateline line says: the date (none for a relative time), and whether it is labelled as an update. */
export type Dateline = {readonly date?: string; readonly label?: DateLabel; readonly isRelative?: boolean};

/**
Read a line that is only a dateline, in any of the forms above and in the page's `locale` (month and weekday names
in any language Intl knows, labels in the languages of date-words.ts). A relative time ("3 hours ago") is a dateline
without a date. Undefined when the line holds anything else, so a sentence that starts with a date is not taken.
*/
export function readDateline(line: string, locale = 'en'): Dateline | undefined {
	// A dateline is short; refusing long lines early keeps every pattern below on a bounded input.
	const hasDigit = /[\d\u0660-\u0669\u06F0-\u06F9]/.test(line);
	if (line.length > 120 || (!hasDigit && (line.length > 40 || !/ago|now|yesterday|today|hier|heute|gestern|ayer|hoy|أمس|اليوم|昨|今/i.test(line)))) {
		return undefined;
	}

	let text = toAsciiDigits(line.trim().replaceAll('\u00A0', ' '));
	if (isRelativeTime(text)) {
		return {label: readDateLabel(text)?.label, isRelative: true};
	}

	const label = readDateLabel(text);
	if (label) {
		text = label.rest;
	}

	const date = readDateAndTime(text, locale);
	if (date === undefined && label) {
		// "Updated 14:32 GMT": a labelled time without a day is a dateline that gives no date.
		const time = readTime(text);
		return time && /^[\s.,;)）]*$/.test(time.rest) ? {label: label.label} : undefined;
	}

	return date === undefined ? undefined : {date, label: label?.label};
}

/**
Normalise a whole line that is only a dateline (or a front matter date) to ISO 8601: "2020-06-26", "2020-06-26T07:00",
"2022-03-14T09:15Z", "2023-06-05T14:30:00+09:00". Undefined for anything else, a relative time included.
*/
export function parseDateline(line: string): string | undefined {
	return readDateline(line)?.date;
}
