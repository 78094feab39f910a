import test from 'ava';
import {
	findAction,
	keyBindings,
	keyLabel,
	keyNames,
	keysMarkdownTable,
	type KeyAction,
	type KeyContext,
} from '../source/core/reader/keymap.js';

test('no key is bound twice in a context, and no screen reuses a global key', t => {
	const seen = new Map<string, KeyAction>();
	for (const binding of keyBindings) {
		for (const key of binding.keys) {
			const where = `${binding.context} ${key}`;
			t.false(seen.has(where), `${where} is bound to ${seen.get(where)} and ${binding.action}`);
			seen.set(where, binding.action);
		}
	}

	for (const binding of keyBindings.filter(binding => binding.context === 'global')) {
		for (const key of binding.keys) {
			t.false(seen.has(`list ${key}`) || seen.has(`article ${key}`), `global key ${key} is reused`);
		}
	}
});

test('every binding has keys and a description, and every action is bound once per context', t => {
	const actions = new Set<string>();
	for (const binding of keyBindings) {
		t.true(binding.keys.length > 0, binding.action);
		t.regex(binding.description, /^[A-Z].{2,}[^.]$/, binding.action);
		const where = `${binding.context} ${binding.action}`;
		t.false(actions.has(where), `${where} appears twice`);
		actions.add(where);
	}
});

test('the keys the issue asks for are bound', t => {
	const expected: Array<[Exclude<KeyContext, 'global'>, string[], KeyAction]> = [
		['list', ['up', 'k'], 'up'],
		['list', ['down', 'j'], 'down'],
		['list', ['pageup'], 'page-up'],
		['list', ['pagedown'], 'page-down'],
		['list', ['g', 'home'], 'top'],
		['list', ['G', 'end'], 'bottom'],
		['list', ['enter', 'right', 'l'], 'open'],
		['list', ['r'], 'toggle-read'],
		['list', ['u'], 'toggle-unread-only'],
		['list', ['A'], 'mark-all-read'],
		['list', ['/'], 'filter'],
		['list', ['?'], 'help'],
		['list', ['q'], 'quit'],
		['article', ['up', 'k'], 'up'],
		['article', ['down', 'j'], 'down'],
		['article', ['space', 'pagedown', 'f'], 'page-down'],
		['article', ['b', 'pageup'], 'page-up'],
		['article', ['d'], 'half-page-down'],
		['article', ['u'], 'half-page-up'],
		['article', ['g', 'home'], 'top'],
		['article', ['G', 'end'], 'bottom'],
		['article', ['J'], 'next-article'],
		['article', ['K'], 'previous-article'],
		['article', ['tab'], 'next-unread'],
		['article', ['/'], 'search'],
		['article', ['n'], 'next-match'],
		['article', ['N'], 'previous-match'],
		['article', ['r'], 'toggle-read'],
		['list', ['ctrl+z'], 'suspend'],
		['article', ['o'], 'open-url'],
		['article', ['q', 'escape', 'left', 'h'], 'back'],
		['article', ['?'], 'help'],
		['list', ['ctrl+c'], 'force-quit'],
		['article', ['ctrl+c'], 'force-quit'],
	];
	for (const [context, keys, action] of expected) {
		for (const key of keys) {
			t.is(findAction(context, key), action, `${context} ${key}`);
		}
	}

	t.is(findAction('list', 'x'), undefined);
});

test('Ink key events become key names', t => {
	t.deepEqual(keyNames('', {upArrow: true}), ['up']);
	t.deepEqual(keyNames('', {pageDown: true}), ['pagedown']);
	t.deepEqual(keyNames('', {home: true}), ['home']);
	t.deepEqual(keyNames('', {return: true}), ['enter']);
	t.deepEqual(keyNames('', {escape: true, meta: true}), ['escape']);
	t.deepEqual(keyNames('', {delete: true}), ['backspace']);
	t.deepEqual(keyNames('c', {ctrl: true}), ['ctrl+c']);
	t.deepEqual(keyNames('x', {ctrl: true}), []);
	t.deepEqual(keyNames('x', {meta: true}), []);
	t.deepEqual(keyNames(' ', {}), ['space']);
	t.deepEqual(keyNames('G', {}), ['G']);
	// Keys faster than a frame arrive as one chunk: each counts.
	t.deepEqual(keyNames('jjq', {}), ['j', 'j', 'q']);
	t.deepEqual(keyNames('東京', {}), ['東', '京']);
	t.deepEqual(keyNames('a\u0001b', {}), ['a', 'b']);
});

test('key labels are for people', t => {
	t.is(keyLabel('up'), '↑');
	t.is(keyLabel('pagedown'), 'PgDn');
	t.is(keyLabel('ctrl+c'), 'Ctrl-C');
	t.is(keyLabel('G'), 'G');
});

test('the README keys table has one row per binding with every key', t => {
	const table = keysMarkdownTable();
	const lines = table.split('\n');
	t.is(lines[0], '| Where | Keys | Action |');
	t.is(lines.length, keyBindings.length + 2);
	for (const [index, binding] of keyBindings.entries()) {
		const row = lines[index + 2]!;
		t.true(row.includes(binding.description), row);
		for (const key of binding.keys) {
			t.true(row.includes(`\`${keyLabel(key)}\``), `${row} has ${key}`);
		}
	}

	t.true(table.includes('| List | `↑` `k` | Move up |'));
});
