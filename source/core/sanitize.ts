/**
Untrusted text from articles must never reach the terminal as a control sequence. These functions remove whole
escape sequences (not only the ESC byte, so no `[2J` debris is left), every other C0 and C1 control, DEL, and the
Unicode bidirectional overrides and isolates that could make a row lie about its content.
*/

// A whole escape sequence: CSI (ESC [ or C1 0x9B) with parameters, OSC/DCS/SOS/PM/APC strings up to their terminator
// (BEL or ST), or a two-byte ESC sequence. Bounded quantifiers keep the matching linear.
const escapeSequence =
	// eslint-disable-next-line no-control-regex
	/(?:\u001B\[|\u009B)[\u0030-\u003F]{0,64}[\u0020-\u002F]{0,16}[\u0040-\u007E]?|(?:\u001B[\]PX^_]|[\u0090\u0098\u009D\u009E\u009F])[^\u0007\u001B\u009C]{0,4096}(?:\u0007|\u001B\\|\u009C)?|\u001B[\u0020-\u002F]{0,4}[\u0030-\u007E]?/g;

// Controls kept out of multi-line text: everything in C0 but tab and line feed, DEL, C1, and bidi controls.
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Strip escape sequences and control characters from multi-line text; keeps `\n` and `\t`, turns CRLF and CR into `\n`. */
export function sanitizeText(text: string): string {
	return text.replaceAll('\r\n', '\n').replaceAll('\r', '\n').replace(escapeSequence, '').replace(controlCharacter, '');
}

/** Sanitise a single-line field (title, source, date…): also folds newlines and tabs into single spaces and trims. */
export function sanitizeLine(text: string): string {
	return sanitizeText(text).replace(/\s+/g, ' ').trim();
}

/** True when the string holds no character that `sanitizeText` would remove. */
export function isClean(text: string): boolean {
	controlCharacter.lastIndex = 0;
	return !/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\r]/.test(text);
}
