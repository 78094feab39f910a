import process from 'node:process';
import {filterArticles} from '../core/store/library.js';
import {formatListJson, formatListText} from '../core/render/list-format.js';
import {writeOut} from '../io/output.js';
import {loadStore, openMarksWithWarnings, type CommonFlags} from './context.js';

/** `inkwire list [--unread] [--json]`: newest first, one tab-separated line (or one JSON object) per article. */
export async function runList(flags: CommonFlags & {readonly unread: boolean; readonly json: boolean}): Promise<number> {
	const scan = await loadStore(flags, process.env);
	const marks = openMarksWithWarnings(scan.root);
	const articles = filterArticles(scan.articles, {unreadOnly: flags.unread}, marks);
	await writeOut(flags.json ? formatListJson(articles, marks) : formatListText(articles, marks));
	return 0;
}
