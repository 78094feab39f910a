/**
Reading a segment (see segment-format.ts) with positioned reads: the footer, the block list and the tokens per
document when it is opened; a dictionary block, a term's postings or its positions when a query asks for them.
Nothing else is loaded, so an open index costs little memory whatever its size. Every region is checked against its
CRC before use and every decoded number against its bounds.
*/
import fs from 'node:fs';
import {searchFields} from '../../core/search/query.js';
import type {FlatPositions, Postings, SegmentSource} from '../../core/search/evaluate.js';
import {ByteReader, check, crc32, SearchIndexDamagedError} from './bytes.js';
import {compareKeys, decodeEntry, footerMagic, keyOf, segmentFormatName, segmentFormatVersion, trailerBytes, type Region, type SegmentHeader, type TermEntry} from './segment-format.js';
import {segmentFiles, type SegmentInfo} from './segment-writer.js';
import {parseBoundedJson} from '../../core/json.js';

/** Decoded blocks kept per segment: a query touches a few; typing a query again touches the same ones. */
const maxCachedBlocks = 256;
/** Decoded postings kept per segment, in documents (8 bytes each): typing a query repeats most of its look-ups. */
const maxCachedPostings = 2_000_000;

function readRegion(descriptor: number, offset: number, length: number, fileLength: number, what: string): Uint8Array {
	check(Number.isSafeInteger(offset) && Number.isSafeInteger(length) && offset >= 0 && length >= 0 && offset + length <= fileLength, `${what} lies outside its file`);
	const bytes = new Uint8Array(length);
	let done = 0;
	while (done < length) {
		const read = fs.readSync(descriptor, bytes, done, length - done, offset + done);
		check(read > 0, `${what} is cut short`);
		done += read;
	}

	return bytes;
}

function readChecked(descriptor: number, region: Region, fileLength: number, what: string): Uint8Array {
	const bytes = readRegion(descriptor, region[0], region[1], fileLength, what);
	check(crc32(bytes) === region[2], `${what} fails its checksum`);
	return bytes;
}

function isRegion(value: unknown): value is Region {
	return Array.isArray(value) && value.length === 3 && value.every(part => Number.isSafeInteger(part) && (part as number) >= 0);
}

function parseHeader(bytes: Uint8Array): SegmentHeader {
	let header: SegmentHeader;
	try {
		header = parseBoundedJson(new TextDecoder('utf-8', {fatal: true}).decode(bytes), 16) as SegmentHeader;
	} catch {
		throw new SearchIndexDamagedError('a segment header is not JSON');
	}

	check(header?.format === segmentFormatName && header.version === segmentFormatVersion && header.littleEndian === true, 'a segment has another format');
	check(Number.isSafeInteger(header.documents) && header.documents >= 0 && Array.isArray(header.blocks), 'a segment header is incomplete');
	check(isRegion(header.sections?.lengths) && isRegion(header.sections.paths) && isRegion(header.sections.stats), 'a segment header lacks its sections');
	for (const block of header.blocks) {
		check(Array.isArray(block) && typeof block[0] === 'string' && isRegion(block.slice(1)), 'a segment block list is malformed');
	}

	return header;
}

const readAheadBytes = 1024 * 1024;

/** Reads of a file that mostly go forward, served from a buffer refilled a megabyte at a time. */
class ReadAhead {
	private buffer = new Uint8Array(readAheadBytes);
	private start = 0;
	private length = 0;

	constructor(private readonly descriptor: number, private readonly fileLength: number, private readonly what: string) {}

	read(offset: number, length: number): Uint8Array {
		if (offset < this.start || offset + length > this.start + this.length) {
			if (length > this.buffer.length) {
				this.buffer = new Uint8Array(length);
			}

			const wanted = Math.min(this.buffer.length, this.fileLength - offset);
			check(wanted >= length, `${this.what} lie outside their file`);
			const bytes = readRegion(this.descriptor, offset, wanted, this.fileLength, this.what);
			this.buffer.set(bytes);
			this.start = offset;
			this.length = wanted;
		}

		return this.buffer.subarray(offset - this.start, offset - this.start + length);
	}
}

