import type {ReadLookup} from '../../core/store/library.js';
import {decodeStoreMarks, parseConfig, type ConfigDocument} from './format.js';
import {readTextFile} from '../store/read-file.js';
import {configPathIn, storeKeyOf} from './paths.js';

/**
A store's read marks straight from config.json, for painting the first screen before conf (and ajv, which it
imports) has loaded. Read-only and forgiving: anything unexpected gives undefined, and the mark store (marks.ts, through conf)
deals with it a moment later, moving a damaged file aside and saying so.
*/
// Far above any real config (100,000 marks are a few MB): a larger file is left to the mark store to report.
const maxConfigBytes = 64 * 1024 * 1024;

export function peekReadMarks(configDirectory: string, storeRoot: string): ReadLookup | undefined {
	let document: ConfigDocument;
	try {
		document = parseConfig(readTextFile(configPathIn(configDirectory), maxConfigBytes));
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ENOENT' ? {isRead: () => false} : undefined;
	}

	const decoded = decodeStoreMarks(document, storeKeyOf(storeRoot));
	if (decoded.unsupported || decoded.problems.length > 0) {
		return undefined;
	}

	const {read} = decoded.marks;
	return {isRead: id => read.has(id)};
}
