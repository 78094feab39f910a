/**
Bringing a store's search index up to date, incrementally.

The store is described by its documents' paths, sizes and mtimes (from the metadata index, the same check the store
scan makes). A document whose size or mtime changed is deleted from its segment (a mark in the manifest) and indexed
again; a new one is indexed; a removed one is deleted. New documents go into new segments; so an update costs the
documents it touches, plus, now and then, a merge of small segments of about the same size (a merge reads segments,
never article files). A missing, outdated or damaged index is built from scratch.

Writers hold a lock (mkdir-based, as for the read marks) for the whole update. Readers take none: segments are
immutable, the manifest is replaced atomically, and an open segment keeps its files open.
*/
import fs from 'node:fs';
import {randomBytes} from 'node:crypto';
import type {Article} from '../../core/article/article.js';
import type {IndexStatistics} from '../../core/search/evaluate.js';
import {searchFields} from '../../core/search/query.js';
import {tokenizerVersion} from '../../core/search/tokenize.js';
import {acquireLock, LockBusyError} from '../marks/lock.js';
import {loadArticle} from '../store/load-article.js';
import {SearchIndexDamagedError} from './bytes.js';
import {manifestFormat, manifestVersion, readManifest, writeManifest, type FileStamp, type Manifest, type ManifestSegment} from './manifest.js';
import {mergeSegments} from './merge.js';
import {SegmentReader} from './segment-reader.js';
import {removeSegmentFiles, SegmentBuilder, type DocumentFields} from './segment-writer.js';

/** A document of the store as the metadata index knows it. */
export type SourceDocument = {
	readonly relativePath: string;
	readonly absolutePath: string;
	readonly size: number;
	readonly mtimeMs: number;
};

/** What an update did: the counters that show it touched only what changed. */
export type SyncReport = {
	/** Documents read and tokenized. */
	indexed: number;
	/** Documents marked deleted (removed, or replaced by a newer version). */
	removed: number;
	/** Postings (distinct terms per field of a document) written for the documents indexed. */
	postingsWritten: number;
	/** Live documents rewritten by merges. */
	merged: number;
	/** Paths that could not be read (deleted since the scan, say): not indexed, tried again next time. */
	unreadable: string[];
	/** Why the index was built from scratch, when it was. */
	rebuilt?: 'missing' | 'outdated' | 'damaged';
	/** What was wrong with a damaged index. */
	damage?: string;
};

export type SyncOptions = {
	readonly directory: string;
	readonly realRoot: string;
	readonly writer: string;
	readonly documents: readonly SourceDocument[];
	/** The metadata index's stamp, recorded so that the next start can skip the comparison when it is the same. */
	readonly stamp: FileStamp | undefined;
	readonly onProgress?: (done: number, total: number) => void;
	/** Build from scratch whatever is on disk. */
	readonly isRebuild?: boolean;
	/** How to read a document (tests count reads through it). Default: the store's own reader. */
	readonly readDocument?: (document: SourceDocument) => DocumentFields;
};

/** An index opened for queries. */
export type OpenIndex = {
	readonly manifest: Manifest;
	readonly segments: readonly SegmentReader[];
	readonly statistics: IndexStatistics;
	close(): void;
};

/** A batch is written as a segment once it holds this many documents or bytes of postings. */
const batchDocuments = 4000;
const batchBytes = 48 * 1024 * 1024;
/** Segments of about the same size (the same power of this) are merged once there are this many of them. */
const mergeFactor = 8;

function fieldsOf(article: Article): DocumentFields {
	return [article.title, article.source ?? '', article.author ?? '', article.tags.join('\n'), article.body];
}

/** Read a document's fields from its file (the default `readDocument`). */
export function readFromStore(document: SourceDocument): DocumentFields {
	return fieldsOf(loadArticle(document.absolutePath, document.relativePath));
}