/** One open segment. Keeps its three files open until `close`, so that a merge by another process cannot pull them away. */
export class SegmentReader implements SegmentSource {
	readonly documentCount: number;
	readonly live: Uint8Array;
	readonly fieldLengths: Uint32Array[];
	private readonly header: SegmentHeader;
	private readonly descriptors: {terms: number; postings: number; positions: number};
	private readonly blockCache = new Map<number, TermEntry[]>();
	private readonly postingsCache = new Map<string, Postings>();
	private cachedPostings = 0;
	private sequential: {postings: ReadAhead; positions: ReadAhead} | undefined;
	private pathTable: {offsets: Uint32Array; bytes: Uint8Array} | undefined;

	/** Open the segment `info` of `directory`, with its documents in `deleted` marked dead. */
	constructor(directory: string, readonly info: SegmentInfo, deleted: readonly number[]) {
		const files = segmentFiles(directory, info.name);
		const opened: number[] = [];
		try {
			for (const file of [files.terms, files.postings, files.positions]) {
				opened.push(fs.openSync(file, 'r'));
			}
		} catch (error) {
			for (const descriptor of opened) {
				fs.closeSync(descriptor);
			}

			throw (error as NodeJS.ErrnoException).code === 'ENOENT' ? new SearchIndexDamagedError(`segment ${info.name} is missing a file`) : error;
		}

		this.descriptors = {terms: opened[0]!, postings: opened[1]!, positions: opened[2]!};
		try {
			check(fs.fstatSync(this.descriptors.terms).size === info.bytes.terms && fs.fstatSync(this.descriptors.postings).size === info.bytes.postings
				&& fs.fstatSync(this.descriptors.positions).size === info.bytes.positions, `segment ${info.name} has files of the wrong size`);
			const trailer = new ByteReader(readRegion(this.descriptors.terms, info.bytes.terms - trailerBytes, trailerBytes, info.bytes.terms, 'the segment footer'));
			const headerLength = trailer.readUint32();
			const headerCrc = trailer.readUint32();
			check(new TextDecoder().decode(trailer.readBytes(8)) === footerMagic, `segment ${info.name} has no footer`);
			const headerBytes = readRegion(this.descriptors.terms, info.bytes.terms - trailerBytes - headerLength, headerLength, info.bytes.terms, 'the segment header');
			check(crc32(headerBytes) === headerCrc, `the header of segment ${info.name} fails its checksum`);
			this.header = parseHeader(headerBytes);
			check(this.header.documents === info.documents && this.header.postingsBytes === info.bytes.postings && this.header.positionsBytes === info.bytes.positions, `segment ${info.name} does not match the manifest`);
			this.documentCount = this.header.documents;
			const lengthBytes = readChecked(this.descriptors.terms, this.header.sections.lengths, info.bytes.terms, 'the token counts');
			check(lengthBytes.length === this.documentCount * searchFields.length * 4, 'the token counts have the wrong size');
			const lengths = new Uint32Array(lengthBytes.buffer);
			this.fieldLengths = searchFields.map((_, field) => lengths.subarray(field * this.documentCount, (field + 1) * this.documentCount));
			this.live = new Uint8Array(this.documentCount).fill(1);
			for (const document of deleted) {
				check(Number.isInteger(document) && document >= 0 && document < this.documentCount, 'a deleted document is out of range');
				this.live[document] = 0;
			}
		} catch (error) {
			this.close();
			throw error;
		}
	}

	/** The relative path of a document. */
	pathOf(document: number): string {
		this.pathTable ??= this.readPaths();
		const {offsets, bytes} = this.pathTable;
		return Buffer.from(bytes.buffer, bytes.byteOffset + offsets[document]!, offsets[document + 1]! - offsets[document]!).toString('utf8');
	}

