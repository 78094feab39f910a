/**
Bytes of the search index: a growable buffer, unsigned LEB128 varints, CRC-32, and the error every reader throws
when what it reads does not add up.
*/
import zlib from 'node:zlib';

/** The index on disk is not what was written: the caller warns once and rebuilds it. */
export class SearchIndexDamagedError extends Error {
	override name = 'SearchIndexDamagedError';
}

/** Throw a SearchIndexDamagedError unless `condition` holds. */
export function check(condition: boolean, what: string): asserts condition {
	if (!condition) {
		throw new SearchIndexDamagedError(what);
	}
}

// zlib.crc32 arrived in Node 20.15 and 22.2; the table below is for older releases of 20.
const table = new Uint32Array(256);
for (let index = 0; index < 256; index++) {
	let value = index;
	for (let bit = 0; bit < 8; bit++) {
		value = value & 1 ? 0xED_B8_83_20 ^ (value >>> 1) : value >>> 1;
	}

	table[index] = value >>> 0;
}

function crc32InJavaScript(bytes: Uint8Array): number {
	let crc = 0xFF_FF_FF_FF;
	for (const byte of bytes) {
		crc = table[(crc ^ byte) & 0xFF]! ^ (crc >>> 8);
	}

	return (crc ^ 0xFF_FF_FF_FF) >>> 0;
}

/** CRC-32 (the zlib one) of the bytes. */
export const crc32: (bytes: Uint8Array) => number = typeof zlib.crc32 === 'function' ? bytes => zlib.crc32(bytes) : crc32InJavaScript;

/** A byte buffer that grows as it is written. */
export class ByteWriter {
	bytes: Uint8Array;
	length = 0;

	constructor(capacity = 64) {
		this.bytes = new Uint8Array(capacity);
	}

	/** Unsigned LEB128; exact for every integer up to 2^53. */
	writeVarint(value: number): void {
		if (this.length + 8 > this.bytes.length) {
			this.grow(8);
		}

		let rest = value;
		while (rest >= 0x80) {
			this.bytes[this.length++] = (rest % 0x80) | 0x80;
			rest = Math.floor(rest / 0x80);
		}

		this.bytes[this.length++] = rest;
	}

	writeBytes(bytes: Uint8Array): void {
		if (this.length + bytes.length > this.bytes.length) {
			this.grow(bytes.length);
		}

		this.bytes.set(bytes, this.length);
		this.length += bytes.length;
	}

	writeUint32(value: number): void {
		if (this.length + 4 > this.bytes.length) {
			this.grow(4);
		}

		new DataView(this.bytes.buffer, this.bytes.byteOffset).setUint32(this.length, value, true);
		this.length += 4;
	}

	/** The bytes written so far (a view, valid until the next write). */
	view(): Uint8Array {
		return this.bytes.subarray(0, this.length);
	}

	reset(): void {
		this.length = 0;
	}

	private grow(needed: number): void {
		const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.length + needed));
		bigger.set(this.bytes.subarray(0, this.length));
		this.bytes = bigger;
	}
}

/** Reads varints from bytes, checking that it never runs past them. */
export class ByteReader {
	offset = 0;

	constructor(readonly bytes: Uint8Array) {}

	get isAtEnd(): boolean {
		return this.offset >= this.bytes.length;
	}

	readVarint(): number {
		let value = 0;
		let scale = 1;
		for (;;) {
			check(this.offset < this.bytes.length, 'a number runs past the end of its block');
			const byte = this.bytes[this.offset++]!;
			value += (byte & 0x7F) * scale;
			if (byte < 0x80) {
				return value;
			}

			scale *= 0x80;
			check(scale <= 2 ** 49, 'a number is too long');
		}
	}

	readBytes(length: number): Uint8Array {
		check(this.offset + length <= this.bytes.length, 'bytes run past the end of their block');
		const slice = this.bytes.subarray(this.offset, this.offset + length);
		this.offset += length;
		return slice;
	}

	readUint32(): number {
		const bytes = this.readBytes(4);
		return new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
	}
}
