/**
A set of article ids (the read ones, the saved ones), in a form that stays small and cheap to write at 100,000 ids.

Why hashes and not the ids: ids are paths (often 40-80 characters), so 100,000 of them would make the config file
several megabytes, and conf rewrites the whole file on every change. Each id is hashed to 53 bits (cyrb53), the
hashes are kept sorted, the gaps between neighbours are written as LEB128 varints (a gap is about 2^53 / n, so about
37 bits, 5.7 bytes on average at 100,000 ids) and the io layer stores the bytes as base64: 7.6 characters an id,
760 KB at 100,000 (measured).
A Golomb-Rice or Elias-Fano code would save about a fifth more at the price of 64-bit bit twiddling in doubles;
varints keep encoding and decoding a plain byte loop of a few milliseconds.

Collision odds: an unread article shows as read only if its hash equals the hash of some read id. With r read ids
and u unread articles the chance that this happens to any of them is about r * u / 2^53: with 100,000 of each, about
1 in 900,000. Ids are never recovered from the set; it only answers "is this id read?".

The hash and the encoding are persisted (the marks format version in io/marks/format.ts covers them): format 1's read
set is format 2's read set of one store, byte for byte, which is what makes the migration lossless.
*/

/** cyrb53 (public domain, bryc): a fast 53-bit string hash, exact in a JavaScript number. Must never change. */
export function hashId(id: string): number {
	let h1 = 0xDE_AD_BE_EF;
	let h2 = 0x41_C6_CE_57;
	for (let index = 0; index < id.length; index++) {
		const code = id.charCodeAt(index);
		h1 = Math.imul(h1 ^ code, 2_654_435_761);
		h2 = Math.imul(h2 ^ code, 1_597_334_677);
	}

	h1 = Math.imul(h1 ^ (h1 >>> 16), 2_246_822_507);
	h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3_266_489_909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2_246_822_507);
	h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3_266_489_909);
	return (4_294_967_296 * (2_097_151 & h2)) + (h1 >>> 0);
}

const maxHash = 2 ** 53;

/** Encode strictly increasing hashes as LEB128 gaps. The io layer stores the bytes as base64 (Buffer is fast at it). */
export function encodeHashes(sorted: ArrayLike<number>): Uint8Array {
	// A gap needs at most 8 varint bytes (53 bits / 7).
	const bytes = new Uint8Array((sorted.length * 8) || 1);
	let length = 0;
	let previous = 0;
	for (let index = 0; index < sorted.length; index++) {
		const hash = sorted[index]!;
		const gap = hash - previous;
		previous = hash;
		// Gaps go past 32 bits, so split them: the low 28 bits use integer operations (the hot path), the
		// high part is exact double arithmetic (division by a power of two is exact below 2^53).
		if (gap < 0x10_00_00_00) {
			let low = gap;
			while (low >= 0x80) {
				bytes[length++] = (low & 0x7F) | 0x80;
				low >>>= 7;
			}

			bytes[length++] = low;
			continue;
		}

		const low = gap % 0x10_00_00_00;
		let high = (gap - low) / 0x10_00_00_00;
		bytes[length++] = (low & 0x7F) | 0x80;
		bytes[length++] = ((low >>> 7) & 0x7F) | 0x80;
		bytes[length++] = ((low >>> 14) & 0x7F) | 0x80;
		bytes[length++] = ((low >>> 21) & 0x7F) | 0x80;
		while (high >= 0x80) {
			bytes[length++] = (high & 0x7F) | 0x80;
			high >>>= 7;
		}

		bytes[length++] = high;
	}

	return bytes.subarray(0, length);
}

/** Decode what `encodeHashes` wrote. Throws on anything malformed (truncated or overlong varint, not increasing). */
export function decodeHashes(bytes: Uint8Array): Float64Array {
	const hashes = new Float64Array(bytes.length);
	let count = 0;
	let previous = 0;
	let index = 0;
	while (index < bytes.length) {
		// The first four bytes (28 bits) in integer arithmetic, the rest (at most 25 more bits) in doubles.
		let low = 0;
		let shift = 0;
		let byte = 0x80;
		while (shift < 28 && byte >= 0x80) {
			if (index >= bytes.length) {
				throw new Error('Truncated id set');
			}

			byte = bytes[index++]!;
			low |= (byte & 0x7F) << shift;
			shift += 7;
		}

		let high = 0;
		let scale = 1;
		while (byte >= 0x80) {
			if (index >= bytes.length || scale > 2 ** 28) {
				throw new Error('Truncated or overlong id set');
			}

			byte = bytes[index++]!;
			high += (byte & 0x7F) * scale;
			scale *= 128;
		}

		const gap = (high * 0x10_00_00_00) + low;
		const hash = previous + gap;
		if ((count > 0 && gap === 0) || hash >= maxHash) {
			throw new Error('Id set is not strictly increasing');
		}

		hashes[count++] = hash;
		previous = hash;
	}

	return hashes.slice(0, count);
}

