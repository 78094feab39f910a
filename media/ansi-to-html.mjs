#!/usr/bin/env node
// Turns one `tmux capture-pane -e -p` dump (text with SGR escapes) into an HTML page that looks like a dark terminal
// window, for headless Chromium to screenshot. Used by media/make-screenshots.sh; see the top of that script.
//
//   node media/ansi-to-html.mjs CAPTURE.ans OUT.html --cols 100 --rows 30 --title 'inkwire'
//
// Prints the window's size in CSS pixels ("WIDTH HEIGHT") so the caller can size the browser window to it.
//
// Why a converter of our own rather than aha: the picture must keep the terminal's cell grid. Every non-ASCII
// character is placed in a box exactly one or two cells wide (the width comes from string-width, the same measure
// Ink lays the screen out with), so a fallback font's wider glyph (CJK, "●", "❯") cannot push the rest of the row
// out of line. Attributes persist across lines, as in tmux's dump, and inverse on default colours needs to know the
// theme's default colours, which aha does not.
import {readFileSync, writeFileSync} from 'node:fs';
import process from 'node:process';
import {parseArgs} from 'node:util';
import stringWidth from 'string-width';

const {values, positionals} = parseArgs({
	allowPositionals: true,
	options: {
		cols: {type: 'string', default: '100'},
		rows: {type: 'string', default: '30'},
		title: {type: 'string', default: 'inkwire'},
	},
});
const [inputPath, outputPath] = positionals;
if (!inputPath || !outputPath) {
	console.error('usage: ansi-to-html.mjs CAPTURE.ans OUT.html [--cols N] [--rows N] [--title T]');
	process.exit(2);
}

const columns = Number(values.cols);
const rows = Number(values.rows);

// VS Code's "Dark+" terminal theme: a real, widely seen dark palette.
const theme = {
	foreground: [0xcc, 0xcc, 0xcc],
	background: [0x1e, 0x1e, 0x1e],
	ansi: [
		'000000', 'cd3131', '0dbc79', 'e5e510', '2472c8', 'bc3fbc', '11a8cd', 'e5e5e5',
		'666666', 'f14c4c', '23d18b', 'f5f543', '3b8eea', 'd670d6', '29b8db', 'e5e5e5',
	].map(hex => [0, 2, 4].map(i => Number.parseInt(hex.slice(i, i + 2), 16))),
};

// Font metrics that size the window: DejaVu Sans Mono advances 1233/2048 em per cell.
const fontSize = 14;
const cellWidth = fontSize * 1233 / 2048;
const rowHeight = 18;
const padding = 14;
const titleBarHeight = 30;
const margin = 10;
// DejaVu Sans Mono's box-drawing glyphs span its ascent and descent (1901 + 483 units of 2048); a little overlap
// is better than a hairline gap between rows.
const boxStretch = (rowHeight / (fontSize * (1901 + 483) / 2048)) + 0.03;

/** The xterm 256-colour palette as RGB. */
function paletteColor(index) {
	if (index < 16) {
		return theme.ansi[index];
	}

	if (index < 232) {
		const steps = [0, 95, 135, 175, 215, 255];
		const n = index - 16;
		return [steps[Math.floor(n / 36)], steps[Math.floor(n / 6) % 6], steps[n % 6]];
	}

	const gray = 8 + ((index - 232) * 10);
	return [gray, gray, gray];
}

const defaultStyle = () => ({
	fg: undefined, bg: undefined, bold: false, dim: false, italic: false, underline: false, inverse: false,
	strike: false, hidden: false,
});