/** Open every segment of a manifest; throws SearchIndexDamagedError when one does not match it. */
export function openIndex(directory: string, manifest: Manifest): OpenIndex {
	const segments: SegmentReader[] = [];
	try {
		for (const segment of manifest.segments) {
			segments.push(new SegmentReader(directory, segment, segment.deleted));
		}
	} catch (error) {
		for (const segment of segments) {
			segment.close();
		}

		throw error;
	}

	let documents = 0;
	const fieldTokens = searchFields.map(() => 0);
	for (const segment of segments) {
		for (let document = 0; document < segment.documentCount; document++) {
			if (segment.live[document]) {
				documents++;
				for (const [field, lengths] of segment.fieldLengths.entries()) {
					fieldTokens[field]! += lengths[document]!;
				}
			}
		}
	}

	const close = () => {
		for (const segment of segments) {
			segment.close();
		}
	};

	if (documents !== manifest.documents) {
		close();
		throw new SearchIndexDamagedError('the segments do not hold the documents the manifest counts');
	}

	return {manifest, segments, statistics: {documents, fieldTokens}, close};
}

function newSegmentName(generation: number): string {
	return `s${generation.toString(36)}-${randomBytes(3).toString('hex')}`;
}

async function yieldToEventLoop(): Promise<void> {
	await new Promise(resolve => {
		setImmediate(resolve);
	});
}

/**
Bring the index in `directory` up to date with `documents` and open it. Throws LockBusyError when another process
keeps the index locked for longer than a few seconds.
*/
export async function syncIndex(options: SyncOptions): Promise<{index: OpenIndex; report: SyncReport}> {
	const {directory, realRoot, writer, onProgress, readDocument = readFromStore} = options;
	fs.mkdirSync(directory, {recursive: true});
	const release = acquireLock(`${directory}/update`, {timeoutMs: 5000, staleMs: 60 * 60_000});
	try {
		const report: SyncReport = {indexed: 0, removed: 0, postingsWritten: 0, merged: 0, unreadable: []};
		let previous: OpenIndex | undefined;
		const state = options.isRebuild ? {kind: 'damaged' as const, reason: 'asked to rebuild'} : readManifest(directory, writer, realRoot);
		if (state.kind === 'ready') {
			try {
				previous = openIndex(directory, state.manifest);
			} catch (error) {
				if (!(error instanceof SearchIndexDamagedError)) {
					throw error;
				}

				report.rebuilt = 'damaged';
				report.damage = error.message;
			}
		} else {
			report.rebuilt = state.kind;
			if (state.kind === 'damaged') {
				report.damage = state.reason;
			}
		}

		try {
			const manifest = await update(directory, previous, report, options, readDocument, onProgress);
			previous?.close();
			previous = undefined;
			removeUnused(directory, manifest);
			return {index: openIndex(directory, manifest), report};
		} finally {
			previous?.close();
		}
	} finally {
		release();
	}
}

async function update(directory: string, previous: OpenIndex | undefined, report: SyncReport, options: SyncOptions, readDocument: (document: SourceDocument) => DocumentFields, onProgress: SyncOptions['onProgress']): Promise<Manifest> {
	const {documents} = options;
	let generation = (previous?.manifest.generation ?? 0) + 1;
	// What the index holds now: path -> where, with the stats it was indexed with.
	const deleted = (previous?.manifest.segments ?? []).map(segment => new Set(segment.deleted));
	const held = new Map<string, {segment: number; document: number; size: number; mtimeMs: number}>();
	for (const [segmentIndex, segment] of (previous?.segments ?? []).entries()) {
		const {sizes, mtimes} = segment.readStats();
		for (let document = 0; document < segment.documentCount; document++) {
			if (segment.live[document]) {
				held.set(segment.pathOf(document), {segment: segmentIndex, document, size: sizes[document]!, mtimeMs: mtimes[document]!});
			}
		}
	}

	const wanted: SourceDocument[] = [];
	for (const document of documents) {
		const known = held.get(document.relativePath);
		if (known) {
			held.delete(document.relativePath);
			if (known.size === document.size && known.mtimeMs === document.mtimeMs) {
				continue;
			}

			deleted[known.segment]!.add(known.document);
			report.removed++;
		}

		wanted.push(document);
	}

	// What is left was removed from the store.
	for (const known of held.values()) {
		deleted[known.segment]!.add(known.document);
		report.removed++;
	}

	let segments: ManifestSegment[] = (previous?.segments ?? []).map((segment, index) => ({...segment.info, deleted: [...deleted[index]!].sort((left, right) => left - right)}));
	const written: ManifestSegment[] = [];
	let builder = new SegmentBuilder();
	let lastYield = performance.now();
	const flush = () => {
		if (builder.documentCount > 0) {
			written.push({...builder.write(directory, newSegmentName(generation++)), deleted: []});
			builder = new SegmentBuilder();
		}
	};

	try {
		for (const [index, document] of wanted.entries()) {
			let fields: DocumentFields;
			try {
				fields = readDocument(document);
			} catch {
				report.unreadable.push(document.relativePath);
				continue;
			}

			report.postingsWritten += builder.add(document.relativePath, document.size, document.mtimeMs, fields);
			report.indexed++;
			if (builder.documentCount >= batchDocuments || builder.bytes >= batchBytes) {
				flush();
			}

			if (performance.now() - lastYield > 100) {
				onProgress?.(index, wanted.length);
				await yieldToEventLoop();
				lastYield = performance.now();
			}
		}

		flush();
		onProgress?.(wanted.length, wanted.length);
		segments = [...segments, ...written];
		segments = mergeWhereNeeded(directory, segments, report, previous === undefined, () => newSegmentName(generation++), previous);
	} catch (error) {
		for (const segment of written) {
			removeSegmentFiles(directory, segment.name);
		}

		throw error;
	}

	const live = segments.reduce((sum, segment) => sum + segment.documents - segment.deleted.length, 0);
	const manifest: Manifest = {
		format: manifestFormat, version: manifestVersion, writer: options.writer, tokenizer: tokenizerVersion,
		root: options.realRoot, source: options.stamp, documents: live, generation, segments,
	};
	writeManifest(directory, manifest);
	return manifest;
}

