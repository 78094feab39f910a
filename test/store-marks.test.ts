import test from 'ava';
import fc from 'fast-check';
import {IdSet, hashId} from '../source/core/marks/id-set.js';
import {Positions, positionLimit, quantizePosition} from '../source/core/marks/positions.js';
import {
	applyChanges,
	changeFlag,
	changePosition,
	createChanges,
	createStoreMarks,
	hasChanges,
	mergeChanges,
} from '../source/core/marks/store-marks.js';

test('a position is stored as a fraction; 0, 1 and non-numbers mean "none"', t => {
	t.is(quantizePosition(0), undefined);
	t.is(quantizePosition(1), undefined);
	t.is(quantizePosition(1.5), undefined);
	t.is(quantizePosition(-0.2), undefined);
	t.is(quantizePosition(Number.NaN), undefined);
	t.is(quantizePosition(Number.POSITIVE_INFINITY), undefined);
	t.is(quantizePosition(0.5), 32_768);
	// Close to the end but not at it is still a place to come back to.
	t.truthy(quantizePosition(0.9999));
});

test('property: positions round-trip through their encoding, in order of recency', t => {
	fc.assert(fc.property(fc.array(fc.tuple(fc.string({maxLength: 8}), fc.double({min: 0, max: 1, noNaN: true})), {maxLength: 60}), changes => {
		const positions = new Positions();
		for (const [id, fraction] of changes) {
			positions.setHash(hashId(id), quantizePosition(fraction));
		}

		const {positions: copy, rejected} = Positions.decode(positions.encode());
		t.is(rejected, 0);
		t.deepEqual(copy.encode(), positions.encode());
		for (const [id] of changes) {
			t.is(copy.get(id), positions.get(id));
		}
	}));
});

test('decoding rejects what cannot be right, and counts it', t => {
	const good = new Positions();
	good.setHash(hashId('a'), 100);
	const bytes = good.encode();
	t.is(Positions.decode(bytes).rejected, 0);
	// Cut short.
	t.is(Positions.decode(bytes.subarray(0, 8)).rejected, 1);
	// A hash seen twice.
	const twice = new Uint8Array([...bytes, ...bytes]);
	const decoded = Positions.decode(twice);
	t.is(decoded.rejected, 1);
	t.is(decoded.positions.size, 1);
	// A fraction of 0 is never stored.
	const zero = bytes.slice();
	zero[7] = 0;
	zero[8] = 0;
	t.is(Positions.decode(zero).rejected, 1);
});

test(`at most ${positionLimit} positions; setting one again makes it the most recent`, t => {
	const positions = new Positions();
	for (let index = 0; index < positionLimit; index++) {
		positions.setHash(index + 1, 500);
	}

	positions.setHash(1, 600);
	positions.setHash(999_999, 700);
	t.is(positions.size, positionLimit);
	const {positions: copy} = Positions.decode(positions.encode());
	t.is(copy.size, positionLimit);
	const encoded = copy.encode();
	// The oldest entry (hash 2) went, hash 1 survived as recent, the new one is last.
	const firstHash = encoded[0]! | (encoded[1]! << 8);
	t.is(firstHash, 3);
	t.true(positions.setHash(1, undefined));
	t.false(positions.setHash(1, undefined));
});

test('changes apply idempotently and say whether anything changed', t => {
	const marks = createStoreMarks();
	const changes = createChanges();
	t.false(hasChanges(changes));
	t.true(changeFlag(changes.read, marks.read, ['a', 'b'], true));
	t.false(changeFlag(changes.read, marks.read, ['a'], true));
	t.true(changeFlag(changes.saved, marks.saved, ['a'], true));
	t.true(changePosition(changes, marks.positions, 'a', 0.3));
	t.true(hasChanges(changes));
	// Applying the same changes to marks read back from disk gives the same marks; applying again changes nothing.
	const fromDisk = createStoreMarks();
	t.true(applyChanges(fromDisk, changes));
	t.false(applyChanges(fromDisk, changes));
	t.true(fromDisk.read.has('a') && fromDisk.read.has('b') && fromDisk.saved.has('a'));
	t.is(fromDisk.positions.get('a'), marks.positions.get('a'));
});

test('merged changes: the later one wins, positions keep the order they were made in', t => {
	const earlier = createChanges();
	const later = createChanges();
	const scratch = createStoreMarks();
	changeFlag(earlier.read, scratch.read, ['a', 'b'], true);
	changeFlag(later.read, scratch.read, ['a'], false);
	changePosition(earlier, scratch.positions, 'x', 0.1);
	changePosition(earlier, scratch.positions, 'y', 0.2);
	changePosition(later, scratch.positions, 'x', 0.3);
	const merged = mergeChanges(earlier, later);
	t.false(merged.read.get(hashId('a')));
	t.true(merged.read.get(hashId('b')));
	t.deepEqual([...merged.positions.keys()], [hashId('y'), hashId('x')]);
	const marks = createStoreMarks();
	marks.read.add('a');
	applyChanges(marks, merged);
	t.false(marks.read.has('a'));
	t.true(Math.abs(marks.positions.get('x')! - 0.3) < 1e-4);
});

test('addAll joins two sets (format 1 migrating into a store that has marks)', t => {
	const target = IdSet.fromIds(['a', 'b']);
	target.addAll(IdSet.fromIds(['b', 'c']));
	t.is(target.size, 3);
	t.true(target.has('c'));
	const empty = IdSet.fromIds([]);
	empty.addAll(IdSet.decode(IdSet.fromIds(['x', 'y']).encode()));
	t.is(empty.size, 2);
	t.true(empty.delete('x'));
	t.is(empty.size, 1);
	t.deepEqual([...IdSet.decode(empty.encode()).sortedHashes()], [hashId('y')]);
});
