/**
inkwire's own styling, decided by a boolean rather than by the environment: chalk reads
FORCE_COLOR and the TTY state of process.stdout, which a pure renderer must not depend on.
*/

/** A style applied to already-sanitised text. */
export type Paint = (text: string) => string;

/** Every style the renderer uses; all identities when colour is off, so plain output has no escape at all. */
export type Styles = {
	readonly title: Paint;
	readonly meta: Paint;
	readonly caption: Paint;
	/** Headings by level: H1, H2, H3, and H4-H6 alike. */
	readonly headings: readonly [Paint, Paint, Paint, Paint];
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
	/** The `[3]` after a link. */
	readonly linkNumber: Paint;
	/** A line saying the article is shown simplified. */
	readonly warning: Paint;
	/** The `↪` that starts a wrapped line of code. */
	readonly continuation: Paint;
	/** Syntax colours for highlighted code, by highlight.js scope (`keyword`, `string`, `title.function`…). */
	readonly syntax: (scope: string) => Paint;
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
	headings: [identity, identity, identity, identity],
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
	linkNumber: identity,
	warning: identity,
	continuation: identity,
	syntax: () => identity,
};

// highlight.js scopes in the terminal's own 16 colours, so they follow the user's theme.
const syntaxColors = new Map<string, Paint>([
	['keyword', sgr([35], [39])],
	['built_in', sgr([36], [39])],
	['type', sgr([36], [39])],
	['literal', sgr([35], [39])],
	['number', sgr([33], [39])],
	['string', sgr([32], [39])],
	['regexp', sgr([31], [39])],
	['symbol', sgr([33], [39])],
	['subst', identity],
	['comment', sgr([2], [22])],
	['doctag', sgr([2, 3], [23, 22])],
	['meta', sgr([2], [22])],
	['title', sgr([34], [39])],
	['function', sgr([34], [39])],
	['class', sgr([34], [39])],
	['params', identity],
	['attr', sgr([33], [39])],
	['attribute', sgr([33], [39])],
	['variable', sgr([31], [39])],
	['tag', sgr([34], [39])],
	['name', sgr([34], [39])],
	['selector-tag', sgr([34], [39])],
	['selector-class', sgr([33], [39])],
	['selector-id', sgr([33], [39])],
	['property', sgr([36], [39])],
	['section', sgr([1], [22])],
	['bullet', sgr([36], [39])],
	['emphasis', sgr([3], [23])],
	['strong', sgr([1], [22])],
	['addition', sgr([32], [39])],
	['deletion', sgr([31], [39])],
	['link', sgr([4], [24])],
	['quote', sgr([2], [22])],
]);

const colorStyles: Styles = {
	title: sgr([1], [22]),
	meta: sgr([2], [22]),
	caption: sgr([3, 2], [23, 22]),
	headings: [sgr([1, 35], [22, 39]), sgr([1, 36], [22, 39]), sgr([1], [22]), sgr([1, 3], [23, 22])],
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
	linkNumber: sgr([2], [22]),
	warning: sgr([33], [39]),
	continuation: sgr([2], [22]),
	syntax: scope => syntaxColors.get(scope) ?? syntaxColors.get(scope.split('.')[0]!) ?? identity,
};

/** The styles for a render: real SGR codes when `color` is true, identities otherwise. */
export function createStyles(color: boolean): Styles {
	return color ? colorStyles : plainStyles;
}

