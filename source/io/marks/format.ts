/**
The marks as they are stored in config.json (format 2), and format 1, which is read once and migrated.

```json
{
	"marks": {
		"version": 2,
		"stores": {
			"/home/ada/news": {
				"read": {"count": 100000, "data": "<base64 of core/marks/id-set.ts's encoding>"},
				"saved": {"count": 12, "data": "…"},
				"positions": {"count": 3, "data": "<base64 of core/marks/positions.ts's encoding>"}
			}
		}
	}
}
```
Marks belong to an article in a store: the key is the store's real path, so `a.md` read in one store is not read in
another store with its own `a.md`. A store with no marks has no entry; a kind with no marks has no field.

Format 1 (inkwire 0.1) kept one read set for every store: `"read": {"version": 1, "count": N, "hashes": "…"}`. Its
bytes are format 2's read set byte for byte (same hash, same encoding), so it is migrated without knowing the ids:
the first store opened by this version gets all of it, and the `read` key is dropped. Ids are paths inside a store,
so a user with one store (nearly everyone) keeps every mark; with several, the other stores start with none.

The shape is checked when the file is parsed (`parseConfig`): a file that is not of it is corrupt. Each kind carries
its count, and the base64 must be canonical: a file edited by hand or by another tool that decodes to something else
than it says fails a consistency check, which is reported, never silently trusted (see `decodeStoreMarks`).
*/
import {IdSet} from '../../core/marks/id-set.js';
import {Positions} from '../../core/marks/positions.js';
import {createStoreMarks, type StoreMarks} from '../../core/marks/store-marks.js';
import {parseBoundedJson} from '../../core/json.js';

// config.json is a few levels deep (marks > stores > store > set); anything far deeper is not one of ours.
const maxConfigDepth = 32;

/** Bump when the layout, `hashId` or an encoding changes. */
export const marksVersion = 2;

type StoredKind = {readonly count: number; readonly data: string};

/** One store's entry under `marks.stores`. */
export type StoredStoreMarks = {
	readonly read?: StoredKind;
	readonly saved?: StoredKind;
	readonly positions?: StoredKind;
};

type LegacyReadSet = {readonly version: number; readonly count: number; readonly hashes: string};

/** The whole of config.json: the marks, format 1's read set until it is migrated, and any other setting (kept as is). */
export type ConfigDocument = Record<string, unknown> & {
	marks?: {version: number; stores?: Record<string, StoredStoreMarks>};
	read?: LegacyReadSet;
};

/** The file is not JSON, or not of the shape below. */
export class InvalidConfigError extends Error {
	override name = 'InvalidConfigError';
}

