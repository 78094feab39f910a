/**
Reading one file of the store, safely: only a regular file is ever read, opening never blocks, and no read is larger
than its limit. A FIFO (or a symlink to one) put where an article was would otherwise block `open` until something
writes to it, and `/dev/zero` would be read forever; so the file is opened with O_NONBLOCK (which changes nothing
for a regular file), checked with fstat on the descriptor (not on the path, which could be swapped in between), and
refused unless it is a regular file.
*/
import fs from 'node:fs';
import {isUtf8} from 'node:buffer';

/** Larger articles are skipped: no article is that long, and it bounds memory. */
export const maxArticleBytes = 5 * 1024 * 1024;

/** A path as a string, or as bytes for a name that is not valid UTF-8. */
export type FilePath = string | Buffer;

/** Why a file was not read. A content problem is a fact about this version of the file and may be cached. */
export type ReadFailure =
	| {readonly failure: string; readonly isContentProblem: true; readonly size: number; readonly mtimeMs: number}
	| {readonly failure: string; readonly isContentProblem: false; readonly code?: string};

export type ReadBytes = {readonly bytes: Buffer; readonly size: number; readonly mtimeMs: number};

const openFlags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

/** What a file that is not a regular one is, for a skip reason. */
export function describeFileType(stats: fs.Stats | fs.Dirent): string {
	if (stats.isFIFO()) {
		return 'a FIFO';
	}

	if (stats.isSocket()) {
		return 'a socket';
	}

	if (stats.isCharacterDevice() || stats.isBlockDevice()) {
		return 'a device';
	}

	return stats.isDirectory() ? 'a folder' : 'not a regular file';
}

// One buffer for every file read, grown when needed: a scan reads 100,000 files, and readFileSync allocates a buffer
// (and calls fstat) for each.
let scratch = Buffer.allocUnsafe(64 * 1024);

export type ReadOptions = {
	/** A larger file is a content problem, not read. */
	readonly maxBytes: number;
	/** With `isPrefix`, a larger file is not refused: its first `maxBytes` are read. */
	readonly isPrefix?: boolean;
	/** The reason when the file does not exist. */
	readonly whenMissing?: string;
	/**
	The bytes are in a buffer shared by every call, valid until the next one (a scan reads 100,000 files, and a buffer
	for each shows); otherwise they are the caller's.
	*/
	readonly isShared?: boolean;
};

/** Read a regular file whole (or its head), up to `maxBytes`. */
export function readRegularFile(file: FilePath, options: ReadOptions): ReadBytes | ReadFailure {
	const {maxBytes, isPrefix = false, whenMissing, isShared = false} = options;
	let descriptor: number;
	try {
		descriptor = fs.openSync(file, openFlags);
	} catch (error) {
		return {failure: describeFileError(error, whenMissing), isContentProblem: false, code: (error as NodeJS.ErrnoException).code};
	}

	try {
		const stats = fs.fstatSync(descriptor);
		if (!stats.isFile()) {
			return {failure: `not a regular file (${describeFileType(stats)})`, isContentProblem: false};
		}

		const {size, mtimeMs} = stats;
		if (size > maxBytes && !isPrefix) {
			return {failure: `larger than ${formatBytes(maxBytes)}`, isContentProblem: true, size, mtimeMs};
		}

		const bytes = readBytes(descriptor, size, maxBytes, isShared);
		if (isPrefix) {
			return {bytes: bytes.subarray(0, maxBytes), size, mtimeMs};
		}

		if (bytes.length > maxBytes) {
			// It grew while being read.
			return {failure: `larger than ${formatBytes(maxBytes)}`, isContentProblem: true, size, mtimeMs};
		}

		return {bytes, size, mtimeMs};
	} catch (error) {
		return {failure: describeFileError(error, whenMissing), isContentProblem: false};
	} finally {
		fs.closeSync(descriptor);
	}
}

