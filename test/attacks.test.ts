import test from 'ava';
import {catalogue} from './attacks/catalogue/index.js';
import {hasTerminal} from './attacks/harness.js';
import {formatReport, reportPath, writeReport} from './attacks/report.js';
import {runCatalogue} from './attacks/run.js';
import {stopTerminals} from './attacks/terminal.js';

/*
The hostile corpus and fault harness (test/attacks/): every attack in the catalogue run against the built CLI, each
judged by the same rules (bounded time, one `inkwire:` line or success, no stack trace, no foreign control sequence
on any channel, bounded memory, config and store intact) and by its own. Large inputs are made at test time.
Three at a time: most of an attack's time is waiting on a process, a server or tmux, not using a core.
*/

test('every attack in the catalogue holds', async t => {
	// In CI tmux is installed by .ci/run: the reader attacks must run there, not be skipped.
	if (process.env['CI'] && !hasTerminal) {
		t.fail('tmux is missing in CI: the reader attacks cannot run');
	}

	t.teardown(stopTerminals);
	const started = performance.now();
	const outcomes = await runCatalogue(catalogue, 3);
	const report = formatReport(outcomes, performance.now() - started);
	writeReport(report);
	t.log(`\n${report}\n(written to ${reportPath})`);
	const failed = outcomes.filter(outcome => outcome.problems.length > 0);
	t.deepEqual(failed.map(outcome => `${outcome.attack.class}: ${outcome.attack.name}: ${outcome.problems.join('; ')}`), []);
	t.true(outcomes.filter(outcome => !outcome.isSkipped).length > 100, 'the catalogue ran');
});
