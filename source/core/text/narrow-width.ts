/**
The width of text that needs no Unicode tables: characters that are one terminal column each, and inkwire's own
escapes (SGR styling and OSC 8 links), which take none. It is the fast path in front of string-width, whose module
builds an emoji regular expression and an Intl.Segmenter when it loads and compiles more on its first call: about
150 ms before the first screen on a busy machine, for rows that are almost always plain Latin text.
*/

// One column each, as string-width counts them (a test checks every code point listed): Latin, Greek, Cyrillic,
// general punctuation and currency, letterlike symbols, arrows, box drawing and block elements, the geometric
// shapes in text presentation, and the few symbols of inkwire's own screens (❯ pointer, ⚠ warning, ✓ ✗).
const narrowText = /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u0370-\u0377\u037A-\u037F\u0384-\u038A\u038C\u038E-\u03A1\u03A3-\u0482\u048A-\u052F\u2010-\u2027\u2030-\u205E\u20A0-\u20C0\u2100-\u214F\u2190-\u21FF\u2500-\u25FC\u26A0\u2713\u2717\u276F]*$/;

// eslint-disable-next-line no-control-regex
const ownEscape = /\u001B\[[\d;:]*m|\u001B\]8;[^\u0007\u001B]*(?:\u0007|\u001B\\)/g;

/**
The display width of `text` when every character in it is one column wide (inkwire's SGR and OSC 8 escapes count
nothing); undefined when it holds anything else (CJK, emoji, combining marks, other controls), which needs
string-width.
*/
export function narrowWidth(text: string): number | undefined {
	if (narrowText.test(text)) {
		return text.length;
	}

	if (!text.includes('\u001B')) {
		return undefined;
	}

	const plain = text.replace(ownEscape, '');
	return narrowText.test(plain) ? plain.length : undefined;
}
