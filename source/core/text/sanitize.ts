/**
Untrusted text from articles must never reach the terminal as a control sequence. These functions remove whole
escape sequences (not only the ESC byte, so no `[2J` debris is left), every other C0 and C1 control, DEL, and the
Unicode bidirectional overrides, isolates and marks that could make a row lie about its content.

Everything here is a single left-to-right scan: linear in the length of the text, whatever the text holds.
*/

const escape = 0x1B;
const bell = 0x07;
const cancel = 0x18;
const substitute = 0x1A;
const lineFeed = 0x0A;
const tab = 0x09;
const carriageReturn = 0x0D;
const c1StringTerminator = 0x9C;

// An unterminated string sequence (OSC, DCS…) is treated as a stray introducer once it runs this long, so one bad byte
// cannot swallow the rest of an article.
const maximumStringSequence = 4096;

// The bidirectional formatting characters: the Arabic letter mark, LRM and RLM, the embeddings and overrides, the
// isolates. The one list of them: every check below and elsewhere is built from it.
const bidiRanges: ReadonlyArray<readonly [number, number]> = [[0x06_1C, 0x06_1C], [0x20_0E, 0x20_0F], [0x20_2A, 0x20_2E], [0x20_66, 0x20_69]];
const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
const bidiClass = bidiRanges.map(([first, last]) => (first === last ? hex(first) : `${hex(first)}-${hex(last)}`)).join('');

// Anything the scanner has to look at: C0 controls, DEL, C1 controls, and the bidi controls.
const suspicious = new RegExp(`[\\u0000-\\u001F\\u007F-\\u009F${bidiClass}]`);
const unclean = new RegExp(`[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F${bidiClass}]`);

/** Whether a code point is a bidirectional formatting character (which could make a line lie about its content). */
export function isBidiControl(code: number): boolean {
	return code >= 0x06_1C && code <= 0x20_69 && bidiRanges.some(([first, last]) => code >= first && code <= last);
}

/** Whether a code point is one `sanitizeText` removes: a C0 control other than tab and line feed, DEL, C1, or bidi. */
export function isControlCode(code: number): boolean {
	return (code < 0x20 && code !== tab && code !== lineFeed) || (code >= 0x7F && code <= 0x9F) || isBidiControl(code);
}

/** The index just past a CSI sequence whose parameters start at `start`: parameters, intermediates, one final byte. */
function skipControlSequence(text: string, start: number): number {
	let index = start;
	while (index < text.length) {
		const code = text.charCodeAt(index);
		if (code < 0x20 || code > 0x3F) {
			break;
		}

		index++;
	}

	while (index < text.length) {
		const code = text.charCodeAt(index);
		if (code < 0x20 || code > 0x2F) {
			break;
		}

		index++;
	}

	const final = text.charCodeAt(index);
	return final >= 0x40 && final <= 0x7E ? index + 1 : index;
}

/**
The index just past a string sequence (OSC, DCS, SOS, PM, APC) whose body starts at `start`, or -1 when it has no
terminator in reach. BEL, ST (ESC \ or 0x9C), CAN and SUB end it; any other ESC or C1 control ends it without being
consumed.
*/
function skipStringSequence(text: string, start: number): number {
	const limit = Math.min(text.length, start + maximumStringSequence);
	for (let index = start; index < limit; index++) {
		const code = text.charCodeAt(index);
		if (code === bell || code === c1StringTerminator || code === cancel || code === substitute) {
			return index + 1;
		}

		// Another introducer (ESC, or a C1 control such as 0x9D) ends the string unconsumed, as in a terminal's parser.
		// Stopping there is also what keeps the whole scan linear: no character is looked at by two failed searches.
		if (code === escape) {
			return text.charCodeAt(index + 1) === 0x5C ? index + 2 : index;
		}

		if (code >= 0x80 && code <= 0x9F) {
			return index;
		}
	}

	return -1;
}

/** Where the escape sequence introduced at `index` ends; at least `index + 1`, so the introducer itself always goes. */
function skipSequence(text: string, index: number): number {
	const code = text.charCodeAt(index);
	if (code === 0x9B) {
		return skipControlSequence(text, index + 1);
	}

	if (code === 0x9D || code === 0x90 || code === 0x98 || code === 0x9E || code === 0x9F) {
		const end = skipStringSequence(text, index + 1);
		return end === -1 ? index + 1 : end;
	}

	if (code !== escape) {
		return index + 1;
	}

	const next = text.charCodeAt(index + 1);
	if (next === 0x5B) {
		return skipControlSequence(text, index + 2);
	}

	// ESC ] (OSC), ESC P (DCS), ESC X (SOS), ESC ^ (PM), ESC _ (APC).
	if (next === 0x5D || next === 0x50 || next === 0x58 || next === 0x5E || next === 0x5F) {
		const end = skipStringSequence(text, index + 2);
		return end === -1 ? index + 2 : end;
	}

	// Other escape sequences: intermediates then one final byte (ESC c, ESC ( B, ESC 7, ESC # 8…).
	let end = index + 1;
	while (end < text.length && end < index + 8) {
		const code = text.charCodeAt(end);
		if (code < 0x20 || code > 0x2F) {
			break;
		}

		end++;
	}

	const final = text.charCodeAt(end);
	return final >= 0x30 && final <= 0x7E ? end + 1 : end;
}

