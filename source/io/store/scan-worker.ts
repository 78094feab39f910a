/**
A worker thread of the store scan. Sent a chunk of files, it reads and parses them and answers with their index
entries in order, each with its serialised index line (see parseJobs in store.ts); sent `{paths}`, it answers with
their sizes and mtimes (a warm start). It is its own entry point in the bundle (dist/scan-worker.js).
*/
import {parentPort} from 'node:worker_threads';
import {serializeEntry} from '../../core/store/index-format.js';
import {isHtmlPath, loadHtmlReader} from './html-reader.js';
import {readIndexEntry, statFiles, type ScanAnswer, type ScanChunk} from './scan.js';

let pending = Promise.resolve();

parentPort?.on('message', (message: ScanChunk | {paths: string[]}) => {
	if ('paths' in message) {
		const results = statFiles(message.paths);
		parentPort!.postMessage(results, [results.sizes.buffer as ArrayBuffer, results.mtimes.buffer as ArrayBuffer]);
		return;
	}

	// [feeds hook] a chunk with an `.html` page needs the page extractor, loaded in this worker on first need;
	// answers stay in the order the chunks came.
	pending = pending.then(async () => {
		if (message.some(([relativePath]) => isHtmlPath(relativePath))) {
			await loadHtmlReader();
		}

		answer(message);
	});
});

function answer(message: ScanChunk): void {
	const results = message.map(([relativePath, absolutePath]) => readIndexEntry(relativePath, absolutePath));
	parentPort!.postMessage({results, lines: results.map(result => 'failure' in result ? '' : serializeEntry(result))} satisfies ScanAnswer);
}
