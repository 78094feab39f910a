/**
Long synchronous work in small slices. A scan of 100,000 files is seconds of work on this thread; between slices the
event loop gets a turn, so that a progress bar moves, a signal handler (Ctrl-C) runs, and an AbortSignal is seen.
*/

/** Give the event loop a turn after at most this long: well under the 200 ms in which Ctrl-C must answer. */
const sliceMilliseconds = 25;

/** Decides when a loop should give the event loop a turn, and stops it once `signal` is aborted. */
export class Pacer {
	readonly #signal: AbortSignal | undefined;
	#sliceStart = performance.now();
	#calls = 0;

	constructor(signal?: AbortSignal) {
		this.#signal = signal;
	}

	/**
	Whether the current slice is over. Cheap enough for every item of a loop: the clock is read every 64 calls. Throws
	the signal's reason when aborted (also checked only then).
	*/
	isDue(): boolean {
		if (++this.#calls % 64 !== 0) {
			return false;
		}

		this.#signal?.throwIfAborted();
		return performance.now() - this.#sliceStart > sliceMilliseconds;
	}

	/** Give the event loop a turn (timers and I/O included, not only microtasks), then start a new slice. */
	async yield(): Promise<void> {
		await new Promise(resolve => {
			setImmediate(resolve);
		});
		this.#signal?.throwIfAborted();
		this.#sliceStart = performance.now();
	}

	/** Yield if the slice is over: `await pacer.pause()` in a loop whose items are slow enough for a promise each. */
	async pause(): Promise<void> {
		this.#calls = 63;
		if (this.isDue()) {
			await this.yield();
		}
	}
}
