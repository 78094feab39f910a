import {TextDecoder as WhatwgDecoder} from '@exodus/bytes/encoding.js';
import {getEncoding} from 'encoding-sniffer/sniffer';

/**
Bytes from the network as text, in the encoding they declare: a byte order mark first, then the charset of the
HTTP Content-Type header, then the XML prolog (`<?xml … encoding="windows-1252"?>`) or an HTML `<meta charset>`;
UTF-8 when nothing says (XML's default, and what almost every page is). encoding-sniffer implements the WHATWG
prescan, which reads the prolog and `<meta>` in the first 1,024 bytes. Decoding uses @exodus/bytes, not Node's
TextDecoder: Node 20 decodes windows-1252 as Latin-1 (0x93 came out as U+0093, not a curly quote).
*/

/** The charset parameter of a Content-Type header value, if any. */
export function charsetOfContentType(contentType: string | undefined): string | undefined {
	const match = /;\s*charset\s*=\s*"?([\w.:-]{1,40})"?/i.exec(contentType ?? '');
	return match?.[1];
}

/** The encoding `bytes` are in (a WHATWG encoding name), given the Content-Type header they came with. */
export function detectEncoding(bytes: Uint8Array, contentType: string | undefined): string {
	const declared = charsetOfContentType(contentType);
	try {
		return getEncoding(bytes, {defaultEncoding: 'utf-8', ...(declared === undefined ? {} : {transportLayerEncodingLabel: declared})});
	} catch {
		return 'utf-8';
	}
}

/** Decode `bytes` (see `detectEncoding`); an encoding the runtime cannot decode falls back to UTF-8, and says so. */
export function decodeBytes(bytes: Uint8Array, contentType: string | undefined): {text: string; encoding: string; warning?: string} {
	const encoding = detectEncoding(bytes, contentType);
	let decoder: {decode(bytes: Uint8Array): string; readonly encoding: string};
	let warning: string | undefined;
	try {
		decoder = new WhatwgDecoder(encoding);
	} catch {
		decoder = new WhatwgDecoder('utf-8');
		warning = `unknown encoding ${encoding}; read as UTF-8`;
	}

	// TextDecoder drops a BOM matching its encoding; invalid bytes become U+FFFD rather than an error.
	const text = decoder.decode(bytes);
	return {text, encoding: decoder.encoding, ...(warning === undefined ? {} : {warning})};
}
