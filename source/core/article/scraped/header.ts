import {isPersonName, readPlaceByline} from './byline.js';
import {isNavLine, isShortItem, type Block} from './classify.js';
import {isSameLine} from './compare.js';
import {bannerStrength} from './site-names.js';

export {comparable, isSameLine} from './compare.js';

/**
The top of a scraped page: everything before the text, and the metadata just after its start. The headline is found
wherever it stands (after skip links, menus, a site name or a section label; repeated or not), by what follows it:
a byline, a dateline, a caption or the text. What stands above it is banner, navigation or a section label; bylines,
datelines and captions near the start of the text are taken out of it. Looks at a bounded number of blocks.
*/

const sentenceEnd = /[.!?;,:。！？؟،؛]$/;
// The header is looked for in the first blocks only, so a page without one costs no more than its first screen.
const maxTop = 120;

/** A line short and calm enough to be a headline: not a sentence ending in a full stop or comma, at most 30 words. */
export function isHeadlineLike(line: string): boolean {
	if (line.length < 2 || line.length > 250 || sentenceEnd.test(line) || !/\p{L}/u.test(line)) {
		return false;
	}

	let spaces = 0;
	for (let index = line.indexOf(' '); index !== -1; index = line.indexOf(' ', index + 1)) {
		spaces++;
	}

	return spaces < 30;
}

/** Where the header ends and what it names. */
export type Header = {
	/** Index of the headline block, or -1. */
	title: number;
	/** Index of the site banner block, or -1. */
	banner: number;
	/** Index of the first block of text. */
	bodyStart: number;
	/** Metadata blocks (bylines, datelines, captions) are taken out of the text before this index. */
	headEnd: number;
};

function decide(block: Block, kind: NonNullable<Block['kind']>, reason: string): void {
	block.kind = kind;
	block.reason = reason;
}

function isMetadata(block: Block | undefined): boolean {
	const type = block?.label?.type;
	return type === 'byline' || type === 'dateline' || type === 'image';
}

/** Labels a reader never sees that may stand between a headline and what follows it ("Share", "5 min read"). */
function isTransparent(block: Block): boolean {
	const label = block.label;
	return label?.type === 'furniture' && (label.kind === 'share' || label.kind === 'toggle' || label.kind === 'reading-time' || label.kind === 'ad');
}

/** How much a block reads like the page's headline; undefined when it cannot be one. */
function scoreHeadline(blocks: readonly Block[], index: number, bodyStart: number, language: {isUnspaced: boolean}): number | undefined {
	const block = blocks[index]!;
	if (block.label || !isHeadlineLike(block.text) || isNavLine(block.text)) {
		return undefined;
	}

	const isShort = language.isUnspaced ? block.text.length < 5 : block.words < 2;
	if (isShort) {
		return undefined;
	}

	// A line that reads like a site banner can still be the headline, when what follows says so.
	const strength = bannerStrength(block.text);
	let score = block.words >= 3 || language.isUnspaced ? 1 : 0;
	score -= strength === 'strong' ? 3 : (strength === 'weak' ? 2 : 0);
	score -= block.words > 18 ? 2 : 0;
	for (let other = index + 1; other < bodyStart + 3 && other < blocks.length && other <= index + 8; other++) {
		if (isSameLineBlock(blocks[other]!, block)) {
			score += 4;
			break;
		}
	}

	let next = index + 1;
	while (next < blocks.length && next < index + 4 && isTransparent(blocks[next]!)) {
		next++;
	}

	const following = blocks[next];
	if (following && (isMetadata(following) || next === bodyStart || following.label?.type === 'credit' || isSameLineBlock(following, block))) {
		score += 3;
	} else if (following && !following.label && isHeadlineLike(following.text) && following.words > block.words && following.words >= 8) {
		// A headline over a standfirst that has no full stop.
		score += 2;
	}

	return score;
}

function isSameLineBlock(left: Block, right: Block): boolean {
	return left.text.length > 0 && isSameLine(left.text, right.text);
}

