/**
GFM tables drawn by inkwire: fitted to the measure with cell text wrapped, borders aligned by display width (CJK and
emoji count two), each column aligned as written. A table whose columns cannot get a readable width is shown as a
list of `header: value` records instead. Very large tables are cut, visibly, so a render stays fast.
*/
import type {Tokens} from 'marked';
import {balanceStyles} from '../text/sgr.js';
import {displayWidth} from '../text/width.js';
import {wrapText} from '../text/wrap.js';
import {renderInline, stripStyles, type InlineContext} from './inline.js';
import {formatCount} from './warnings.js';

type Align = 'left' | 'right' | 'center' | null;

/** The most columns drawn; the rest are named in a line under the table. */
export const maximumTableColumns = 64;
/** The most rows drawn, and the most cells, whichever is reached first. */
export const maximumTableRows = 1000;
const maximumTableCells = 20_000;
/** A column is given at least this many columns (or its whole text, if narrower) before words are cut. */
const readableColumn = 4;
const longWord = 10;

type Cell = {readonly text: string; readonly natural: number; readonly word: number};

function measureCell(text: string): Cell {
	const plain = stripStyles(text);
	let natural = 0;
	for (const line of plain.split('\r')) {
		natural = Math.max(natural, displayWidth(line.trim()));
	}

	let word = 0;
	for (const part of plain.split(/[\s\r]+/)) {
		word = Math.max(word, displayWidth(part));
	}

	return {text, natural, word: Math.min(word, natural)};
}

/**
Share `room` columns among columns that want `needs[i]` more each, never giving one more than it wants, fairly in
the max-min sense: a column wanting less than an equal share gets all it wants, and what it leaves is shared again
among the rest. So a short column ("Harbour Harriers") is kept whole beside a long one. Returns the room left.
*/
function share(widths: number[], needs: readonly number[], room: number): number {
	let left = room;
	let open = needs.map((need, index) => ({index, need})).filter(({need}) => need > 0);
	while (open.length > 0 && left > 0) {
		const equal = Math.floor(left / open.length);
		const satisfied = open.filter(({need}) => need <= equal);
		if (satisfied.length === 0) {
			// Every column wants more than an equal share: give each that share, and the odd columns to the neediest.
			open.sort((a, b) => b.need - a.need);
			for (const [rank, {index}] of open.entries()) {
				const grant = equal + (rank < left - equal * open.length ? 1 : 0);
				widths[index]! += grant;
			}

			return 0;
		}

		for (const {index, need} of satisfied) {
			widths[index]! += need;
			left -= need;
		}

		open = open.filter(({need}) => need > equal);
	}

	return left;
}

/** Column widths that fit `available`, or undefined when the columns cannot all get a readable width. */
function fitColumns(columns: readonly Cell[][], available: number): number[] | undefined {
	const natural = columns.map(cells => cells.reduce((widest, cell) => Math.max(widest, cell.natural), 1));
	if (natural.reduce((sum, width) => sum + width, 0) <= available) {
		return natural;
	}

	const words = columns.map((cells, index) => Math.min(natural[index]!, cells.reduce((widest, cell) => Math.max(widest, cell.word), 0)));
	const widths = natural.map((width, index) => Math.min(width, Math.max(readableColumn, Math.min(words[index]!, longWord))));
	const floor = widths.reduce((sum, width) => sum + width, 0);
	if (floor > available) {
		return undefined;
	}

	// First room for whole words, then for whole cells.
	let room = share(widths, words.map((word, index) => Math.max(0, word - widths[index]!)), available - floor);
	room = share(widths, natural.map((width, index) => width - widths[index]!), room);
	return widths;
}

function pad(text: string, width: number, align: Align): string {
	const extra = Math.max(0, width - displayWidth(text));
	if (align === 'right') {
		return ' '.repeat(extra) + text;
	}

	if (align === 'center') {
		const left = Math.floor(extra / 2);
		return ' '.repeat(left) + text + ' '.repeat(extra - left);
	}

	return text + ' '.repeat(extra);
}

