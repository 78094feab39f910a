/**
A child process for the concurrency tests: marks `count` ids `<prefix>-<n>` read one by one in the config at `cwd`.
Usage: node --import=tsx test/helpers/mark-read.ts <cwd> <prefix> <count> [startAtEpochMs]
*/
import {openReadState} from '../../source/io/marks/read-state.js';

const [cwd = '', prefix = '', countText = '0', startText = '0'] = process.argv.slice(2);
// Wait for a common start so that the processes really overlap.
const start = Number(startText);
while (Date.now() < start) {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
}

const state = openReadState({cwd, lock: {timeoutMs: 20_000}});
for (let index = 0; index < Number(countText); index++) {
	state.setRead([`${prefix}-${index}`], true);
}

if (state.warnings.length > 0) {
	console.error(state.warnings.join('\n'));
	process.exitCode = 1;
}
