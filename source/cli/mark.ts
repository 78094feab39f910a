import {UserError} from '../core/errors.js';
import {openReadStateWithWarnings, type CommonFlags} from './context.js';
import {findStoredArticles} from './lookup.js';

/**
`inkwire read|unread <id>...`: every id (or unique prefix) must name an article, else nothing is marked. The marks are
on disk before this returns.
*/
export async function runMark(command: 'read' | 'unread', queries: readonly string[], flags: CommonFlags): Promise<number> {
	if (queries.length === 0) {
		throw new UserError(`${command} takes one or more article ids`, 2);
	}

	const ids = (await findStoredArticles(queries, flags)).map(article => article.id);
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
