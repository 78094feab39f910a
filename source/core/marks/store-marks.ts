/**
The marks of one store (read, saved, reading positions) and the changes a process has made to them and not yet saved.

Changes are kept apart from the marks because a save is "re-read what is on disk, apply my changes, write": another
process may have changed other marks meanwhile, and those must be kept. Applying a change is idempotent, so changes
can be applied again to marks that already hold them (a save that failed is simply retried with the same changes).
*/
import {IdSet, hashId} from './id-set.js';
import {Positions, quantizePosition} from './positions.js';

/** What one store's marks are made of. */
export type StoreMarks = {
	readonly read: IdSet;
	readonly saved: IdSet;
	readonly positions: Positions;
};

/** No marks at all. */
export function createStoreMarks(): StoreMarks {
	return {read: IdSet.fromIds([]), saved: IdSet.fromIds([]), positions: new Positions()};
}

/** Changes by id hash. Position changes keep the order they were made in (a later one is more recent). */
export type MarkChanges = {
	readonly read: Map<number, boolean>;
	readonly saved: Map<number, boolean>;
	/** A stored fraction (see `quantizePosition`), or undefined to clear. */
	readonly positions: Map<number, number | undefined>;
};

export function createChanges(): MarkChanges {
	return {read: new Map(), saved: new Map(), positions: new Map()};
}

export function hasChanges(changes: MarkChanges): boolean {
	return changes.read.size > 0 || changes.saved.size > 0 || changes.positions.size > 0;
}

/** Record a read or saved change for these ids and make it in `set` at once; true if the set changed. */
export function changeFlag(changes: Map<number, boolean>, set: IdSet, ids: readonly string[], value: boolean): boolean {
	let changed = false;
	for (const id of ids) {
		const hash = hashId(id);
		changes.set(hash, value);
		changed = (value ? set.addHash(hash) : set.deleteHash(hash)) || changed;
	}

	return changed;
}

/**
Record a position change for an id and make it in `positions` at once: a fraction 0..1, or undefined (or 0, or 1) to
clear it. True if the positions changed.
*/
export function changePosition(changes: MarkChanges, positions: Positions, id: string, fraction: number | undefined): boolean {
	const hash = hashId(id);
	const value = fraction === undefined ? undefined : quantizePosition(fraction);
	// Re-inserting moves it last: the most recent change is applied last and counts as the most recent position.
	changes.positions.delete(hash);
	changes.positions.set(hash, value);
	return positions.setHash(hash, value);
}

/** Apply changes to marks; true if any mark changed. */
export function applyChanges(marks: StoreMarks, changes: MarkChanges): boolean {
	let changed = false;
	for (const [set, flags] of [[marks.read, changes.read], [marks.saved, changes.saved]] as const) {
		for (const [hash, value] of flags) {
			changed = (value ? set.addHash(hash) : set.deleteHash(hash)) || changed;
		}
	}

	for (const [hash, value] of changes.positions) {
		changed = marks.positions.setHash(hash, value) || changed;
	}

	return changed;
}

/**
`later` on top of `earlier`, as one set of changes (for a save that failed while newer changes were made): where
both changed the same mark, the later change wins; positions stay in the order they were made.
*/
export function mergeChanges(earlier: MarkChanges, later: MarkChanges): MarkChanges {
	const merged = {read: new Map(earlier.read), saved: new Map(earlier.saved), positions: new Map(earlier.positions)};
	for (const [hash, value] of later.read) {
		merged.read.set(hash, value);
	}

	for (const [hash, value] of later.saved) {
		merged.saved.set(hash, value);
	}

	for (const [hash, value] of later.positions) {
		merged.positions.delete(hash);
		merged.positions.set(hash, value);
	}

	return merged;
}
