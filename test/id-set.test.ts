import test from 'ava';
import fc from 'fast-check';
import {IdSet, decodeHashes, encodeHashes, hashId} from '../source/core/marks/id-set.js';

test('hashId is stable (it is persisted) and fits in 53 bits', t => {
	t.is(hashId(''), 3_338_908_027_751_811);
	t.is(hashId('world/2024/some-article'), hashId('world/2024/some-article'));
	t.not(hashId('a'), hashId('b'));
	t.true(Number.isSafeInteger(hashId('x'.repeat(1000))));
});

test('add, delete, has and an encode/decode round trip', t => {
	const set = IdSet.fromIds(['a', 'b', 'world/c']);
	t.true(set.has('a'));
	t.false(set.has('z'));
	t.true(set.delete('b'));
	t.false(set.delete('b'));
	t.true(set.add('z'));
	t.false(set.add('z'));
	const copy = IdSet.decode(set.encode());
	t.is(copy.size, 3);
	t.true(copy.has('a') && copy.has('world/c') && copy.has('z'));
	t.false(copy.has('b'));
	t.is(IdSet.decode(new Uint8Array(0)).size, 0);
});

test('property: any sequence of adds and deletes matches a Set of ids, before and after a round trip', t => {
	fc.assert(fc.property(
		fc.array(fc.tuple(fc.boolean(), fc.string({maxLength: 12})), {maxLength: 200}),
		operations => {
			const set = IdSet.fromIds([]);
			const model = new Set<string>();
			for (const [isAdd, id] of operations) {
				if (isAdd) {
					set.add(id);
					model.add(id);
				} else {
					set.delete(id);
					model.delete(id);
				}

				// Encoding in between exercises the patching of the sorted array.
				if (id.length % 3 === 0) {
					set.encode();
				}
			}

			const copy = IdSet.decode(set.encode());
			for (const [, id] of operations) {
				t.is(set.has(id), model.has(id));
				t.is(copy.has(id), model.has(id));
			}

			t.is(copy.size, model.size);
		},
	));
});

test('property: encodeHashes and decodeHashes round-trip any increasing 53-bit values', t => {
	fc.assert(fc.property(fc.uniqueArray(fc.maxSafeNat(), {maxLength: 300}), values => {
		const sorted = Float64Array.from(values).sort();
		t.deepEqual([...decodeHashes(encodeHashes(sorted))], [...sorted]);
	}));
});

test('malformed data is rejected rather than misread', t => {
	t.throws(() => decodeHashes(Uint8Array.of(0x80)), {message: /Truncated/});
	// Two equal hashes: a zero gap after the first value.
	t.throws(() => decodeHashes(Uint8Array.of(5, 0)), {message: /increasing/});
	t.throws(() => decodeHashes(Uint8Array.of(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F)), {message: /increasing|overlong/});
});

test('about 6 bytes an id at 10,000 ids', t => {
	const set = IdSet.fromIds(Array.from({length: 10_000}, (_, index) => `section/article-${index}`));
	const bytes = set.encode().length;
	t.true(bytes < 10_000 * 6.5, `${bytes} bytes`);
});
