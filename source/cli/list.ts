import process from 'node:process';
import {UserError} from '../core/errors.js';
import {filterArticles} from '../core/store/library.js';
import {formatListJson, formatListText} from '../core/render/list-format.js';
import {writeOut} from '../io/output.js';
import {chooseColor} from './color.js';
import {loadStore, openMarksWithWarnings, type CommonFlags} from './context.js';

/**
`inkwire list [--unread] [--starred] [--tag TAG] [--source NAME] [--json]`: newest first. Piped, one tab-separated line per article (id, day, read, source,
title) for cut, grep and xargs; on a terminal, aligned columns that fit the window; `--json`, one array.
*/
export async function runList(args: readonly string[], flags: CommonFlags & {readonly unread?: boolean; readonly starred?: boolean; readonly tag?: string; readonly source?: string; readonly json?: boolean; readonly color?: string}): Promise<number> {
	if (args.length > 0) {
		throw new UserError('list takes no arguments (inkwire show ID shows one article)', 2);
	}

	const isTty = Boolean(process.stdout.isTTY);
	const color = chooseColor(flags.color, isTty, process.env);
	const scan = await loadStore(flags, process.env);
	const marks = openMarksWithWarnings(scan.root);
	const articles = filterArticles(scan.articles, {unreadOnly: flags.unread ?? false, starredOnly: flags.starred ?? false, tag: flags.tag, source: flags.source}, marks);
	if (flags.json) {
		await writeOut(formatListJson(articles, marks));
	} else if (isTty) {
		// Loaded only for a terminal: display widths cost a piped list its Unicode tables.
		const {formatListColumns} = await import('../core/render/list-columns.js');
		await writeOut(formatListColumns(articles, marks, {width: process.stdout.columns || 80, color}));
	} else {
		await writeOut(formatListText(articles, marks));
	}

	return 0;
}