/** The block where the text starts: the first that reads as prose, among the first blocks of the page. */
function findBodyStart(blocks: readonly Block[]): number {
	for (let index = 0; index < blocks.length && index < maxTop; index++) {
		if (blocks[index]!.isProse) {
			return index;
		}
	}

	return -1;
}

/**
Find the headline, the banner and where the text starts, and decide every block above the text. Blocks between the
headline and the text that are no metadata are the standfirst (kept as the lead) or furniture.
*/
export function readHeader(blocks: Block[], language: {isUnspaced: boolean}): Header {
	let bodyStart = findBodyStart(blocks);
	const top = bodyStart === -1 ? Math.min(blocks.length, 12) : bodyStart;
	let title = -1;
	let best = 0;
	for (let index = 0; index < top; index++) {
		const score = scoreHeadline(blocks, index, bodyStart === -1 ? top : bodyStart, language);
		// Later candidates win ties: menus and labels come first, the headline last before the text.
		if (score !== undefined && score >= best) {
			title = index;
			best = score;
		}
	}

	if (bodyStart === -1) {
		// No prose at all: whatever follows the headline (or everything) is the text.
		bodyStart = title + 1;
	}

	let banner = -1;
	for (let index = 0; index < blocks.length && index < Math.max(title, 0); index++) {
		const block = blocks[index]!;
		if (block.label) {
			continue;
		}

		if (banner === -1 && bannerStrength(block.text) !== 'none') {
			banner = index;
			decide(block, 'banner', 'site name line');
		} else if (index >= title - 2 && isShortItem(block) && !isNavLine(block.text)) {
			decide(block, 'section', 'short label just above the headline');
		} else {
			decide(block, 'nav', isShortItem(block) ? 'menu item above the headline' : (isNavLine(block.text) ? 'menu line above the headline' : 'above the headline'));
		}
	}

	if (title !== -1) {
		decide(blocks[title]!, 'title', best >= 4 ? 'headline: repeated on the page' : 'headline: followed by the byline, dateline or text');
	}

	for (let index = title + 1; index < bodyStart; index++) {
		const block = blocks[index]!;
		if (block.label) {
			continue;
		}

		if (title !== -1 && isSameLineBlock(block, blocks[title]!)) {
			decide(block, 'title-repeat', 'the headline again');
		} else if (isHeadlineLike(block.text) && block.words >= 8 && !isNavLine(block.text)) {
			decide(block, 'lead', 'standfirst: a summary under the headline, kept as the lead');
		} else if (title === -1 && index === 0 && bannerStrength(block.text) !== 'none') {
			banner = index;
			decide(block, 'banner', 'site name line');
		}
	}

	let headEnd = bodyStart;
	for (let prose = 0; headEnd < blocks.length && headEnd < bodyStart + 16; headEnd++) {
		prose += blocks[headEnd]!.isProse ? 1 : 0;
		if (prose === 2) {
			break;
		}
	}

	findPlainBylines(blocks, headEnd);
	return {title, banner, bodyStart, headEnd};
}

/** Names without a label next to a dateline ("Anna Berg in Stockholm", "Jeanne Dupont" over "12 avril 2023"). */
function findPlainBylines(blocks: Block[], headEnd: number): void {
	for (let index = 0; index < headEnd; index++) {
		const block = blocks[index]!;
		const isBesideDate = blocks[index - 1]?.label?.type === 'dateline' || blocks[index + 1]?.label?.type === 'dateline';
		if (block.label || block.kind === 'title' || !isBesideDate || block.text.length > 100) {
			continue;
		}

		const placed = readPlaceByline(block.text);
		if (placed) {
			block.label = {type: 'byline', byline: placed};
			block.isProse = false;
		} else if (isPersonName(block.text) && block.words <= 5) {
			block.label = {type: 'byline', byline: {name: block.text, rest: ''}};
			block.isProse = false;
		}
	}
}