/** Applies one SGR parameter list (`1;38;5;196`) to the style in place. */
function applySgr(style, parameterText) {
	// Colon sub-parameters (`4:3`, `38:2::r:g:b`) are read like their semicolon forms.
	const parameters = parameterText === '' ? [0] : parameterText.split(/[;:]/).map(p => (p === '' ? 0 : Number(p)));
	for (let i = 0; i < parameters.length; i++) {
		const p = parameters[i];
		if (p === 0) {
			Object.assign(style, defaultStyle());
		} else if (p === 1) {
			style.bold = true;
		} else if (p === 2) {
			style.dim = true;
		} else if (p === 3) {
			style.italic = true;
		} else if (p === 4) {
			style.underline = true;
		} else if (p === 7) {
			style.inverse = true;
		} else if (p === 8) {
			style.hidden = true;
		} else if (p === 9) {
			style.strike = true;
		} else if (p === 21 || p === 22) {
			style.bold = false;
			style.dim = false;
		} else if (p === 23) {
			style.italic = false;
		} else if (p === 24) {
			style.underline = false;
		} else if (p === 27) {
			style.inverse = false;
		} else if (p === 28) {
			style.hidden = false;
		} else if (p === 29) {
			style.strike = false;
		} else if (p >= 30 && p <= 37) {
			style.fg = paletteColor(p - 30);
		} else if (p >= 90 && p <= 97) {
			style.fg = paletteColor(p - 90 + 8);
		} else if (p >= 40 && p <= 47) {
			style.bg = paletteColor(p - 40);
		} else if (p >= 100 && p <= 107) {
			style.bg = paletteColor(p - 100 + 8);
		} else if (p === 39) {
			style.fg = undefined;
		} else if (p === 49) {
			style.bg = undefined;
		} else if (p === 38 || p === 48) {
			const key = p === 38 ? 'fg' : 'bg';
			if (parameters[i + 1] === 5) {
				style[key] = paletteColor(parameters[i + 2] ?? 0);
				i += 2;
			} else if (parameters[i + 1] === 2) {
				// `38;2;r;g;b`, or the colon form with an empty colour-space id, which leaves one more field.
				const rest = parameters.slice(i + 2);
				const rgb = rest.length > 3 && parameterText.includes(':') ? rest.slice(1, 4) : rest.slice(0, 3);
				style[key] = rgb.map(c => c ?? 0);
				i += 1 + rgb.length + (rest.length > 3 && parameterText.includes(':') ? 1 : 0);
			}
		}
		// Blink, overline, fonts and the rest have no effect on a still picture.
	}
}