/**
Parse config.json and check its shape: what conf calls to deserialize the file. Throws InvalidConfigError. (Why not
conf's `schema` option: compiling it with ajv took 65-95 ms here, on every start of every command; these checks take
microseconds.) The layout of `stores` is checked only for format 2: a config written by a later inkwire is not
damaged, only newer, and must not be moved aside as if it were.
*/
export function parseConfig(text: string): ConfigDocument {
	let value: unknown;
	try {
		value = parseBoundedJson(text, maxConfigDepth);
	} catch (error) {
		throw new InvalidConfigError(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
	}

	if (!isObject(value)) {
		throw new InvalidConfigError('not a JSON object');
	}

	const {marks, read} = value;
	if (read !== undefined && !(isObject(read) && isCount(read['version']) && read['version'] > 0 && isCount(read['count']) && typeof read['hashes'] === 'string')) {
		throw new InvalidConfigError('`read` is not {version, count, hashes}');
	}

	if (marks !== undefined) {
		if (!isObject(marks) || !isCount(marks['version']) || marks['version'] < 1) {
			throw new InvalidConfigError('`marks` has no version');
		}

		const {stores} = marks;
		if (marks['version'] === marksVersion && stores !== undefined) {
			if (!isObject(stores)) {
				throw new InvalidConfigError('`marks.stores` is not an object');
			}

			for (const entry of Object.values(stores)) {
				if (!isObject(entry) || !['read', 'saved', 'positions'].every(name => entry[name] === undefined || isKind(entry[name]))) {
					throw new InvalidConfigError('a store in `marks.stores` is not {read, saved, positions} of {count, data}');
				}
			}
		}
	}

	return value as ConfigDocument;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
	return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isKind(value: unknown): boolean {
	return isObject(value) && isCount(value['count']) && typeof value['data'] === 'string';
}

/** One store's marks as read from a config, with what did not pass the checks. */
export type DecodedMarks = {
	readonly marks: StoreMarks;
	/** One phrase per failed check ("saved marks say 7, hold 1"); the marks that passed are in `marks`. */
	readonly problems: readonly string[];
	/** Format 1's read set is there and was added to these marks: saving migrates it. */
	readonly hasLegacy: boolean;
	/** Set when the marks are of a later format: nothing of them can be read or saved. */
	readonly unsupported?: string;
};

/** The texts this store's marks are decoded from: equal texts decode to equal marks, so decoding can be skipped. */
export function sourceTexts(document: ConfigDocument, storeKey: string): readonly unknown[] {
	const entry = storeEntry(document, storeKey);
	const legacy = document.read;
	return [document.marks?.version, entry?.read?.data, entry?.read?.count, entry?.saved?.data, entry?.saved?.count,
		entry?.positions?.data, entry?.positions?.count, legacy?.version, legacy?.hashes, legacy?.count];
}

export function sameTexts(left: readonly unknown[], right: readonly unknown[]): boolean {
	return left.length === right.length && left.every((value, index) => value === right[index]);
}

/** Decode one store's marks (format 1's read set included). Never throws: failures become `problems`. */
export function decodeStoreMarks(document: ConfigDocument, storeKey: string): DecodedMarks {
	const version = document.marks?.version;
	if (version !== undefined && version !== marksVersion) {
		if (version > marksVersion) {
			return {marks: createStoreMarks(), problems: [], hasLegacy: false, unsupported: `the marks in it are of format ${version}, and this inkwire knows format ${marksVersion} (a later inkwire wrote them)`};
		}

		return {marks: createStoreMarks(), problems: [`the marks say format ${version}, which never existed`], hasLegacy: false};
	}

	const problems: string[] = [];
	const entry = storeEntry(document, storeKey);
	const read = decodeSet(entry?.read, 'read marks', problems);
	const saved = decodeSet(entry?.saved, 'saved marks', problems);
	let positions = new Positions();
	if (entry?.positions) {
		const bytes = decodeBase64(entry.positions.data);
		if (bytes) {
			const decoded = Positions.decode(bytes);
			positions = decoded.positions;
			if (decoded.rejected > 0) {
				problems.push(`${decoded.rejected} reading position${decoded.rejected === 1 ? ' is' : 's are'} out of range`);
			}

			if (positions.size + decoded.rejected !== entry.positions.count) {
				problems.push(`reading positions say ${entry.positions.count}, hold ${positions.size + decoded.rejected}`);
			}
		} else {
			problems.push('reading positions are not canonical base64');
		}
	}

	const legacy = document.read;
	if (legacy) {
		if (legacy.version === 1) {
			read.addAll(decodeSet({count: legacy.count, data: legacy.hashes}, 'read marks of format 1', problems));
		} else {
			problems.push(`the read marks say format ${legacy.version}, which never existed`);
		}
	}

	return {marks: {read, saved, positions}, problems, hasLegacy: legacy !== undefined};
}

/** The entry to store for these marks, or undefined when there are none. */
export function encodeStoreMarks(marks: StoreMarks): StoredStoreMarks | undefined {
	const entry: {read?: StoredKind; saved?: StoredKind; positions?: StoredKind} = {};
	if (marks.read.size > 0) {
		entry.read = {count: marks.read.size, data: encodeBase64(marks.read.encode())};
	}

	if (marks.saved.size > 0) {
		entry.saved = {count: marks.saved.size, data: encodeBase64(marks.saved.encode())};
	}

	if (marks.positions.size > 0) {
		entry.positions = {count: marks.positions.size, data: encodeBase64(marks.positions.encode())};
	}

	return Object.keys(entry).length > 0 ? entry : undefined;
}

/** The document with this store's entry replaced and format 1's read set gone (it now lives in this entry). */
export function replaceStoreMarks(document: ConfigDocument, storeKey: string, entry: StoredStoreMarks | undefined): ConfigDocument {
	const {read: _legacy, marks: _marks, ...others} = document;
	const stores: Record<string, StoredStoreMarks> = {...document.marks?.stores};
	if (entry) {
		stores[storeKey] = entry;
	} else {
		delete stores[storeKey];
	}

	return {...others, marks: {version: marksVersion, stores}};
}

function storeEntry(document: ConfigDocument, storeKey: string): StoredStoreMarks | undefined {
	const stores = document.marks?.stores;
	// Own properties only: a store at a path such as "__proto__" or "constructor" must not find Object's members.
	return stores && Object.hasOwn(stores, storeKey) ? stores[storeKey] : undefined;
}

function decodeSet(stored: StoredKind | undefined, name: string, problems: string[]): IdSet {
	if (!stored) {
		return IdSet.fromIds([]);
	}

	const bytes = decodeBase64(stored.data);
	if (!bytes) {
		problems.push(`${name} are not canonical base64`);
		return IdSet.fromIds([]);
	}

	let set: IdSet;
	try {
		set = IdSet.decode(bytes);
	} catch (error) {
		problems.push(`${name} cannot be decoded (${error instanceof Error ? error.message : String(error)})`);
		return IdSet.fromIds([]);
	}

	if (set.size !== stored.count) {
		problems.push(`${name} say ${stored.count}, hold ${set.size}`);
	}

	return set;
}

/** Base64 to bytes, or undefined unless the text is exactly what encoding the bytes gives (Buffer skips junk). */
function decodeBase64(text: string): Uint8Array | undefined {
	const bytes = Buffer.from(text, 'base64');
	return bytes.toString('base64') === text ? bytes : undefined;
}

function encodeBase64(bytes: Uint8Array): string {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
