/**
Reading positions: how far into an article the reader was when it closed it, as a fraction of the article (0..1), so
that a re-wrap at another width reopens it at the same place. Only the most recent `positionLimit` are kept: a
position matters for the few articles a reader has started and not finished, not for every article ever opened.

Stored as 9 bytes an entry, oldest first: the id's 53-bit hash (the same `hashId` as the id sets) in 7 bytes, little
endian, then the fraction in 2 bytes (1 to 65,534 over 65,535: finer than a line in a 5,000-line article).
*/
import {hashId} from './id-set.js';

/** The most positions kept per store; setting one more forgets the one set longest ago. */
export const positionLimit = 1000;

const scale = 65_535;
const entryBytes = 9;

/**
A fraction as stored, or undefined when it means "no position": not a number, at the top (0) or at the end (1,
which is how a finished article clears its position).
*/
export function quantizePosition(fraction: number): number | undefined {
	if (!Number.isFinite(fraction)) {
		return undefined;
	}

	const quantized = Math.round(fraction * scale);
	return quantized > 0 && quantized < scale ? quantized : undefined;
}

/** Positions by id hash, in the order they were last set (oldest first), at most `positionLimit`. */
export class Positions {
	/**
	Decode what `encode` wrote. Entries that cannot be right (a hash past 53 bits, a fraction out of range, a hash
	seen twice) are dropped and counted in `rejected`, so that the caller can report them rather than trust them.
	*/
	static decode(bytes: Uint8Array): {positions: Positions; rejected: number} {
		const positions = new Positions();
		let rejected = bytes.length % entryBytes === 0 ? 0 : 1;
		const whole = bytes.length - (bytes.length % entryBytes);
		for (let offset = 0; offset < whole; offset += entryBytes) {
			const low = (bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16) | (bytes[offset + 3]! << 24)) >>> 0;
			const high = bytes[offset + 4]! | (bytes[offset + 5]! << 8) | (bytes[offset + 6]! << 16);
			const value = bytes[offset + 7]! | (bytes[offset + 8]! << 8);
			const hash = (high * 4_294_967_296) + low;
			if (high >= 2 ** 21 || value === 0 || value >= scale || positions.#entries.has(hash)) {
				rejected++;
				continue;
			}

			positions.#entries.set(hash, value);
		}

		rejected += positions.#trim();
		return {positions, rejected};
	}

	// Insertion order is recency: setting an entry deletes and re-adds it.
	readonly #entries = new Map<number, number>();

	get size(): number {
		return this.#entries.size;
	}

	/** The fraction (0..1) for an id, or undefined. */
	get(id: string): number | undefined {
		const value = this.#entries.get(hashId(id));
		return value === undefined ? undefined : value / scale;
	}

	/** Set (as the most recent) or clear the stored value for a hash; true if anything changed. */
	setHash(hash: number, quantized: number | undefined): boolean {
		const before = this.#entries.get(hash);
		this.#entries.delete(hash);
		if (quantized === undefined) {
			return before !== undefined;
		}

		this.#entries.set(hash, quantized);
		this.#trim();
		return before !== quantized;
	}

	encode(): Uint8Array {
		const bytes = new Uint8Array(this.#entries.size * entryBytes);
		let offset = 0;
		for (const [hash, value] of this.#entries) {
			const low = hash % 4_294_967_296;
			const high = (hash - low) / 4_294_967_296;
			bytes[offset++] = low & 0xFF;
			bytes[offset++] = (low >>> 8) & 0xFF;
			bytes[offset++] = (low >>> 16) & 0xFF;
			bytes[offset++] = low >>> 24;
			bytes[offset++] = high & 0xFF;
			bytes[offset++] = (high >>> 8) & 0xFF;
			bytes[offset++] = high >>> 16;
			bytes[offset++] = value & 0xFF;
			bytes[offset++] = value >>> 8;
		}

		return bytes;
	}

	// Forget the oldest entries beyond the limit; returns how many.
	#trim(): number {
		let dropped = 0;
		for (const hash of this.#entries.keys()) {
			if (this.#entries.size <= positionLimit) {
				break;
			}

			this.#entries.delete(hash);
			dropped++;
		}

		return dropped;
	}
}
