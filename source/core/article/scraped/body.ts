import type {Block} from './classify.js';
import {comparable, isSameLine} from './compare.js';
import {normalizePhrase} from './furniture-words.js';
import type {Header} from './header.js';

/**
The text of a scraped page, once the header is known: metadata near its start taken out, furniture in the middle
dropped (ads, share buttons, "Read more" links, related boxes, newsletter boxes, pull quotes), trailing furniture cut
(from the first end marker with no article text after it), and what is left decided as paragraphs, list items,
subheadings and live-page timestamps. Every loop is over the blocks once, or over a bounded window of neighbours.
*/

const cjk = /[\u3040-\u30FF\u3400-\u9FFF\uF900-\uFAFF\uFF66-\uFF9F]/;
const closingPunctuation = /[.!?:;,”"')\]’…»。！？：；，」』）؟،؛]$/;

function decide(block: Block, kind: NonNullable<Block['kind']>, reason: string): void {
	block.kind = kind;
	block.reason = reason;
}

/** What a metadata or furniture label is decided as, wherever it stands. */
function decideLabelled(block: Block, index: number, header: Header): void {
	const label = block.label!;
	const isHead = index < header.headEnd;
	switch (label.type) {
		case 'byline': {
			if (isHead) {
				decide(block, 'byline', label.byline.name ? 'byline: the author' : 'byline: an agency, no author');
			}

			break;
		}

		case 'dateline': {
			if (isHead) {
				const {dateline} = label;
				decide(block, 'dateline', dateline.isRelative ? 'relative time: no date' : (dateline.label === 'updated' ? 'dateline: last updated' : 'dateline'));
			}

			break;
		}

		case 'credit': {
			decide(block, 'byline', label.name ? 'wire credit: the reporter' : 'credit line');
			break;
		}

		case 'image': {
			const {image} = label;
			if (image.kind === 'gallery') {
				decide(block, 'gallery', 'gallery counter');
			} else if (image.kind === 'credit') {
				decide(block, 'credit', 'photo credit');
			} else if (isHead || label.isLabelled) {
				decide(block, 'caption', label.isLabelled ? 'labelled caption' : 'caption ending with its credit');
			}

			break;
		}

		case 'cookie': {
			decide(block, 'cookie', 'cookie or consent notice');
			break;
		}

		case 'ticker': {
			if (index < header.bodyStart) {
				decide(block, 'ticker', 'breaking-news ticker');
			}

			break;
		}

		case 'timestamp': {
			decide(block, index < header.bodyStart ? 'furniture' : 'timestamp', index < header.bodyStart ? 'a time without a date' : 'live update time');
			break;
		}

		case 'furniture': {
			if (label.kind === 'related' && index >= header.bodyStart) {
				// "Read more: …" in the text: decided with the links under it (decideRelatedBox).
				break;
			}

			const kind = label.kind === 'account' || label.kind === 'search' ? label.kind : (label.kind === 'skip' ? 'nav' : 'furniture');
			decide(block, kind, label.kind === 'skip' ? 'skip link' : `${label.kind}: "${label.phrase}"`);
			break;
		}
	}
}

/** Whether the article goes on after a block: prose of some length, or two prose blocks in a row. */
function markSubstantialAfter(blocks: readonly Block[], isUnspaced: boolean): Uint8Array {
	const after = new Uint8Array(blocks.length + 1);
	for (let index = blocks.length - 1; index >= 0; index--) {
		const block = blocks[index]!;
		const isLong = isUnspaced ? block.text.length >= 60 : block.words >= 25;
		const isSubstantial = block.isProse && (isLong || blocks[index + 1]?.isProse === true);
		after[index] = isSubstantial || after[index + 1] === 1 ? 1 : 0;
	}

	return after;
}

/** "About Fjordline AS": the boilerplate at the end of a press release names the issuer. */
export const pressAbout = /^(?:[Aa]bout|[ÀA] propos de|Über|Acerca de|Sobre)\s(\p{Lu}[\p{L}\p{N}&.,' -]{1,50})$/u;

function isPressRelease(blocks: readonly Block[], header: Header): boolean {
	const first = blocks[header.bodyStart]?.text ?? '';
	return /\/(?:PRNewswire|PR Newswire|Business Wire|GLOBE NEWSWIRE|EINPresswire)\//.test(first.slice(0, 200))
		|| blocks.some(block => block.label?.type === 'furniture' && block.label.kind === 'press');
}

/**
Where the trailing furniture starts: a hard end (paywall, the end of a press release) or an end marker after which
the article does not go on. On a page that separates paragraphs with blank lines, a box is its header's block (the
links under "Related" on the lines below it), and the article goes on if prose follows the box; without blank
lines, only prose of some length or two paragraphs in a row count as the article going on.
*/
function findCut(blocks: readonly Block[], header: Header, isUnspaced: boolean): number {
	const after = markSubstantialAfter(blocks, isUnspaced);
	let blankBefore = 0;
	for (const block of blocks) {
		blankBefore += block.unit.isBlankBefore ? 1 : 0;
	}

	const usesBlankLines = blankBefore >= 3 && blankBefore * 4 >= blocks.length;
	const isPress = isPressRelease(blocks, header);
	for (let index = header.bodyStart + 1; index < blocks.length; index++) {
		const block = blocks[index]!;
		const {label} = block;
		if (isPress && pressAbout.test(block.text)) {
			return index;
		}

		if (label?.type !== 'furniture' || !label.isEnd) {
			continue;
		}

		let next = index + 1;
		while (usesBlankLines && next < blocks.length && !blocks[next]!.unit.isBlankBefore) {
			next++;
		}

		const goesOn = after[next] === 1 || (usesBlankLines && blocks[next]?.isProse === true);
		if (label.kind === 'paywall' || label.kind === 'press' || !goesOn) {
			return index;
		}
	}

	return blocks.length;
}

/** Paragraph-length text that repeats a sentence of a nearby paragraph: a pull quote. `keys` caches comparable text. */
function isPullQuote(blocks: readonly Block[], index: number, keys: string[]): boolean {
	const block = blocks[index]!;
	if (block.words > 45 || block.text.length < 30) {
		return false;
	}

	const key = comparable(block.text);
	for (let other = Math.max(0, index - 10); other < blocks.length && other <= index + 10; other++) {
		const candidate = blocks[other]!;
		if (other !== index && candidate.isProse && candidate.text.length > block.text.length + 10) {
			const otherKey = keys[other] ?? comparable(candidate.text);
			keys[other] = otherKey;
			if (otherKey.includes(key)) {
				return true;
			}
		}
	}

	return false;
}

/** Decide the blocks of the text: metadata, furniture, trailing furniture, then what is kept. */
export function decideBody(blocks: Block[], header: Header, facts: {isUnspaced: boolean; title?: string; author?: string}): void {
	for (let index = 0; index < blocks.length; index++) {
		if (blocks[index]!.label && !blocks[index]!.kind) {
			decideLabelled(blocks[index]!, index, header);
		}
	}

	markBios(blocks, header, facts.author);
	const cut = findCut(blocks, header, facts.isUnspaced);
	let lastProse = cut - 1;
	while (lastProse >= header.bodyStart && (!blocks[lastProse]!.isProse || blocks[lastProse]!.kind)) {
		lastProse--;
	}

	const keys: string[] = [];
	for (let index = header.bodyStart; index < blocks.length; index++) {
		const block = blocks[index]!;
		if (block.kind) {
			continue;
		}

		if (index === cut) {
			const {label} = block;
			decide(block, 'trailing', label?.type === 'furniture' ? `end of the article: ${label.kind} "${label.phrase}"` : 'end of the article');
		} else if (index > cut) {
			decide(block, 'trailing', `after the article: from "${blocks[cut]!.text.slice(0, 40)}" on`);
		} else if (index > lastProse && lastProse >= header.bodyStart && !block.unit.bullet && block.unit.number === undefined && !(block.endsSentence && block.words >= 4 && block.stopwordShare > 0)) {
			decide(block, 'trailing', 'after the last paragraph, not prose');
		} else if (index < header.bodyStart + 6 && facts.title !== undefined && isSameLine(block.text, facts.title)) {
			decide(block, 'title-repeat', 'the headline again');
		} else if (block.label?.type === 'furniture' && block.label.kind === 'related') {
			decideRelatedBox(blocks, index, cut);
		} else if (block.label?.type !== 'furniture' && !block.isProse && isPullQuote(blocks, index, keys)) {
			decide(block, 'pull-quote', 'repeats a sentence of the text');
		}
	}

	for (let index = header.bodyStart; index < blocks.length; index++) {
		const block = blocks[index]!;
		if (!block.kind) {
			const isItem = block.unit.bullet || block.unit.number !== undefined;
			decide(block, isItem ? 'list-item' : 'paragraph', isItem ? 'list item' : (block.isProse ? 'prose' : 'text between paragraphs'));
		}
	}

	promoteSubheads(blocks, header.bodyStart);
}

/** A related-stories box in the text: its header and the headline links under it go; the story stays. */
function decideRelatedBox(blocks: Block[], index: number, cut: number): void {
	const block = blocks[index]!;
	decide(block, 'related', 'related-stories box');
	// "Read more: Ballymore residents stage a protest" is a link of its own; only a header ("Related") has links under it.
	if (block.label?.type === 'furniture' && normalizePhrase(block.text) !== block.label.phrase) {
		block.reason = 'link to another story';
		return;
	}

	for (let next = index + 1; next < cut && next <= index + 8; next++) {
		const block = blocks[next]!;
		if (block.kind || block.isProse || block.endsSentence || block.text.length > 120) {
			break;
		}

		decide(block, 'related', 'link in a related-stories box');
	}
}

/** Author bios at the end ("Anna Berg is a reporter …"): they start with the author's name. */
function markBios(blocks: Block[], header: Header, author: string | undefined): void {
	if (author === undefined || author.split(' ').length < 2) {
		return;
	}

	for (let index = blocks.length - 1; index > header.bodyStart + 1 && index >= blocks.length - 6; index--) {
		const block = blocks[index]!;
		if (!block.kind && block.words <= 80 && block.text.startsWith(author) && /^\s(?:is|was|covers|writes|reports|has|est|ist|es|è)\s/.test(block.text.slice(author.length, author.length + 10))) {
			decide(block, 'bio', 'about the author');
			block.isProse = false;
		}
	}
}

function isSubheadCandidate(block: Block | undefined): boolean {
	if (block?.kind !== 'paragraph') {
		return false;
	}

	const {text} = block;
	const limit = cjk.test(text) ? 30 : 80;
	// A short question between paragraphs ("What now?") is a subheading too; a longer one is a sentence.
	const isQuestion = /[?？]$/.test(text) && text.split(' ').length <= 6;
	return text.length <= limit && text.split(' ').length <= 8 && (isQuestion || !closingPunctuation.test(text)) && /\p{L}/u.test(text);
}

/** Short unpunctuated one-line paragraphs standing between body paragraphs are the page's subheadings. */
function promoteSubheads(blocks: Block[], bodyStart: number): void {
	const kept = blocks.slice(bodyStart).filter(block => isKept(block));
	for (let index = 1; index < kept.length - 1; index++) {
		const previous = kept[index - 1]!;
		const next = kept[index + 1]!;
		if (isSubheadCandidate(kept[index]) && previous.kind !== 'heading' && previous.kind !== 'timestamp' && !isSubheadCandidate(previous)
			&& (next.kind === 'list-item' || (next.kind === 'paragraph' && !isSubheadCandidate(next)))) {
			decide(kept[index]!, 'heading', 'subheading: a short line between paragraphs');
		}
	}
}

/** Whether a decided block is part of the article's text. */
export function isKept(block: Block): boolean {
	const {kind} = block;
	return kind === 'paragraph' || kind === 'lead' || kind === 'heading' || kind === 'timestamp' || kind === 'list-item';
}
