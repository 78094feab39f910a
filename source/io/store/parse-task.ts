/**
The scan's `parse` task: reading and parsing files into index entries, in worker threads and on the main thread
alike. Kept apart from the stat task so that a warm start, which parses nothing, never loads the parser (js-yaml and
the scraped-text cleanup are a third of the code a `list` would load).
*/
import {articleIdFromPath, parseArticleMeta} from '../../core/article/parse.js';
import {articleFormatOf} from '../../core/store/article-path.js';
import {serializeEntry, type IndexEntry} from '../../core/store/index-entry.js';
import {readArticleFile} from './read-file.js';
import {fileOf, type ScanContext, type ScanItem} from './scan-tasks.js';

/** What reading a file gives: its index entry, or why it cannot be read now (not cached: it may work next time). */
export type ParseResult = IndexEntry | {readonly failure: string};

/** The `parse` task's answer: a result per file, and each entry's index line (serialising is done there too). */
export type ParseAnswer = {readonly results: ParseResult[]; readonly lines: string[]};

/** Read and parse one file of a store into its index entry. */
function readIndexEntry(item: ScanItem, prefix: string): ParseResult {
	const relativePath = typeof item === 'string' ? item : item[0];
	const rawRelativePath = typeof item === 'string' ? undefined : item[1];
	const read = readArticleFile(fileOf(item, prefix));
	if ('failure' in read) {
		if (!read.isContentProblem) {
			return {failure: read.failure};
		}

		const skip = {relativePath, size: read.size, mtimeMs: read.mtimeMs, skipReason: read.failure};
		return rawRelativePath === undefined ? skip : {...skip, rawRelativePath};
	}

	const {size, mtimeMs} = read;
	const format = articleFormatOf(relativePath) ?? 'text';
	// The index needs no body: the metadata-only parse skips the work only the body needs.
	const {article, warnings} = parseArticleMeta(read.text, {id: articleIdFromPath(relativePath), format});
	const allWarnings = read.isInvalidUtf8 ? ['invalid UTF-8 replaced with U+FFFD', ...warnings] : warnings;
	if (rawRelativePath === undefined) {
		return {relativePath, size, mtimeMs, article: {...article, path: prefix + relativePath}, warnings: allWarnings};
	}

	const rawPath = Buffer.from(prefix).toString('hex') + rawRelativePath;
	return {relativePath, rawRelativePath, size, mtimeMs, article: {...article, path: prefix + relativePath, rawPath}, warnings: allWarnings};
}

/** The `parse` task. */
export function parseFiles(items: readonly ScanItem[], {prefix}: ScanContext): ParseAnswer {
	const results = items.map(item => readIndexEntry(item, prefix));
	return {results, lines: results.map(result => 'failure' in result ? '' : serializeEntry(result))};
}

