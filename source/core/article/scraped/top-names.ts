import {isPersonName, readPlaceByline} from './byline.js';
import {isNavLine, isShortItem, type Block} from './classify.js';
import {sectionWords} from './furniture-words.js';

/**
Names on top of a page that no label announces: the site's name when no line reads like a banner (the first plain,
capitalised line that is no menu item), and bylines without "By" (a name beside a dateline, "Label: Name", "Name in
Place", a name over its affiliation). Both look at a bounded number of blocks.
*/

/** Whether every word of more than three letters starts with a capital (or the text is in a script without case). */
function isCapitalisedName(text: string): boolean {
	if (!/^[\p{Lu}\p{Lo}\d]/u.test(text)) {
		return false;
	}

	return text.split(/[\s-]+/).every(word => word.length <= 3 || !/^\p{Ll}/u.test(word));
}

/** The site's name when no line reads like a banner: the first line of the page that is no menu, label or link. */
export function findSiteNameLine(blocks: readonly Block[], title: number): number {
	for (let index = 0; index < title - 1; index++) {
		const block = blocks[index]!;
		// Labelled lines and menu items ("Weather Alerts", "Contests", a line amid a column of them) are passed over.
		const isInColumn = index > 0 && isPlainShortItem(blocks[index - 1]!) && isPlainShortItem(blocks[index + 1]);
		const isMenuItem = hasSectionWord(block.text) || (block.words === 1 && index > 0) || isInColumn;
		if (block.label || block.kind || (isShortItem(block) && isMenuItem)) {
			continue;
		}

		// A name is capitalised throughout ("Le Courrier du Rhône"); a skip link in a language the tables lack is a phrase
		// ("Перейти к содержанию", "Lompat ke konten").
		const isName = block.words <= 6 && !block.endsSentence && isCapitalisedName(block.text) && !isNavLine(block.text);
		return isName ? index : -1;
	}

	return -1;
}

function isPlainShortItem(block: Block | undefined): boolean {
	return block !== undefined && !block.label && isShortItem(block);
}

/** Whether any word of a line is a section name. */
function hasSectionWord(text: string): boolean {
	return text.toLowerCase().split(/[\s|/&]+/).some(word => sectionWords.has(word));
}

/**
Bylines without a label: a name or "Name in Place" beside a dateline ("Anna Berg in Stockholm" over "Tue 9 Jan"),
or a bare name with its affiliation under it ("Ewan Maclean" / "BBC Scotland"), among the first blocks.
*/
export function findPlainBylines(blocks: Block[], start: number, end: number, isUnderTitle: boolean): void {
	for (let index = start; index < end; index++) {
		const block = blocks[index]!;
		const isBesideDate = blocks[index - 1]?.label?.type === 'dateline' || blocks[index + 1]?.label?.type === 'dateline';
		if (block.label || block.isProse || block.text.length > 100 || block.unit.bullet || block.unit.number !== undefined) {
			continue;
		}

		// "Автор: Иван Петров", "Oleh: Budi Santoso": a one-word label in any language, then a name, beside a dateline.
		const labelled = isBesideDate ? /^[\p{L}]{2,12}\s?:\s?(\S.{1,60})$/u.exec(block.text) : undefined;
		if (labelled && isPersonName(labelled[1]!) && labelled[1]!.includes(' ')) {
			block.label = {type: 'byline', byline: {name: labelled[1]!, rest: ''}};
			continue;
		}

		const placed = isBesideDate ? readPlaceByline(block.text) : undefined;
		const next = blocks[index + 1];
		const hasAffiliation = isUnderTitle && next !== undefined && !next.label && !next.isProse && next.words <= 4 && !next.endsSentence && /^[\p{Lu}\p{Lo}]/u.test(next.text);
		if (placed) {
			block.label = {type: 'byline', byline: placed};
		} else if (isPersonName(block.text) && block.words >= 2 && block.words <= 5 && (isBesideDate || (hasAffiliation && block.text.includes(' ')))) {
			block.label = {type: 'byline', byline: {name: block.text, rest: hasAffiliation ? next.text : ''}};
			if (hasAffiliation) {
				next.label = {type: 'furniture', kind: 'nav', isEnd: false, phrase: 'affiliation under a byline'};
			}
		}
	}
}
