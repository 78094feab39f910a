import test from 'ava';
import {Pacer} from '../source/io/store/pace.js';
import {sortInSlices} from '../source/io/store/sort-in-slices.js';

function shuffled(count: number, seed = 7): Array<{key: number; order: number}> {
	let state = seed;
	const random = () => {
		state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
		return state / 2_147_483_648;
	};

	// Few distinct keys, so that stability shows.
	return Array.from({length: count}, (_, order) => ({key: Math.floor(random() * 50), order}));
}

test('sorts like Array.prototype.sort, stably, at every size around the run length', async t => {
	for (const count of [0, 1, 4095, 4096, 4097, 8192, 12_289, 40_000]) {
		const items = shuffled(count);
		const expected = [...items].sort((left, right) => left.key - right.key);
		// eslint-disable-next-line no-await-in-loop
		await sortInSlices(items, (left, right) => left.key - right.key, new Pacer());
		t.deepEqual(items, expected, String(count));
	}
});

test('an aborted signal stops the sort', async t => {
	const controller = new AbortController();
	controller.abort(new Error('stop'));
	await t.throwsAsync(sortInSlices(shuffled(20_000), (left, right) => left.key - right.key, new Pacer(controller.signal)), {message: 'stop'});
});
