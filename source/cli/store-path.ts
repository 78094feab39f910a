import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {findPackage} from '../io/store/index-cache.js';

/** Flags every command shares. */
export type CommonFlags = {
	readonly data?: string;
	readonly verbose: boolean;
};

/** The user's own store, where fetched feeds and saved pages go: `$XDG_DATA_HOME/inkwire`, else `~/.local/share/inkwire`. */
export function userStorePath(environment: NodeJS.ProcessEnv): string {
	const dataHome = environment['XDG_DATA_HOME'] || path.join(os.homedir(), '.local', 'share');
	return path.join(path.resolve(dataHome), 'inkwire');
}

/** The samples that ship with inkwire (the repository's data/ folder); never written to. */
export function samplesPath(): string {
	return path.join(findPackage().root, 'data');
}

/**
The store to read, resolved in one place for every command: `--data`, else `INKWIRE_DATA`, else the user's store
once it exists (the first fetch or save creates it), else the bundled samples, so a new user sees articles at once.
Light: the first paint needs it before anything else loads.
*/
export function resolveStorePath(flags: Pick<CommonFlags, 'data'>, environment: NodeJS.ProcessEnv): string {
	const chosen = flags.data ?? (environment['INKWIRE_DATA'] || undefined);
	if (chosen !== undefined) {
		return path.resolve(chosen);
	}

	const user = userStorePath(environment);
	return isDirectory(user) ? user : samplesPath();
}

function isDirectory(candidate: string): boolean {
	try {
		return fs.statSync(candidate).isDirectory();
	} catch {
		return false;
	}
}
