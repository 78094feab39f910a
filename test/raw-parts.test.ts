import test from 'ava';
import {isPersonName, readCredit, readLabelledByline, readPlaceByline, readRoleByline} from '../source/core/article/scraped/byline.js';
import {readImageLine} from '../source/core/article/scraped/caption.js';
import {lookUpFurniture} from '../source/core/article/scraped/furniture-words.js';
import {countStopwords, detectLanguage} from '../source/core/article/scraped/language.js';
import {readWireLead} from '../source/core/article/scraped/metadata.js';
import {cutUnits} from '../source/core/article/scraped/units.js';

// Bylines: the author is the person.

const bylines: Array<[string, string | undefined, string | undefined]> = [
	['By Anna Berg, Nordic Times', 'Anna Berg', undefined],
	['BY ANNA BERG', 'Anna Berg', undefined],
	['By NICHOLAS K. GERANIOS Associated Press', 'Nicholas K. Geranios', 'Associated Press'],
	['By ANNA BERG FOR THE DAILY BEACON', 'Anna Berg', undefined],
	['Par Jeanne Dupont', 'Jeanne Dupont', undefined],
	['Von Max Huber', 'Max Huber', undefined],
	['Por Juan Pérez Soler', 'Juan Pérez Soler', undefined],
	['di Giulia Ferrari', 'Giulia Ferrari', undefined],
	['Door Jan de Vries', 'Jan de Vries', undefined],
	['كتب: خالد المنصوري', 'خالد المنصوري', undefined],
	['بقلم سلمى العتيبي', 'سلمى العتيبي', undefined],
	['记者 林晓雨', '林晓雨', undefined],
	['By Reuters', undefined, 'Reuters'],
];

for (const [line, name, agency] of bylines) {
	test(`byline "${line}" -> ${name ?? 'no author'}`, t => {
		const byline = readLabelledByline(line);
		t.truthy(byline);
		t.is(byline?.name, name);
		t.is(byline?.agency, agency);
	});
}

test('sentences and headlines are no bylines', t => {
	for (const line of ['By the time the ferry arrived, the harbour was full.', 'Byron Bay wins the surf title', 'Par for the course', 'Von der Leyen visits Kyiv']) {
		t.is(readLabelledByline(line), undefined, line);
	}
});

test('"Name in Place" and "Agency in Place"; a role after the name; wire credits', t => {
	t.deepEqual(readPlaceByline('Anna Berg in Stockholm'), {name: 'Anna Berg', place: 'Stockholm', rest: ''});
	t.deepEqual(readPlaceByline('AFP in Paris'), {agency: 'AFP', place: 'Paris', rest: ''});
	t.is(readPlaceByline('Floods hit homes across the region in Kent'), undefined);
	t.is(readRoleByline('김민수 기자')?.name, '김민수');
	t.is(readRoleByline('김민수 기자 minsu@badailbo.example')?.name, '김민수');
	t.is(readCredit('Reporting by Anna Berg in Santiago; Editing by Tom Hogue')?.name, 'Anna Berg');
	t.deepEqual(readCredit('Associated Press writer Jon Lee in Seattle contributed to this report.'), {});
	t.is(readCredit('The minister said the report was wrong.'), undefined);
	t.true(isPersonName('Jan de Vries'));
	t.false(isPersonName('the harbour master'));
});

// Captions, credits, counters.

test('captions keep their credit and lose their label; bare credits and counters are told apart', t => {
	t.deepEqual(readImageLine('Image caption, The keepers on the steps'), {kind: 'caption', text: 'The keepers on the steps'});
	t.deepEqual(readImageLine('A ferry leaves Slussen. Photograph: Jonas Ek/Reuters'), {kind: 'caption', text: 'A ferry leaves Slussen. Photograph: Jonas Ek/Reuters'});
	t.deepEqual(readImageLine('(AP Photo/Young Kwak)'), {kind: 'credit'});
	t.deepEqual(readImageLine('Image source, Getty Images'), {kind: 'credit'});
	t.deepEqual(readImageLine('Photo: Anna Berg / AFP'), {kind: 'credit'});
	t.deepEqual(readImageLine('2 of 5'), {kind: 'gallery'});
	t.deepEqual(readImageLine('[2/4]'), {kind: 'gallery'});
	t.is(readImageLine('Villagers wade through floodwater [Rafiq Hasan/Al Qamar]')?.kind, 'caption');
	t.is(readImageLine('市民在西湖区一家城市书房内阅读。（新华社）')?.kind, 'caption');
	t.is(readImageLine('雪に覆われた仙台駅前の通り＝3日午前8時、仙台市青葉区')?.kind, 'caption');
	t.is(readImageLine('Dave Tanner, 52, (pictured) scooped the jackpot')?.kind, 'caption');
	t.is(readImageLine('Picture this: a town without cars'), undefined);
	t.is(readImageLine('The council met on Tuesday.'), undefined);
});

