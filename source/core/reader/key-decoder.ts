/**
Bytes from a terminal in raw mode, as the key names of the key map: what the reader's first screen reads before Ink
has loaded. Ink would give the same names for the same bytes (its input parser, parseKeypress, then `keyNames`); a
test types every sequence here into both. A chunk is split the way Ink splits it: runs of plain text, CSI and SS3
sequences, and Escape followed by one character (Alt-x).
*/
import {keyNames, type KeyEvent, type KeyName} from './keymap.js';

const escape = '\u001B';

// CSI and SS3 final bytes, and `~` codes, of the named keys. Modifiers (`ESC[1;5A`, rxvt's `ESC[a`) do not change the
// name, as in Ink; `ESC[Z` is Shift-Tab.
const finalBytes: Readonly<Record<string, keyof KeyEvent>> = {
	A: 'upArrow', B: 'downArrow', C: 'rightArrow', D: 'leftArrow', H: 'home', F: 'end', Z: 'tab',
	a: 'upArrow', b: 'downArrow', c: 'rightArrow', d: 'leftArrow',
};
const tildeCodes: Readonly<Record<string, keyof KeyEvent>> = {
	1: 'home', 7: 'home', 4: 'end', 8: 'end', 5: 'pageUp', 6: 'pageDown', 3: 'delete',
};

/** A chunk split into Ink's input events, and what is left over: an unfinished escape sequence at its end. */
function splitEvents(input: string): {events: string[]; pending: string} {
	const events: string[] = [];
	let index = 0;
	while (index < input.length) {
		const escapeIndex = input.indexOf(escape, index);
		if (escapeIndex === -1) {
			events.push(input.slice(index));
			break;
		}

		if (escapeIndex > index) {
			events.push(input.slice(index, escapeIndex));
		}

		const end = sequenceEnd(input, escapeIndex);
		if (end === undefined) {
			return {events, pending: input.slice(escapeIndex)};
		}

		events.push(input.slice(escapeIndex, end));
		index = end;
	}

	return {events, pending: ''};
}

/** Where the escape sequence starting at `start` ends; undefined when the input stops inside it. */
function sequenceEnd(input: string, start: number): number | undefined {
	// A second Escape is Alt (meta) with the sequence after it.
	const prefix = input[start + 1] === escape ? 2 : 1;
	const kind = input[start + prefix];
	if (kind === undefined) {
		return undefined;
	}

	if (kind === '[') {
		for (let index = start + prefix + 1; index < input.length; index++) {
			const code = input.charCodeAt(index);
			// Parameter and intermediate bytes; `ESC[[A` is an old function-key form.
			if ((code >= 0x20 && code <= 0x3F) || (code === 0x5B && index === start + prefix + 1)) {
				continue;
			}

			// Not a sequence after all: Escape and the next character make one event, as in Ink.
			return code >= 0x40 && code <= 0x7E ? index + 1 : start + 2;
		}

		return undefined;
	}

	if (kind === 'O') {
		if (start + prefix + 2 > input.length) {
			return undefined;
		}

		const final = input.charCodeAt(start + prefix + 1);
		return final >= 0x40 && final <= 0x7E ? start + prefix + 2 : start + 2;
	}

	if (prefix === 2) {
		return start + 2;
	}

	// Escape and one code point: Alt with a key.
	const next = input.codePointAt(start + 1)!;
	return start + 1 + (next > 0xFF_FF ? 2 : 1);
}

/** One of Ink's input events as the key map names it. */
function namesOf(event: string): KeyName[] {
	if (!event.startsWith(escape)) {
		// Control characters alone are keys of their own; anything else is typed text, one name per character.
		switch (event) {
			case '\r': {
				return keyNames('\r', {return: true});
			}

			case '\t': {
				return keyNames('', {tab: true});
			}

			case '\u007F':
			case '\b': {
				return keyNames('', {backspace: event === '\b', delete: event === '\u007F'});
			}

			default: {
				if (event.length === 1 && event < ' ' && event !== '\n') {
					return keyNames(String.fromCharCode(event.charCodeAt(0) + 96), {ctrl: true});
				}

				return keyNames(event, {});
			}
		}
	}

	if (event === escape || event === escape + escape) {
		return keyNames('', {escape: true, meta: true});
	}

	const body = event.startsWith(escape + escape) ? event.slice(2) : event.slice(1);
	const kind = body[0];
	// An Escape and a bracket that start no sequence: Ink reports the bracket.
	if (body === '[') {
		return keyNames('[', {});
	}

	// `ESC[[A` is a function key of the Linux console (F1), not an arrow.
	if ((kind === '[' || kind === 'O') && !body.startsWith('[[')) {
		const final = body.at(-1)!;
		const flag = final === '~' ? tildeCodes[body.slice(1, -1).split(';')[0]!] : finalBytes[final];
		return flag ? keyNames('', {[flag]: true}) : [];
	}

	// Alt with a key: not a key of the reader's.
	return keyNames(body, {meta: true});
}

/** Turns chunks of terminal input into key names; an escape sequence cut between two chunks is completed by the next. */
export class KeyDecoder {
	#pending = '';

	/** The keys in `chunk`, in order. */
	push(chunk: string): KeyName[] {
		const {events, pending} = splitEvents(this.#pending + chunk);
		this.#pending = pending;
		return events.flatMap(event => namesOf(event));
	}

	/** True when the input ended inside an escape sequence (or on a lone Escape), waiting for more. */
	get isPending(): boolean {
		return this.#pending !== '';
	}

	/** A lone Escape left at the end of the input (no more bytes came after it): the Escape key. */
	flush(): KeyName[] {
		const pending = this.#pending;
		this.#pending = '';
		return pending === '' ? [] : namesOf(pending);
	}
}
