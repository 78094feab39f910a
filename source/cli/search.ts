import process from 'node:process';
import {UserError} from '../core/errors.js';
import {formatResultsForTerminal, formatResultsJson, formatResultsText, type PrintedResult} from '../core/search/format.js';
import {LockBusyError} from '../io/search/index-sync.js';
import {StoreSearch} from '../io/search/store-search.js';
import {defaultCacheDirectory} from '../io/store/index-cache.js';
import {warn, writeOut} from '../io/output.js';
import {chooseColor} from './color.js';
import {loadStore, openMarksWithWarnings, type CommonFlags} from './context.js';

/** Results shown when `--limit` is not given. */
export const defaultSearchLimit = 20;

function parseLimit(text: string | undefined): number {
	if (text === undefined) {
		return defaultSearchLimit;
	}

	const limit = Number(text);
	if (!/^\d+$/.test(text) || !Number.isSafeInteger(limit) || limit < 1) {
		throw new UserError(`--limit takes a whole number above 0, not "${text}"`, 2);
	}

	return limit;
}

/** A progress line on a terminal while a large index is built; nothing in a pipe. */
function progressReporter(): ((done: number, total: number) => void) | undefined {
	if (!process.stderr.isTTY) {
		return undefined;
	}

	return (done, total) => {
		if (total < 500) {
			return;
		}

		process.stderr.write(done < total ? `\rinkwire: indexing for search ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}` : '\r\u001B[2K');
	};
}

/**
`inkwire search <query> [--json] [--limit N]`: ranked results with a snippet. Exits 1 when nothing matches, as grep
does, so that scripts can test for a match.
*/
export async function runSearch(args: readonly string[], flags: CommonFlags & {readonly json?: boolean; readonly limit?: string; readonly color?: string}): Promise<number> {
	const text = args.join(' ').trim();
	if (text === '') {
		throw new UserError('search needs a query, for example: inkwire search "city council" source:reuters', 2);
	}

	const limit = parseLimit(flags.limit);
	const isTty = Boolean(process.stdout.isTTY);
	const color = chooseColor(flags.color, isTty, process.env);
	const scan = await loadStore(flags, process.env);
	let search: StoreSearch;
	try {
		search = await StoreSearch.open(scan, {onProgress: progressReporter(), onWarning: warn});
	} catch (error) {
		if (error instanceof LockBusyError) {
			throw new UserError('another inkwire is building the search index: try again in a moment');
		}

		const code = (error as NodeJS.ErrnoException).code;
		if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
			throw new UserError(`cannot write the search index under ${defaultCacheDirectory()} (${code}): set XDG_CACHE_HOME to a writable folder`);
		}

		throw error;
	}

	try {
		if (flags.verbose) {
			for (const file of search.report.unreadable) {
				warn(`not searchable now (unreadable): ${file}`);
			}
		}

		const results = await search.find(text, {limit});
		for (const note of results.notes) {
			warn(note);
		}

		if (results.hits.length === 0) {
			if (isTty) {
				warn('no articles match');
			}

			if (flags.json) {
				await writeOut('[]\n');
			}

			return 1;
		}

		const readState = flags.json ? openMarksWithWarnings(scan.root) : undefined;
		const printed: PrintedResult[] = results.hits.map(({article, score}) => ({
			article, score, snippet: search.snippetOf(article, results.query), isRead: readState?.isRead(article.id) ?? false,
		}));
		if (flags.json) {
			await writeOut(formatResultsJson(printed));
		} else if (isTty) {
			await writeOut(formatResultsForTerminal(printed, results.query, color));
		} else {
			await writeOut(formatResultsText(printed));
		}

		return 0;
	} finally {
		search.close();
	}
}
