/**
Build-time stand-in for string-width, for Ink, its text helpers and inkwire's core (see build.mjs).

- Text of one-column characters (nearly every list row, status line and article line) is measured by its length
  (core/text/narrow-width.ts), so the real module is not even loaded for it: string-width builds an emoji regular
  expression and an Intl.Segmenter as it loads and compiles more on its first call, about 150 ms of the first screen
  on a busy machine.
- Everything else goes to the real module, loaded on first need: esbuild turns the `require` of an ES module into a
  lazy initialiser inside the bundle. Frames repeat the same strings, so a bounded memo turns most of those calls
  into a lookup (Ink measures every <Text> of every frame).

This file is only ever bundled: the source and the tests import string-width itself.
*/
import type {Options} from '../../node_modules/string-width/index.js';
import {narrowWidth} from '../core/text/narrow-width.js';
import {memoizeString} from '../core/text/memo.js';

export type {Options} from '../../node_modules/string-width/index.js';

type StringWidth = (text: string, options?: Options) => number;

let realStringWidth: StringWidth | undefined;

function loadStringWidth(): StringWidth {
	// eslint-disable-next-line @typescript-eslint/no-require-imports, unicorn/prefer-module
	realStringWidth ??= (require('../../node_modules/string-width/index.js') as {default: StringWidth}).default;
	return realStringWidth;
}

const longestCached = 512;
const cachedWidth = memoizeString(text => loadStringWidth()(text), 20_000);

export default function stringWidth(text: string, options?: Options): number {
	if (typeof text === 'string' && (options === undefined || options.countAnsiEscapeCodes !== true)) {
		const narrow = narrowWidth(text);
		if (narrow !== undefined) {
			return narrow;
		}
	}

	if (options !== undefined || typeof text !== 'string' || text.length > longestCached) {
		return loadStringWidth()(text, options);
	}

	return cachedWidth(text);
}
