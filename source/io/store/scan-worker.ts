/**
A worker thread of the store scan (see worker-pool.ts): sent a task (scan-tasks.ts, parse-task.ts) and a chunk of
files, it answers with the task's answer for them, transferring typed arrays rather than copying them. It is its own
entry point in the bundle (dist/scan-worker.js).
*/
import {parentPort} from 'node:worker_threads';
import {statFiles, type ScanRequest} from './scan-tasks.js';
import {checkIndexInWorker, type CheckRequest} from './check-task.js';
import {prepareFormat} from './html-reader.js';

let pending = Promise.resolve();

parentPort?.on('message', (request: ScanRequest | CheckRequest) => {
	if (request.task === 'check') {
		parentPort!.postMessage(checkIndexInWorker(request));
		return;
	}

	const {task, items, context} = request;
	if (task === 'stat') {
		const answer = statFiles(items, context);
		parentPort!.postMessage(answer, [answer.sizes.buffer as ArrayBuffer, answer.mtimes.buffer as ArrayBuffer]);
		return;
	}

	// [feeds hook] a chunk with an `.html` page needs the page extractor, loaded in this worker on first need;
	// answers stay in the order the chunks came.
	pending = pending.then(async () => {
		for (const item of items) {
			// eslint-disable-next-line no-await-in-loop
			await prepareFormat(typeof item === 'string' ? item : item[0]);
		}

		// Loaded on the first parse: a warm start's worker only stats, and is ready sooner without the parser.
		const {parseFiles} = await import('./parse-task.js');
		parentPort!.postMessage(parseFiles(items, context));
	});
});
