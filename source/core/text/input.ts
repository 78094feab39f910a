/**
Text as it comes from a file or a pipe, made ready for the parsers: one place that knows about byte order marks and
the three kinds of line end.
*/

/** `text` without a leading byte order mark (U+FEFF). */
export function stripByteOrderMark(text: string): string {
	return text.charCodeAt(0) === 0xFE_FF ? text.slice(1) : text;
}

/** `text` without a byte order mark and with `\n` line ends only (CRLF and lone CR become `\n`). */
export function normalizeInput(text: string): string {
	const input = stripByteOrderMark(text);
	return input.includes('\r') ? input.replaceAll('\r\n', '\n').replaceAll('\r', '\n') : input;
}
