import {decodeEntities} from '../../text/entities.js';
import {isClean, sanitizeText} from '../../text/sanitize.js';
import {decideBody, isKept} from './body.js';
import {classifyUnits, type Block, type BlockKind} from './classify.js';
import {readHeader} from './header.js';
import {detectLanguage} from './language.js';
import {collectFields, type RawFields} from './metadata.js';
import {cutUnits} from './units.js';

/**
Scraped article text (a page's visible text saved as .txt, copied from a browser or dumped by a scraper) turned into
clean metadata and a Markdown body. The page is cut into blocks (units.ts), each block is judged by its shape and
features (classify.ts), the header is found (header.ts), the text decided (body.ts) and the fields read
(metadata.ts). Every decision is kept with its reason, so `explainRawText` can say why any line vanished.
*/

/** What a scraped page yields: metadata when recognised, and the body as Markdown. */
export type RawArticle = RawFields & {
	/** The headline, or the start of the first paragraph when the page has none; undefined only for an empty page. */
	title?: string;
	/** The page's language, as ISO 639-3 ("eng", "fra", "jpn"). */
	language?: string;
	body: string;
};

/** One decision of the cleaner: which lines (1-based, inclusive), what they were taken for, and why. */
export type RawDecision = {
	readonly from: number;
	readonly to: number;
	readonly kind: BlockKind;
	readonly reason: string;
	readonly isKept: boolean;
	readonly text: string;
};

type Analysis = {blocks: Block[]; fields: RawFields; title?: string; language: string};

/** The input as lines, sanitised once up front and after decoding: every field and the body are cut from these. */
function toLines(input: string): string[] {
	let text = decodeEntities(input.replace(/^\uFEFF/, ''));
	if (text.includes('\r')) {
		text = text.replaceAll('\r\n', '\n').replaceAll('\r', '\n');
	}

	return (isClean(text) ? text : sanitizeText(text)).split('\n').map(line => line.trim());
}

/** A sample of the page's longest lines for telling its language: menus say little, sentences a lot. */
function sampleText(blocks: readonly {text: string}[]): string {
	const sample: string[] = [];
	let length = 0;
	for (const block of blocks) {
		if (block.text.length >= 25 && length < 1000) {
			sample.push(block.text.slice(0, 1000));
			length += block.text.length;
		}
	}

	return length > 0 ? sample.join(' ') : blocks.slice(0, 200).map(block => block.text).join(' ');
}

function analyse(input: string): Analysis {
	const units = cutUnits(toLines(input));
	const language = detectLanguage(sampleText(units));
	const blocks = classifyUnits(units, language);
	const header = readHeader(blocks, language);
	const title = header.title === -1 ? undefined : blocks[header.title]!.text;
	const author = blocks.slice(0, header.headEnd).find(block => block.label?.type === 'byline' && block.label.byline.name);
	decideBody(blocks, header, {
		isUnspaced: language.isUnspaced,
		title,
		author: author?.label?.type === 'byline' ? author.label.byline.name : undefined,
	});
	const fields = collectFields(blocks, header, language.locale);
	return {blocks, fields, title, language: language.code};
}

const inlineSpecial = /[\\`*_[\]<>|~]|&(?=[#A-Za-z])/g;

/** Escape text so Markdown renders it as written: inline syntax anywhere, block syntax at the start. */
export function escapeMarkdown(text: string): string {
	const escaped = text.replace(inlineSpecial, '\\$&');
	if (/^(?:#|[+=-](?:\s|$)|-{3})/.test(escaped)) {
		return `\\${escaped}`;
	}

	return escaped.replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** The kept blocks as Markdown: paragraphs, `##` subheadings and live-update times, lists (consecutive items). */
function renderBody(blocks: readonly Block[]): string {
	const parts: string[] = [];
	let previous: Block | undefined;
	for (const block of blocks) {
		if (!isKept(block)) {
			continue;
		}

		const text = escapeMarkdown(block.text);
		if (block.kind === 'list-item') {
			const {number} = block.unit;
			const marker = number === undefined ? '- ' : `${number}. `;
			const isSameList = previous?.kind === 'list-item' && (previous.unit.number === undefined) === (number === undefined);
			parts.push(`${isSameList ? '\n' : (parts.length > 0 ? '\n\n' : '')}${marker}${text}`);
		} else {
			parts.push(`${parts.length > 0 ? '\n\n' : ''}${block.kind === 'heading' || block.kind === 'timestamp' ? '## ' : ''}${text}`);
		}

		previous = block;
	}

	return parts.join('');
}

/** A title from a paragraph when the page has no headline: its first sentence, at most about 120 characters. */
function titleFromText(text: string): string {
	const head = text.slice(0, 160);
	const sentence = /^(.{20,140}?[.!?。！？])(?:\s|$)/.exec(head);
	if (sentence) {
		return sentence[1]!;
	}

	if (text.length <= 120) {
		return text;
	}

	const space = head.lastIndexOf(' ', 120);
	return `${head.slice(0, space > 60 ? space : 120)}…`;
}

/** Parse a scraped page. Never throws; fields are sanitised; the body is escaped Markdown. */
export function parseRawText(input: string): RawArticle {
	const {blocks, fields, title, language} = analyse(input);
	const first = blocks.find(block => isKept(block));
	const article: RawArticle = {
		title: title ?? (first ? titleFromText(first.text) : undefined),
		source: fields.source,
		author: fields.author,
		date: fields.date,
		caption: fields.caption,
		body: renderBody(blocks),
	};
	for (const key of ['dateline', 'agency'] as const) {
		if (fields[key] !== undefined) {
			article[key] = fields[key];
		}
	}

	if (blocks.length > 0) {
		article.language = language;
	}

	return article;
}

/** Every decision the cleaner makes on a page, in page order: each block's lines, kind and reason. */
export function explainRawText(input: string): RawDecision[] {
	return analyse(input).blocks.map(block => ({
		from: block.unit.from + 1,
		to: block.unit.to + 1,
		kind: block.kind ?? 'paragraph',
		reason: block.reason ?? 'text',
		isKept: isKept(block),
		text: block.text,
	}));
}

/** Text cut to `room` characters, with "…" when cut. */
function cut(text: string, room: number): string {
	return text.length > room ? `${text.slice(0, Math.max(0, room - 1))}…` : text;
}

/**
The decisions as lines of at most `width` characters: "  12-14  drop  nav          menu line above the headline
«World UK…»". The text is cut first (to no less than 16 characters), then the reason.
*/
export function formatRawExplanation(decisions: readonly RawDecision[], width = 100): string {
	const lines: string[] = [];
	for (const decision of decisions) {
		const range = decision.from === decision.to ? String(decision.from) : `${decision.from}-${decision.to}`;
		const head = `${range.padStart(9)}  ${decision.isKept ? 'keep' : 'drop'}  ${decision.kind.padEnd(12)} `;
		const reason = cut(decision.reason, Math.max(10, width - head.length - 2 - 16 - 2));
		const room = Math.max(16, width - head.length - reason.length - 4);
		lines.push(`${head}${reason}  «${cut(decision.text, room)}»`);
	}

	return lines.join('\n');
}
