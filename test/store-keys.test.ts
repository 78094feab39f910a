import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {readStoredKeys, takenNames} from '../source/io/feeds/store-keys.js';

test('the keys of a feed folder come from its regular files only: a FIFO named like an article is passed over, not waited on', t => {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-keys-'));
	const folder = path.join(root, 'harbour');
	fs.mkdirSync(folder);
	fs.writeFileSync(path.join(folder, '2026-01-01-ferry.md'), '---\ntitle: Ferry\nguid: urn:ferry\nurl: https://example.com/ferry\n---\n\nBody.\n');
	t.is(spawnSync('mkfifo', [path.join(folder, '2026-01-02-trap.md')]).status, 0);
	const keys = readStoredKeys(root, 'harbour', takenNames(folder));
	t.true([...keys.values()].every(file => file === 'harbour/2026-01-01-ferry.md'));
	t.true(keys.size > 0);
});
