/**
Merging segments into one: their live documents, in segment order, renumbered from 0; deleted documents and the
terms only they had are dropped. Terms are visited in order across all segments at once, so memory holds one term's
postings at a time, and no article file is read.
*/
import {searchFields} from '../../core/search/query.js';
import {ByteReader, ByteWriter, check} from './bytes.js';
import {compareKeys, type TermEntry} from './segment-format.js';
import type {SegmentReader} from './segment-reader.js';
import {SegmentFileWriter, type SegmentInfo} from './segment-writer.js';

/** Merge `segments` into the new segment `name` of `directory`. Returns it and how many postings it holds. */
export function mergeSegments(directory: string, name: string, segments: readonly SegmentReader[]): {info: SegmentInfo; postings: number} {
	// Where each live document goes: its new number, or -1 for a dead one.
	const renumbered: Int32Array[] = [];
	let next = 0;
	for (const segment of segments) {
		const map = new Int32Array(segment.documentCount).fill(-1);
		for (let document = 0; document < segment.documentCount; document++) {
			if (segment.live[document]) {
				map[document] = next++;
			}
		}

		renumbered.push(map);
	}

	for (const segment of segments) {
		segment.readSequentially();
	}

	const writer = new SegmentFileWriter(directory, name);
	try {
		const postingsOut = new ByteWriter(4096);
		const positionsOut = new ByteWriter(4096);
		const cursors = segments.map(segment => ({iterator: segment.entries(), current: undefined as TermEntry | undefined}));
		for (const cursor of cursors) {
			cursor.current = cursor.iterator.next().value ?? undefined;
		}

		let postings = 0;
		for (;;) {
			let key: string | undefined;
			for (const cursor of cursors) {
				if (cursor.current && (key === undefined || compareKeys(cursor.current.key, key) < 0)) {
					key = cursor.current.key;
				}
			}

			if (key === undefined) {
				break;
			}

			postingsOut.reset();
			positionsOut.reset();
			let documentFrequency = 0;
			let last = -1;
			for (const [index, cursor] of cursors.entries()) {
				if (cursor.current?.key !== key) {
					continue;
				}

				const segment = segments[index]!;
				const map = renumbered[index]!;
				const {documents, frequencies} = segment.readPostings(cursor.current);
				const positions = new ByteReader(segment.readPositionBytes(cursor.current));
				for (let posting = 0; posting < documents.length; posting++) {
					const target = map[documents[posting]!]!;
					const start = positions.offset;
					for (let occurrence = 0; occurrence < frequencies[posting]!; occurrence++) {
						positions.readVarint();
					}

					if (target < 0) {
						continue;
					}

					postingsOut.writeVarint(target - last);
					postingsOut.writeVarint(frequencies[posting]!);
					positionsOut.writeBytes(positions.bytes.subarray(start, positions.offset));
					last = target;
					documentFrequency++;
				}

				check(positions.isAtEnd, `the positions of "${key.slice(1)}" are longer than its postings`);
				cursor.current = cursor.iterator.next().value ?? undefined;
			}

			if (documentFrequency > 0) {
				writer.addTerm(key, documentFrequency, postingsOut.view(), positionsOut.view());
				postings += documentFrequency;
			}
		}

		const paths: string[] = [];
		const sizes: number[] = [];
		const mtimes: number[] = [];
		const lengths = searchFields.map(() => new Uint32Array(next));
		for (const [index, segment] of segments.entries()) {
			const stats = segment.readStats();
			const map = renumbered[index]!;
			for (let document = 0; document < segment.documentCount; document++) {
				const target = map[document]!;
				if (target < 0) {
					continue;
				}

				paths.push(segment.pathOf(document));
				sizes.push(stats.sizes[document]!);
				mtimes.push(stats.mtimes[document]!);
				for (const [field, values] of lengths.entries()) {
					values[target] = segment.fieldLengths[field]![document]!;
				}
			}
		}

		return {info: writer.finish({paths, sizes, mtimes, lengths}), postings};
	} catch (error) {
		writer.abort();
		throw error;
	}
}
