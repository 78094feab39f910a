/**
HTML inside Markdown, read with htmlparser2 (the parser linkedom uses) into the few events a terminal can show:
text, line and paragraph breaks, images as their alt text, links, bold/italic/code/strike, and the start and end of
content a browser would not show (script, style, template). Comments, processing instructions, CDATA and declarations
produce nothing. The consumer (inline.ts) keeps the state across events, because Markdown splits inline HTML into one
token per tag.
*/
import {Parser} from 'htmlparser2';

/** Inline styles HTML can ask for. */
export type HtmlStyle = 'strong' | 'emphasis' | 'code' | 'strike';

/** What a piece of HTML means for the terminal. Text is decoded, not yet sanitised, whitespace as written. */
export type HtmlEvent =
	| {readonly type: 'text'; readonly text: string}
	| {readonly type: 'break'}
	| {readonly type: 'paragraph'}
	| {readonly type: 'image'; readonly alt: string}
	| {readonly type: 'open'; readonly tag: HtmlStyle | 'a' | 'pre'; readonly href?: string}
	| {readonly type: 'close'; readonly tag: HtmlStyle | 'a' | 'pre'}
	| {readonly type: 'hide'}
	| {readonly type: 'show'};

// Elements that stand on their own lines in a browser: their start and end are paragraph breaks.
const blockTags = new Set([
	'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
	'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
	'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'section', 'summary', 'table',
	'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);
// Elements whose content a browser does not show.
const hiddenTags = new Set(['script', 'style', 'template', 'head', 'title', 'noscript', 'iframe', 'object']);
const styleTags = new Map<string, HtmlStyle>([
	['b', 'strong'], ['strong', 'strong'], ['i', 'emphasis'], ['em', 'emphasis'], ['cite', 'emphasis'],
	['code', 'code'], ['kbd', 'code'], ['samp', 'code'], ['tt', 'code'], ['s', 'strike'], ['del', 'strike'], ['strike', 'strike'],
]);
const closingTag = /^<\/([A-Za-z][A-Za-z\d-]*)\s*>$/;

function closeEvent(name: string): HtmlEvent | undefined {
	if (name === 'a' || name === 'pre') {
		return {type: 'close', tag: name};
	}

	const style = styleTags.get(name);
	if (style) {
		return {type: 'close', tag: style};
	}

	if (hiddenTags.has(name)) {
		return {type: 'show'};
	}

	return blockTags.has(name) ? {type: 'paragraph'} : undefined;
}

/**
Read `html` and report what it shows, in order. With `isFragment` (one inline tag out of a paragraph), elements left
open at the end stay open for the consumer, and a lone closing tag still closes: htmlparser2 alone would drop both.
*/
export function readHtml(html: string, visit: (event: HtmlEvent) => void, isFragment = false): void {
	const lone = isFragment ? closingTag.exec(html) : null;
	if (lone) {
		const event = closeEvent(lone[1]!.toLowerCase());
		if (event) {
			visit(event);
		}

		return;
	}

	let isEnding = false;
	const parser = new Parser({
		onopentag(name, attributes) {
			if (name === 'br') {
				visit({type: 'break'});
			} else if (name === 'img') {
				visit({type: 'image', alt: attributes['alt'] ?? ''});
			} else if (name === 'a') {
				visit({type: 'open', tag: 'a', href: attributes['href']});
			} else if (name === 'pre') {
				visit({type: 'paragraph'});
				visit({type: 'open', tag: 'pre'});
			} else if (hiddenTags.has(name)) {
				visit({type: 'hide'});
			} else if (styleTags.has(name)) {
				visit({type: 'open', tag: styleTags.get(name)!});
			} else if (blockTags.has(name)) {
				visit({type: 'paragraph'});
			} else if (name === 'td' || name === 'th') {
				visit({type: 'text', text: ' '});
			}
		},
		onclosetag(name, isImplied) {
			// Void elements (br, img) report an implied close at once; a fragment's open elements, at its end.
			if (isImplied && (isEnding || name === 'br' || name === 'img')) {
				return;
			}

			const event = closeEvent(name);
			if (event) {
				visit(event);
				if (name === 'pre') {
					visit({type: 'paragraph'});
				}
			}
		},
		ontext(text) {
			visit({type: 'text', text});
		},
	}, {decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true});
	parser.write(html);
	isEnding = isFragment;
	parser.end();
}
