import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {isOpenableUrl} from '../source/core/text/url.js';
import {browserCommand, openInBrowser} from '../source/io/browser.js';

test('only http, https and mailto are openable', t => {
	t.true(isOpenableUrl('https://example.com/a?b=c'));
	t.true(isOpenableUrl('http://example.com'));
	t.true(isOpenableUrl('mailto:editor@example.com'));
	for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'not a url', '', 'ftp://example.com']) {
		t.false(isOpenableUrl(url), url);
	}
});

test('$BROWSER: first command, %s placeholder, the URL always one argument', t => {
	t.deepEqual(browserCommand('firefox', 'https://x'), {command: 'firefox', args: ['https://x'], needsTerminal: false});
	t.deepEqual(browserCommand('w3m -N %s:lynx', 'https://x'), {command: 'w3m', args: ['-N', 'https://x'], needsTerminal: true});
	t.deepEqual(browserCommand('chromium --new-window', 'https://x/a b;rm -rf ~'), {command: 'chromium', args: ['--new-window', 'https://x/a b;rm -rf ~'], needsTerminal: false});
	// Replacement patterns in a URL are text.
	t.deepEqual(browserCommand('firefox --url=%s', 'https://x/?a=$&b=$`c=$\'d=$$'), {command: 'firefox', args: ['--url=https://x/?a=$&b=$`c=$\'d=$$'], needsTerminal: false});
	t.true(browserCommand('/usr/bin/lynx', 'https://x')!.needsTerminal);
	t.is(browserCommand(' : ', 'https://x'), undefined);
});

test('openInBrowser refuses other schemes and never runs a shell', async t => {
	await t.throwsAsync(openInBrowser('javascript:alert(1)', {BROWSER: 'true'}), {message: /only http, https and mailto/});
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-browser-'));
	const log = path.join(directory, 'args.json');
	const script = path.join(directory, 'fake-browser.mjs');
	fs.writeFileSync(script, `#!/usr/bin/env node\nimport fs from 'node:fs';\nfs.writeFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)));\n`, {mode: 0o755});
	const url = 'https://example.com/$(touch pwned);`id`&x=1 2';
	await openInBrowser(url, {BROWSER: script, PATH: process.env['PATH']});
	for (let attempt = 0; attempt < 100 && !fs.existsSync(log); attempt++) {
		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
	}

	t.deepEqual(JSON.parse(fs.readFileSync(log, 'utf8')), [url]);
	t.false(fs.existsSync('pwned'));
});

test('a terminal browser gets the terminal and its failure is reported; a graphical one that fails at once too', async t => {
	const calls: Array<{command: string; args: readonly string[]}> = [];
	await openInBrowser('https://example.com/a', {BROWSER: 'w3m'}, async (command, args) => {
		calls.push({command, args});
		return 0;
	});
	t.deepEqual(calls, [{command: 'w3m', args: ['https://example.com/a']}]);
	await t.throwsAsync(openInBrowser('https://example.com/a', {BROWSER: 'lynx'}, async () => 1), {message: '$BROWSER (lynx) exited with status 1'});
	await t.throwsAsync(openInBrowser('https://example.com/a', {BROWSER: 'false', PATH: process.env['PATH']}), {message: '$BROWSER (false) exited with status 1'});
	await t.throwsAsync(openInBrowser('https://example.com/a', {BROWSER: 'no-such-browser-here', PATH: process.env['PATH']}), {message: /cannot start \$BROWSER \(no-such-browser-here\)/});
});
