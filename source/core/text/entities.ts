/**
HTML character references, decoded by the `entities` package (the HTML5 table that htmlparser2 uses too): the one
decoder for every field and every format. Only references ended by `;` count, as in CommonMark, so "AT&T" and
"&copy2024" stay as written. Decoding happens before sanitising, so an encoded control character (`&#27;`) is decoded
and then removed instead of surviving as text.
*/
import {decodeHTMLStrict} from 'entities/decode';
import {sanitizeLine} from './sanitize.js';

/** Decode every named and numeric HTML5 character reference, once. The result still needs sanitising. */
export function decodeEntities(text: string): string {
	return text.includes('&') ? decodeHTMLStrict(text) : text;
}

/** A single-line field ready for the model: entities decoded, then sanitised (never the other way round). */
export function cleanLine(text: string): string {
	return sanitizeLine(decodeEntities(text));
}
