import {sanitizeLine} from './sanitize.js';

/**
HTML entities that scraped text and hand-written front matter leak ("Q&amp;A", "&#8217;"). Decoding happens before
sanitising, so an encoded control character (`&#27;`) is decoded and then removed instead of surviving as text.
*/

const named = new Map<string, string>(Object.entries({
	amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'', nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', lsquo: '‘',
	rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', reg: '®', trade: '™', deg: '°',
	middot: '·', bull: '•', eacute: 'é', egrave: 'è', aacute: 'á', agrave: 'à', oacute: 'ó', uacute: 'ú',
	iacute: 'í', ntilde: 'ñ', ccedil: 'ç', uuml: 'ü', ouml: 'ö', auml: 'ä', szlig: 'ß', shy: '', zwnj: '', zwj: '',
}));

// Bounded digits and names keep this linear on any input.
const entity = /&(?:#(\d{1,7})|#[xX]([\dA-Fa-f]{1,6})|([A-Za-z]{2,8}));/g;

/** Decode numeric and common named HTML entities; unknown names stay as written. */
export function decodeEntities(text: string): string {
	if (!text.includes('&')) {
		return text;
	}

	return text.replace(entity, (whole, decimal?: string, hex?: string, name?: string) => {
		if (name !== undefined) {
			return named.get(name) ?? named.get(name.toLowerCase()) ?? whole;
		}

		const code = decimal === undefined ? Number.parseInt(hex!, 16) : Number(decimal);
		// Surrogate halves and out-of-range code points would make broken strings: drop them.
		if (code > 0x10_FF_FF || (code >= 0xD8_00 && code <= 0xDF_FF)) {
			return '';
		}

		return String.fromCodePoint(code);
	});
}

/** A single-line field ready for the model: entities decoded, then sanitised (never the other way round). */
export function cleanLine(text: string): string {
	return sanitizeLine(decodeEntities(text));
}
