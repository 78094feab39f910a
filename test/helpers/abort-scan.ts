/**
Run as a child process by store-hostile.test.ts: scan the store in argv[2] with worker threads, abort from a timer
once some files are done, and then do nothing. The process ends by itself only if the scan ended its workers.
*/
import process from 'node:process';
import {scanStore} from '../../source/io/store/scan.js';

const [root, cacheDirectory] = process.argv.slice(2);
const controller = new AbortController();
let isArmed = false;
let last: [number, number] = [0, 0];
try {
	await scanStore(root!, {
		cacheDirectory,
		parseThreads: 3,
		signal: controller.signal,
		onProgress(done, total) {
			last = [done, total];
			if (!isArmed && done > 0 && done < total) {
				isArmed = true;
				// A timer, not a direct call: it fires only if the scan gives the event loop a turn.
				setTimeout(() => {
					controller.abort(new Error('stopped'));
				}, 0);
			}
		},
	});
	console.log('finished');
} catch (error) {
	console.log(`aborted: ${(error as Error).message} at ${last[0]} of ${last[1]}`);
}