/** Splits the dump into rows of cells: {text, width, style}. */
function parseCapture(text) {
	const segmenter = new Intl.Segmenter('en', {granularity: 'grapheme'});
	const grid = [[]];
	let style = defaultStyle();
	// CSI (`ESC [ ... final`), OSC (`ESC ] ... BEL|ST`), or another two-byte escape.
	const escape = /\u001B(?:\[([0-9;:?]*)([@-~])|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[@-Z\\-_])/y;
	let plain = '';
	const flush = () => {
		for (const {segment} of segmenter.segment(plain)) {
			if (segment === '\n') {
				grid.push([]);
				continue;
			}

			const row = grid.at(-1);
			const width = stringWidth(segment);
			if (width === 0) {
				// A lone combining mark or zero-width character joins the previous cell, as in the terminal.
				if (row.length > 0) {
					row.at(-1).text += segment;
				}

				continue;
			}

			row.push({text: segment, width, style: {...style}});
		}

		plain = '';
	};

	for (let i = 0; i < text.length;) {
		if (text[i] === '\u001B') {
			escape.lastIndex = i;
			const match = escape.exec(text);
			if (match) {
				flush();
				if (match[2] === 'm') {
					applySgr(style, match[1]);
				}

				i = escape.lastIndex;
				continue;
			}
		}

		plain += text[i];
		i++;
	}

	flush();
	// tmux ends the dump with a newline; it does not start a row.
	if (grid.at(-1).length === 0 && grid.length > rows) {
		grid.pop();
	}

	return grid;
}

const mix = (a, b, amount) => a.map((c, i) => Math.round((c * amount) + (b[i] * (1 - amount))));
const css = rgb => `#${rgb.map(c => c.toString(16).padStart(2, '0')).join('')}`;

/** The CSS of one cell style, with the theme's defaults resolved, dim and inverse applied. */
function cssOf(style) {
	let fg = style.fg ?? theme.foreground;
	let bg = style.bg ?? theme.background;
	if (style.dim) {
		// Dim text drawn at half strength over its background, as VS Code and many others do.
		fg = mix(fg, bg, 0.5);
	}

	if (style.inverse) {
		[fg, bg] = [bg, fg];
	}

	const rules = [`color:${css(style.hidden ? bg : fg)}`];
	if (style.inverse || style.bg) {
		rules.push(`background:${css(bg)}`);
	}

	if (style.bold) {
		rules.push('font-weight:bold');
	}

	if (style.italic) {
		rules.push('font-style:italic');
	}

	const lines = [style.underline && 'underline', style.strike && 'line-through'].filter(Boolean);
	if (lines.length > 0) {
		rules.push(`text-decoration:${lines.join(' ')}`);
	}

	return rules.join(';');
}


const escapeHtml = text => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function renderRow(cells) {
	let html = '';
	let index = 0;
	while (index < cells.length) {
		const rule = cssOf(cells[index].style);
		let run = '';
		while (index < cells.length && cssOf(cells[index].style) === rule) {
			const {text, width} = cells[index];
			// Printable ASCII has the monospace font's own advance; anything else gets a box of its cell width.
			const classes = /^[\u2500-\u259F]$/.test(text) ? `c${width} box` : `c${width}`;
			run += /^[\u0020-\u007E]$/.test(text) ? escapeHtml(text) : `<span class="${classes}">${escapeHtml(text)}</span>`;
			index++;
		}

		html += `<span class="r" style="${rule}">${run}</span>`;
	}

	return `<div class="row">${html}</div>`;
}

const grid = parseCapture(readFileSync(inputPath, 'utf8'));
const problems = [];
if (grid.length > rows) {
	problems.push(`${grid.length} rows, expected at most ${rows}`);
}

for (const [index, cells] of grid.entries()) {
	const width = cells.reduce((sum, cell) => sum + cell.width, 0);
	if (width > columns) {
		problems.push(`row ${index + 1} is ${width} cells wide, expected at most ${columns}`);
	}
}

if (problems.length > 0) {
	// A row wider than the pane means string-width and tmux disagree on some character: the picture would lie.
	console.error(`ansi-to-html: ${inputPath}: ${problems.join('; ')}`);
	process.exit(1);
}

while (grid.length < rows) {
	grid.push([]);
}

const screenWidth = Math.ceil(columns * cellWidth);
const windowWidth = screenWidth + (2 * padding) + (2 * margin);
const windowHeight = (rows * rowHeight) + (2 * padding) + titleBarHeight + (2 * margin);

const html = `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(values.title)}</title><style>
html, body { margin: 0; background: transparent; }
.window {
	margin: ${margin}px; width: ${screenWidth + (2 * padding)}px; border-radius: 8px; overflow: hidden;
	background: ${css(theme.background)}; box-shadow: 0 0 0 1px #3c3c3c, 0 3px ${margin - 2}px rgba(0, 0, 0, 0.35);
}
.bar {
	height: ${titleBarHeight}px; background: #323233; position: relative;
	font: 12px/${titleBarHeight}px 'DejaVu Sans', sans-serif; color: #a8a8a8; text-align: center;
}
.dots { position: absolute; left: 12px; top: 10px; display: flex; gap: 8px; }
.dots i { width: 11px; height: 11px; border-radius: 50%; display: block; }
.screen {
	padding: ${padding}px; color: ${css(theme.foreground)};
	font-family: 'DejaVu Sans Mono', 'Noto Sans Mono CJK JP', 'Noto Sans CJK JP', 'DejaVu Sans', 'Noto Color Emoji', monospace;
	font-size: ${fontSize}px; font-variant-ligatures: none; font-kerning: none;
}
.row { height: ${rowHeight}px; line-height: ${rowHeight}px; white-space: pre; overflow: hidden; }
.r { display: inline-block; height: ${rowHeight}px; vertical-align: top; }
.c1, .c2 { display: inline-block; text-align: center; vertical-align: top; }
.c1 { width: 1ch; }
/* Box drawing and block elements stretched to the row's height, so lines join across rows as in a terminal. */
.box { transform: scaleY(${boxStretch.toFixed(3)}); }
.c2 { width: 2ch; }
</style></head><body><div class="window">
<div class="bar"><div class="dots"><i style="background:#ff5f57"></i><i style="background:#febc2e"></i><i style="background:#28c840"></i></div>${escapeHtml(values.title)}</div>
<div class="screen">
${grid.map(cells => renderRow(cells)).join('\n')}
</div></div></body></html>
`;

writeFileSync(outputPath, html);
console.log(`${windowWidth} ${windowHeight}`);
