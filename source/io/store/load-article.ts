/**
Loading one whole article, body included: a file of the store (`show`, the reader), a file named on the command line,
or text from stdin. Every way in is bounded by the same size limit and fails with one line, never a stack trace.
*/
import type {Article} from '../../core/article/article.js';
import {UserError} from '../../core/errors.js';
import {parseArticle} from '../../core/article/parse.js';
import {articleFormatOf} from '../../core/store/article-path.js';
import {decodeArticle, describeError, maxArticleBytes, readArticleFile, readStream, type FilePath} from './read-file.js';
import type {StoredArticle} from './scan.js';

/**
Read one article file fully. `file` is a path, or its bytes for a name that is not valid UTF-8; `nameForFormat` picks
Markdown or text when `file` is bytes. Throws a UserError with a one-line message when the file cannot be used: gone,
not a regular file (a FIFO put in its place does not block), too large, empty or binary.
*/
export function loadArticle(file: FilePath, id: string, nameForFormat = typeof file === 'string' ? file : ''): Article {
	const read = readArticleFile(file, 'no such file');
	const shown = typeof file === 'string' ? file : nameForFormat;
	if ('failure' in read) {
		throw new UserError(`cannot read ${shown}: ${read.failure}`);
	}

	return parseArticle(read.text, {id, format: articleFormatOf(nameForFormat) ?? 'text'}).article;
}

/** Load an article found by a scan, by the bytes of its path when its name is not valid UTF-8. */
export function loadStoredArticle(stored: Pick<StoredArticle, 'path' | 'rawPath' | 'id'>): Article {
	const file = stored.rawPath === undefined ? stored.path : Buffer.from(stored.rawPath, 'hex');
	return loadArticle(file, stored.id, stored.path);
}

/** Parse an article given as text (stdin, or a file outside the store); `nameForFormat` picks Markdown or text. */
export function parseArticleText(text: string, nameForFormat: string, id: string): Article {
	const clean = text.charCodeAt(0) === 0xFE_FF ? text.slice(1) : text;
	return parseArticle(clean, {id, format: articleFormatOf(nameForFormat) ?? 'text'}).article;
}

/**
An article's text from a stream (stdin), read to its end without blocking the event loop and with the store's size
limit: a slow pipe (`(sleep 1; echo '# x') | inkwire show -`) is waited for, `< /dev/zero` is refused. Rejects with
a UserError naming `label`.
*/
export async function readArticleStream(stream: NodeJS.ReadableStream, label: string): Promise<string> {
	let bytes: Buffer;
	try {
		bytes = await readStream(stream, maxArticleBytes);
	} catch (error) {
		throw new UserError(`${label}: ${describeError(error)}`);
	}

	const decoded = decodeArticle(bytes, bytes.length, 0);
	if ('failure' in decoded) {
		throw new UserError(`${label}: ${decoded.failure === 'empty file' ? 'nothing to read' : decoded.failure}`);
	}

	return decoded.text;
}