	/** Size and mtime of every document, as they were when it was indexed. */
	readStats(): {sizes: Float64Array; mtimes: Float64Array} {
		const bytes = readChecked(this.descriptors.terms, this.header.sections.stats, this.info.bytes.terms, 'the file stats');
		check(bytes.length === this.documentCount * 16, 'the file stats have the wrong size');
		const all = new Float64Array(bytes.buffer);
		return {sizes: all.subarray(0, this.documentCount), mtimes: all.subarray(this.documentCount)};
	}

	postings(field: number, term: string): Postings | undefined {
		const key = keyOf(field, term);
		const cached = this.postingsCache.get(key);
		if (cached) {
			return cached;
		}

		const entry = this.find(key);
		if (!entry) {
			return undefined;
		}

		const postings = this.readPostings(entry);
		// Oldest first out, until the cache is back under its bound.
		this.cachedPostings += postings.documents.length;
		this.postingsCache.set(key, postings);
		for (const [oldKey, old] of this.postingsCache) {
			if (this.cachedPostings <= maxCachedPostings) {
				break;
			}

			this.postingsCache.delete(oldKey);
			this.cachedPostings -= old.documents.length;
		}

		return postings;
	}

	/** Decode a term's postings, checking the gaps stay inside the segment. */
	readPostings(entry: TermEntry): Postings {
		const bytes = this.sequential
			? this.sequential.postings.read(entry.postingsOffset, entry.postingsLength)
			: readRegion(this.descriptors.postings, entry.postingsOffset, entry.postingsLength, this.info.bytes.postings, 'postings');
		check(crc32(bytes) === entry.postingsCrc, `the postings of "${entry.key.slice(1)}" fail their checksum`);
		const reader = new ByteReader(bytes);
		const documents = new Uint32Array(entry.documentFrequency);
		const frequencies = new Uint32Array(entry.documentFrequency);
		let document = -1;
		for (let index = 0; index < entry.documentFrequency; index++) {
			const gap = reader.readVarint();
			document += gap;
			check(gap > 0 && document < this.documentCount, 'a posting points outside its segment');
			documents[index] = document;
			frequencies[index] = reader.readVarint();
		}

		check(reader.isAtEnd, 'postings are longer than their count');
		return {documents, frequencies};
	}

	positions(field: number, term: string, postingIndexes: readonly number[]): FlatPositions {
		const entry = this.find(keyOf(field, term));
		const offsets = new Uint32Array(postingIndexes.length + 1);
		if (!entry || postingIndexes.length === 0) {
			return {offsets, values: new Uint32Array(0)};
		}

		const {frequencies} = this.postings(field, term)!;
		let total = 0;
		for (const [wanted, index] of postingIndexes.entries()) {
			check(index < frequencies.length, 'a position list is asked for beyond the postings');
			total += frequencies[index]!;
			offsets[wanted + 1] = total;
		}

		const reader = new ByteReader(this.readPositionBytes(entry));
		const values = new Uint32Array(total);
		let wanted = 0;
		let at = 0;
		for (let index = 0; index < frequencies.length && wanted < postingIndexes.length; index++) {
			const count = frequencies[index]!;
			const isWanted = postingIndexes[wanted] === index;
			let position = 0;
			for (let occurrence = 0; occurrence < count; occurrence++) {
				position += reader.readVarint();
				if (isWanted) {
					values[at++] = position;
				}
			}

			if (isWanted) {
				wanted++;
			}
		}

		return {offsets, values};
	}

	/** The raw positions of a term, checked. */
	readPositionBytes(entry: TermEntry): Uint8Array {
		const bytes = this.sequential
			? this.sequential.positions.read(entry.positionsOffset, entry.positionsLength)
			: readRegion(this.descriptors.positions, entry.positionsOffset, entry.positionsLength, this.info.bytes.positions, 'positions');
		check(crc32(bytes) === entry.positionsCrc, `the positions of "${entry.key.slice(1)}" fail their checksum`);
		return bytes;
	}

