/** Text compared for "the same line": case, quotes, punctuation and spacing ignored. */
export function comparable(text: string): string {
	return text.toLowerCase().replace(/[\s'"‘’“”«»`.,:;!?()[\]-]+/g, ' ').trim();
}

/** Whether two lines say the same thing; lines of clearly different lengths are not even compared. */
export function isSameLine(left: string, right: string): boolean {
	return Math.abs(left.length - right.length) <= (Math.min(left.length, right.length) / 4) + 4 && comparable(left) === comparable(right);
}
