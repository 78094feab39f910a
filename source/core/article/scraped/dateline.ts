/**
Datelines and dates as scraped pages and front matter write them, normalised to ISO 8601 without inventing a time zone:
"Friday, 26 June, 2020 - 07:00" -> "2020-06-26T07:00", "Published 14 March 2022, 09:15 GMT" -> "2022-03-14T09:15Z".
*/

const months = new Map<string, number>(Object.entries({
	jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
	jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
	dec: 12, december: 12,
	// Arabic month names as Middle Eastern sites print them (Egyptian/Gulf usage).
	'يناير': 1, 'فبراير': 2, 'مارس': 3, 'أبريل': 4, 'ابريل': 4, 'مايو': 5, 'يونيو': 6, 'يوليو': 7, 'أغسطس': 8,
	'اغسطس': 8, 'سبتمبر': 9, 'أكتوبر': 10, 'اكتوبر': 10, 'نوفمبر': 11, 'ديسمبر': 12,
}));

// Zones with a fixed offset. Ambiguous abbreviations ("ET", "PT", "IST", "AST") are read but dropped: no guessing.
const zoneOffsets = new Map<string, string>(Object.entries({
	gmt: 'Z', utc: 'Z', z: 'Z', jst: '+09:00', kst: '+09:00', cet: '+01:00', cest: '+02:00', eet: '+02:00',
	eest: '+03:00', bst: '+01:00', est: '-05:00', edt: '-04:00', cst: '-06:00', cdt: '-05:00', mst: '-07:00',
	mdt: '-06:00', pst: '-08:00', pdt: '-07:00', msk: '+03:00', sgt: '+08:00', hkt: '+08:00', aest: '+10:00',
}));

// Words that may open a dateline: "Published", "Last updated:", "Posted on", "Friday,", "الجمعة".
const prefix = /^(?:(?:first\s+|originally\s+)?published|(?:last\s+)?updated|posted|dated?|released|modified)(?:\s+on)?\s{0,4}[:\-–—]?\s{0,4}/i;
const weekday = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s{1,4}/i;
const arabicWeekday = /^(?:يوم\s)?(?:الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت)\s{0,4}[،,]?\s{0,4}/;

const isoDate = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?)?/;
const ymdDate = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)/;
const dmyNumeric = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)/;
const dayMonthYear = /^(\d{1,2})(?:st|nd|rd|th)?\s{0,4}(?:of\s+)?([A-Za-z\u0600-\u06FF]{3,9})\.?,?\s{1,4}(\d{4})(?!\d)/;
const monthDayYear = /^([A-Za-z]{3,9})\.?\s{1,4}(\d{1,2})(?:st|nd|rd|th)?,?\s{1,4}(\d{4})(?!\d)/;
const cjkDate = /^(\d{4})\s{0,2}年\s{0,2}(\d{1,2})\s{0,2}月\s{0,2}(\d{1,2})\s{0,2}日(?:\s{0,2}[(（][^)）]{1,4}[)）])?/;

const separator = /^\s{0,4}(?:[-–—,|·•@]|at|في)?\s{0,4}/i;
const clock = /^(\d{1,2})(?:[:.時h](\d{2})(?::(\d{2}))?)?\s{0,2}(?:分)?\s{0,2}(a\.?m\.?|p\.?m\.?|午前|午後)?(?![\d:])/i;
const zoneText = /^\s{0,4}\(?\s{0,2}(?:(gmt|utc|z)\s{0,2}(?:([+-])(\d{1,2})(?::?(\d{2}))?)?|([+-])(\d{2}):?(\d{2})|([a-z]{2,5}))\s{0,2}\)?/i;

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

function readDay(text: string): Day | undefined {
	let match = isoDate.exec(text);
	if (match) {
		const day: Day = {year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), rest: text.slice(match[0].length)};
		if (match[4] !== undefined) {
			const hours = Number(match[4]);
			const minutes = Number(match[5]);
			if (hours > 23 || minutes > 59 || Number(match[6] ?? 0) > 60) {
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

	match = dayMonthYear.exec(text);
	const dayMonth = match ? months.get(match[2]!.toLowerCase()) : undefined;
	if (match && dayMonth) {
		return {year: Number(match[3]), month: dayMonth, day: Number(match[1]), rest: text.slice(match[0].length)};
	}

	match = monthDayYear.exec(text);
	const monthDay = match ? months.get(match[1]!.toLowerCase()) : undefined;
	if (match && monthDay) {
		return {year: Number(match[3]), month: monthDay, day: Number(match[2]), rest: text.slice(match[0].length)};
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
	}

	return undefined;
}

/** Read "07:00", "9:15 am", "14時30分" (with its zone) from the start of `text`; undefined when it is not a time. */
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
	return /^(?:et|pt|ct|mt|ist|ast|hst|akst|wib|ict)$/.test(name) ? {zone: '', rest} : {zone: '', rest: text};
}

/** Eastern Arabic and Persian digits as ASCII digits, so Arabic datelines parse like the rest. */
function toAsciiDigits(text: string): string {
	return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, digit => {
		const code = digit.codePointAt(0)!;
		return String(code >= 0x06_F0 ? code - 0x06_F0 : code - 0x06_60);
	});
}

/**
Normalise a whole line that is only a dateline (or a front matter date) to ISO 8601: "2020-06-26", "2020-06-26T07:00",
"2022-03-14T09:15Z", "2023-06-05T14:30:00+09:00". Accepts a leading "Published"/"Updated:"/weekday, day-month-year,
month-day-year, ISO, Y/M/D, Chinese/Japanese 年月日 and Arabic month names, then an optional time and zone.
Returns undefined when the line holds anything else, so a sentence that merely starts with a date is not taken.
*/
export function parseDateline(line: string): string | undefined {
	// A dateline is short; refusing long lines early keeps every regex below on a bounded input.
	if (line.length > 120) {
		return undefined;
	}

	let text = toAsciiDigits(line.trim().replaceAll('\u00A0', ' '));
	text = text.replace(prefix, '');
	text = text.replace(weekday, '').replace(arabicWeekday, '');
	const day = readDay(text);
	if (!day || !isValidDay(day.year, day.month, day.day)) {
		return undefined;
	}

	let result = `${day.year}-${pad(day.month)}-${pad(day.day)}`;
	let rest = day.rest;
	if (day.time) {
		const zone = readZone(rest);
		result += `T${day.time}${zone.zone}`;
		rest = zone.rest;
	} else if (rest.trim() !== '') {
		const time = readTime(rest.replace(separator, ''));
		if (time) {
			result += `T${time.time}${time.zone}`;
			rest = time.rest;
		}
	}

	return /^[\s.,;)）]*$/.test(rest) ? result : undefined;
}
