/**
Writing segments (see segment-format.ts): `SegmentBuilder` gathers the postings of a batch of documents in memory,
`SegmentFileWriter` streams sorted terms to the files of a segment; merging (merge.ts) feeds the second directly.
*/
import fs from 'node:fs';
import path from 'node:path';
import {tokenize} from '../../core/search/tokenize.js';
import {searchFields} from '../../core/search/query.js';
import {ByteWriter, crc32} from './bytes.js';
import {compareKeys, encodeEntry, footerMagic, keyOf, segmentFormatName, segmentFormatVersion, termsPerBlock, type Region, type SegmentHeader, type TermEntry} from './segment-format.js';

/** The per-document columns of a segment, in document order. */
export type DocumentColumns = {
	readonly paths: readonly string[];
	readonly sizes: readonly number[];
	readonly mtimes: readonly number[];
	/** Tokens per document, one array per field. */
	readonly lengths: readonly Uint32Array[];
};

/** What the manifest keeps of a written segment. */
export type SegmentInfo = {
	readonly name: string;
	readonly documents: number;
	/** Sizes of its files: a file of another size is damaged. */
	readonly bytes: {readonly terms: number; readonly postings: number; readonly positions: number};
};

/** The paths of a segment's files. */
export function segmentFiles(directory: string, name: string): {terms: string; postings: string; positions: string} {
	return {terms: path.join(directory, `${name}.terms`), postings: path.join(directory, `${name}.post`), positions: path.join(directory, `${name}.pos`)};
}

const flushBytes = 1024 * 1024;

/** Appends to a file through a buffer. */
class FileSink {
	readonly descriptor: number;
	position = 0;
	private readonly buffer = new ByteWriter(flushBytes + 65_536);

	constructor(file: string) {
		this.descriptor = fs.openSync(file, 'wx');
	}

	write(bytes: Uint8Array): void {
		this.buffer.writeBytes(bytes);
		this.position += bytes.length;
		if (this.buffer.length >= flushBytes) {
			this.flush();
		}
	}

	flush(): void {
		let written = 0;
		while (written < this.buffer.length) {
			written += fs.writeSync(this.descriptor, this.buffer.bytes, written, this.buffer.length - written);
		}

		this.buffer.reset();
	}

	close(): void {
		this.flush();
		fs.closeSync(this.descriptor);
	}
}

/** Streams sorted terms into a new segment's files. */
export class SegmentFileWriter {
	private readonly files: ReturnType<typeof segmentFiles>;
	private readonly postings: FileSink;
	private readonly positions: FileSink;
	private readonly terms: FileSink;
	private readonly blocks: Array<readonly [string, number, number, number]> = [];
	private readonly block = new ByteWriter(8192);
	private blockCount = 0;
	private blockFirstKey = '';
	private termCount = 0;
	private lastKey: string | undefined;
	private readonly entry = new ByteWriter(256);

	constructor(private readonly directory: string, readonly name: string) {
		this.files = segmentFiles(directory, name);
		this.postings = new FileSink(this.files.postings);
		this.positions = new FileSink(this.files.positions);
		this.terms = new FileSink(this.files.terms);
	}

	/** Add the next term (keys must come in ascending order). */
	addTerm(key: string, documentFrequency: number, postings: Uint8Array, positions: Uint8Array): void {
		if (this.lastKey !== undefined && compareKeys(this.lastKey, key) >= 0) {
			throw new Error(`search segment terms out of order: ${this.lastKey} then ${key}`);
		}

		this.lastKey = key;
		const entry: TermEntry = {
			key,
			documentFrequency,
			postingsOffset: this.postings.position,
			postingsLength: postings.length,
			postingsCrc: crc32(postings),
			positionsOffset: this.positions.position,
			positionsLength: positions.length,
			positionsCrc: crc32(positions),
		};
		this.postings.write(postings);
		this.positions.write(positions);
		if (this.blockCount === 0) {
			this.blockFirstKey = key;
		}

		this.entry.reset();
		encodeEntry(this.entry, entry);
		this.block.writeBytes(this.entry.view());
		this.blockCount++;
		this.termCount++;
		if (this.blockCount === termsPerBlock) {
			this.endBlock();
		}
	}

	/** Write the per-document sections and the footer, close the files. */
	finish(columns: DocumentColumns): SegmentInfo {
		this.endBlock();
		const documents = columns.paths.length;
		const lengths = new Uint32Array(documents * searchFields.length);
		for (const [field, values] of columns.lengths.entries()) {
			lengths.set(values, field * documents);
		}

		const encoder = new TextEncoder();
		const pathBytes = columns.paths.map(file => encoder.encode(file));
		const offsets = new Uint32Array(documents + 1);
		for (const [index, bytes] of pathBytes.entries()) {
			offsets[index + 1] = offsets[index]! + bytes.length;
		}

		const paths = new ByteWriter(offsets.byteLength + offsets[documents]!);
		paths.writeBytes(new Uint8Array(offsets.buffer));
		for (const bytes of pathBytes) {
			paths.writeBytes(bytes);
		}

		const stats = new Float64Array(documents * 2);
		stats.set(columns.sizes, 0);
		stats.set(columns.mtimes, documents);
		const header: SegmentHeader = {
			format: segmentFormatName,
			version: segmentFormatVersion,
			littleEndian: true,
			documents,
			terms: this.termCount,
			blocks: this.blocks,
			sections: {
				lengths: this.writeSection(new Uint8Array(lengths.buffer)),
				paths: this.writeSection(paths.view()),
				stats: this.writeSection(new Uint8Array(stats.buffer)),
			},
			postingsBytes: this.postings.position,
			positionsBytes: this.positions.position,
		};
		const headerBytes = encoder.encode(JSON.stringify(header));
		const trailer = new ByteWriter(16);
		trailer.writeUint32(headerBytes.length);
		trailer.writeUint32(crc32(headerBytes));
		trailer.writeBytes(encoder.encode(footerMagic));
		this.terms.write(headerBytes);
		this.terms.write(trailer.view());
		const bytes = {terms: this.terms.position, postings: this.postings.position, positions: this.positions.position};
		this.postings.close();
		this.positions.close();
		this.terms.close();
		return {name: this.name, documents, bytes};
	}

