/**
File names that are not valid UTF-8. Linux allows any bytes but `/` and NUL in a name, and Node decodes names as UTF-8,
turning every stray byte into U+FFFD: such a file could not be opened by the decoded name, and two names could look
alike. The store shows them by an escaped name instead (each stray byte as `%XX`, and `%` itself as `%25`, so the
escaped form of a name is always different from that of another name that is not valid UTF-8 either) and opens
them by their bytes, carried as hex.
*/

/** The length of a well-formed UTF-8 sequence starting at `index` (RFC 3629), or 0 when there is none. */
function sequenceLength(bytes: Uint8Array, index: number): number {
	const first = bytes[index]!;
	if (first < 0x80) {
		return 1;
	}

	const continuation = (offset: number, low = 0x80, high = 0xBF) => {
		const byte = bytes[index + offset];
		return byte !== undefined && byte >= low && byte <= high;
	};

	if (first >= 0xC2 && first <= 0xDF) {
		return continuation(1) ? 2 : 0;
	}

	if (first >= 0xE0 && first <= 0xEF) {
		// E0 needs A0..BF (no overlong forms), ED needs 80..9F (no surrogates).
		const low = first === 0xE0 ? 0xA0 : 0x80;
		const high = first === 0xED ? 0x9F : 0xBF;
		return continuation(1, low, high) && continuation(2) ? 3 : 0;
	}

	if (first >= 0xF0 && first <= 0xF4) {
		// F0 needs 90..BF (no overlong forms), F4 needs 80..8F (nothing above U+10FFFF).
		const low = first === 0xF0 ? 0x90 : 0x80;
		const high = first === 0xF4 ? 0x8F : 0xBF;
		return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0;
	}

	return 0;
}

function hexByte(byte: number): string {
	return byte.toString(16).toUpperCase().padStart(2, '0');
}

/**
A file name's bytes as readable text: valid UTF-8 decoded, every byte that is not part of a valid sequence as `%XX`,
and `%` as `%25`. Only for names that are not valid UTF-8; a valid name is shown as it is.
*/
export function escapeFileName(bytes: Uint8Array): string {
	const decoder = new TextDecoder();
	let text = '';
	let index = 0;
	while (index < bytes.length) {
		const length = sequenceLength(bytes, index);
		if (length === 0) {
			text += `%${hexByte(bytes[index]!)}`;
			index++;
		} else if (bytes[index] === 0x25) {
			text += '%25';
			index++;
		} else {
			text += decoder.decode(bytes.subarray(index, index + length));
			index += length;
		}
	}

	return text;
}

/** Bytes as lowercase hex, two digits a byte. */
function toHex(bytes: Uint8Array): string {
	let text = '';
	for (const byte of bytes) {
		text += byte.toString(16).padStart(2, '0');
	}

	return text;
}

/** Text as the hex of its UTF-8 bytes. */
export function utf8Hex(text: string): string {
	return toHex(new TextEncoder().encode(text));
}

/** Whether `text` is hex as `toHex` writes it: lowercase, two digits a byte, at least one byte. */
export function isHex(text: string): boolean {
	return /^(?:[\da-f]{2})+$/.test(text);
}