/**
Remove escape sequences and control characters. `keep` says what to do with line feeds and tabs: kept as they are
(multi-line text) or folded into spaces (a single-line field). A carriage return becomes a line break (CRLF counts once),
so "overwrite" tricks like `Safe\rEvil` show both parts instead of one hiding the other.
*/
function clean(text: string, isMultiline: boolean): string {
	if (!suspicious.test(text)) {
		return text;
	}

	let output = '';
	let runStart = 0;
	let index = 0;
	while (index < text.length) {
		const code = text.charCodeAt(index);
		const isControl = code < 0x20 || (code >= 0x7F && code <= 0x9F) || isBidiControl(code);
		if (!isControl || (isMultiline && (code === lineFeed || code === tab))) {
			index++;
			continue;
		}

		output += text.slice(runStart, index);
		if (code === carriageReturn) {
			output += isMultiline ? '\n' : ' ';
			index += text.charCodeAt(index + 1) === lineFeed ? 2 : 1;
		} else if (code === lineFeed || code === tab) {
			output += ' ';
			index++;
		} else if (code === escape || (code >= 0x90 && code <= 0x9F)) {
			index = skipSequence(text, index);
		} else {
			index++;
		}

		runStart = index;
	}

	return output + text.slice(runStart);
}

/** Strip escape sequences and control characters from multi-line text; keeps `\n` and `\t`, turns CRLF and CR into `\n`. */
export function sanitizeText(text: string): string {
	return clean(text, true);
}

// What folding would change: whitespace other than a plain space, two in a row, or any at either end.
const foldable = /[^\S ]|\s\s|^\s|\s$/;
// Either of the above: what makes a single-line field need any work at all.
const needsWork = new RegExp(`${suspicious.source}|${foldable.source}`);

/** Sanitise a single-line field (title, source, date…): also folds newlines and tabs into single spaces and trims. */
export function sanitizeLine(text: string): string {
	// Most fields need nothing: `list` at 100,000 articles sanitises 300,000 of them, one test each; and a replace of
	// every single space by a space would build a new string each time.
	if (!needsWork.test(text)) {
		return text;
	}

	const cleaned = clean(text, false);
	return foldable.test(cleaned) ? cleaned.replace(/\s+/g, ' ').trim() : cleaned;
}

/** True when the string holds no character that `sanitizeText` would remove. */
export function isClean(text: string): boolean {
	return !unclean.test(text);
}

// The escapes inkwire itself writes: SGR (`ESC [ … m`) and OSC 8 hyperlinks ended by ST or BEL.
// eslint-disable-next-line no-control-regex
const selectGraphicRendition = /\u001B\[[\d;:]{0,64}m/y;
// eslint-disable-next-line no-control-regex
const hyperlink = /\u001B\]8;[^\u0000-\u001F\u007F-\u009F;]{0,256};([\u0021-\u007E]{0,8192}?)(?:\u0007|\u001B\\)/y;
const allowedLinkTarget = /^(?:https?:\/\/|mailto:)/i;

/**
True when `text` is safe to write to a terminal as it is: its only escapes are SGR styling and OSC 8 hyperlinks to
http, https or mailto targets (or the empty OSC 8 that closes a link), and it has no other control character than
`\n` and `\t` (no CR, no C1, no bidi controls).
*/
export function isSafeTerminalOutput(text: string): boolean {
	if (!suspicious.test(text)) {
		return true;
	}

	let index = 0;
	while (index < text.length) {
		const code = text.charCodeAt(index);
		if (code === escape) {
			selectGraphicRendition.lastIndex = index;
			if (selectGraphicRendition.test(text)) {
				index = selectGraphicRendition.lastIndex;
				continue;
			}

			hyperlink.lastIndex = index;
			const link = hyperlink.exec(text);
			if (link && (link[1] === '' || allowedLinkTarget.test(link[1]!))) {
				index = hyperlink.lastIndex;
				continue;
			}

			return false;
		}

		if (isControlCode(code)) {
			return false;
		}

		index++;
	}

	return true;
}
