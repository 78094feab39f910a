/**
The words of datelines in many languages. Month and weekday names come from CLDR through Intl (Node ships full ICU),
so "avril", "Mai", "mayo", "мая", "أيار" need no table here; a locale's names are built the first time a page in that
language shows a word that is not English, and only that locale's. What CLDR does not have is listed here: the labels sites put before a
date ("Published on", "Publié le", "Veröffentlicht am", "تاريخ النشر", "公開") and relative times ("3 hours ago").
*/

const englishMonths = new Map<string, number>(Object.entries({
	jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
	jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
	dec: 12, december: 12,
	// Arabic month names as Middle Eastern sites print them (Egyptian/Gulf usage): known without a locale, as before.
	'يناير': 1, 'فبراير': 2, 'مارس': 3, 'أبريل': 4, 'ابريل': 4, 'مايو': 5, 'يونيو': 6, 'يوليو': 7, 'أغسطس': 8,
	'اغسطس': 8, 'سبتمبر': 9, 'أكتوبر': 10, 'اكتوبر': 10, 'نوفمبر': 11, 'ديسمبر': 12,
}));

const englishWeekdays = new Set(['mon', 'monday', 'tue', 'tues', 'tuesday', 'wed', 'wednesday', 'thu', 'thur', 'thurs',
	'thursday', 'fri', 'friday', 'sat', 'saturday', 'sun', 'sunday']);

// The locales whose names are tried for a page in a language: its own, and for Arabic also the Levantine month names
// (كانون الثاني, أيار) that Syrian, Lebanese and Iraqi sites use. Only the page's language is built: building every
// locale's names costs tens of milliseconds, and a page's dates are in its own language or in English.
const localeVariants: Readonly<Record<string, readonly string[]>> = {ar: ['ar', 'ar-SY']};

type Names = {months: Map<string, number>; weekdays: Set<string>};
const byLocale = new Map<string, Names>();

/** A name as compared: lower case, without a trailing full stop ("janv.", "Dez."), Arabic tatweel removed. */
export function normalizeName(word: string): string {
	return word.toLowerCase().replace(/\.$/, '').replaceAll('\u0640', '');
}

function namesOf(locale: string): Names {
	let names = byLocale.get(locale);
	if (names) {
		return names;
	}

	names = {months: new Map(), weekdays: new Set()};
	try {
		for (const options of [{month: 'long'}, {month: 'short'}, {day: 'numeric', month: 'long'}, {day: 'numeric', month: 'short'}] as const) {
			const format = new Intl.DateTimeFormat(locale, {...options, timeZone: 'UTC'});
			for (let month = 0; month < 12; month++) {
				const part = format.formatToParts(Date.UTC(2023, month, 15)).find(item => item.type === 'month');
				if (part && !/\d/.test(part.value)) {
					names.months.set(normalizeName(part.value), month + 1);
				}
			}
		}

		for (const weekday of ['long', 'short'] as const) {
			const format = new Intl.DateTimeFormat(locale, {weekday, timeZone: 'UTC'});
			for (let day = 1; day <= 7; day++) {
				names.weekdays.add(normalizeName(format.format(Date.UTC(2023, 0, day))));
			}
		}
	} catch {
		// A runtime without this locale's data: its names are simply not known, English still is.
	}

	byLocale.set(locale, names);
	return names;
}

/** The month a name stands for (1-12), in English or the page's locale; undefined if none. */
export function monthOf(word: string, locale = 'en'): number | undefined {
	const name = normalizeName(word);
	const english = englishMonths.get(name);
	if (english !== undefined || name.length < 3 || /\d/.test(name) || locale === 'en') {
		return english;
	}

	for (const candidate of localeVariants[locale] ?? [locale]) {
		const month = namesOf(candidate).months.get(name);
		if (month !== undefined) {
			return month;
		}
	}

	return undefined;
}

/** Whether a word names a day of the week in English or the page's locale. */
export function isWeekday(word: string, locale = 'en'): boolean {
	const name = normalizeName(word);
	return englishWeekdays.has(name) || (locale !== 'en' && namesOf(locale).weekdays.has(name));
}

/** What a label before a date says: when the story was published, or when it was last changed. */
export type DateLabel = 'published' | 'updated';

