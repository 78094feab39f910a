/**
The figures of a run of the catalogue, as a Markdown table for the README: per class, attacks tried, held, failed
(and skipped); the worst input by time and by peak RSS; the figures attacks measured (marks kept). Run as a script
(`node --import=tsx test/attacks/report.ts [class...]`) it runs the catalogue and prints the Markdown.
*/
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {canMeasureRss, type AttackClass, type Outcome} from './harness.js';

const classes: readonly AttackClass[] = ['injection', 'crash', 'memory', 'hang', 'data loss', 'quiet defect'];

function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}

function megabytes(kb: number | undefined): string {
	return kb === undefined ? 'n/a' : `${Math.round(kb / 1024)} MB`;
}

/** The report as Markdown. */
export function formatReport(outcomes: readonly Outcome[], totalMs: number): string {
	const lines = ['| class | tried | held | failed | skipped |', '|---|---:|---:|---:|---:|'];
	let tried = 0;
	let held = 0;
	let skipped = 0;
	let listed = 0;
	for (const name of classes) {
		const ofClass = outcomes.filter(outcome => outcome.attack.class === name);
		const run = ofClass.filter(outcome => !outcome.isSkipped);
		const ok = run.filter(outcome => outcome.problems.length === 0).length;
		tried += run.length;
		held += ok;
		skipped += ofClass.length - run.length;
		listed += ofClass.filter(outcome => outcome.attack.isListed).length;
		lines.push(`| ${name} | ${run.length} | ${ok} | ${run.length - ok} | ${ofClass.length - run.length} |`);
	}

	lines.push(`| **all** | **${tried}** | **${held}** | **${tried - held}** | **${skipped}** |`, '');
	const ran = outcomes.filter(outcome => !outcome.isSkipped);
	const slowest = ran.reduce<Outcome | undefined>((most, outcome) => (most === undefined || outcome.timeMs > most.timeMs ? outcome : most), undefined);
	const largest = ran.reduce<Outcome | undefined>((most, outcome) => (most === undefined || (outcome.peakRssKb ?? 0) > (most.peakRssKb ?? 0) ? outcome : most), undefined);
	lines.push(`${listed} of the attacks are the cases listed in issue 14; the rest are variants of their classes.`, '');
	if (slowest) {
		lines.push(`- Slowest attack: ${slowest.attack.name} (${seconds(slowest.timeMs)} in all, every run of it included).`);
	}

	if (largest && canMeasureRss) {
		lines.push(`- Largest peak RSS: ${largest.attack.name}, run "${largest.worstRun}" (${megabytes(largest.peakRssKb)}).`);
	} else {
		lines.push('- Peak RSS: not measured (GNU time, /usr/bin/time, is not installed).');
	}

	for (const outcome of ran) {
		for (const figure of outcome.figures) {
			lines.push(`- ${figure.name}: ${figure.value}.`);
		}
	}

	lines.push(`- The whole catalogue: ${seconds(totalMs)} of wall time.`);
	const failed = ran.filter(outcome => outcome.problems.length > 0);
	if (failed.length > 0) {
		lines.push('', 'Did not hold:', '');
		for (const outcome of failed) {
			lines.push(`- ${outcome.attack.class}: ${outcome.attack.name}: ${outcome.problems.slice(0, 3).join('; ').replaceAll('\n', ' ').slice(0, 400)}`);
		}
	}

	return `${lines.join('\n')}\n`;
}

/** Where the last report is written, for pasting into the README. */
export const reportPath = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'results', 'attacks.md');

/** Write the report next to the benchmark's results. */
export function writeReport(markdown: string): void {
	fs.mkdirSync(path.dirname(reportPath), {recursive: true});
	fs.writeFileSync(reportPath, markdown);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	const {catalogue} = await import('./catalogue/index.js');
	const {runCatalogue} = await import('./run.js');
	const {stopTerminals} = await import('./terminal.js');
	const wanted = process.argv.slice(2);
	const attacks = wanted.length === 0 ? catalogue : catalogue.filter(attack => wanted.some(word => attack.class === word || attack.name.includes(word)));
	const started = performance.now();
	const outcomes = await runCatalogue(attacks, 2, outcome => {
		process.stderr.write(`${outcome.problems.length === 0 ? (outcome.isSkipped ? 'skip' : 'held') : 'FAIL'} ${seconds(outcome.timeMs)} ${outcome.attack.name}\n`);
	});
	stopTerminals();
	const markdown = formatReport(outcomes, performance.now() - started);
	process.stdout.write(markdown);
}
