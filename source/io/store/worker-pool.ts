/**
A pool of worker threads that work through a list in chunks, with this thread taking chunks too, so that no core
waits. The scan uses it twice: to check files against the index while this thread reads the index, and to read and
parse files on a first start. A worker that fails (or answers nonsense) gives its chunks back to this thread; with no
worker at all, this thread does everything. Aborting stops at once: the run rejects and `close` ends the workers.
*/
import type {Worker} from 'node:worker_threads';
import {Pacer} from './pace.js';

/** A list to work through: how to send a chunk to a worker, how to do one here, and where answers go. */
export type PoolJob<Item, Answer> = {
	/** What a worker is sent for the items from `start` to `end`. */
	readonly request: (items: readonly Item[]) => unknown;
	readonly items: readonly Item[];
	readonly chunkSize: number;
	/** Do a chunk on this thread: the same work a worker does. */
	readonly runHere: (items: readonly Item[]) => Answer;
	/** Take a chunk's answer; false when it is malformed, and the chunk is done again here. */
	readonly accept: (start: number, count: number, answer: Answer) => boolean;
};

export type RunOptions = {
	readonly signal?: AbortSignal;
	/** This thread starts taking chunks only once this settles (it has other work to do first). */
	readonly helpAfter?: Promise<unknown>;
	/** Called with the number of items done, after every chunk. */
	readonly onProgress?: (done: number) => void;
	/** Use at most this many of the pool's workers (0: this thread alone). */
	readonly workers?: number;
};

type Range = readonly [number, number];

export class WorkerPool {
	readonly #startWorker: () => Worker | undefined;
	readonly #workers = new Set<Worker>();

	/** `startWorker` starts one worker thread that answers the requests of the jobs it will be given. */
	constructor(startWorker: () => Worker | undefined) {
		this.#startWorker = startWorker;
	}

	/** How many workers are running. */
	get size(): number {
		return this.#workers.size;
	}

	/** Start workers until there are `count` (fewer if they cannot be started). */
	grow(count: number): void {
		while (this.#workers.size < count) {
			const worker = this.#startWorker();
			if (!worker) {
				return;
			}

			this.#workers.add(worker);
			// Between runs too: a worker that fails is dropped (and an 'error' without a listener would throw here).
			const drop = () => {
				this.#workers.delete(worker);
			};

			worker.on('error', drop);
			worker.on('exit', drop);
		}
	}

	/** End every worker. Safe to call more than once. */
	close(): void {
		for (const worker of this.#workers) {
			void worker.terminate();
		}

		this.#workers.clear();
	}

	/**
	Send one request to one worker, outside any run, and wait for its answer: undefined when there is no worker, or it
	fails or is ended first. Await it before the next run, which would take its answer for a chunk's.
	*/
	async ask(request: unknown): Promise<unknown> {
		const worker = this.#workers.values().next().value as Worker | undefined;
		if (!worker) {
			return undefined;
		}

		return new Promise(resolve => {
			const finish = (answer: unknown) => {
				worker.off('message', finish);
				worker.off('error', fail);
				worker.off('exit', fail);
				resolve(answer);
			};

			const fail = () => {
				finish(undefined);
			};

			worker.on('message', finish);
			worker.on('error', fail);
			worker.on('exit', fail);
			worker.postMessage(request);
		});
	}

	/** Work through a job; resolves when every item's answer was accepted, rejects with the signal's reason. */
	async run<Item, Answer>(job: PoolJob<Item, Answer>, options: RunOptions = {}): Promise<void> {
		const {signal, helpAfter, onProgress} = options;
		const {items, chunkSize} = job;
		// Chunks not yet handed out are ranges from `next`; chunks given back by a failed worker wait in `returned`.
		let next = 0;
		const returned: Range[] = [];
		const take = (): Range | undefined => {
			if (returned.length > 0) {
				return returned.pop();
			}

			if (next >= items.length) {
				return undefined;
			}

			const start = next;
			next = Math.min(items.length, next + chunkSize);
			return [start, next];
		};

		let done = 0;
		let wake: (() => void) | undefined;
		const wakeUp = () => {
			wake?.();
		};

		// Each worker keeps two chunks in flight, so that it has work while this thread is busy with its own chunk.
		const inFlight = new Map<Worker, Range[]>();
		const listeners = new Map<Worker, {message: (answer: Answer) => void; failure: () => void}>();
		const feed = (worker: Worker) => {
			const queue = inFlight.get(worker)!;
			while (queue.length < 2) {
				const range = take();
				if (!range) {
					break;
				}

				queue.push(range);
				worker.postMessage(job.request(items.slice(range[0], range[1])));
			}
		};

		const retire = (worker: Worker) => {
			const queue = inFlight.get(worker);
			if (!queue) {
				return;
			}

			returned.push(...queue);
			inFlight.delete(worker);
			this.#workers.delete(worker);
			void worker.terminate();
			wakeUp();
		};

		for (const worker of [...this.#workers].slice(0, options.workers ?? this.#workers.size)) {
			inFlight.set(worker, []);
			const handlers = {
				message: (answer: Answer) => {
					const range = inFlight.get(worker)?.shift();
					if (!range || !job.accept(range[0], range[1] - range[0], answer)) {
						if (range) {
							inFlight.get(worker)!.unshift(range);
						}

						retire(worker);
						return;
					}

					done += range[1] - range[0];
					feed(worker);
					wakeUp();
				},
				failure: () => {
					retire(worker);
				},
			};
			listeners.set(worker, handlers);
			worker.on('message', handlers.message);
			worker.on('error', handlers.failure);
			worker.on('exit', handlers.failure);
			feed(worker);
		}

		signal?.addEventListener('abort', wakeUp);
		const pacer = new Pacer(signal);
		try {
			if (helpAfter) {
				// Answers come in meanwhile (and wake this loop up): they are taken, and the workers fed, as they come.
				let isSettled = false;
				const settle = () => {
					isSettled = true;
					wakeUp();
				};

				helpAfter.then(settle, settle);
				while (!isSettled) {
					signal?.throwIfAborted();
					// eslint-disable-next-line no-await-in-loop
					await new Promise<void>(resolve => {
						wake = resolve;
					});
					wake = undefined;
				}
			}

			let lastProgress = -1;
			for (;;) {
				signal?.throwIfAborted();
				if (done !== lastProgress) {
					onProgress?.(done);
					lastProgress = done;
				}

				const range = take();
				if (range) {
					const answer = job.runHere(items.slice(range[0], range[1]));
					if (!job.accept(range[0], range[1] - range[0], answer)) {
						throw new Error('a chunk done on this thread was not accepted');
					}

					done += range[1] - range[0];
					// Let the workers' answers in (and a progress bar, and Ctrl-C).
					// eslint-disable-next-line no-await-in-loop
					await pacer.yield();
					continue;
				}

				if ([...inFlight.values()].every(queue => queue.length === 0)) {
					break;
				}

				// eslint-disable-next-line no-await-in-loop
				await new Promise<void>(resolve => {
					wake = resolve;
				});
				wake = undefined;
			}
		} finally {
			signal?.removeEventListener('abort', wakeUp);
			for (const [worker, handlers] of listeners) {
				worker.off('message', handlers.message);
				worker.off('error', handlers.failure);
				worker.off('exit', handlers.failure);
			}
		}

		onProgress?.(done);
	}
}
