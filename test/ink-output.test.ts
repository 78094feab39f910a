import test from 'ava';
import fc from 'fast-check';
// Ink's own Output, by path: it is what the bundle replaces (build.mjs), so the two must give the same frames.
import InkOutput from '../node_modules/ink/build/output.js';
import Output from '../source/shims/ink-output.js';

type Write = {x: number; y: number; text: string; styled: boolean};

const bold = (line: string) => `\u001B[1m${line}\u001B[22m`;
const inverse = (line: string, index: number) => (index % 2 === 0 ? `\u001B[7m${line}\u001B[27m` : line);

// Text as frames hold it: plain and styled words, wide characters, emoji, combining marks, several lines.
const text = fc.array(fc.constantFrom('word', ' ', '●', '❯', '東京', '👍🏽', 'é', 'e\u0301', '\u001B[36mcyan\u001B[39m', '\n', '…', 'x'), {minLength: 1, maxLength: 12}).map(parts => parts.join(''));
const write = fc.record({x: fc.integer({min: 0, max: 30}), y: fc.integer({min: -2, max: 12}), text, styled: fc.boolean()});
const frame = fc.record({
	writes: fc.array(write, {maxLength: 12}),
	clip: fc.option(fc.record({x1: fc.integer({min: 0, max: 10}), x2: fc.integer({min: 10, max: 40}), y1: fc.integer({min: 0, max: 4}), y2: fc.integer({min: 4, max: 12})}), {nil: undefined}),
});

function draw(OutputClass: typeof InkOutput | typeof Output, writes: readonly Write[], clip: {x1: number; x2: number; y1: number; y2: number} | undefined): string {
	const output = new OutputClass({width: 40, height: 10});
	for (const [index, {x, y, text: content, styled}] of writes.entries()) {
		if (clip && index === 1) {
			output.clip(clip);
		}

		output.write(x, y, content, {transformers: styled ? [bold, inverse] : []});
	}

	if (clip) {
		output.unclip();
	}

	return output.get().output;
}

test('the bundle\'s Output draws every frame as Ink\'s does, the same frame again from its memo', t => {
	fc.assert(fc.property(frame, ({writes, clip}) => {
		const expected = draw(InkOutput, writes, clip);
		t.is(draw(Output, writes, clip), expected);
		// Drawn a second time, rows come from the memo.
		t.is(draw(Output, writes, clip), expected);
	}), {numRuns: 500});
});

test('a row that changes is drawn again, the others are reused', t => {
	const rows = ['  ● 2025-05-31  Capital Report  Bridge trims', '  ● 2025-05-31  Island Chronicle  Airport splits'];
	const first = new Output({width: 60, height: 2});
	first.write(0, 0, rows[0]!, {transformers: [inverse]});
	first.write(0, 1, rows[1]!, {transformers: []});
	const second = new Output({width: 60, height: 2});
	second.write(0, 0, rows[0]!, {transformers: []});
	second.write(0, 1, rows[1]!, {transformers: [inverse]});
	const ink = new InkOutput({width: 60, height: 2});
	ink.write(0, 0, rows[0]!, {transformers: []});
	ink.write(0, 1, rows[1]!, {transformers: [inverse]});
	t.not(first.get().output, second.get().output);
	t.is(second.get().output, ink.get().output);
});
