import path from 'node:path';
import {findPackage} from '../io/store/index-cache.js';

/** Flags every command shares. */
export type CommonFlags = {
	readonly data?: string;
	readonly verbose: boolean;
};

/** The store directory: `--data`, else `INKWIRE_DATA`, else the bundled `data/`. Light: the first paint needs it. */
export function resolveStorePath(flags: CommonFlags, environment: NodeJS.ProcessEnv): string {
	const chosen = flags.data ?? (environment['INKWIRE_DATA'] || undefined);
	return chosen === undefined ? path.join(findPackage().root, 'data') : path.resolve(chosen);
}
