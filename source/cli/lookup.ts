import fs from 'node:fs';
import process from 'node:process';
import {UserError} from '../core/errors.js';
import {findArticle, type Lookup} from '../core/store/library.js';
import {readIndex} from '../io/store/index-cache.js';
import type {StoredArticle} from '../io/store/scan.js';
import {loadStore, type CommonFlags} from './context.js';
import {resolveStorePath} from './store-path.js';

/** The articles of the last scan, from the index alone (no file checked), or undefined when there is no index. */
async function indexedArticles(root: string): Promise<readonly StoredArticle[] | undefined> {
	try {
		const index = await readIndex(root, fs.realpathSync(root));
		return index?.entries.slice(0, index.header.articles).flatMap(entry => 'article' in entry ? [entry.article] : []);
	} catch {
		return undefined;
	}
}

function found(query: string, lookup: Lookup<StoredArticle>): StoredArticle {
	switch (lookup.kind) {
		case 'found': {
			return lookup.article;
		}

		case 'ambiguous': {
			const shown = lookup.candidates.slice(0, 8).map(article => article.id);
			const more = lookup.candidates.length > shown.length ? `, … (${lookup.candidates.length - shown.length} more)` : '';
			throw new UserError(`"${query}" matches ${lookup.candidates.length} articles: ${shown.join(', ')}${more}; give more of the id`);
		}

		case 'none': {
			throw new UserError(`no article matches "${query}" (\`inkwire list\` shows the ids)`);
		}
	}
}

/**
The stored article each query (an id or a unique id prefix) names, in order; a query that names none or several is
an error. The index of the last scan is asked first: at 100,000 articles checking every file would take most of a
second for an answer the index has in milliseconds. Only when a query is not there (a new file, a typo) is the store
scanned, so the answer is as exact as a full scan's.
*/
export async function findStoredArticles(queries: readonly string[], flags: CommonFlags): Promise<StoredArticle[]> {
	const indexed = await indexedArticles(resolveStorePath(flags, process.env));
	if (indexed) {
		const lookups = queries.map(query => findArticle(indexed, query));
		if (lookups.every(lookup => lookup.kind === 'found' && fs.existsSync(lookup.article.path))) {
			return lookups.map((lookup, index) => found(queries[index]!, lookup));
		}
	}

	const scan = await loadStore(flags, process.env);
	return queries.map(query => found(query, findArticle(scan.articles, query)));
}
