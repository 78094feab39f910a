import test from 'ava';
import {parseDateline, readDateline} from '../source/core/article/scraped/dateline.js';

const valid: Array<[string, string]> = [
	['Friday, 26 June, 2020 - 07:00', '2020-06-26T07:00'],
	['Published 14 March 2022, 09:15 GMT', '2022-03-14T09:15Z'],
	['June 5, 2023', '2023-06-05'],
	['5 June 2023', '2023-06-05'],
	['2023-06-05', '2023-06-05'],
	['2023-06-05T14:30:00Z', '2023-06-05T14:30:00Z'],
	['2023-06-05T14:30:00.123+02:00', '2023-06-05T14:30:00+02:00'],
	['2023-06-05 14:30', '2023-06-05T14:30'],
	['Updated: June 5, 2023', '2023-06-05'],
	['Last updated: 5 June 2023 at 9:15 p.m.', '2023-06-05T21:15'],
	['Updated June 5, 2023 12:05 AM ET', '2023-06-05T00:05'],
	['Jun. 5th, 2023 10:42 AM EDT', '2023-06-05T10:42-04:00'],
	['Posted on Mon, Jun 5th, 2023 10:00 UTC+3', '2023-06-05T10:00+03:00'],
	['Published 2024-04-18 07:30 JST', '2024-04-18T07:30+09:00'],
	['Thursday 1st of February 2024', '2024-02-01'],
	['2023/06/05', '2023-06-05'],
	['25/06/2023', '2023-06-25'],
	['06/25/2023', '2023-06-25'],
	['2024年3月2日 10時15分', '2024-03-02T10:15'],
	['2024年3月2日(土)', '2024-03-02'],
	['2023年6月5日', '2023-06-05'],
	['الجمعة 26 يونيو 2020', '2020-06-26'],
	['٢٦ يونيو ٢٠٢٠', '2020-06-26'],
	['29 February 2024', '2024-02-29'],
	['  5 June 2023  ', '2023-06-05'],
];

for (const [line, expected] of valid) {
	test(`dateline "${line}" -> ${expected}`, t => {
		t.is(parseDateline(line), expected);
	});
}

const invalid = [
	'tomorrow',
	'',
	'June 5, 2023 was the hottest day of the year.',
	'5 June 2023 and more words after it',
	'2023-02-30',
	'29 February 2023',
	'2023-13-01',
	'05/06/2023',
	'Friday',
	'2023',
	'June 2023',
	'2023-06-05T25:00',
	'5 Junk 2023',
	'By Jane Doe',
	'Published 14 March 2022, 09:15 in the morning',
	'x'.repeat(5000),
];

for (const line of invalid) {
	test(`not a dateline: "${line.slice(0, 40)}"`, t => {
		t.is(parseDateline(line), undefined);
	});
}

test('no time zone is invented for a local time', t => {
	t.false(parseDateline('5 June 2023, 14:30')!.endsWith('Z'));
	t.is(parseDateline('5 June 2023, 14:30 UTC'), '2023-06-05T14:30Z');
});

// The forms of issue 10, in their pages' languages: readDateline also says what the label was.

const forms: Array<[string, string, string | undefined, 'published' | 'updated' | undefined]> = [
	['Tue 9 Jan 2024 08.30 GMT', 'en', '2024-01-09T08:30Z', undefined],
	['Published On 3 Jul 2023', 'en', '2023-07-03', 'published'],
	['Updated 9:12 AM EDT, June 2, 2022', 'en', '2022-06-02T09:12-04:00', 'updated'],
	['Updated 9:12 AM EDT, Thu June 2, 2022', 'en', '2022-06-02T09:12-04:00', 'updated'],
	['June 12, 2023 6:45 AM UTC', 'en', '2023-06-12T06:45Z', undefined],
	['2nd Feb 2024, 17:05 CET', 'en', '2024-02-02T17:05+01:00', undefined],
	['Published: 17:05, 2nd Feb 2024', 'en', '2024-02-02T17:05', 'published'],
	['Publié le 12 avril 2023 à 08h15', 'fr', '2023-04-12T08:15', 'published'],
	['Mis à jour le 12 avril 2023 à 11h40', 'fr', '2023-04-12T11:40', 'updated'],
	['Veröffentlicht am 4. Mai 2023', 'de', '2023-05-04', 'published'],
	['Mittwoch, 4. Mai 2023, 10.30 Uhr', 'de', '2023-05-04T10:30', undefined],
	['Stand: 04.05.2023 10:30 Uhr', 'de', '2023-05-04T10:30', 'updated'],
	['Publicado el 3 de mayo de 2023, 10:30 CEST', 'es', '2023-05-03T10:30+02:00', 'published'],
	['Pubblicato il 5 giugno 2023 alle 10:30', 'it', '2023-06-05T10:30', 'published'],
	['الأحد 14 مايو 2023', 'ar', '2023-05-14', undefined],
	['14 تشرين الأول 2023', 'ar', '2023-10-14', undefined],
	['2023年6月3日 10時05分', 'ja', '2023-06-03T10:05', undefined],
	['公開日：2023年6月3日', 'ja', '2023-06-03', 'published'],
	['发布时间：2023-06-03 10:05', 'zh', '2023-06-03T10:05', 'published'],
	['입력 2023.06.05 10:30', 'ko', '2023-06-05T10:30', 'published'],
	['5 juni 2023', 'nl', '2023-06-05', undefined],
	['3 hours ago', 'en', undefined, undefined],
	['Updated 5 minutes ago', 'en', undefined, 'updated'],
	['il y a 3 heures', 'fr', undefined, undefined],
	['vor 5 Minuten', 'de', undefined, undefined],
	['hace 2 horas', 'es', undefined, undefined],
	['3時間前', 'ja', undefined, undefined],
	['Updated 14:32 GMT', 'en', undefined, 'updated'],
];

for (const [line, locale, date, label] of forms) {
	test(`readDateline "${line}" (${locale}) -> ${date ?? 'no date'}${label ? `, ${label}` : ''}`, t => {
		const dateline = readDateline(line, locale);
		t.truthy(dateline, 'read as a dateline');
		t.is(dateline?.date, date);
		t.is(dateline?.label, label);
	});
}

test('relative times are datelines without a date, and parseDateline gives none', t => {
	t.true(readDateline('2 days ago')!.isRelative);
	t.is(parseDateline('2 days ago'), undefined);
	t.is(parseDateline('Updated 14:32 GMT'), undefined);
});

test('a month name in another language is read in that page\'s locale only', t => {
	t.is(readDateline('12 avril 2023', 'fr')?.date, '2023-04-12');
	t.is(readDateline('12 avril 2023', 'en'), undefined);
	t.is(readDateline('4. Mai 2023', 'de')?.date, '2023-05-04');
	t.is(readDateline('05.06.2023', 'en')?.date, '2023-06-05');
	t.is(readDateline('05/06/2023', 'en'), undefined);
	t.is(readDateline('05/06/2023', 'fr')?.date, '2023-06-05');
});
