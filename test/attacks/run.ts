/**
Runs the catalogue: each attack in a fresh workspace, its runs judged by the common rules (harness.ts), then what it
left behind compared with what was there before (the store, the config, the subscriptions). A few attacks at a time,
so that the whole catalogue ends in bounded time on two shared cores.
*/
import fs from 'node:fs';
import path from 'node:path';
import {hasTerminal, judgeRun, runInkwire, Workspace, type Attack, type Command, type Figure, type Outcome, type RunResult} from './harness.js';
import {startReader} from './terminal.js';

type Snapshot = {readonly store: string; readonly config: string | undefined; readonly subscriptions: string | undefined};

/** What is in the store (names, kinds, sizes; links never followed) and the config files, to compare after. */
function takeSnapshot(workspace: Workspace): Snapshot {
	const entries: string[] = [];
	const pending = [''];
	// An iterative walk with a cap: an attack's store may be deep, wide or full of loops.
	while (pending.length > 0 && entries.length < 50_000) {
		const relative = pending.pop()!;
		let names: string[];
		try {
			names = fs.readdirSync(path.join(workspace.store, relative));
		} catch {
			continue;
		}

		for (const name of names) {
			const child = path.join(relative, name);
			let stat: fs.Stats;
			try {
				stat = fs.lstatSync(path.join(workspace.store, child));
			} catch {
				continue;
			}

			entries.push(`${JSON.stringify(child)} ${stat.mode.toString(8)} ${stat.isFile() ? stat.size : ''}`);
			if (stat.isDirectory()) {
				pending.push(child);
			}
		}
	}

	const readIfThere = (file: string) => {
		try {
			const stat = fs.lstatSync(file);
			return stat.isFile() ? fs.readFileSync(file, 'utf8') : `(${stat.isSymbolicLink() ? 'link' : 'not a file'})`;
		} catch {
			return undefined;
		}
	};

	return {
		store: entries.sort().join('\n'),
		config: readIfThere(workspace.configFile),
		subscriptions: readIfThere(path.join(workspace.configDirectory, 'feeds.opml')),
	};
}

/** The rules on what an attack leaves behind: the store as it was, a config that parses, the subscriptions kept. */
function judgeAftermath(attack: Attack, before: Snapshot, after: Snapshot): string[] {
	const problems: string[] = [];
	if (!attack.writesStore && before.store !== after.store) {
		problems.push('the store was changed');
	}

	if (!attack.breaksConfig && after.config !== undefined && !after.config.startsWith('(')) {
		try {
			JSON.parse(after.config);
		} catch {
			problems.push('config.json is not valid JSON any more');
		}
	}

	if (before.subscriptions !== undefined && after.subscriptions === undefined) {
		problems.push('feeds.opml is gone');
	} else if (!attack.writesSubscriptions && !attack.breaksConfig && before.subscriptions !== after.subscriptions) {
		problems.push('feeds.opml was changed');
	}

	return problems;
}

/** The longest an attack may take in all, whatever it does: a hang in the harness itself must not stall the suite. */
const attackBoundMs = 90_000;

/** Run one attack and judge it. */
export async function runAttack(attack: Attack): Promise<Outcome> {
	if (attack.needsTerminal && !hasTerminal) {
		return {attack, problems: [], timeMs: 0, peakRssKb: undefined, worstRun: '', isSkipped: true, figures: []};
	}

	const workspace = new Workspace();
	const problems: string[] = [];
	const results: RunResult[] = [];
	const figures: Figure[] = [];
	const started = performance.now();
	try {
		await attack.setup?.(workspace);
		const before = takeSnapshot(workspace);
		const run = async (command: Command, label = attack.name) => {
			const result = await runInkwire(workspace, command, label);
			results.push(result);
			problems.push(...judgeRun(result, command));
			return result;
		};

		const scenario = (async () => {
			if (attack.command) {
				await run(typeof attack.command === 'function' ? attack.command(workspace) : attack.command);
			}

			await attack.act?.(workspace, {
				run,
				async reader(args, options) {
					return startReader(workspace, args, options);
				},
				fail(problem) {
					problems.push(problem);
				},
				figure(name, value) {
					figures.push({name, value});
				},
			});
		})();
		let timer: NodeJS.Timeout | undefined;
		const bound = new Promise<'timeout'>(resolve => {
			timer = setTimeout(() => {
				resolve('timeout');
			}, attackBoundMs);
		});
		if (await Promise.race([scenario, bound]) === 'timeout') {
			problems.push(`the attack did not end within ${attackBoundMs / 1000} s`);
		}

		clearTimeout(timer);
		const found = await attack.check?.(workspace, results);
		if (found) {
			problems.push(found);
		}

		problems.push(...judgeAftermath(attack, before, takeSnapshot(workspace)));
	} catch (error) {
		problems.push(`the harness failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
	} finally {
		await workspace.cleanup().catch(() => undefined);
	}

	const worst = results.reduce<RunResult | undefined>((most, result) => (most === undefined || (result.peakRssKb ?? 0) > (most.peakRssKb ?? 0) ? result : most), undefined);
	return {
		attack,
		problems,
		timeMs: performance.now() - started,
		peakRssKb: worst?.peakRssKb,
		worstRun: worst?.label ?? '',
		isSkipped: false,
		figures,
	};
}

/** Run the attacks, `concurrency` at a time, in the catalogue's order (heavy ones first is the caller's choice). */
export async function runCatalogue(attacks: readonly Attack[], concurrency: number, onOutcome?: (outcome: Outcome) => void): Promise<Outcome[]> {
	const outcomes: Outcome[] = Array.from({length: attacks.length});
	let next = 0;
	const worker = async () => {
		while (next < attacks.length) {
			const index = next++;
			// eslint-disable-next-line no-await-in-loop
			const outcome = await runAttack(attacks[index]!);
			outcomes[index] = outcome;
			onOutcome?.(outcome);
		}
	};

	await Promise.all(Array.from({length: Math.max(1, concurrency)}, async () => worker()));
	return outcomes;
}