/**
Merge what the policy says: segments with nothing live are dropped; segments more than half deleted are rewritten;
`mergeFactor` segments of the same size class are merged into one; after a build from scratch, everything is merged
into one segment.
*/
function mergeWhereNeeded(directory: string, start: ManifestSegment[], report: SyncReport, isFromScratch: boolean, nameNext: () => string, previous: OpenIndex | undefined): ManifestSegment[] {
	let segments = start.filter(segment => segment.documents > segment.deleted.length);
	for (;;) {
		const group = chooseMerge(segments, isFromScratch);
		if (!group) {
			return segments;
		}

		const readers = group.map(segment => previous?.segments.find(reader => reader.info.name === segment.name) ?? new SegmentReader(directory, segment, segment.deleted));
		try {
			for (const [index, reader] of readers.entries()) {
				reader.live.fill(1);
				for (const document of group[index]!.deleted) {
					reader.live[document] = 0;
				}
			}

			const {info} = mergeSegments(directory, nameNext(), readers);
			report.merged += info.documents;
			const names = new Set(group.map(segment => segment.name));
			const at = segments.findIndex(segment => names.has(segment.name));
			segments = segments.filter(segment => !names.has(segment.name));
			segments.splice(at, 0, {...info, deleted: []});
		} finally {
			for (const reader of readers) {
				if (!previous?.segments.includes(reader)) {
					reader.close();
				}
			}
		}
	}
}

function sizeClass(segment: ManifestSegment): number {
	return Math.floor(Math.log(Math.max(1, segment.documents - segment.deleted.length)) / Math.log(mergeFactor));
}

function chooseMerge(segments: readonly ManifestSegment[], isFromScratch: boolean): ManifestSegment[] | undefined {
	if (isFromScratch) {
		return segments.length > 1 ? [...segments] : undefined;
	}

	const halfDeleted = segments.find(segment => segment.deleted.length * 2 > segment.documents);
	if (halfDeleted) {
		return [halfDeleted];
	}

	const byClass = new Map<number, ManifestSegment[]>();
	for (const segment of segments) {
		const group = byClass.get(sizeClass(segment)) ?? [];
		group.push(segment);
		if (group.length >= mergeFactor) {
			return group;
		}

		byClass.set(sizeClass(segment), group);
	}

	return undefined;
}

/** Remove the files of segments the manifest no longer names (merged away, or left by a crashed update). */
function removeUnused(directory: string, manifest: Manifest): void {
	const names = new Set(manifest.segments.map(segment => segment.name));
	for (const file of fs.readdirSync(directory)) {
		const match = /^(s[\da-z]+-[\da-f]+)\.(?:terms|post|pos)$/.exec(file);
		if ((match && !names.has(match[1]!)) || /^manifest\.json\.tmp-/.test(file)) {
			try {
				fs.rmSync(`${directory}/${file}`, {force: true});
			} catch {
				// Still open elsewhere on a system that forbids removing open files: it goes at the next update.
			}
		}
	}
}

export {LockBusyError};
