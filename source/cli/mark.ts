import fs from 'node:fs';
import process from 'node:process';
import type {ArticleMeta} from '../core/article/article.js';
import {UserError} from '../core/errors.js';
import {findArticle} from '../core/store/library.js';
import {readIndex} from '../io/store/index-cache.js';
import {loadStore, openReadStateWithWarnings, type CommonFlags} from './context.js';
import {resolveStorePath} from './store-path.js';

/** The articles of the last scan, from the index alone (no file checked), or undefined when there is no index. */
async function indexedArticles(root: string): Promise<readonly ArticleMeta[] | undefined> {
	try {
		const index = await readIndex(root, fs.realpathSync(root));
		return index?.entries.slice(0, index.header.articles).flatMap(entry => 'article' in entry ? [entry.article] : []);
	} catch {
		return undefined;
	}
}

/** Each query as the id of exactly one article, or undefined if any query is unknown or ambiguous among these. */
function resolveAll(queries: readonly string[], articles: readonly ArticleMeta[]): string[] | undefined {
	const ids: string[] = [];
	for (const query of queries) {
		const lookup = findArticle(articles, query);
		if (lookup.kind !== 'found') {
			return undefined;
		}

		ids.push(lookup.article.id);
	}

	return ids;
}

/**
`inkwire read|unread <id>...`: every id (or unique prefix) must name an article, else nothing is marked. The marks are
on disk before this returns. The ids are looked up in the index of the last scan first: at 100,000 articles checking
every file would take most of a second for a mark that takes milliseconds. Only when an id is not there (a new file,
a typo) is the store scanned, so the answer is as exact as a full scan.
*/
export async function runMark(command: 'read' | 'unread', queries: readonly string[], flags: CommonFlags): Promise<number> {
	if (queries.length === 0) {
		throw new UserError(`${command} takes one or more article ids`, 2);
	}

	const indexed = await indexedArticles(resolveStorePath(flags, process.env));
	let ids = indexed && resolveAll(queries, indexed);
	if (!ids) {
		const scan = await loadStore(flags, process.env);
		ids = queries.map(query => {
			const lookup = findArticle(scan.articles, query);
			switch (lookup.kind) {
				case 'found': {
					return lookup.article.id;
				}

				case 'ambiguous': {
					throw new UserError(`"${query}" matches ${lookup.candidates.length} articles; give more of the id`);
				}

				case 'none': {
					throw new UserError(`no article matches "${query}" (\`inkwire list\` shows the ids)`);
				}
			}
		});
	}

	const readState = openReadStateWithWarnings();
	if (!readState.canSave) {
		throw new UserError(`read marks cannot be saved to ${readState.path}`);
	}

	const warningsBefore = readState.warnings.length;
	readState.setRead(ids, command === 'read');
	// A save that failed (the lock held too long by another inkwire, a full disk) must not look like success.
	const failures = readState.warnings.slice(warningsBefore);
	if (failures.length > 0) {
		throw new UserError(failures.join('; '));
	}

	return 0;
}
