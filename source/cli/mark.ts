import process from 'node:process';
import {UserError} from '../core/errors.js';
import {findArticle} from '../core/library.js';
import {loadStore, openReadStateWithWarnings, type CommonFlags} from './context.js';

/**
`inkwire read|unread <id>...`: every id (or unique prefix) must name an article, else nothing is marked. The marks
are on disk before this returns.
*/
export async function runMark(command: 'read' | 'unread', queries: readonly string[], flags: CommonFlags): Promise<number> {
	if (queries.length === 0) {
		throw new UserError(`${command} takes one or more article ids`, 2);
	}

	const scan = await loadStore(flags, process.env);
	const ids = queries.map(query => {
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
	const readState = openReadStateWithWarnings();
	readState.setRead(ids, command === 'read');
	if (!readState.canSave) {
		throw new UserError(`read marks cannot be saved to ${readState.path}`);
	}

	return 0;
}
