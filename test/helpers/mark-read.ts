/**
A child process for the concurrency and kill -9 tests: marks `count` ids `<prefix>-<n>` read one by one in the config
at `configDirectory`, each saved before the next (flush), and prints each id once it is on disk.
Usage: node --import=tsx test/helpers/mark-read.ts <configDirectory> <storeRoot> <prefix> <count> [startAtEpochMs]
*/
import {openMarks} from '../../source/io/marks/marks.js';

const [configDirectory = '', storeRoot = '', prefix = '', countText = '0', startText = '0'] = process.argv.slice(2);
// Wait for a common start so that the processes really overlap.
const start = Number(startText);
while (Date.now() < start) {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
}

const marks = openMarks({storeRoot, configDirectory, lock: {timeoutMs: 20_000}});
for (let index = 0; index < Number(countText); index++) {
	marks.setRead([`${prefix}-${index}`], true);
	if (marks.flush()) {
		process.stdout.write(`${prefix}-${index}\n`);
	}
}

if (marks.warnings.length > 0) {
	console.error(marks.warnings.join('\n'));
	process.exitCode = 1;
}
