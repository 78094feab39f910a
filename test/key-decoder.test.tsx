import './helpers/no-ci.js';
import {setTimeout as delay} from 'node:timers/promises';
import test from 'ava';
import {useInput} from 'ink';
import {render} from 'ink-testing-library';
import {KeyDecoder} from '../source/core/reader/key-decoder.js';
import {keyNames, type KeyName} from '../source/core/reader/keymap.js';

// What terminals send for the keys of the key map, the variants of other terminals, keys the reader does not use, and
// chunks of several keys (typed faster than the input is read).
const sequences = [
	'j', 'k', 'G', 'g', 'q', '?', '/', ' ', 'é', '日本', 'jjjk', 'j\u0003k', 'j\rk',
	'\r', '\t', '\u007F', '\b', '\u0003', '\u001A', '\u0001', '\u0000',
	'\u001B[A', '\u001B[B', '\u001B[C', '\u001B[D', '\u001BOA', '\u001BOB', '\u001BOC', '\u001BOD',
	'\u001B[1;5A', '\u001B[1;2B', '\u001B[a', '\u001B[b', '\u001BOa',
	'\u001B[5~', '\u001B[6~', '\u001B[5;5~', '\u001B[H', '\u001B[F', '\u001BOH', '\u001BOF',
	'\u001B[1~', '\u001B[4~', '\u001B[7~', '\u001B[8~', '\u001B[2~', '\u001B[3~', '\u001B[Z', '\u001B[E',
	'\u001B[[A', '\u001BOP', '\u001B[15~', '\u001Bx', '\u001BJ', '\u001B\u001B[A',
	'\u001B[\u0001x', '\u001BO\u0001', 'j\u001B[Bk', '\u001B[A\u001B[A\u001B[6~q', 'ab\u001B[5~cd',
];

function Recorder({onKeys}: {readonly onKeys: (names: KeyName[]) => void}) {
	useInput((input, key) => {
		onKeys(keyNames(input, key));
	});
	return null;
}

test('the first screen names every key sequence as Ink does', async t => {
	const seen: KeyName[] = [];
	const disagreements: string[] = [];
	const app = render(<Recorder onKeys={names => seen.push(...names)}/>);
	await delay(20);
	for (const sequence of sequences) {
		seen.length = 0;
		app.stdin.write(sequence);
		// eslint-disable-next-line no-await-in-loop
		await delay(5);
		const decoder = new KeyDecoder();
		const decoded = [...decoder.push(sequence), ...decoder.flush()];
		if (JSON.stringify(decoded) !== JSON.stringify(seen)) {
			disagreements.push(`${JSON.stringify(sequence)}: ${JSON.stringify(decoded)}, Ink ${JSON.stringify(seen)}`);
		}
	}

	t.deepEqual(disagreements, []);

	app.unmount();
});

test('an escape sequence cut between two reads is completed by the next one', t => {
	const decoder = new KeyDecoder();
	t.deepEqual(decoder.push('j\u001B['), ['j']);
	t.deepEqual(decoder.push('6~k'), ['pagedown', 'k']);
	t.deepEqual(decoder.push('\u001B'), []);
	t.deepEqual(decoder.flush(), ['escape']);
	t.deepEqual(decoder.flush(), []);
});
