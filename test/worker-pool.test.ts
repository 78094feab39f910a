import {Worker} from 'node:worker_threads';
import test from 'ava';
import {WorkerPool, type PoolJob} from '../source/io/store/worker-pool.js';

/** A worker from inline code that answers each chunk of numbers with `answer(numbers)`. */
function inlineWorker(answer: string): () => Worker {
	return () => new Worker(`const {parentPort} = require('node:worker_threads'); parentPort.on('message', numbers => { parentPort.postMessage((${answer})(numbers)); });`, {eval: true});
}

/** A job that doubles numbers, recording which were done on this thread. */
function doublingJob(count: number): {job: PoolJob<number, number[]>; results: number[]; here: number[]} {
	const items = Array.from({length: count}, (_, index) => index);
	const results: number[] = Array.from({length: count});
	const here: number[] = [];
	return {
		results,
		here,
		job: {
			request: chunk => chunk,
			items,
			chunkSize: 10,
			runHere(chunk) {
				here.push(...chunk);
				return chunk.map(number => number * 2);
			},
			accept(start, size, answer) {
				if (!Array.isArray(answer) || answer.length !== size) {
					return false;
				}

				for (const [offset, value] of answer.entries()) {
					results[start + offset] = value;
				}

				return true;
			},
		},
	};
}

test('workers and this thread share the chunks; every answer lands in item order', async t => {
	const pool = new WorkerPool(inlineWorker('numbers => numbers.map(number => number * 2)'));
	pool.grow(2);
	t.is(pool.size, 2);
	const {job, results, here} = doublingJob(500);
	const progress: number[] = [];
	await pool.run(job, {onProgress: done => progress.push(done)});
	pool.close();
	t.deepEqual(results, job.items.map(number => number * 2));
	t.true(here.length < 500);
	t.is(progress.at(-1), 500);
});

test('a worker that dies or answers nonsense gives its chunks back to this thread', async t => {
	for (const answer of ['() => process.exit(3)', '() => "nonsense"', '() => { throw new Error("boom"); }']) {
		const pool = new WorkerPool(inlineWorker(answer));
		pool.grow(2);
		const {job, results, here} = doublingJob(200);
		// eslint-disable-next-line no-await-in-loop
		await pool.run(job);
		pool.close();
		t.deepEqual(results, job.items.map(number => number * 2), answer);
		t.is(here.length, 200, answer);
	}
});

test('with no worker at all, or none allowed, this thread does everything', async t => {
	const none = new WorkerPool(() => undefined);
	none.grow(3);
	t.is(none.size, 0);
	const first = doublingJob(50);
	await none.run(first.job);
	t.is(first.here.length, 50);

	const pool = new WorkerPool(inlineWorker('numbers => numbers.map(number => number * 2)'));
	pool.grow(1);
	const second = doublingJob(50);
	await pool.run(second.job, {workers: 0});
	pool.close();
	t.is(second.here.length, 50);
});

test('this thread waits for helpAfter before it takes a chunk', async t => {
	const pool = new WorkerPool(() => undefined);
	const {job, here} = doublingJob(30);
	let release!: () => void;
	const running = pool.run(job, {helpAfter: new Promise<void>(resolve => {
		release = resolve;
	})});
	await new Promise(resolve => {
		setTimeout(resolve, 20);
	});
	t.is(here.length, 0);
	release();
	await running;
	t.is(here.length, 30);
});

test('an abort rejects the run with its reason, also while waiting for workers', async t => {
	// Workers that never answer: only the abort can end the run.
	const pool = new WorkerPool(inlineWorker('() => new Promise(() => {})'));
	pool.grow(1);
	const controller = new AbortController();
	const {job} = doublingJob(20);
	const running = pool.run({...job, runHere: () => new Promise(() => {}) as never}, {signal: controller.signal, workers: 1, helpAfter: new Promise(() => {})});
	setTimeout(() => {
		controller.abort(new Error('stop now'));
	}, 10);
	await t.throwsAsync(running, {message: 'stop now'});
	pool.close();
	t.is(pool.size, 0);
});
