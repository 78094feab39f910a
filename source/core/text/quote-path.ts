/**
A file name or path as it may be shown: every control character, DEL, C1 control and bidi control written as a
visible escape (`\x1b`, `\u202e`), like `ls -b`, so that a hostile name can neither drive the terminal nor hide which
file is meant. Linear in the length of the name.
*/
export function quotePath(name: string): string {
	let quoted = '';
	for (const character of name) {
		const code = character.codePointAt(0)!;
		if (code < 0x20 || (code >= 0x7F && code <= 0x9F)) {
			quoted += `\\x${code.toString(16).padStart(2, '0')}`;
		} else if (code === 0x061C || code === 0x200E || code === 0x200F || (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069) || code === 0xFFFD) {
			quoted += `\\u${code.toString(16).padStart(4, '0')}`;
		} else if (character === '\\') {
			quoted += '\\\\';
		} else {
			quoted += character;
		}
	}

	return quoted;
}
