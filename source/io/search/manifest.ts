/**
The manifest of a search index: which segments make it, which of their documents are deleted, and which state of
the store's metadata index it reflects. Written atomically (temporary file, rename) after the segments it names, so
that it is the moment an update takes effect; a crash before it leaves the previous index whole.
*/
import fs from 'node:fs';
import path from 'node:path';
import {createHash} from 'node:crypto';
import {tokenizerVersion} from '../../core/search/tokenize.js';
import {crc32} from './bytes.js';
import type {SegmentInfo} from './segment-writer.js';
import {readTextFile} from '../store/read-file.js';
import {parseBoundedJson} from '../../core/json.js';

// A manifest lists segments, a few hundred bytes each.
const maxManifestBytes = 16 * 1024 * 1024;

export const manifestFormat = 'inkwire-search';
export const manifestVersion = 1;

/** Size and mtime of a file: what the metadata index was when the search index was brought up to date with it. */
export type FileStamp = {readonly size: number; readonly mtimeMs: number};

export type ManifestSegment = SegmentInfo & {
	/** Documents of the segment that are gone or were replaced by a newer version, ascending. */
	readonly deleted: readonly number[];
};

export type Manifest = {
	readonly format: typeof manifestFormat;
	readonly version: number;
	/** The inkwire version that wrote it, and its tokenizer's version: terms made otherwise are not reused. */
	readonly writer: string;
	readonly tokenizer: number;
	/** The real path of the store. */
	readonly root: string;
	readonly source: FileStamp | undefined;
	/** Live documents, a cross-check of the segments. */
	readonly documents: number;
	readonly generation: number;
	readonly segments: readonly ManifestSegment[];
};

/** The directory of a store's search index: beside its metadata index, named by the same kind of hash. */
export function searchDirectoryFor(realRoot: string, cacheDirectory: string): string {
	const hash = createHash('sha256').update(realRoot).digest('hex').slice(0, 16);
	return path.join(cacheDirectory, `search-${hash}`);
}

export function manifestPathOf(directory: string): string {
	return path.join(directory, 'manifest.json');
}

/** What was found on disk. */
export type ManifestState =
	| {readonly kind: 'ready'; readonly manifest: Manifest}
	| {readonly kind: 'missing'}
	/** Written by another version, or for another store: rebuilt without a warning. */
	| {readonly kind: 'outdated'}
	| {readonly kind: 'damaged'; readonly reason: string};

function isSegment(value: unknown): value is ManifestSegment {
	const segment = value as Partial<ManifestSegment> | undefined;
	const isCount = (count: unknown) => Number.isSafeInteger(count) && (count as number) >= 0;
	return typeof segment?.name === 'string' && /^[\w-]+$/.test(segment.name) && isCount(segment.documents)
		&& isCount(segment.bytes?.terms) && isCount(segment.bytes?.postings) && isCount(segment.bytes?.positions)
		&& Array.isArray(segment.deleted) && segment.deleted.every(document => isCount(document));
}

/** Read the manifest of the index in `directory`, expecting the given writer and store. */
export function readManifest(directory: string, writer: string, realRoot: string): ManifestState {
	let text: string;
	try {
		text = readTextFile(manifestPathOf(directory), maxManifestBytes);
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ENOENT' ? {kind: 'missing'} : {kind: 'damaged', reason: `manifest unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})`};
	}

	let data: {manifest?: Manifest; crc?: number};
	try {
		data = parseBoundedJson(text, 16) as typeof data;
	} catch {
		return {kind: 'damaged', reason: 'manifest is not JSON'};
	}

	const {manifest} = data;
	if (typeof data !== 'object' || data === null || !manifest || crc32(Buffer.from(JSON.stringify(manifest))) !== data.crc) {
		return {kind: 'damaged', reason: 'manifest fails its checksum'};
	}

	if (manifest.format !== manifestFormat || manifest.version !== manifestVersion || manifest.writer !== writer
		|| manifest.tokenizer !== tokenizerVersion || manifest.root !== realRoot) {
		return {kind: 'outdated'};
	}

	if (!Array.isArray(manifest.segments) || !manifest.segments.every(segment => isSegment(segment)) || !Number.isSafeInteger(manifest.documents)) {
		return {kind: 'damaged', reason: 'manifest is malformed'};
	}

	return {kind: 'ready', manifest};
}

/** Write the manifest atomically. */
export function writeManifest(directory: string, manifest: Manifest): void {
	const file = manifestPathOf(directory);
	const temporary = `${file}.tmp-${process.pid}-${Date.now().toString(36)}`;
	const text = JSON.stringify({manifest, crc: crc32(Buffer.from(JSON.stringify(manifest)))});
	try {
		fs.writeFileSync(temporary, text);
		fs.renameSync(temporary, file);
	} catch (error) {
		fs.rmSync(temporary, {force: true});
		throw error;
	}
}
