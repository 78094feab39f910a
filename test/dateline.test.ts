import test from 'ava';
import {parseDateline} from '../source/core/article/scraped/dateline.js';

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
