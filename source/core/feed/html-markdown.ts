import {NodeHtmlMarkdown, type TranslatorConfigObject} from 'node-html-markdown';
import {parse as parseHtml, type HTMLElement, type Node} from 'node-html-parser';
import {resolveUrl} from './read-values.js';

/**
HTML from a feed item or an extracted page, as Markdown: headings, lists, quotes, code, tables (GitHub style), links
made absolute against the item's base URL, and images as `[image: alt](url)` links (a terminal shows no pictures).
Scripts, styles, frames and forms are dropped with their content. The result is still untrusted text: it is
sanitised where it becomes an article, as every article is.

node-html-markdown rather than turndown (+ the GFM plugin), measured here on a feed item of eight paragraphs:
0.06 ms against 0.20 ms; for a fetch of 5,000 items turndown alone took 2.8 s of 10 s.
*/

let base = '';

function absolute(reference: string | null | undefined): string | undefined {
	const trimmed = reference?.trim() ?? '';
	if (trimmed === '') {
		return undefined;
	}

	if (/^mailto:/i.test(trimmed)) {
		return trimmed;
	}

	return resolveUrl(trimmed, base || undefined);
}

/** Text for a link's label or an image's alt: one line, no brackets to break out of the Markdown. */
function label(text: string): string {
	return text.replace(/\s+/g, ' ').replace(/[[\]]/g, '').trim();
}

function destination(url: string): string {
	return url.replaceAll('(', '%28').replaceAll(')', '%29').replaceAll(' ', '%20');
}

const translators: TranslatorConfigObject = {
	img({node}) {
		const alt = label(node.getAttribute('alt') ?? node.getAttribute('title') ?? '');
		const source = absolute(node.getAttribute('src'));
		const text = alt === '' ? '[image]' : `[image: ${alt}]`;
		return {content: source === undefined ? text : `${text}(${destination(source)})`, recurse: false};
	},
	a({node}) {
		const href = absolute(node.getAttribute('href'));
		return href === undefined ? {} : {
			postprocess: ({content}) => content.trim() === '' ? content : `[${content.trim()}](${destination(href)})`,
		};
	},
};

let converter: NodeHtmlMarkdown | undefined;

/** What `htmlToMarkdown` gives: the Markdown, and a warning when the HTML could only be kept as text. */
export type MarkdownResult = {readonly markdown: string; readonly warning?: string};

/**
Convert an HTML fragment to Markdown, resolving relative links and images against `baseUrl`. Total: HTML nested
too deeply for the converter (it recurses over the tree) comes back as its text, with a warning.
*/
export function htmlToMarkdown(html: string, baseUrl: string): MarkdownResult {
	converter ??= new NodeHtmlMarkdown({
		bulletMarker: '-',
		codeBlockStyle: 'fenced',
		useLinkReferenceDefinitions: false,
		keepDataImages: false,
		ignore: ['script', 'style', 'iframe', 'noscript', 'form', 'button', 'input', 'select', 'textarea', 'object', 'embed', 'svg', 'canvas', 'template', 'head'],
	}, translators);
	base = baseUrl;
	try {
		const chunks = html.length > chunkThreshold ? splitIntoChunks(html) : [html];
		return {markdown: tidy(chunks.map(chunk => converter!.translate(chunk)).join('\n\n'))};
	} catch (error) {
		if (!(error instanceof RangeError)) {
			throw error;
		}

		const text = html.replace(/<[^<>]{0,2000}>/g, ' ').replace(/[ \t]+/g, ' ').replace(/[\\`*_[\]#<>]/g, '\\$&');
		return {markdown: tidy(text), warning: 'HTML nested too deeply; kept as plain text'};
	}
}

// node-html-markdown takes time quadratic in the number of sibling blocks (1,000 paragraphs: 0.3 s; 2,000: 1.3 s;
// a long page's 4,000: 7 s), so a large fragment is converted in pieces of whole top-level elements.
const chunkThreshold = 64 * 1024;
const chunkSize = 16 * 1024;
const wrappers = new Set(['html', 'body', 'main', 'article', 'section', 'div']);

function isElement(node: Node): node is HTMLElement {
	return node.nodeType === 1;
}

/** The fragment as pieces of whole elements: below the wrappers (one `<div>` holding everything), in document order. */
function splitIntoChunks(html: string): string[] {
	let container = parseHtml(html, {comment: false});
	for (let depth = 0; depth < 100; depth++) {
		const meaningful = container.childNodes.filter(node => isElement(node) || node.text.trim() !== '');
		const [only] = meaningful;
		if (meaningful.length !== 1 || only === undefined || !isElement(only) || !wrappers.has(only.tagName.toLowerCase())) {
			break;
		}

		container = only;
	}

	const chunks: string[] = [];
	let current = '';
	for (const node of container.childNodes) {
		current += node.toString();
		if (current.length >= chunkSize) {
			chunks.push(current);
			current = '';
		}
	}

	if (current !== '') {
		chunks.push(current);
	}

	return chunks;
}

/** No runs of blank lines, no trailing spaces beyond a hard break: what a person would write by hand. */
function tidy(markdown: string): string {
	// Most items need neither pass: testing first saved a tenth of a fetch's conversion time.
	let text = markdown;
	if (/[ \t]\n|\t$/.test(text)) {
		text = text.replace(/[ \t]+$/gm, match => match === '  ' ? match : '');
	}

	if (text.includes('\n\n\n')) {
		text = text.replace(/\n{3,}/g, '\n\n');
	}

	return text.trim();
}
