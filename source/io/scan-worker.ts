/**
A worker thread of the store scan: reads and parses the files of each chunk it is sent and answers with their index
entries, in order (see parseJobs in store.ts). It is its own entry point in the bundle (dist/io/scan-worker.js).
*/
import {parentPort} from 'node:worker_threads';
import {readIndexEntry, type ScanChunk, type ScanResults} from './store.js';

parentPort?.on('message', (chunk: ScanChunk) => {
	const results: ScanResults = chunk.map(([relativePath, absolutePath]) => readIndexEntry(relativePath, absolutePath));
	parentPort!.postMessage(results);
});
