/**
SGR bookkeeping for rendered lines: a pager shows any slice of lines, so every line must carry its own styling.
*/

// SGR parameters grouped by what they switch, so a line can reopen exactly the styles still open at its start.
const sgrCategories = new Map<number, string>([
	[1, 'bold'], [2, 'dim'], [3, 'italic'], [4, 'underline'], [5, 'blink'], [7, 'inverse'], [8, 'hidden'],
	[9, 'strike'], [53, 'overline'],
]);
const sgrResets = new Map<number, readonly string[]>([
	[22, ['bold', 'dim']], [23, ['italic']], [24, ['underline']], [25, ['blink']], [27, ['inverse']], [28, ['hidden']],
	[29, ['strike']], [55, ['overline']], [39, ['foreground']], [49, ['background']],
]);

/** Apply one SGR parameter list to the open-style state. */
function applySgr(state: Map<string, string>, parameters: string): void {
	const values = parameters === '' ? [0] : parameters.split(/[;:]/).map(Number);
	for (let index = 0; index < values.length; index++) {
		const value = values[index]!;
		if (value === 0) {
			state.clear();
		} else if (sgrCategories.has(value)) {
			state.set(sgrCategories.get(value)!, String(value));
		} else if (sgrResets.has(value)) {
			for (const category of sgrResets.get(value)!) {
				state.delete(category);
			}
		} else if ((value >= 30 && value <= 37) || (value >= 90 && value <= 97)) {
			state.set('foreground', String(value));
		} else if ((value >= 40 && value <= 47) || (value >= 100 && value <= 107)) {
			state.set('background', String(value));
		} else if (value === 38 || value === 48) {
			const length = values[index + 1] === 5 ? 2 : (values[index + 1] === 2 ? 4 : 0);
			state.set(value === 38 ? 'foreground' : 'background', values.slice(index, index + 1 + length).join(';'));
			index += length;
		}
	}
}

// eslint-disable-next-line no-control-regex
const lineEscape = /\u001B\[([\d;:]*)m|\u001B\]8;[^;\u0007\u001B]*;([^\u0007\u001B]*)(?:\u0007|\u001B\\)/g;
const closeHyperlink = '\u001B]8;;\u001B\\';

/**
Make every line stand alone: styles and a hyperlink still open at the end of a line are closed there and reopened at
the start of the next. A pager shows any slice of lines, and a style left open would bleed into whatever comes next.
*/
export function balanceStyles(lines: readonly string[]): string[] {
	const state = new Map<string, string>();
	let link: string | undefined;
	return lines.map(line => {
		if (line === '' || (state.size === 0 && link === undefined && !line.includes('\u001B'))) {
			return line;
		}

		const prefix = (state.size > 0 ? `\u001B[${[...state.values()].join(';')}m` : '') + (link ?? '');
		for (const match of line.matchAll(lineEscape)) {
			if (match[1] === undefined) {
				link = match[2] === '' ? undefined : match[0];
			} else {
				applySgr(state, match[1]);
			}
		}

		const suffix = (link === undefined ? '' : closeHyperlink) + (state.size > 0 ? '\u001B[0m' : '');
		return prefix + line + suffix;
	});
}
