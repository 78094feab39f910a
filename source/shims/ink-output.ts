/**
Build-time stand-in for Ink 6.8's `build/output.js` (see build.mjs), the class that turns a frame's text writes into
the frame's string. Ink's own splits every line of every frame into styled characters, fills a grid of them and joins
it back, with caches that live for one frame: half of a keypress in the list went there, for a frame that differs
from the last one in two rows.

This one gives the same strings (a test compares the two on random frames) and remembers across frames:
- each row's string, by what was written on it (the lines and their columns): a row nobody changed costs a lookup;
- each line's styled characters and each character's width, for the rows that do change.
A frame with a clipping region (`overflow="hidden"`, which the reader does not use) goes through Ink's algorithm,
row memo aside. Memory is bounded: each memo is emptied when it grows past its limit.

This file is only ever bundled: the source and the tests use Ink itself.
*/
import {styledCharsFromTokens, styledCharsToString, tokenize, type StyledChar} from '@alcalzone/ansi-tokenize';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';

type Transformer = (line: string, index: number) => string;

type Clip = {readonly x1?: number; readonly x2?: number; readonly y1?: number; readonly y2?: number};

type Operation =
	| {readonly type: 'write'; readonly x: number; readonly y: number; readonly text: string; readonly transformers: readonly Transformer[]}
	| {readonly type: 'clip'; readonly clip: Clip}
	| {readonly type: 'unclip'};

/** A map emptied when it grows past `limit`: frames repeat the same strings, and the reader runs for hours. */
class Memo<Value> {
	readonly #map = new Map<string, Value>();

	constructor(private readonly limit: number) {}

	get(key: string, make: (key: string) => Value): Value {
		let value = this.#map.get(key);
		if (value === undefined) {
			value = make(key);
			if (this.#map.size >= this.limit) {
				this.#map.clear();
			}

			this.#map.set(key, value);
		}

		return value;
	}
}

const styledLines = new Memo<StyledChar[]>(4000);
const widths = new Memo<number>(20_000);
const rowStrings = new Memo<string>(4000);

const styledCharsOf = (line: string) => styledLines.get(line, text => styledCharsFromTokens(tokenize(text)));
const widthOf = (text: string) => widths.get(text, stringWidth);

function blankCell(): StyledChar {
	return {type: 'char', value: ' ', fullWidth: false, styles: []};
}

/** Write a line's characters into a row of cells from column `x`, wide characters taking the cells after them. */
function writeCells(cells: StyledChar[], x: number, line: string): void {
	let offsetX = x;
	for (const character of styledCharsOf(line)) {
		cells[offsetX] = character;
		const characterWidth = Math.max(1, widthOf(character.value));
		for (let index = 1; index < characterWidth; index++) {
			cells[offsetX + index] = {type: 'char', value: '', fullWidth: false, styles: character.styles};
		}

		offsetX += characterWidth;
	}
}

function rowString(cells: StyledChar[]): string {
	return styledCharsToString(cells.filter(cell => cell !== undefined)).trimEnd();
}

export default class Output {
	readonly width: number;
	readonly height: number;
	readonly operations: Operation[] = [];

	constructor(options: {readonly width: number; readonly height: number}) {
		this.width = options.width;
		this.height = options.height;
	}

	write(x: number, y: number, text: string, options: {readonly transformers: readonly Transformer[]}): void {
		if (text) {
			this.operations.push({type: 'write', x, y, text, transformers: options.transformers});
		}
	}

	clip(clip: Clip): void {
		this.operations.push({type: 'clip', clip});
	}

	unclip(): void {
		this.operations.push({type: 'unclip'});
	}

	get(): {output: string; height: number} {
		const rows = this.operations.some(operation => operation.type === 'clip') ? this.#clippedRows() : this.#rows();
		return {output: rows.join('\n'), height: this.height};
	}

	/** Each row's writes, `x` and line, as one key; the row's string is made only for a key not seen before. */
	#rows(): string[] {
		const keys: string[] = Array.from({length: this.height}, () => '');
		const writes: Array<Array<readonly [number, string]>> = Array.from({length: this.height}, () => []);
		for (const operation of this.operations) {
			if (operation.type !== 'write') {
				continue;
			}

			// As in Ink: a write that starts above the frame writes nothing, one that runs past its bottom stops there.
			const lines = operation.text.split('\n');
			for (let [index, line] of lines.entries()) {
				const row = operation.y + index;
				if (operation.y < 0 || row >= this.height) {
					break;
				}

				for (const transformer of operation.transformers) {
					line = transformer(line, index);
				}

				keys[row] += `${operation.x}\u0000${line}\u0001`;
				writes[row]!.push([operation.x, line]);
			}
		}

		return keys.map((key, row) => (key === '' ? '' : rowStrings.get(`${this.width}\u0002${key}`, () => {
			const cells = Array.from({length: this.width}, blankCell);
			for (const [x, line] of writes[row]!) {
				writeCells(cells, x, line);
			}

			return rowString(cells);
		})));
	}

	/** Ink's own algorithm, for frames that clip. */
	#clippedRows(): string[] {
		const output = Array.from({length: this.height}, () => Array.from({length: this.width}, blankCell));
		const clips: Clip[] = [];
		for (const operation of this.operations) {
			if (operation.type === 'clip') {
				clips.push(operation.clip);
				continue;
			}

			if (operation.type === 'unclip') {
				clips.pop();
				continue;
			}

			const {text, transformers} = operation;
			let {x, y} = operation;
			let lines = text.split('\n');
			const clip = clips.at(-1);
			if (clip) {
				const clipHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
				const clipVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
				if (clipHorizontally) {
					const width = Math.max(0, ...lines.map(line => widthOf(line)));
					if (x + width < clip.x1! || x > clip.x2!) {
						continue;
					}
				}

				if (clipVertically && (y + lines.length < clip.y1! || y > clip.y2!)) {
					continue;
				}

				if (clipHorizontally) {
					lines = lines.map(line => {
						const from = x < clip.x1! ? clip.x1! - x : 0;
						const width = widthOf(line);
						const to = x + width > clip.x2! ? clip.x2! - x : width;
						return sliceAnsi(line, from, to);
					});
					if (x < clip.x1!) {
						x = clip.x1!;
					}
				}

				if (clipVertically) {
					const from = y < clip.y1! ? clip.y1! - y : 0;
					const to = y + lines.length > clip.y2! ? clip.y2! - y : lines.length;
					lines = lines.slice(from, to);
					if (y < clip.y1!) {
						y = clip.y1!;
					}
				}
			}

			for (let [index, line] of lines.entries()) {
				const cells = y < 0 ? undefined : output[y + index];
				if (!cells) {
					break;
				}

				for (const transformer of transformers) {
					line = transformer(line, index);
				}

				writeCells(cells, x, line);
			}
		}

		return output.map(cells => rowString(cells));
	}
}