/** One table row as lines: every cell wrapped to its column, padded, between borders. */
function drawRow(cells: readonly Cell[], widths: readonly number[], aligns: readonly Align[], paintRule: (text: string) => string): string[] {
	const wrapped = widths.map((width, index) => balanceStyles(wrapText(cells[index]?.text ?? '', width)));
	const height = wrapped.reduce((tallest, lines) => Math.max(tallest, lines.length), 1);
	const bar = paintRule('│');
	const lines: string[] = [];
	for (let line = 0; line < height; line++) {
		const parts = widths.map((width, index) => pad(wrapped[index]![line] ?? '', width, aligns[index] ?? null));
		lines.push(`${bar} ${parts.join(` ${bar} `)} ${bar}`);
	}

	return lines;
}

function rule(widths: readonly number[], left: string, middle: string, right: string): string {
	return left + widths.map(width => '─'.repeat(width + 2)).join(middle) + right;
}

/** The table as `header: value` records, for tables too wide for the measure. */
function drawRecords(header: readonly Cell[], rows: readonly Cell[][], width: number, context: InlineContext): string[] {
	const lines: string[] = [];
	for (const row of rows) {
		if (lines.length > 0) {
			lines.push('');
		}

		let isFirst = true;
		for (const [index, cell] of row.entries()) {
			if (stripStyles(cell.text).trim() === '') {
				continue;
			}

			const name = stripStyles(header[index]?.text ?? '').trim() === '' ? `Column ${index + 1}` : header[index]!.text;
			for (const [number, line] of wrapText(`${context.styles.strong(name)}: ${cell.text}`, width - 2).entries()) {
				lines.push((number === 0 && isFirst ? `${context.styles.marker('•')} ` : '  ') + line);
			}

			isFirst = false;
		}
	}

	return lines;
}

/** A GFM table as lines no wider than `width`. */
export function renderTable(token: Tokens.Table, width: number, context: InlineContext): string[] {
	const {styles, warnings} = context;
	const columnCount = Math.min(token.header.length, maximumTableColumns);
	const rowCount = Math.min(token.rows.length, maximumTableRows, Math.max(10, Math.floor(maximumTableCells / Math.max(1, columnCount))));
	if (token.header.length > columnCount) {
		warnings.add('table-columns', `A table is cut to its first ${columnCount} columns.`, `a table of ${formatCount(token.header.length)} columns`);
	}

	if (token.rows.length > rowCount) {
		warnings.add('table-rows', `A table is cut to its first ${formatCount(rowCount)} rows.`, `a table of ${formatCount(token.rows.length)} rows`);
	}

	const header = token.header.slice(0, columnCount).map(cell => measureCell(styles.strong(renderInline(cell.tokens, context))));
	const rows = token.rows.slice(0, rowCount).map(row => row.slice(0, columnCount).map(cell => measureCell(renderInline(cell.tokens, context))));
	const columns = header.map((cell, index) => [cell, ...rows.map(row => row[index] ?? measureCell(''))]);
	const aligns = token.align.slice(0, columnCount);
	const widths = fitColumns(columns, width - (3 * columnCount + 1));
	let lines: string[];
	if (widths === undefined) {
		lines = drawRecords(header, rows, width, context);
	} else {
		const paint = styles.rule;
		const body = rows.map(row => drawRow(row, widths, aligns, paint));
		const isTall = body.some(row => row.length > 1);
		lines = [paint(rule(widths, '┌', '┬', '┐')), ...drawRow(header, widths, aligns, paint)];
		if (body.length > 0) {
			lines.push(paint(rule(widths, '├', '┼', '┤')));
		}

		for (const [index, row] of body.entries()) {
			if (isTall && index > 0) {
				lines.push(paint(rule(widths, '├', '┼', '┤')));
			}

			for (const line of row) {
				lines.push(line);
			}
		}

		lines.push(paint(rule(widths, '└', '┴', '┘')));
	}

	const hidden = [
		token.rows.length > rowCount ? `${formatCount(token.rows.length - rowCount)} more rows` : '',
		token.header.length > columnCount ? `${formatCount(token.header.length - columnCount)} more columns` : '',
	].filter(Boolean);
	if (hidden.length > 0) {
		lines.push(styles.warning(`… ${hidden.join(' and ')} not shown`));
	}

	return lines;
}
