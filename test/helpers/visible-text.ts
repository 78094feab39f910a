import {Parser} from 'htmlparser2';

// Elements a browser puts on lines of their own.
const blocks = new Set(['address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul']);
const hidden = new Set(['script', 'style', 'template', 'head', 'title', 'noscript', 'iframe', 'object']);

/**
The text a reader sees in a piece of HTML, whitespace collapsed: what a browser shows, with two conventions of the
terminal renderer spelled out (an image is `[image: alt]`, an ordered list item starts with its number).
*/
export function visibleHtmlText(html: string): string {
	let text = '';
	let hiddenDepth = 0;
	const lists: Array<{ordered: boolean; next: number}> = [];
	const parser = new Parser({
		onopentag(name, attributes) {
			if (hidden.has(name)) {
				hiddenDepth++;
			} else if (name === 'img') {
				const alt = (attributes['alt'] ?? '').trim();
				text += alt === '' ? '[image]' : `[image: ${alt}]`;
			} else if (name === 'ol' || name === 'ul') {
				lists.push({ordered: name === 'ol', next: Number.parseInt(attributes['start'] ?? '1', 10)});
			} else if (name === 'li' && lists.at(-1)?.ordered) {
				text += ` ${lists.at(-1)!.next++}. `;
			}

			if (blocks.has(name)) {
				text += ' ';
			}
		},
		onclosetag(name) {
			if (hidden.has(name)) {
				hiddenDepth = Math.max(0, hiddenDepth - 1);
			} else if (name === 'ol' || name === 'ul') {
				lists.pop();
			}

			if (blocks.has(name)) {
				text += ' ';
			}
		},
		ontext(data) {
			if (hiddenDepth === 0) {
				text += data;
			}
		},
	}, {decodeEntities: true, lowerCaseTags: true});
	parser.write(html);
	parser.end();
	return text.replace(/\s+/g, ' ').trim();
}

// One mark of a container at the start of a rendered line: spaces, then a quote bar, a bullet or a list number.
const containerMark = /^( *)(│ ?|[•◦▪](?: |$)|\d+\. )/;

/**
The text a reader sees in `show --format plain` output of an article body, whitespace collapsed: the header (the
given number of lines), the Links section and the `[n]` link numbers, rules and heading underlines, quote bars, bullets
and the ↪ that continues a wrapped code line are the renderer's own, not the article's.
*/
export function visibleRenderedText(output: string, headerLines: number): string {
	let lines = output.replace(/\n$/, '').split('\n').slice(headerLines);
	let links = 0;
	const section = lines.lastIndexOf('Links');
	if (section !== -1 && lines[section + 1] === '─────' && lines.slice(section + 2).every(line => /^ *(?:\[\d+\])? /.test(line))) {
		links = lines.slice(section + 2).filter(line => /^ *\[\d+\] /.test(line)).length;
		lines = lines.slice(0, section);
	}

	const kept: string[] = [];
	for (const line of lines) {
		// The container prefix: quote bars and bullets are drawn by the renderer; list numbers are the article's.
		let prefix = '';
		let rest = line;
		for (let match = containerMark.exec(rest); match; match = containerMark.exec(rest)) {
			prefix += /\d/.test(match[2]!) ? `${match[1]}${match[2]}` : match[1];
			rest = rest.slice(match[0].length);
		}

		if (/^[─═]+$/.test(rest.trim())) {
			continue;
		}

		const content = prefix + rest;
		const continued = /^ *↪ (.*)$/.exec(content);
		if (continued && kept.length > 0) {
			kept[kept.length - 1] += continued[1]!;
		} else {
			kept.push(content);
		}
	}

	let text = kept.join('\n');
	for (let number = 1; number <= links; number++) {
		text = text.replaceAll(`[${number}]`, '');
	}

	return text.replace(/\s+/g, ' ').trim();
}
