import {decodeEntities} from '../../text/entities.js';
import {isSameLine, readRawHeader} from './header.js';
import {isClean, sanitizeText} from '../../text/sanitize.js';

/**
Scraped article text (a page's visible text saved as .txt) turned into clean metadata and a Markdown body. Everything
works line by line with anchored, bounded patterns, so the cost stays linear however hostile the input.
*/

/** What a scraped page yields: metadata when recognised, and the body as Markdown. */
export type RawArticle = {
	/** The headline, or the start of the first paragraph when the page has none; undefined only for an empty page. */
	title?: string;
	source?: string;
	author?: string;
	date?: string;
	caption?: string;
	body: string;
};

type Item =
	| {kind: 'paragraph'; text: string}
	| {kind: 'heading'; text: string}
	| {kind: 'list'; items: string[]}
	| {kind: 'ordered'; start: number; items: string[]};

const sentenceEnd = /[.!?。！？؟]["”»’'）)]?$/;
const closingPunctuation = /[.!?:;,”"')\]’…»。！？：；，」』）؟،؛]$/;
const listMarker = /^[-•*–·▪◦]\s+(\S.*)$/;
const orderedMarker = /^(\d{1,3})[.)]\s+(\S.*)$/;
const cjk = /[\u3040-\u30FF\u3400-\u9FFF\uF900-\uFAFF\uFF66-\uFF9F]/;

// Site furniture that ends an article; with nothing substantial after it, it and everything after it are dropped.
const endMarker = /^(?:editor'?s?’?\s?picks?|share this(?: article| story| page| post)?|share on .{1,30}|related(?: articles?| stories| news| content| coverage| topics| posts| reading)?|related\s?:.{0,200}|advertisement|most (?:popular|read|viewed|shared)|read more\b.{0,200}|more (?:from|on|stories)\b.{0,60}|you (?:may|might) also (?:like|be interested in).{0,40}|recommended(?: for you| stories| articles)?|subscribe\b.{0,120}|sign up\b.{0,120}|follow us\b.{0,80}|(?:©|\(c\)|copyright)\s?©?\s?\d{4}.{0,160}|.{0,120}all rights reserved.{0,40}|tags?\s?:.{0,200}|topics\s?:.{0,200}|trending(?: now)?|top stories|latest (?:news|stories)|comments?|leave a (?:comment|reply)|newsletter|関連記事|関連ニュース|相关新闻|相关阅读|推荐阅读|اقرأ أيضا[ًً]?.{0,200}|اقرأ المزيد.{0,200})$/i;
// Lines that are furniture wherever they stand; dropping them never loses article text.
const strayLine = /^(?:advertisement|story continues below(?: advertisement)?|continue reading(?: below)?|scroll to continue(?: with content)?|listen to this article|share this (?:article|story)|(?:read more|also read|read also|see also|related)\s?:.{0,200})$/i;

// Headers of link boxes ("Related", "Most Popular") that sites also drop between paragraphs.
const linkListHeader = /^(?:related(?: articles?| stories| news| content| coverage| posts)?|most (?:popular|read|viewed|shared)|editor'?s?’?\s?picks?|recommended(?: for you| stories| articles)?|you (?:may|might) also (?:like|be interested in)|more (?:from|on) .{1,40}|top stories|trending(?: now)?|latest (?:news|stories)|関連記事|関連ニュース|相关新闻|相关阅读|推荐阅读)$/i;

/** Edges trimmed; inner runs of spaces are harmless in Markdown and left alone (scanning for them cost a fifth of the time). */
function normalizeLine(line: string): string {
	return line.trim();
}

function isSubstantial(line: string): boolean {
	if (line.length >= 200) {
		return true;
	}

	return sentenceEnd.test(line) && !line.endsWith('?') && (line.split(' ').length >= 5 || (cjk.test(line) && line.length >= 15));
}

/** Drop trailing site furniture: the earliest end marker after the last substantial line, and everything after it. */
function cutFurniture(lines: string[]): string[] {
	let cut = lines.length;
	let seen = 0;
	for (let index = lines.length - 1; index >= 0 && seen < 40; index--) {
		const line = lines[index]!;
		if (line === '') {
			continue;
		}

		seen++;
		if (line.length <= 300 && endMarker.test(line)) {
			cut = index;
		} else if (isSubstantial(line)) {
			break;
		}
	}

	const kept = lines.slice(0, cut);
	for (let index = 0; index < kept.length; index++) {
		const line = kept[index]!;
		if (line.length <= 220 && strayLine.test(line)) {
			kept[index] = '';
		} else if (line.length <= 60 && linkListHeader.test(line)) {
			// A "Related" box in mid-article: its header and the headline links right under it go, the story stays.
			kept[index] = '';
			for (let next = index + 1; next < kept.length && kept[next] !== '' && kept[next]!.length <= 120 && !sentenceEnd.test(kept[next]!); next++) {
				kept[next] = '';
			}
		}
	}

	return kept;
}

/**
What goes between two hard-wrapped lines: nothing between CJK characters or after a word broken at a hyphen, else a
space. Only the two lines meeting are looked at, so joining thousands of lines stays linear.
*/
function wrapGlue(left: string, right: string): string {
	const last = left.at(-1) ?? '';
	const first = right[0] ?? '';
	if ((cjk.test(last) || /[。、，「」]/.test(last)) && cjk.test(first)) {
		return '';
	}

	return last === '-' && /\p{L}/u.test(left.at(-2) ?? '') && /\p{Ll}/u.test(first) ? '' : ' ';
}

function joinLines(lines: readonly string[]): string {
	const parts: string[] = [lines[0] ?? ''];
	for (let index = 1; index < lines.length; index++) {
		parts.push(wrapGlue(lines[index - 1]!, lines[index]!), lines[index]!);
	}

	return parts.join('');
}

/** Plain lines of one block: one hard-wrapped paragraph, or one paragraph per line when the page uses single newlines. */
function pushPlain(run: readonly string[], items: Item[]): void {
	const inner = run.slice(0, -1);
	let longest = 0;
	let ended = 0;
	for (const line of inner) {
		longest = Math.max(longest, line.length);
		ended += sentenceEnd.test(line) ? 1 : 0;
	}

	const isWrapped = inner.length > 0 && longest <= 160 && ended * 2 < inner.length;
	if (!isWrapped) {
		for (const line of run) {
			items.push({kind: 'paragraph', text: line});
		}

		return;
	}

	let from = 0;
	// A wrapped paragraph's first line is full width; a much shorter one standing first is a subhead glued on top.
	if (run.length >= 3 && run[0]!.length < longest * 0.6 && !closingPunctuation.test(run[0]!)) {
		items.push({kind: 'paragraph', text: run[0]!});
		from = 1;
	}

	items.push({kind: 'paragraph', text: joinLines(from === 0 ? run : run.slice(from))});
}

function pushBlock(block: readonly string[], items: Item[]): void {
	let run: string[] = [];
	const flush = (): void => {
		if (run.length > 0) {
			pushPlain(run, items);
			run = [];
		}
	};

	for (let index = 0; index < block.length;) {
		const line = block[index]!;
		const bullet = listMarker.exec(line);
		if (bullet) {
			flush();
			// Each item is a run of lines: its marker line plus lower-case continuation lines wrapped under it.
			const list: string[][] = [[bullet[1]!]];
			index++;
			for (; index < block.length; index++) {
				const next = listMarker.exec(block[index]!);
				if (next) {
					list.push([next[1]!]);
				} else if (/^\p{Ll}/u.test(block[index]!)) {
					list.at(-1)!.push(block[index]!);
				} else {
					break;
				}
			}

			items.push({kind: 'list', items: list.map(lines => joinLines(lines))});
			continue;
		}

		const numbered = orderedMarker.exec(line);
		const following = numbered ? orderedMarker.exec(block[index + 1] ?? '') : undefined;
		if (numbered && following && Number(following[1]) === Number(numbered[1]) + 1) {
			flush();
			const start = Number(numbered[1]);
			const list: string[] = [];
			for (let next: RegExpExecArray | null = numbered; next && Number(next[1]) === start + list.length; next = orderedMarker.exec(block[index] ?? '')) {
				list.push(next[2]!);
				index++;
			}

			items.push({kind: 'ordered', start, items: list});
			continue;
		}

		run.push(line);
		index++;
	}

	flush();
}

function isSubheadCandidate(item: Item | undefined): boolean {
	if (item?.kind !== 'paragraph') {
		return false;
	}

	const {text} = item;
	const limit = cjk.test(text) ? 30 : 80;
	return text.length <= limit && text.split(' ').length <= 8 && !closingPunctuation.test(text) && /\p{L}/u.test(text);
}

/** Short unpunctuated one-line paragraphs standing between body paragraphs are the page's subheadings. */
function promoteSubheads(items: Item[]): void {
	for (let index = 1; index < items.length - 1; index++) {
		const previous = items[index - 1]!;
		const next = items[index + 1]!;
		if (isSubheadCandidate(items[index]) && previous.kind !== 'heading' && !isSubheadCandidate(previous)
			&& (next.kind === 'list' || next.kind === 'ordered' || (next.kind === 'paragraph' && !isSubheadCandidate(next)))) {
			items[index] = {kind: 'heading', text: (items[index] as {text: string}).text};
		}
	}
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

function renderItem(item: Item): string {
	switch (item.kind) {
		case 'heading': {
			return `## ${escapeMarkdown(item.text)}`;
		}

		case 'list': {
			return item.items.map(text => `- ${escapeMarkdown(text)}`).join('\n');
		}

		case 'ordered': {
			return item.items.map((text, offset) => `${item.start + offset}. ${escapeMarkdown(text)}`).join('\n');
		}

		default: {
			return escapeMarkdown(item.text);
		}
	}
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
	const decoded = decodeEntities(input.replace(/^\uFEFF/, ''));
	// Sanitised once, up front and after decoding: every field and the body are cut from these lines.
	const lines = (isClean(decoded) ? decoded : sanitizeText(decoded)).split('\n').map(line => normalizeLine(line));
	const nonBlank: number[] = [];
	for (let index = 0; index < lines.length && nonBlank.length < 14; index++) {
		if (lines[index] !== '') {
			nonBlank.push(index);
		}
	}

	const header = readRawHeader(nonBlank.map(index => lines[index]!));
	const bodyStart = header.end < nonBlank.length ? nonBlank[header.end]! : (nonBlank.length < 14 ? lines.length : nonBlank.at(-1)! + 1);
	const bodyLines = cutFurniture(lines.slice(bodyStart));

	let items: Item[] = [];
	let block: string[] = [];
	for (const line of [...bodyLines, '']) {
		if (line === '') {
			if (block.length > 0) {
				pushBlock(block, items);
				block = [];
			}
		} else {
			block.push(line);
		}
	}

	// The page may repeat the headline further down or print the caption again as a paragraph.
	items = items.filter((item, index) => item.kind !== 'paragraph'
		|| !((index < 6 && header.title !== undefined && isSameLine(item.text, header.title))
			|| (header.caption !== undefined && isSameLine(item.text, header.caption))));
	promoteSubheads(items);

	const first = items.find(item => item.kind === 'paragraph' || item.kind === 'heading') as {text: string} | undefined;
	return {
		title: header.title ?? (first ? titleFromText(first.text) : undefined),
		source: header.source,
		author: header.author,
		date: header.date,
		caption: header.caption,
		body: items.map(item => renderItem(item)).join('\n\n'),
	};
}
