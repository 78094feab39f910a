import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** `$XDG_CONFIG_HOME/inkwire`, else `~/.config/inkwire`, on macOS too (a terminal tool's users look there). */
export function defaultConfigDirectory(): string {
	const base = process.env['XDG_CONFIG_HOME'] || path.join(os.homedir(), '.config');
	return path.join(base, 'inkwire');
}

/** config.json in a config directory: where conf keeps it with `projectSuffix: ''`. */
export function configPathIn(directory: string): string {
	return path.join(directory, 'config.json');
}

/**
The identity marks are kept under: the store's real path, so that `--data ./news`, `--data ~/news` and a symlink to
it share their marks, and two stores that both hold an `a.md` do not. A store that does not exist (yet) is known by its
absolute path. Moving a store elsewhere leaves its marks under the old path.
*/
export function storeKeyOf(storeRoot: string): string {
	try {
		return fs.realpathSync(storeRoot);
	} catch {
		return path.resolve(storeRoot);
	}
}