// Furniture tables and wire leads.

test('furniture phrases, whole lines or line starts, in several languages', t => {
	t.is(lookUpFurniture('Skip to main content')?.kind, 'skip');
	t.is(lookUpFurniture('View 2 comments')?.kind, 'comments');
	t.is(lookUpFurniture('Comments (14)')?.kind, 'comments');
	t.is(lookUpFurniture('Lire aussi : Les transports lyonnais')?.kind, 'related');
	t.is(lookUpFurniture('© 2024 Nordic Times. All rights reserved.')?.kind, 'copyright');
	t.is(lookUpFurniture('Anzeige')?.kind, 'ad');
	t.is(lookUpFurniture('関連記事')?.kind, 'related');
	t.is(lookUpFurniture('Editor Picks')?.isEnd, true);
	t.is(lookUpFurniture('The council will meet again in June.'), undefined);
});

test('wire leads: place and agency noted, the paragraph untouched', t => {
	t.deepEqual(readWireLead('SPOKANE, Wash. (AP) — Chinook salmon have returned'), {place: 'Spokane, Wash.', agency: 'AP'});
	t.deepEqual(readWireLead('PARIS (AFP) - The strike went on'), {place: 'Paris', agency: 'AFP'});
	t.deepEqual(readWireLead('SANTIAGO, June 12 (Reuters) - The mine resumed'), {place: 'Santiago', agency: 'Reuters'});
	t.deepEqual(readWireLead('June 12 (Reuters) - The mine resumed'), {agency: 'Reuters'});
	t.deepEqual(readWireLead('BERLIN — The coalition agreed'), {place: 'Berlin', agency: undefined});
	t.deepEqual(readWireLead('BERGEN, Norway, June 12, 2023 /PRNewswire/ -- Fjordline opened'), {place: 'Bergen', agency: 'PRNewswire', date: '2023-06-12'});
	t.is(readWireLead('The minister (AP) said'), undefined);
});

// Language and stopwords.

test('the page language from its script and stopwords', t => {
	t.is(detectLanguage('The council said on Monday that the path would reopen in the spring.').code, 'eng');
	t.is(detectLanguage('Le tramway ira bien jusqu’au centre de la commune, ont voté les élus mardi soir.').code, 'fra');
	t.is(detectLanguage('Die Stadtwerke wollen in den kommenden vier Jahren rund 2000 Wohnungen mit Wärmepumpen ausstatten.').code, 'deu');
	t.is(detectLanguage('El lago de la Albufera ha recuperado la transparencia de sus aguas por primera vez.').code, 'spa');
	t.is(detectLanguage('افتتحت يوم السبت أول محطة لتحلية مياه البحر').code, 'ara');
	t.is(detectLanguage('仙台市で記録的な大雪となり、市内の積雪は45センチに達した。').code, 'jpn');
	t.is(detectLanguage('杭州市第一百家城市书房3日在拱墅区开放。').code, 'zho');
	t.is(detectLanguage('부산 북항과 원도심을 잇는 보행교가 5일 개통했다.').code, 'kor');
	t.true(detectLanguage('仙台市').isUnspaced);
});

test('stopword shares: prose has many, a menu none', t => {
	const english = detectLanguage('The council said on Monday that the path would reopen.');
	const prose = countStopwords('The council said on Monday that the path would reopen in the spring, after a long dispute.', english);
	const menu = countStopwords('Home News Sport Business Culture Travel', english);
	t.true(prose.stopwords / prose.words > 0.3);
	t.is(menu.stopwords, 0);
});

// Units: wrapped paragraphs joined, single-newline lines kept apart.

test('a hard-wrapped paragraph is one unit; a menu column, a byline and a caption stay apart', t => {
	const wrapped = cutUnits(['The lantern boats were back on the water on Saturday night for the first time since', '2019, and the crowd on the sea wall was larger than the organisers had dared to plan', 'for.']);
	t.is(wrapped.length, 1);
	t.is(wrapped[0]!.from, 0);
	t.is(wrapped[0]!.to, 2);
	const dump = cutUnits(['Home', 'News', 'Sport', 'By Anna Berg', 'A ferry leaves the quay on Monday. (AFP)', 'The ferries carried more passengers than ever this winter, the city said.']);
	t.is(dump.length, 6);
	const japanese = cutUnits(['港の朝市が来月、五年ぶりに再開される。主催する漁業組合が', '二日、明らかにした。']);
	t.is(japanese.length, 1);
	t.is(japanese[0]!.text, '港の朝市が来月、五年ぶりに再開される。主催する漁業組合が二日、明らかにした。');
});
