/**
A page dump cut into units, the blocks the classifier judges: one line each, except the lines of a hard-wrapped
paragraph (joined back into one) and the continuation lines of a list item. A dump with one paragraph a line, menus
one word a line, stays one unit a line, so a menu, a byline and a caption are never glued into one paragraph.
Each unit knows its line range, for `--explain`. One pass over the lines, each line looked at a bounded number of times.
*/

/** One block of a page, as the classifier sees it. */
export type Unit = {
	readonly text: string;
	/** First and last line (0-based, inclusive) in the input. */
	readonly from: number;
	readonly to: number;
	/** A blank line (or the page edge) stands before / after it. */
	readonly isBlankBefore: boolean;
	readonly isBlankAfter: boolean;
	/** A list item: its marker kind and, for numbered items, the number. */
	readonly bullet?: true;
	readonly number?: number;
};

const sentenceEnd = /[.!?。！？؟…]["”»’'）)]?$/;
const listMarker = /^[-•*–·▪◦]\s+(\S.*)$/;
const orderedMarker = /^(\d{1,3})[.)]\s+(\S.*)$/;
const cjk = /[\u3040-\u30FF\u3400-\u9FFF\uF900-\uFAFF\uFF66-\uFF9F]/;
// Words a wrapped line can stop on that no sentence ends with: the next line carries on its phrase.
const openEnding = /(?:^|\s)(?:the|a|an|of|to|in|on|at|for|and|or|but|with|from|by|as|that|his|her|its|their|le|la|les|de|des|du|et|der|die|das|und|el|los|las|y|il|di|che)$/i;

/** Display width: Chinese and Japanese characters take two columns, like the wrapped text they come from. */
export function displayWidth(line: string): number {
	let width = line.length;
	for (let index = 0; index < line.length && index < 400; index++) {
		const code = line.charCodeAt(index);
		width += code >= 0x30_00 && code <= 0xFF_EF ? 1 : 0;
	}

	return width;
}

/** Whether `next` carries on `line`'s sentence, as a hard-wrapped line does. */
function isContinuation(line: string, next: string): boolean {
	const last = line.at(-1) ?? '';
	const first = next[0] ?? '';
	if (cjk.test(last) && cjk.test(first)) {
		return true;
	}

	if (/[,\-–]$/.test(line) && !/^[-•*–·]\s/.test(next)) {
		return true;
	}

	return /^\p{Ll}/u.test(first) || (openEnding.test(line) && /^\p{L}/u.test(first));
}

/** What goes between two joined lines: nothing between CJK characters or after a word broken at a hyphen, else a space. */
function glue(left: string, right: string): string {
	const last = left.at(-1) ?? '';
	const first = right[0] ?? '';
	if ((cjk.test(last) || /[。、，「」]/.test(last)) && cjk.test(first)) {
		return '';
	}

	return last === '-' && /\p{L}/u.test(left.at(-2) ?? '') && /\p{Ll}/u.test(first) ? '' : ' ';
}

/** Whether a block of lines is one hard-wrapped text: most of its line breaks fall mid-sentence, lines near one width. */
function isWrappedBlock(block: readonly string[], widths: readonly number[]): boolean {
	if (block.length < 2) {
		return false;
	}

	const widest = Math.max(...widths.slice(0, 200));
	if (widest < 30 || widest > 200) {
		return false;
	}

	let continued = 0;
	let ended = 0;
	for (let index = 0; index < block.length - 1; index++) {
		continued += isContinuation(block[index]!, block[index + 1]!) && widths[index]! >= widest * 0.5 ? 1 : 0;
		ended += sentenceEnd.test(block[index]!) ? 1 : 0;
	}

	const breaks = block.length - 1;
	return continued * 2 >= breaks && ended * 2 < breaks;
}

function pushLines(units: Unit[], block: readonly string[], from: number, to: number, first: number, isBlankBefore: boolean, isBlankAfter: boolean): void {
	const text = block.slice(from - first, to - first + 1);
	let joined = text[0]!;
	for (let index = 1; index < text.length; index++) {
		joined += glue(text[index - 1]!, text[index]!) + text[index]!;
	}

	units.push({text: joined, from, to, isBlankBefore, isBlankAfter});
}

/** Cut one block (a run of non-blank lines starting at line `first`) into units. */
function cutBlock(block: readonly string[], first: number, units: Unit[]): void {
	const widths = block.length > 1 ? block.map(line => displayWidth(line)) : [0];
	const isWrapped = isWrappedBlock(block, widths);
	const widest = isWrapped ? Math.max(...widths.slice(0, 200)) : 0;
	let start = 0;
	for (let index = 0; index < block.length; index++) {
		const line = block[index]!;
		const bullet = listMarker.exec(line);
		const numbered = bullet ? undefined : orderedMarker.exec(line);
		const isNumberedItem = numbered !== null && numbered !== undefined
			&& (Number(orderedMarker.exec(block[index + 1] ?? '')?.[1]) === Number(numbered[1]) + 1
				|| Number(orderedMarker.exec(block[index - 1] ?? '')?.[1]) === Number(numbered[1]) - 1);
		if (bullet || isNumberedItem) {
			// An item runs on over lower-case continuation lines wrapped under it.
			let end = index;
			while (end + 1 < block.length && /^\p{Ll}/u.test(block[end + 1]!) && !listMarker.test(block[end + 1]!)) {
				end++;
			}

			const parts = [bullet ? bullet[1]! : numbered![2]!, ...block.slice(index + 1, end + 1)];
			units.push({
				text: parts.join(' '), from: first + index, to: first + end, isBlankBefore: index === 0, isBlankAfter: end === block.length - 1,
				...(bullet ? {bullet: true as const} : {number: Number(numbered![1])}),
			});
			index = end;
			start = index + 1;
			continue;
		}

		const next = block[index + 1];
		// In a wrapped block a line joins the next unless it ends a sentence short of the full width (a paragraph's end)
		// or is a short line that does not run on (a subhead above the paragraph).
		const joinsNext = isWrapped && next !== undefined && !listMarker.test(next) && !orderedMarker.test(next)
			&& (isContinuation(line, next) || (widths[index]! >= widest * 0.75 && !sentenceEnd.test(line)))
			&& (widths[index]! >= widest * 0.5);
		if (!joinsNext) {
			pushLines(units, block, first + start, first + index, first, start === 0, index === block.length - 1);
			start = index + 1;
		}
	}
}

/** Cut trimmed lines into units; blank lines separate blocks and are not units themselves. */
export function cutUnits(lines: readonly string[]): Unit[] {
	const units: Unit[] = [];
	let start = -1;
	for (let index = 0; index <= lines.length; index++) {
		const isBlank = index === lines.length || lines[index] === '';
		if (isBlank && start !== -1) {
			cutBlock(lines.slice(start, index), start, units);
			start = -1;
		} else if (!isBlank && start === -1) {
			start = index;
		}
	}

	return units;
}
