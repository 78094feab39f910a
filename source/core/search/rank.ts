/**
Putting matches in order: best score first, and among equal scores the article that comes first in the list it was
asked about (newest first). Built for 100,000 matches per keystroke: a sort with a comparator over objects took
150-400 ms there, a native sort of numbers takes 10-20 ms, so the order is encoded into numbers.
*/

/** Orders of up to this many articles fit beside a score rank in an exact integer of a double. */
const orderBits = 21;
const orderLimit = 2 ** orderBits;
/** Scores are rounded to multiples of 1 / scoreScale. */
export const scoreScale = 1e6;

/** Matches in rank order: the position of each one's article, and its score. */
export type Ranking = {readonly orders: Int32Array; readonly scores: Float64Array};

/**
Rank the first `count` matches, given by the position of their article in its list (`orders`) and their `scores`
(parallel arrays, not changed). With a `limit`, only the best `limit` are returned, found without sorting the rest.
*/
export function rankMatches(orders: Int32Array, scores: Float64Array, count: number, limit = count): Ranking {
	if (count === 0) {
		return {orders: new Int32Array(0), scores: new Float64Array(0)};
	}

	let maximumOrder = 0;
	let maximumScore = 0;
	for (let index = 0; index < count; index++) {
		maximumOrder = Math.max(maximumOrder, orders[index]!);
		maximumScore = Math.max(maximumScore, scores[index]!);
	}

	// Scores are multiples of 1e-6 (see evaluate.ts): as integers they fit in 32 bits up to a score of 4,294, and with
	// the order in the low 21 bits the key is an exact integer of a double. Sorted ascending: best score, then order.
	const top = Math.round(maximumScore * scoreScale);
	if (maximumOrder >= orderLimit || top >= 2 ** 32) {
		return rankWithComparator(orders, scores, count, limit);
	}

	let keys: Float64Array = new Float64Array(count);
	for (let index = 0; index < count; index++) {
		keys[index] = ((top - Math.round(scores[index]! * scoreScale)) * orderLimit) + orders[index]!;
	}

	keys = limit * 8 < count ? smallest(keys, limit) : keys.sort();
	const shown = Math.min(limit, count);
	const ranked = {orders: new Int32Array(shown), scores: new Float64Array(shown)};
	for (let index = 0; index < shown; index++) {
		const key = keys[index]!;
		const low = key % orderLimit;
		ranked.orders[index] = low;
		ranked.scores[index] = (top - ((key - low) / orderLimit)) / scoreScale;
	}

	return ranked;
}

/** The `limit` smallest keys, sorted, through a max-heap of that size: for a first page of many matches. */
function smallest(keys: Float64Array, limit: number): Float64Array {
	const heap = new Float64Array(limit);
	let size = 0;
	const siftDown = (start: number) => {
		let index = start;
		for (;;) {
			const left = (2 * index) + 1;
			const right = left + 1;
			let largest = index;
			if (left < size && heap[left]! > heap[largest]!) {
				largest = left;
			}

			if (right < size && heap[right]! > heap[largest]!) {
				largest = right;
			}

			if (largest === index) {
				return;
			}

			[heap[index], heap[largest]] = [heap[largest]!, heap[index]!];
			index = largest;
		}
	};

	for (const key of keys) {
		if (size < limit) {
			// Sift up.
			let index = size++;
			heap[index] = key;
			while (index > 0 && heap[(index - 1) >> 1]! < heap[index]!) {
				const parent = (index - 1) >> 1;
				[heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
				index = parent;
			}
		} else if (key < heap[0]!) {
			heap[0] = key;
			siftDown(0);
		}
	}

	return heap.subarray(0, size).sort();
}

function rankWithComparator(orders: Int32Array, scores: Float64Array, count: number, limit: number): Ranking {
	const indexes = Array.from({length: count}, (_, index) => index);
	indexes.sort((left, right) => scores[right]! - scores[left]! || orders[left]! - orders[right]!);
	indexes.length = Math.min(indexes.length, limit);
	return {orders: Int32Array.from(indexes, index => orders[index]!), scores: Float64Array.from(indexes, index => scores[index]!)};
}
