import path from 'node:path';
import fs from 'node:fs';
import {UserError} from '../core/errors.js';
import {quotePath} from '../core/text/quote-path.js';
import {scanStore, type StoreScan} from '../io/store/scan.js';
import {warn} from '../io/output.js';
import {openMarks, type Marks} from '../io/marks/marks.js';
import {resolveStorePath, type CommonFlags} from './store-path.js';

export type {CommonFlags} from './store-path.js';

/** Scan the store, failing with one clear line when it is not a readable directory. */
export async function loadStore(flags: CommonFlags, environment: NodeJS.ProcessEnv, options: {readonly onProgress?: (done: number, total: number) => void; readonly report?: boolean} = {}): Promise<StoreScan> {
	const {onProgress, report = true} = options;
	const root = resolveStorePath(flags, environment);
	let stats: fs.Stats;
	try {
		stats = fs.statSync(root);
	} catch {
		throw new UserError(`no article store at ${root} (set --data DIR or INKWIRE_DATA)`);
	}

	if (!stats.isDirectory()) {
		throw new UserError(`the article store ${root} is not a directory`);
	}

	const scan = await scanStore(root, {onProgress});
	if (report) {
		reportSkipped(scan, flags.verbose);
	}

	return scan;
}

/** At most this many files sharing an id are named without --verbose. */
const namedDuplicates = 5;

/**
Say what the scan skipped: a count by default, every file and reason with --verbose. Files that share an id with
another are named even without --verbose: one of them is hidden, and the shown one would carry the other's marks.
*/
export function reportSkipped(scan: StoreScan, verbose: boolean): void {
	if (!verbose) {
		const duplicates = scan.skipped.filter(file => file.reason.startsWith('duplicate id'));
		for (const file of duplicates.slice(0, namedDuplicates)) {
			warn(`not shown: ${quotePath(path.relative(scan.root, file.path) || file.path)}: ${file.reason}; give it an id of its own in its front matter`);
		}

		if (duplicates.length > namedDuplicates) {
			warn(`and ${duplicates.length - namedDuplicates} more files whose id another file has (--verbose names them)`);
		}
	}

	if (verbose) {
		for (const file of scan.skipped) {
			warn(`skipped ${quotePath(path.relative(scan.root, file.path) || file.path)}: ${file.reason}`);
		}

		for (const message of scan.warnings) {
			warn(message);
		}
	} else if (scan.skipped.length > 0) {
		warn(`skipped ${scan.skipped.length} unreadable file${scan.skipped.length === 1 ? '' : 's'} (--verbose says why)`);
	}
}

/** Open a store's marks and say, once, anything wrong with them (a config moved aside, marks that cannot be saved). */
export function openMarksWithWarnings(storeRoot: string): Marks {
	const marks = openMarks({storeRoot});
	for (const message of marks.warnings) {
		warn(message);
	}

	return marks;
}
