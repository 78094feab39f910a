import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {ReadLookup} from '../../core/store/library.js';
import {ReadSet, readSetVersion} from '../../core/marks/read-set.js';

/** `$XDG_CONFIG_HOME/inkwire`, else `~/.config/inkwire`, on macOS too (a terminal tool's users look there). */
export function defaultConfigDirectory(): string {
	const base = process.env['XDG_CONFIG_HOME'] || path.join(os.homedir(), '.config');
	return path.join(base, 'inkwire');
}

/**
The read marks straight from config.json, for painting the first screen before conf (and its schema compiler) has
loaded. Read-only and forgiving: anything unexpected gives undefined, and the real read state (io/settings.ts, through
conf) deals with it a moment later, moving a damaged file aside and saying so.
*/
export function peekReadMarks(configDirectory: string): ReadLookup | undefined {
	try {
		const store = JSON.parse(fs.readFileSync(path.join(configDirectory, 'config.json'), 'utf8')) as {read?: {version?: unknown; hashes?: unknown}};
		const read = store.read;
		if (read === undefined) {
			return {isRead: () => false};
		}

		if (read.version !== readSetVersion || typeof read.hashes !== 'string') {
			return undefined;
		}

		const set = ReadSet.decode(Buffer.from(read.hashes, 'base64'));
		return {isRead: id => set.has(id)};
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ENOENT' ? {isRead: () => false} : undefined;
	}
}
