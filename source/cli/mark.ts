import {UserError} from '../core/errors.js';
import {openMarksWithWarnings, type CommonFlags} from './context.js';
import {findStoredArticles} from './lookup.js';
import {resolveStorePath} from './store-path.js';

/** The commands that set marks. */
export type MarkCommand = 'read' | 'unread' | 'star' | 'unstar';

/**
`inkwire read|unread|star|unstar <id>...`: every id (or unique prefix) must name an article, else nothing is marked.
The marks are on disk before this returns.
*/
export async function runMark(command: MarkCommand, queries: readonly string[], flags: CommonFlags): Promise<number> {
	if (queries.length === 0) {
		throw new UserError(`${command} takes one or more article ids`, 2);
	}

	const ids = (await findStoredArticles(queries, flags)).map(article => article.id);
	const marks = openMarksWithWarnings(resolveStorePath(flags, process.env));
	if (!marks.canSave) {
		throw new UserError(`marks cannot be saved to ${marks.path}`);
	}

	const warningsBefore = marks.warnings.length;
	if (command === 'read' || command === 'unread') {
		marks.setRead(ids, command === 'read');
	} else {
		marks.setSaved(ids, command === 'star');
	}

	// A save that failed (the lock held too long by another inkwire, a full disk) must not look like success.
	if (!marks.flush()) {
		throw new UserError(marks.warnings.slice(warningsBefore).join('; ') || `marks cannot be saved to ${marks.path}`);
	}

	return 0;
}
