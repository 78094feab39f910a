/**
`JSON.parse` for files read back from disk (config.json, feed state, the search manifest, index fields), refusing
text nested deeper than the caller's documents ever are. V8's parser is not recursive, so depth does not overflow
the stack; it costs memory instead: 20 MB of `[` became 20 million arrays and 1.4 GB of heap before any shape check
could look at them. The depth is checked first, in one linear scan that allocates nothing.
*/

const openBracket = 0x5B;
const openBrace = 0x7B;
const closeBracket = 0x5D;
const closeBrace = 0x7D;
const quote = 0x22;
const backslash = 0x5C;

/** The deepest nesting of arrays and objects in `text` (strings skipped), or `limit + 1` once it passes `limit`. */
export function measureJsonDepth(text: string, limit: number): number {
	let depth = 0;
	let deepest = 0;
	let isInString = false;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (isInString) {
			if (code === backslash) {
				index++;
			} else if (code === quote) {
				isInString = false;
			}
		} else if (code === quote) {
			isInString = true;
		} else if (code === openBracket || code === openBrace) {
			depth++;
			if (depth > deepest) {
				deepest = depth;
				if (deepest > limit) {
					return deepest;
				}
			}
		} else if (code === closeBracket || code === closeBrace) {
			depth--;
		}
	}

	return deepest;
}

/** Parse JSON nested at most `maxDepth` deep. Throws SyntaxError, for deeper text as for text that is not JSON. */
export function parseBoundedJson(text: string, maxDepth: number): unknown {
	if (measureJsonDepth(text, maxDepth) > maxDepth) {
		throw new SyntaxError(`nested more than ${maxDepth} deep`);
	}

	return JSON.parse(text) as unknown;
}
