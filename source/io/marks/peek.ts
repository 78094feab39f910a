import fs from 'node:fs';
import type {ReadLookup} from '../../core/store/library.js';
import {decodeStoreMarks, parseConfig, type ConfigDocument} from './format.js';
import {configPathIn, storeKeyOf} from './paths.js';

/**
A store's read marks straight from config.json, for painting the first screen before conf (and ajv, which it
imports) has loaded. Read-only and forgiving: anything unexpected gives undefined, and the mark store (marks.ts, through conf)
deals with it a moment later, moving a damaged file aside and saying so.
*/
export function peekReadMarks(configDirectory: string, storeRoot: string): ReadLookup | undefined {
	let document: ConfigDocument;
	try {
		document = parseConfig(fs.readFileSync(configPathIn(configDirectory), 'utf8'));
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
