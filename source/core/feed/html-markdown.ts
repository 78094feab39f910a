import TurndownService from 'turndown';
import {gfm} from '@joplin/turndown-plugin-gfm';
import {resolveUrl} from './read-values.js';

/**
HTML from a feed item or an extracted page, as Markdown: headings, lists, quotes, code, tables (GitHub style),
links made absolute against the item's base URL, and images as `[image: alt](url)` links (a terminal shows no
pictures). Scripts, styles, frames and forms are dropped with their content. The result is untrusted text still:
it is sanitised where it becomes an article, as every article is.
*/

let service: TurndownService | undefined;
let base = '';

function absolute(reference: string | null): string | undefined {
	if (reference === null || reference.trim() === '') {
		return undefined;
	}

	if (/^mailto:/i.test(reference.trim())) {
		return reference.trim();
	}

	return resolveUrl(reference.trim(), base || undefined);
}

/** Text for a link's label or an image's alt: one line, no Markdown brackets to break out of. */
function label(text: string): string {
	return text.replace(/\s+/g, ' ').replace(/[[\]]/g, '').trim();
}

function createService(): TurndownService {
	const created = new TurndownService({headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '_', hr: '---'});
	created.use(gfm);
	created.remove(['script', 'style', 'iframe', 'noscript', 'form', 'button', 'input', 'select', 'textarea', 'object', 'embed', 'svg', 'canvas', 'template'] as TurndownService.Filter);
	created.addRule('image', {
		filter: 'img',
		replacement(_content, node) {
			const element = node as HTMLElement;
			const alt = label(element.getAttribute('alt') ?? element.getAttribute('title') ?? '');
			const source = absolute(element.getAttribute('src'));
			const text = alt === '' ? '[image]' : `[image: ${alt}]`;
			return source === undefined ? text : `${text}(${source})`;
		},
	});
	created.addRule('link', {
		filter: node => node.nodeName === 'A' && node.getAttribute('href') !== null,
		replacement(content, node) {
			const href = absolute((node as HTMLElement).getAttribute('href'));
			const text = content.trim();
			if (href === undefined || text === '') {
				return content;
			}

			return `[${text}](${href.replaceAll('(', '%28').replaceAll(')', '%29').replaceAll(' ', '%20')})`;
		},
	});
	return created;
}

/** What `htmlToMarkdown` gives: the Markdown, and a warning when the HTML could only be kept as text. */
export type MarkdownResult = {readonly markdown: string; readonly warning?: string};

/**
Convert an HTML fragment to Markdown, resolving relative links and images against `baseUrl`. Total: HTML nested
too deeply for the converter (it recurses over the tree) comes back as its text, with a warning.
*/
export function htmlToMarkdown(html: string, baseUrl: string): MarkdownResult {
	service ??= createService();
	base = baseUrl;
	try {
		return {markdown: tidy(service.turndown(html))};
	} catch (error) {
		if (!(error instanceof RangeError)) {
			throw error;
		}

		const text = html.replace(/<[^<>]{0,2000}>/g, ' ').replace(/[ \t]+/g, ' ');
		return {markdown: tidy(service.escape(text)), warning: 'HTML nested too deeply; kept as plain text'};
	}
}

/** No runs of blank lines, no trailing spaces: what a person would write by hand. */
function tidy(markdown: string): string {
	return markdown.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim();
}