// Labels, lower case, longest first within each group so that "last updated" wins over "updated".
const labels: ReadonlyArray<[string, DateLabel]> = [
	...['first published on', 'first published', 'originally published', 'published on', 'published at', 'published',
		'posted on', 'posted at', 'posted', 'released on', 'released', 'dated', 'date',
		'publié le', 'publié à', 'publié', 'mis en ligne le', 'paru le',
		'veröffentlicht am', 'veröffentlicht', 'erschienen am', 'erstellt am',
		'publicado el', 'publicado em', 'publicado', 'fecha', 'pubblicato il', 'pubblicato', 'gepubliceerd op', 'gepubliceerd',
		'publicerad', 'opublikowano', 'yayınlanma', 'diterbitkan', 'опубликовано',
		'تاريخ النشر', 'نُشر في', 'نشر في', 'نشر بتاريخ', 'نشر', '公開日時', '公開日', '公開', '配信', '掲載', '发布时间', '发布于',
		'发表于', '发布', '時間', '时间', '기사입력', '입력', '등록', '게재'].map(label => [label, 'published'] as [string, DateLabel]),
	...['last updated on', 'last updated', 'last modified', 'updated on', 'updated at', 'updated', 'modified',
		'mis à jour le', 'mis à jour', 'modifié le', 'actualisé le', 'zuletzt aktualisiert', 'aktualisiert am', 'aktualisiert',
		'stand', 'actualizado el', 'actualizado', 'aggiornato il', 'aggiornato', 'atualizado em', 'atualizado',
		'bijgewerkt op', 'bijgewerkt', 'uppdaterad', 'zaktualizowano', 'güncelleme', 'обновлено', 'آخر تحديث', 'تم التحديث',
		'تحديث', '最終更新', '更新日時', '更新日', '更新时间', '更新', 'ultimo aggiornamento', '최종수정', '수정', '업데이트'].map(label => [label, 'updated'] as [string, DateLabel]),
];

/** A label at the start of a dateline and the text after it (with its ":" and spaces), or undefined. */
export function readDateLabel(text: string): {label: DateLabel; rest: string} | undefined {
	const lower = text.slice(0, 40).toLowerCase();
	for (const [label, kind] of labels) {
		if (lower.startsWith(label)) {
			const rest = text.slice(label.length);
			// A label in a spaced script is a whole word: "Stand" is not the start of "Standard". CJK labels need no space.
			if (/^[\p{L}\p{N}]/u.test(rest) && !/[\u3040-\u9FFF]$/.test(label)) {
				continue;
			}

			return {label: kind, rest: rest.replace(/^\s{0,4}(?:on\s)?[:：\-–—]?\s{0,4}/i, '')};
		}
	}

	return undefined;
}

// Relative times: "3 hours ago", "il y a 2 jours", "vor 5 Minuten", "hace 3 horas", "3時間前", "3小时前", "منذ ساعتين",
// "yesterday". A page gives them relative to the moment it was copied, which the file does not record: no date.
const relative = /^(?:\d{1,3}\s{0,2}(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|mo|months?|y|years?)\s(?:ago|back)|(?:a|an|one)\s(?:minute|hour|day|week)\sago|just now|today|yesterday|il y a \d{1,3}\s\p{L}{1,10}|hier|aujourd'hui|vor \d{1,3}\s\p{L}{1,10}|gestern|heute|hace \d{1,3}\s\p{L}{1,10}|ayer|hoy|há \d{1,3}\s\p{L}{1,10}|\d{1,3}\s\p{L}{1,10} fa|\d{1,3}\s?(?:분|시간|일)\s?전|\d{1,3}\s?(?:分|時間|日|秒|週間|か月)前|\d{1,3}\s?(?:分钟|小时|天|秒|周)前|昨日|昨天|今天|منذ\s.{1,20}|أمس|اليوم)$/iu;

/** Whether a line is only a relative time, such as "3 hours ago" or "Updated 5 minutes ago". */
export function isRelativeTime(text: string): boolean {
	if (text.length > 60) {
		return false;
	}

	const rest = readDateLabel(text)?.rest ?? text;
	return relative.test(rest.trim().replace(/[.,]$/, ''));
}
