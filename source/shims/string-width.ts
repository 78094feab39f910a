/**
Build-time wrapper around string-width with a memo. Ink measures every <Text> on every frame (widestLine) and our list
rows hold "●" and "…", which take string-width off its ASCII fast path onto Intl.Segmenter: that was the largest cost
of a keypress in a 100,000-article list. Frames repeat the same strings, so a bounded cache turns most calls into a
lookup. The bundle aliases `string-width` to this file; it reaches the real module by its path, which the alias
does not touch.
*/
import realStringWidth, {type Options} from '../../node_modules/string-width/index.js';
import {memoizeString} from '../core/text/memo.js';

export type {Options} from '../../node_modules/string-width/index.js';

const longestCached = 512;
const cachedWidth = memoizeString(text => realStringWidth(text), 20_000);

export default function stringWidth(text: string, options?: Options): number {
	if (options !== undefined || typeof text !== 'string' || text.length > longestCached) {
		return realStringWidth(text, options);
	}

	return cachedWidth(text);
}
