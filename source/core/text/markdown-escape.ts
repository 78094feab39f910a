/**
Text that must show as written when it is put into Markdown (a title, a metadata line, a scraped paragraph).
*/

const inlineSpecial = /[\\`*_[\]<>|~#&]/g;

/** Escape text so Markdown renders it literally: inline syntax anywhere, block syntax at the start of the line. */
export function escapeMarkdown(text: string): string {
	const escaped = text.replace(inlineSpecial, '\\$&');
	if (/^(?:[+=-](?:\s|$)|-{3})/.test(escaped)) {
		return `\\${escaped}`;
	}

	return escaped.replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}
