/**
Sorting a large array without holding the thread: 100,000 articles take 100 ms or more to sort in one call, longer
than Ctrl-C may wait. Runs of a few thousand are sorted by `Array.prototype.sort`, then merged pairwise, with the
event loop given a turn whenever a slice of time is used up. Stable, like `Array.prototype.sort`.
*/
import type {Pacer} from './pace.js';

const runLength = 4096;

/** Sort `items` in place by `compare`, yielding through `pacer`; rejects with its signal's reason when aborted. */
export async function sortInSlices<T>(items: T[], compare: (left: T, right: T) => number, pacer: Pacer): Promise<void> {
	if (items.length <= runLength) {
		items.sort(compare);
		return;
	}

	let source = items;
	for (let start = 0; start < source.length; start += runLength) {
		const run = source.slice(start, start + runLength).sort(compare);
		for (let offset = 0; offset < run.length; offset++) {
			source[start + offset] = run[offset]!;
		}

		// eslint-disable-next-line no-await-in-loop
		await pacer.pause();
	}

	let target: T[] = Array.from({length: items.length});
	for (let width = runLength; width < source.length; width *= 2) {
		for (let start = 0; start < source.length; start += 2 * width) {
			const middle = Math.min(start + width, source.length);
			const end = Math.min(start + (2 * width), source.length);
			let left = start;
			let right = middle;
			for (let index = start; index < end; index++) {
				// Ties take the left run first: stable.
				if (left < middle && (right >= end || compare(source[left]!, source[right]!) <= 0)) {
					target[index] = source[left++]!;
				} else {
					target[index] = source[right++]!;
				}

				if (pacer.isDue()) {
					// eslint-disable-next-line no-await-in-loop
					await pacer.yield();
				}
			}
		}

		[source, target] = [target, source];
	}

	if (source !== items) {
		for (let index = 0; index < items.length; index++) {
			items[index] = source[index]!;
		}
	}
}