/**
The bytes of an open file, at most `maxBytes + 1` of them. `size` is what fstat said: asking for one byte more, a
read that returns less than asked is the end of the file, so a file that did not change takes one read call, not two.
*/
function readBytes(descriptor: number, size: number, maxBytes: number, isShared: boolean): Buffer {
	let buffer = isShared && scratch.length > size ? scratch : Buffer.allocUnsafe(Math.min(maxBytes, size) + 1);
	let length = 0;
	for (;;) {
		if (length === buffer.length) {
			if (length > maxBytes) {
				break;
			}

			// The file grew while being read.
			const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
			buffer.copy(bigger, 0, 0, length);
			buffer = bigger;
		}

		const wanted = buffer.length - length;
		const read = fs.readSync(descriptor, buffer, length, wanted, null);
		length += read;
		if (read === 0 || (read < wanted && length >= size)) {
			break;
		}
	}

	if (isShared) {
		scratch = buffer;
	}

	return buffer.subarray(0, length);
}

/** A small file that could not be read (`code` is ENOENT when there is none), with a one-line reason. */
export class TextFileError extends Error {
	override name = 'TextFileError';
	readonly code: string | undefined;

	constructor(message: string, code: string | undefined) {
		super(message);
		this.code = code;
	}
}

/**
A config, state or OPML file as UTF-8, read the way articles are: only a regular file is read (a FIFO or a device in
its place is refused at once, never waited on), and at most `maxBytes`. Throws a TextFileError.
*/
export function readTextFile(file: string, maxBytes: number): string {
	const read = readRegularFile(file, {maxBytes, whenMissing: 'no such file'});
	if ('failure' in read) {
		throw new TextFileError(read.failure, 'code' in read ? read.code : undefined);
	}

	return read.bytes.toString('utf8');
}

/** An article's text, or why the file is not one. */
export type ArticleText = {readonly text: string; readonly isInvalidUtf8: boolean; readonly size: number; readonly mtimeMs: number};

/** Read a file as an article's text, with the size and mtime of what was read: empty, binary or too large is a content problem. */
export function readArticleFile(file: FilePath, whenMissing?: string): ArticleText | ReadFailure {
	const read = readRegularFile(file, {maxBytes: maxArticleBytes, whenMissing, isShared: true});
	return 'failure' in read ? read : decodeArticle(read.bytes, read.size, read.mtimeMs);
}

/** Article bytes as text: BOM dropped, invalid UTF-8 replaced (and said); empty or binary is a content problem. */
export function decodeArticle(bytes: Buffer, size: number, mtimeMs: number): ArticleText | ReadFailure {
	if (bytes.length === 0) {
		return {failure: 'empty file', isContentProblem: true, size, mtimeMs};
	}

	// NUL bytes do not occur in text; checking the first 8 KB is what git and grep do.
	if (bytes.subarray(0, 8192).includes(0)) {
		return {failure: 'binary file', isContentProblem: true, size, mtimeMs};
	}

	const isInvalidUtf8 = !isUtf8(bytes);
	let text = bytes.toString('utf8');
	if (text.charCodeAt(0) === 0xFE_FF) {
		text = text.slice(1);
	}

	return {text, isInvalidUtf8, size, mtimeMs};
}

/**
Read a stream (stdin) to its end, at most `maxBytes`: a pipe that gives more (`< /dev/zero`) is refused once the
limit is passed, without holding more than the limit. Rejects with a one-line message.
*/
export async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let length = 0;
	for await (const chunk of stream) {
		const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		length += bytes.length;
		if (length > maxBytes) {
			(stream as NodeJS.ReadableStream & {destroy?: () => void}).destroy?.();
			throw new Error(`larger than ${formatBytes(maxBytes)}`);
		}

		chunks.push(bytes);
	}

	return Buffer.concat(chunks, length);
}

function formatBytes(bytes: number): string {
	return bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MB` : `${bytes} bytes`;
}

/** A file error as a short reason; ENOENT as `whenMissing` (by default: the file went away while the store was scanned). */
export function describeFileError(error: unknown, whenMissing = 'deleted during the scan'): string {
	switch ((error as NodeJS.ErrnoException).code) {
		case 'ENOENT': {
			return whenMissing;
		}

		case 'EACCES':
		case 'EPERM': {
			return 'permission denied';
		}

		case 'EISDIR': {
			return 'is a directory';
		}

		case 'ELOOP': {
			return 'symbolic link loop';
		}

		default: {
			return describeError(error);
		}
	}
}

/** The first line of an error's message: never a stack trace. */
export function describeError(error: unknown): string {
	if (error instanceof Error) {
		return error.message.split('\n')[0] ?? error.name;
	}

	return String(error);
}
