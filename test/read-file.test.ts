import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {PassThrough, Readable} from 'node:stream';
import test from 'ava';
import {readArticleStream} from '../source/io/store/load-article.js';
import {maxArticleBytes, readRegularFile, readStream} from '../source/io/store/read-file.js';

test('a device is refused after a non-blocking open, never read', t => {
	t.deepEqual(readRegularFile('/dev/zero', {maxBytes: 100}), {failure: 'not a regular file (a device)', isContentProblem: false});
	t.deepEqual(readRegularFile('/', {maxBytes: 100}), {failure: 'not a regular file (a folder)', isContentProblem: false});
	t.deepEqual(readRegularFile('/nonexistent/file.md', {maxBytes: 100, whenMissing: 'no such file'}), {failure: 'no such file', isContentProblem: false, code: 'ENOENT'});
});

test('a file over the limit is a content problem; with isPrefix its head is read', t => {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-read-')), 'big.md');
	fs.writeFileSync(file, 'x'.repeat(1000));
	const refused = readRegularFile(file, {maxBytes: 999});
	t.like(refused, {failure: 'larger than 999 bytes', isContentProblem: true, size: 1000});
	const head = readRegularFile(file, {maxBytes: 10, isPrefix: true});
	t.is('bytes' in head ? head.bytes.toString() : '', 'x'.repeat(10));
	const whole = readRegularFile(file, {maxBytes: 1000});
	t.is('bytes' in whole ? whole.bytes.length : 0, 1000);
});

test('bytes not read into the shared buffer stay the caller\'s when other files are read', t => {
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-read-'));
	fs.writeFileSync(path.join(directory, 'a.md'), 'first file');
	fs.writeFileSync(path.join(directory, 'b.md'), 'second');
	const own = readRegularFile(path.join(directory, 'a.md'), {maxBytes: 100});
	readRegularFile(path.join(directory, 'a.md'), {maxBytes: 100, isShared: true});
	const shared = readRegularFile(path.join(directory, 'b.md'), {maxBytes: 100, isShared: true});
	t.is('bytes' in own ? own.bytes.toString() : '', 'first file');
	t.is('bytes' in shared ? shared.bytes.toString() : '', 'second');
});

test('a stream is read to its end however slowly it comes, and refused past the limit without keeping it all', async t => {
	const slow = new PassThrough();
	setTimeout(() => {
		slow.end('# Late\n\nBody.\n');
	}, 50);
	t.is(await readArticleStream(slow, 'show -: stdin'), '# Late\n\nBody.\n');

	let produced = 0;
	const endless = new Readable({
		read() {
			produced += 64 * 1024;
			this.push(Buffer.alloc(64 * 1024, 0x61));
		},
	});
	await t.throwsAsync(readStream(endless, maxArticleBytes), {message: 'larger than 5 MB'});
	t.true(produced < maxArticleBytes * 2);
	await t.throwsAsync(readArticleStream(Readable.from([Buffer.alloc(maxArticleBytes + 1, 0x61)]), 'show -: stdin'), {name: 'UserError', message: 'show -: stdin: larger than 5 MB'});
	await t.throwsAsync(readArticleStream(Readable.from([]), 'show -: stdin'), {message: 'show -: stdin: nothing to read'});
	t.is(await readArticleStream(Readable.from([Buffer.from('\uFEFF# BOM\n')]), 'x'), '# BOM\n');
});