	expand(field: number, prefix: string): Array<{term: string; documentFrequency: number}> {
		const start = keyOf(field, prefix);
		const found: Array<{term: string; documentFrequency: number}> = [];
		for (let block = Math.max(0, this.blockFor(start)); block < this.header.blocks.length; block++) {
			if (block > 0 && this.header.blocks[block]![0] > start && !this.header.blocks[block]![0].startsWith(start)) {
				break;
			}

			for (const entry of this.readBlock(block)) {
				if (entry.key.startsWith(start)) {
					found.push({term: entry.key.slice(1), documentFrequency: entry.documentFrequency});
				} else if (entry.key > start) {
					return found;
				}
			}
		}

		return found;
	}

	/**
	Read postings and positions through read-ahead buffers from now on: for merging, which visits every term in file
	order, so that a segment of a million terms costs a few hundred reads rather than two million. The bytes returned
	are then valid until the next read of the same file.
	*/
	readSequentially(): void {
		this.sequential = {
			postings: new ReadAhead(this.descriptors.postings, this.info.bytes.postings, 'postings'),
			positions: new ReadAhead(this.descriptors.positions, this.info.bytes.positions, 'positions'),
		};
	}

	/** Every term of the segment in order, block by block (for merging). */
	* entries(): Generator<TermEntry> {
		for (let block = 0; block < this.header.blocks.length; block++) {
			yield * this.readBlock(block, false);
		}
	}

	close(): void {
		for (const descriptor of Object.values(this.descriptors ?? {})) {
			try {
				fs.closeSync(descriptor);
			} catch {
				// Closed already.
			}
		}
	}

	private find(key: string): TermEntry | undefined {
		const block = this.blockFor(key);
		if (block < 0) {
			return undefined;
		}

		const entries = this.readBlock(block);
		let low = 0;
		let high = entries.length - 1;
		while (low <= high) {
			const middle = (low + high) >> 1;
			const order = compareKeys(entries[middle]!.key, key);
			if (order === 0) {
				return entries[middle];
			}

			if (order < 0) {
				low = middle + 1;
			} else {
				high = middle - 1;
			}
		}

		return undefined;
	}

	/** The last block whose first key is at most `key`, or -1. */
	private blockFor(key: string): number {
		const {blocks} = this.header;
		let low = 0;
		let high = blocks.length - 1;
		let found = -1;
		while (low <= high) {
			const middle = (low + high) >> 1;
			if (compareKeys(blocks[middle]![0], key) <= 0) {
				found = middle;
				low = middle + 1;
			} else {
				high = middle - 1;
			}
		}

		return found;
	}

	private readBlock(block: number, isCached = true): TermEntry[] {
		const cached = this.blockCache.get(block);
		if (cached) {
			return cached;
		}

		const [firstKey, offset, length, crc] = this.header.blocks[block]!;
		const reader = new ByteReader(readChecked(this.descriptors.terms, [offset, length, crc], this.info.bytes.terms, 'a dictionary block'));
		const entries: TermEntry[] = [];
		while (!reader.isAtEnd) {
			const entry = decodeEntry(reader);
			check(entry.documentFrequency > 0 && entry.documentFrequency <= this.documentCount, 'a term has an impossible document count');
			check(entries.length === 0 ? entry.key === firstKey : compareKeys(entries.at(-1)!.key, entry.key) < 0, 'a dictionary block is out of order');
			entries.push(entry);
		}

		if (isCached) {
			if (this.blockCache.size >= maxCachedBlocks) {
				this.blockCache.delete(this.blockCache.keys().next().value!);
			}

			this.blockCache.set(block, entries);
		}

		return entries;
	}

	private readPaths(): {offsets: Uint32Array; bytes: Uint8Array} {
		const bytes = readChecked(this.descriptors.terms, this.header.sections.paths, this.info.bytes.terms, 'the paths');
		const offsetBytes = (this.documentCount + 1) * 4;
		check(bytes.length >= offsetBytes, 'the paths are cut short');
		const offsets = new Uint32Array(bytes.buffer, 0, this.documentCount + 1);
		const text = bytes.subarray(offsetBytes);
		for (let index = 0; index < this.documentCount; index++) {
			check(offsets[index]! <= offsets[index + 1]!, 'the paths are out of order');
		}

		check(offsets[this.documentCount] === text.length, 'the paths have the wrong size');
		return {offsets, bytes: text};
	}
}
