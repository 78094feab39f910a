import {isNavLine, isSectionItem, isShortItem, type Block} from './classify.js';
import {isSameLine} from './compare.js';
import {bannerStrength} from './site-names.js';
import {findPlainBylines, findSiteNameLine} from './top-names.js';

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

type Score = {score: number; isRepeated: boolean};

/** How much a block reads like the page's headline; undefined when it cannot be one. */
function scoreHeadline(blocks: readonly Block[], index: number, bodyStart: number, isUnspaced: boolean): Score | undefined {
	const block = blocks[index]!;
	if (block.label || !isHeadlineLike(block.text) || isNavLine(block.text) || isSectionItem(block)) {
		return undefined;
	}

	if (isUnspaced ? block.text.length < 5 : block.words < 2) {
		return undefined;
	}

	// A line that reads like a site banner can still be the headline, when what follows says so.
	const strength = bannerStrength(block.text);
	let score = block.words >= 3 || isUnspaced ? 1 : 0;
	score -= strength === 'strong' ? 3 : (strength === 'weak' ? 2 : 0);
	score -= block.words > 22 ? 2 : 0;
	let isRepeated = false;
	for (let other = index + 1; other < bodyStart + 3 && other < blocks.length && other <= index + 8; other++) {
		if (isSameLineBlock(blocks[other]!, block)) {
			score += 4;
			isRepeated = true;
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
	} else if (following && isStandfirstOf(following, block)) {
		score += 3;
	}

	return {score, isRepeated};
}

/** Whether `block` reads as the standfirst under `title`: longer, more of a sentence, and no headline of its own. */
function isStandfirstOf(block: Block, title: Block): boolean {
	// Sites print the headline first and the standfirst under it: of two headline-like lines stacked above the byline,
	// the upper is the headline unless it is much shorter than a headline is (a label) or the lower is no sentence.
	const isShortTitle = title.words < 4 && !(title.text.length >= 8 && /[\u3040-\u9FFF\uAC00-\uD7AF]/.test(title.text));
	return !block.label && isHeadlineLike(block.text) && block.words >= 8 && !isShortTitle && !isTitleCased(block.text)
		&& block.unit.from > title.unit.to;
}

/** Whether most longer words are capitalised, as in "Fjordline Opens Norway's First Hydrogen Quay". */
function isTitleCased(text: string): boolean {
	let long = 0;
	let capitalised = 0;
	for (const word of text.split(' ')) {
		if (word.length >= 4) {
			long++;
			capitalised += /^\p{Lu}/u.test(word) ? 1 : 0;
		}
	}

	return long >= 3 && capitalised >= long * 0.7;
}

function isSameLineBlock(left: Block, right: Block): boolean {
	return left.text.length > 0 && isSameLine(left.text, right.text);
}

/** Whether only repeats of the headline and buttons stand between it and the block at `index`. */
function isFirstUnderTitle(blocks: readonly Block[], title: number, index: number): boolean {
	if (title === -1) {
		return false;
	}

	for (let between = title + 1; between < index; between++) {
		const block = blocks[between]!;
		if (block.kind !== 'title-repeat' && !isTransparent(block) && !isSameLineBlock(block, blocks[title]!)) {
			return false;
		}
	}

	return true;
}

/** The block where the text starts: the first that reads as prose (or its live-update time), among the first blocks. */
function findBodyStart(blocks: readonly Block[]): number {
	for (let index = 0; index < blocks.length && index < maxTop; index++) {
		if (blocks[index]!.isProse) {
			return index > 0 && blocks[index - 1]!.label?.type === 'timestamp' ? index - 1 : index;
		}
	}

	return -1;
}

function findTitle(blocks: readonly Block[], top: number, bodyStart: number, isUnspaced: boolean): {title: number; isRepeated: boolean} {
	let title = -1;
	let best: Score = {score: 0, isRepeated: false};
	let isPastByline = false;
	for (let index = 0; index < top; index++) {
		const type = blocks[index]!.label?.type;
		// The headline stands above its byline and dateline: a line under them, once a headline came before, is not it.
		isPastByline ||= title !== -1 && (type === 'byline' || type === 'dateline');
		const score = scoreHeadline(blocks, index, bodyStart, isUnspaced);
		if (score && isPastByline) {
			score.score -= 3;
		}

		// Later candidates win ties: menus and labels come first, the headline last before the text.
		if (score !== undefined && score.score >= best.score) {
			title = index;
			best = score;
		}
	}

	// A headline over a standfirst that has no full stop: the standfirst scores as well, for what follows it.
	const previous = title > 0 ? blocks[title - 1]! : undefined;
	if (previous && !best.isRepeated && isStandfirstOf(blocks[title]!, previous) && bannerStrength(previous.text) === 'none'
		&& (scoreHeadline(blocks, title - 1, bodyStart, isUnspaced)?.score ?? 0) >= 1) {
		title--;
	}

	return {title, isRepeated: best.isRepeated};
}

/**
Find the headline, the banner and where the text starts, and decide every block above the text. Blocks between the
headline and the text that are no metadata are the standfirst (kept as the lead) or furniture.
*/
export function readHeader(blocks: Block[], language: {isUnspaced: boolean}): Header {
	let bodyStart = findBodyStart(blocks);
	const top = bodyStart === -1 ? Math.min(blocks.length, 12) : bodyStart;
	findPlainBylines(blocks, 0, Math.min(blocks.length, top + 12), false);
	const {title, isRepeated} = findTitle(blocks, top, bodyStart === -1 ? top : bodyStart, language.isUnspaced);
	findPlainBylines(blocks, title + 1, Math.min(blocks.length, (bodyStart === -1 ? top : bodyStart) + 4), true);
	if (bodyStart === -1) {
		// No prose at all: whatever follows the headline (or everything) is the text.
		bodyStart = title + 1;
	}

	let banner = -1;
	for (let index = 0; index < Math.max(title, 0); index++) {
		const block = blocks[index]!;
		if (!block.label && banner === -1 && !isSectionItem(block) && !isNavLine(block.text) && bannerStrength(block.text) !== 'none') {
			banner = index;
			decide(block, 'banner', 'site name line');
		}
	}

	if (banner === -1 && title > 0) {
		banner = findSiteNameLine(blocks, title);
		if (banner !== -1) {
			decide(blocks[banner]!, 'banner', 'site name: the first line that is no menu or label');
		}
	}

	for (let index = 0; index < Math.max(title, 0); index++) {
		const block = blocks[index]!;
		if (block.label || block.kind) {
			continue;
		}

		if (index === title - 1 && isShortItem(block) && !isNavLine(block.text)) {
			decide(block, 'section', 'short label just above the headline');
		} else {
			decide(block, 'nav', isShortItem(block) ? 'menu item above the headline' : (isNavLine(block.text) ? 'menu line above the headline' : 'above the headline'));
		}
	}

	if (title !== -1) {
		decide(blocks[title]!, 'title', isRepeated ? 'headline: repeated on the page' : 'headline: followed by the byline, dateline or text');
	}

	for (let index = title + 1; index < bodyStart; index++) {
		const block = blocks[index]!;
		if (block.label) {
			continue;
		}

		if (title !== -1 && isSameLineBlock(block, blocks[title]!)) {
			decide(block, 'title-repeat', 'the headline again');
		} else if (isFirstUnderTitle(blocks, title, index) && isHeadlineLike(block.text) && block.words >= 8 && !isNavLine(block.text)) {
			decide(block, 'lead', 'standfirst: a summary under the headline, kept as the lead');
		} else if (title === -1 && index === 0 && bannerStrength(block.text) !== 'none') {
			banner = index;
			decide(block, 'banner', 'site name line');
		} else {
			decide(block, 'furniture', 'between the headline and the text');
		}
	}

	let headEnd = bodyStart;
	for (let prose = 0; headEnd < blocks.length && headEnd < bodyStart + 16; headEnd++) {
		prose += blocks[headEnd]!.isProse ? 1 : 0;
		if (prose === 2) {
			break;
		}
	}

	return {title, banner, bodyStart, headEnd};
}
