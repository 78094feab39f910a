import test from 'ava';
import stringWidth from 'string-width';
import {narrowWidth} from '../source/core/text/narrow-width.js';

test('every character the fast path counts as one column is one column for string-width', t => {
	const disagreeing: string[] = [];
	let counted = 0;
	for (let code = 0; code <= 0xFF_FF; code++) {
		if (code >= 0xD8_00 && code <= 0xDF_FF) {
			continue;
		}

		const character = String.fromCodePoint(code);
		if (narrowWidth(character) !== undefined) {
			counted++;
			if (stringWidth(character) !== 1) {
				disagreeing.push(code.toString(16));
			}
		}
	}

	t.deepEqual(disagreeing, []);
	t.true(counted > 1500, 'the class covers Latin, Greek, Cyrillic, punctuation and box drawing');
});

test('one-column text is measured by its length, inkwire\'s escapes by nothing, anything else is left to string-width', t => {
	const row = '● 2025-05-31  Harbour Courier  Café opens “at last” — €2 · ❯ …';
	t.is(narrowWidth(row), stringWidth(row));
	t.is(narrowWidth(row), row.length);
	t.is(narrowWidth('\u001B[1mBold\u001B[22m and \u001B]8;;https://example.com\u0007a link\u001B]8;;\u0007'), 15);
	t.is(narrowWidth(''), 0);
	for (const text of ['東京', 'e\u0301', '👍', 'tab\there', '\u001B]0;title\u0007', 'soft\u00ADhyphen', '\u001B[2J']) {
		t.is(narrowWidth(text), undefined, JSON.stringify(text));
	}
});
