/**
The files of one segment of the search index, an immutable inverted index over a set of documents:

- `<name>.post`: for every term, its postings: per document (ascending), the gap from the previous document number
  and the term's frequency, as varints.
- `<name>.pos`: for every term, in the same order, each document's positions as gaps, as varints. Only phrases read it.
- `<name>.terms`: the dictionary, in blocks of `termsPerBlock` sorted keys (each with its document frequency and the
  offset, length and CRC-32 of its postings and positions); then per-document sections (tokens per field, paths,
  size and mtime); then a footer: the header as JSON, its length, its CRC-32 and a magic number. The header lists
  every block with its first key and CRC, and every section with its CRC.

A key is the field's digit followed by the folded term ("0harbour" is "harbour" in a title). Everything read is
checked against its CRC first, and every number against what it may be: a damaged index throws
SearchIndexDamagedError instead of giving wrong results.
*/
import {SearchIndexDamagedError, type ByteReader, type ByteWriter} from './bytes.js';

export const segmentFormatVersion = 1;
export const segmentFormatName = 'inkwire-search-segment';
export const footerMagic = 'IWSEG001';
/** Header length (4), header CRC (4), magic (8). */
export const trailerBytes = 16;
export const termsPerBlock = 64;

/** [offset, length, crc32] of a region of the terms file. */
export type Region = readonly [number, number, number];

export type SegmentHeader = {
	readonly format: typeof segmentFormatName;
	readonly version: number;
	readonly littleEndian: true;
	readonly documents: number;
	readonly terms: number;
	/** Per block: its first key and its region. */
	readonly blocks: ReadonlyArray<readonly [string, number, number, number]>;
	readonly sections: {readonly lengths: Region; readonly paths: Region; readonly stats: Region};
	readonly postingsBytes: number;
	readonly positionsBytes: number;
};

/** One term of the dictionary. */
export type TermEntry = {
	readonly key: string;
	readonly documentFrequency: number;
	readonly postingsOffset: number;
	readonly postingsLength: number;
	readonly postingsCrc: number;
	readonly positionsOffset: number;
	readonly positionsLength: number;
	readonly positionsCrc: number;
};

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', {fatal: true});

/** A key of the dictionary: the field's digit and the term. */
export function keyOf(field: number, term: string): string {
	return `${field}${term}`;
}

export function encodeEntry(writer: ByteWriter, entry: TermEntry): void {
	const key = encoder.encode(entry.key);
	writer.writeVarint(key.length);
	writer.writeBytes(key);
	writer.writeVarint(entry.documentFrequency);
	writer.writeVarint(entry.postingsOffset);
	writer.writeVarint(entry.postingsLength);
	writer.writeVarint(entry.postingsCrc);
	writer.writeVarint(entry.positionsOffset);
	writer.writeVarint(entry.positionsLength);
	writer.writeVarint(entry.positionsCrc);
}

export function decodeEntry(reader: ByteReader): TermEntry {
	const keyLength = reader.readVarint();
	let key: string;
	try {
		key = decoder.decode(reader.readBytes(keyLength));
	} catch {
		throw new SearchIndexDamagedError('a term of the dictionary is not UTF-8');
	}

	return {
		key,
		documentFrequency: reader.readVarint(),
		postingsOffset: reader.readVarint(),
		postingsLength: reader.readVarint(),
		postingsCrc: reader.readVarint(),
		positionsOffset: reader.readVarint(),
		positionsLength: reader.readVarint(),
		positionsCrc: reader.readVarint(),
	};
}

/** Code unit order, as the dictionary is sorted. */
export function compareKeys(left: string, right: string): number {
	return left < right ? -1 : (left > right ? 1 : 0);
}
