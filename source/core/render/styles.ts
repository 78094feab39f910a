/**
inkwire's own styling, decided by a boolean rather than by the environment: chalk and marked-terminal read
FORCE_COLOR and the TTY state of process.stdout, which a pure renderer must not depend on.
*/

/** A style applied to already-sanitised text. */
export type Paint = (text: string) => string;

/** Every style the renderer uses; all identities when colour is off, so plain output has no escape at all. */
export type Styles = {
	readonly title: Paint;
	readonly meta: Paint;
	readonly caption: Paint;
	readonly heading: Paint;
	readonly subheading: Paint;
	readonly strong: Paint;
	readonly emphasis: Paint;
	readonly strike: Paint;
	readonly code: Paint;
	readonly link: Paint;
	readonly url: Paint;
	readonly quote: Paint;
	readonly quoteBar: Paint;
	readonly rule: Paint;
	readonly image: Paint;
	readonly marker: Paint;
};

/**
An SGR style. Like chalk, it reopens itself after any inner use of its own closing code, so `bold` inside a bold
heading does not end the heading's bold early.
*/
function sgr(open: number[], close: number[]): Paint {
	const openCode = open.map(code => `\u001B[${code}m`).join('');
	const closeCodes = close.map(code => `\u001B[${code}m`);
	const closeCode = closeCodes.join('');
	return text => {
		if (text === '') {
			return text;
		}

		let inner = text;
		for (const code of closeCodes) {
			inner = inner.replaceAll(code, code + openCode);
		}

		return openCode + inner + closeCode;
	};
}

const identity: Paint = text => text;

const plainStyles: Styles = {
	title: identity,
	meta: identity,
	caption: identity,
	heading: identity,
	subheading: identity,
	strong: identity,
	emphasis: identity,
	strike: identity,
	code: identity,
	link: identity,
	url: identity,
	quote: identity,
	quoteBar: identity,
	rule: identity,
	image: identity,
	marker: identity,
};

const colorStyles: Styles = {
	title: sgr([1], [22]),
	meta: sgr([2], [22]),
	caption: sgr([3, 2], [23, 22]),
	heading: sgr([1, 36], [22, 39]),
	subheading: sgr([1], [22]),
	strong: sgr([1], [22]),
	emphasis: sgr([3], [23]),
	strike: sgr([9], [29]),
	code: sgr([33], [39]),
	link: sgr([34, 4], [39, 24]),
	url: sgr([2], [22]),
	quote: sgr([3], [23]),
	quoteBar: sgr([2], [22]),
	rule: sgr([2], [22]),
	image: sgr([2], [22]),
	marker: sgr([36], [39]),
};

/** The styles for a render: real SGR codes when `color` is true, identities otherwise. */
export function createStyles(color: boolean): Styles {
	return color ? colorStyles : plainStyles;
}

// Named character references common in scraped news text. None of them decodes to a control character.
const namedEntities = new Map<string, string>(Object.entries({
	amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'', nbsp: '\u00A0', copy: '©', reg: '®', trade: '™',
	mdash: '—', ndash: '–', hellip: '…', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
	laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', middot: '·', bull: '•', deg: '°', euro: '€', pound: '£',
	yen: '¥', cent: '¢', sect: '§', para: '¶', times: '×', divide: '÷', plusmn: '±', frac12: '½', frac14: '¼',
	frac34: '¾', prime: '′', Prime: '″', dagger: '†', shy: '\u00AD', thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003',
}));

/**
Decode character references in one pass, so `&amp;#27;` becomes the text `&#27;` and never an ESC byte.
Numeric references are decoded only when `isNumericDecoded` (for link targets and raw HTML, which marked leaves
encoded); the caller sanitises the result either way.
*/
export function decodeEntities(text: string, isNumericDecoded: boolean): string {
	if (!text.includes('&')) {
		return text;
	}

	return text.replace(/&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{1,31}));/g, (reference, decimal?: string, hex?: string, name?: string) => {
		if (name !== undefined) {
			return namedEntities.get(name) ?? reference;
		}

		if (!isNumericDecoded) {
			return reference;
		}

		const code = decimal === undefined ? Number.parseInt(hex!, 16) : Number.parseInt(decimal, 10);
		return code === 0 || code > 0x10_FF_FF || (code >= 0xD8_00 && code <= 0xDF_FF) ? '\uFFFD' : String.fromCodePoint(code);
	});
}