/**
A mutable set of ids. The hashes are kept as one sorted Float64Array, looked up by binary search (17 steps at
100,000), plus the few changes since the array was last brought up to date. Why not a `Set<number>`: 53-bit hashes
are heap numbers to V8, and building a Set of 100,000 of them took 50-80 ms here, on every start and on every change
another process made; decoding into the array takes about 2 ms, and it is a tenth of the memory.
*/
export class IdSet {
	/** Decode a stored set; throws when the text is malformed. */
	static decode(bytes: Uint8Array): IdSet {
		return new IdSet(decodeHashes(bytes));
	}

	/** A set holding these ids. */
	static fromIds(ids: Iterable<string>): IdSet {
		const set = new IdSet(new Float64Array(0));
		for (const id of ids) {
			set.add(id);
		}

		return set;
	}

	#sorted: Float64Array;
	// Changes since `#sorted` was last brought up to date: `#added` holds hashes not in it, `#removed` hashes in it.
	readonly #added = new Set<number>();
	readonly #removed = new Set<number>();

	private constructor(sorted: Float64Array) {
		this.#sorted = sorted;
	}

	get size(): number {
		return this.#sorted.length + this.#added.size - this.#removed.size;
	}

	has(id: string): boolean {
		return this.hasHash(hashId(id));
	}

	hasHash(hash: number): boolean {
		if (this.#added.size > 0 && this.#added.has(hash)) {
			return true;
		}

		if (this.#removed.size > 0 && this.#removed.has(hash)) {
			return false;
		}

		return this.#sorted[lowerBound(this.#sorted, hash, 0)] === hash;
	}

	/** Add an id; true if it was not there. */
	add(id: string): boolean {
		return this.addHash(hashId(id));
	}

	/** Remove an id; true if it was there. */
	delete(id: string): boolean {
		return this.deleteHash(hashId(id));
	}

	addHash(hash: number): boolean {
		if (this.hasHash(hash)) {
			return false;
		}

		if (!this.#removed.delete(hash)) {
			this.#added.add(hash);
		}

		return true;
	}

	deleteHash(hash: number): boolean {
		if (!this.hasHash(hash)) {
			return false;
		}

		if (!this.#added.delete(hash)) {
			this.#removed.add(hash);
		}

		return true;
	}

	/** The hashes, sorted ascending. */
	sortedHashes(): Float64Array {
		if (this.#added.size > 0 || this.#removed.size > 0) {
			this.#sorted = patchSorted(this.#sorted, this.#added, this.#removed);
			this.#added.clear();
			this.#removed.clear();
		}

		return this.#sorted;
	}

	encode(): Uint8Array {
		return encodeHashes(this.sortedHashes());
	}

	/** Add every hash of `other` (for the migration of format 1, whose read set joins a store's). */
	addAll(other: IdSet): void {
		if (this.size === 0) {
			this.#sorted = other.sortedHashes().slice();
			this.#added.clear();
			this.#removed.clear();
			return;
		}

		for (const hash of other.sortedHashes()) {
			this.addHash(hash);
		}
	}
}

// Merge a few additions and removals into a sorted array: binary search for each change and block copies between
// them, so that a save after one change costs a memcpy of the array rather than a loop over it.
function patchSorted(sorted: Float64Array, added: ReadonlySet<number>, removed: ReadonlySet<number>): Float64Array {
	const changes = Float64Array.from([...added, ...removed]).sort();
	const result = new Float64Array(sorted.length + added.size - removed.size);
	let length = 0;
	let cursor = 0;
	for (const hash of changes) {
		const position = lowerBound(sorted, hash, cursor);
		result.set(sorted.subarray(cursor, position), length);
		length += position - cursor;
		cursor = position;
		if (added.has(hash)) {
			result[length++] = hash;
		} else if (sorted[position] === hash) {
			// A removal: skip the element.
			cursor++;
		}
	}

	result.set(sorted.subarray(cursor), length);
	return result;
}

function lowerBound(sorted: Float64Array, value: number, from: number): number {
	let low = from;
	let high = sorted.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (sorted[middle]! < value) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}

	return low;
}