	/** Close and remove the files (after a failure). */
	abort(): void {
		for (const sink of [this.postings, this.positions, this.terms]) {
			try {
				fs.closeSync(sink.descriptor);
			} catch {
				// Already closed.
			}
		}

		removeSegmentFiles(this.directory, this.name);
	}

	private writeSection(bytes: Uint8Array): Region {
		const region: Region = [this.terms.position, bytes.length, crc32(bytes)];
		this.terms.write(bytes);
		return region;
	}

	private endBlock(): void {
		if (this.blockCount === 0) {
			return;
		}

		const bytes = this.block.view();
		this.blocks.push([this.blockFirstKey, this.terms.position, bytes.length, crc32(bytes)]);
		this.terms.write(bytes);
		this.block.reset();
		this.blockCount = 0;
	}
}

/** Remove a segment's files, whichever exist. */
export function removeSegmentFiles(directory: string, name: string): void {
	for (const file of Object.values(segmentFiles(directory, name))) {
		fs.rmSync(file, {force: true});
	}
}

/** The searchable text of a document, by field. */
export type DocumentFields = readonly [title: string, source: string, author: string, tags: string, body: string];

type TermAccumulator = {
	readonly postings: ByteWriter;
	readonly positions: ByteWriter;
	lastDocument: number;
	documentFrequency: number;
	/** Positions in the document being added. */
	readonly pending: number[];
};

/** Postings of a batch of documents, in memory until written as one segment. */
export class SegmentBuilder {
	/** Bytes of postings and positions gathered so far, to bound a batch. */
	bytes = 0;
	// One map per field, so that a token costs one look-up of its term and no key to build.
	private readonly terms: Array<Map<string, TermAccumulator>> = searchFields.map(() => new Map());
	private readonly paths: string[] = [];
	private readonly sizes: number[] = [];
	private readonly mtimes: number[] = [];
	private readonly lengths: number[][] = searchFields.map(() => []);
	private readonly touched: TermAccumulator[] = [];

	get documentCount(): number {
		return this.paths.length;
	}

	/** Add the next document; returns how many postings (distinct terms per field) it added. */
	add(relativePath: string, size: number, mtimeMs: number, fields: DocumentFields): number {
		const document = this.paths.length;
		this.paths.push(relativePath);
		this.sizes.push(size);
		this.mtimes.push(mtimeMs);
		let added = 0;
		for (const [field, text] of fields.entries()) {
			const terms = this.terms[field]!;
			const {touched} = this;
			touched.length = 0;
			let position = 0;
			tokenize(text, term => {
				let accumulator = terms.get(term);
				if (!accumulator) {
					accumulator = {postings: new ByteWriter(16), positions: new ByteWriter(16), lastDocument: -1, documentFrequency: 0, pending: []};
					terms.set(term, accumulator);
					this.bytes += 200;
				}

				if (accumulator.pending.length === 0) {
					touched.push(accumulator);
				}

				accumulator.pending.push(position++);
			});
			this.lengths[field]!.push(position);
			for (const accumulator of touched) {
				const before = accumulator.postings.length + accumulator.positions.length;
				const {pending} = accumulator;
				accumulator.postings.writeVarint(document - accumulator.lastDocument);
				accumulator.postings.writeVarint(pending.length);
				let previous = 0;
				for (const value of pending) {
					accumulator.positions.writeVarint(value - previous);
					previous = value;
				}

				pending.length = 0;
				accumulator.lastDocument = document;
				accumulator.documentFrequency++;
				this.bytes += accumulator.postings.length + accumulator.positions.length - before;
			}

			added += touched.length;
		}

		return added;
	}

	/** Write the batch as the segment `name` in `directory`. */
	write(directory: string, name: string): SegmentInfo {
		const writer = new SegmentFileWriter(directory, name);
		try {
			// Field by field (their digits sort in field order), each field's terms sorted.
			for (const [field, terms] of this.terms.entries()) {
				for (const term of [...terms.keys()].sort(compareKeys)) {
					const accumulator = terms.get(term)!;
					writer.addTerm(keyOf(field, term), accumulator.documentFrequency, accumulator.postings.view(), accumulator.positions.view());
				}
			}

			return writer.finish({paths: this.paths, sizes: this.sizes, mtimes: this.mtimes, lengths: this.lengths.map(values => Uint32Array.from(values))});
		} catch (error) {
			writer.abort();
			throw error;
		}
	}
}
