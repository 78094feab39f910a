import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {Worker} from 'node:worker_threads';
import test from 'ava';
import {isRenderPrepared} from '../source/core/render/article.js';
import {RenderClient, type RenderAnswer} from '../source/io/render/render-client.js';
import {runRenderJob} from '../source/io/render/render-job.js';
import {loadArticle} from '../source/io/store/load-article.js';
import {fixtureStore} from './helpers/cli.js';

const settings = {color: false, hyperlinks: false};

// A stand-in worker speaking the real protocol: a job's path says how long it keeps the thread busy, or how it fails.
const fakeWorker = `
const {parentPort} = require('node:worker_threads');
parentPort.on('message', job => {
	if (job.path === 'crash') {
		throw new Error('the worker fell over');
	}

	const until = Date.now() + Number(job.path);
	while (Date.now() < until) {}
	parentPort.postMessage({type: 'done', job: job.job, result: {lines: ['rendered ' + job.id], links: [], warnings: []}});
});
parentPort.postMessage({type: 'ready'});
`;

function fakeClient(options: {timeoutMilliseconds?: number; supersedeGraceMilliseconds?: number} = {}) {
	let started = 0;
	const client = new RenderClient({
		settings,
		...options,
		startWorker() {
			started++;
			return new Worker(fakeWorker, {eval: true});
		},
	});
	return {client, started: () => started};
}

const job = (id: string, busyMilliseconds: number | string) => ({id, path: String(busyMilliseconds), width: 80});
const rendered = (id: string) => ({lines: [`rendered ${id}`], links: [], warnings: []});

test('the worker loads and renders an article of a store', async t => {
	const client = new RenderClient({settings});
	t.teardown(() => {
		client.close();
	});
	const answer = await client.render({id: 'seed', path: path.join(fixtureStore, 'world/asharq-al-awsat-2020-06-26-russia-syria-national-unity.txt'), width: 80});
	t.is(client.mode.kind, 'worker');
	t.is(answer.status, 'done');
	const lines = answer.status === 'done' ? answer.result.lines : [];
	t.true(lines.some(line => line.includes('Russia Expands its Syrian Contacts')));
	const missing = await client.render({id: 'gone', path: path.join(fixtureStore, 'no-such-file.md'), width: 80});
	t.is(missing.status, 'failed');
});

test('a newer request supersedes one still waiting at once, and one still running after the grace period', async t => {
	const {client, started} = fakeClient({supersedeGraceMilliseconds: 50});
	t.teardown(() => {
		client.close();
	});
	await client.render(job('warm', 0));
	const answers: Array<Promise<RenderAnswer>> = [client.render(job('slow', 2000)), client.render(job('waiting', 0)), client.render(job('newest', 0))];
	const [slow, waiting, newest] = await Promise.all(answers);
	t.deepEqual(slow, {status: 'superseded'});
	t.deepEqual(waiting, {status: 'superseded'});
	t.deepEqual(newest, {status: 'done', result: rendered('newest')});
	t.is(started(), 2, 'the busy worker was replaced');
});

test('a running render that ends within the grace period is kept, and its worker too', async t => {
	const {client, started} = fakeClient({supersedeGraceMilliseconds: 5000});
	t.teardown(() => {
		client.close();
	});
	await client.render(job('warm', 0));
	const [first, second] = await Promise.all([client.render(job('first', 100)), client.render(job('second', 0))]);
	t.deepEqual(first, {status: 'done', result: rendered('first')});
	t.deepEqual(second, {status: 'done', result: rendered('second')});
	t.is(started(), 1);
});

test('a render over the time limit is abandoned, and the next one gets a new worker', async t => {
	const {client, started} = fakeClient({timeoutMilliseconds: 200});
	t.teardown(() => {
		client.close();
	});
	t.deepEqual(await client.render(job('huge', 60_000)), {status: 'abandoned', seconds: 0.2});
	t.deepEqual(await client.render(job('next', 0)), {status: 'done', result: rendered('next')});
	t.is(started(), 2);
});

test('a worker that dies on a job fails that job, and a new one takes the next', async t => {
	const {client, started} = fakeClient();
	t.teardown(() => {
		client.close();
	});
	const crashed = await client.render(job('bad', 'crash'));
	t.is(crashed.status, 'failed');
	t.regex(crashed.status === 'failed' ? crashed.message : '', /the renderer stopped \(the worker fell over\)/);
	t.deepEqual(await client.render(job('next', 0)), {status: 'done', result: rendered('next')});
	t.is(started(), 2);
	t.is(client.mode.kind, 'worker');
});

test('without a worker, jobs run in this thread and the mode says why', async t => {
	for (const startWorker of [
		() => {
			throw new Error('no threads here');
		},
		() => new Worker('process.exit(3)', {eval: true}),
	]) {
		const rendered: string[] = [];
		const client = new RenderClient({
			settings,
			startWorker,
			async loadInProcess() {
				return renderJob => {
					rendered.push(renderJob.id);
					return {lines: ['in process'], links: [], warnings: []};
				};
			},
		});
		// eslint-disable-next-line no-await-in-loop
		const answer = await client.render(job('a', 0));
		t.deepEqual(answer, {status: 'done', result: {lines: ['in process'], links: [], warnings: []}});
		t.deepEqual(rendered, ['a']);
		t.is(client.mode.kind, 'in-process');
		t.regex(client.mode.kind === 'in-process' ? client.mode.reason : '', /no threads here|exit code 3/);
		client.close();
	}
});

test('a render job loads the highlighter its code names first, and shows the article once, in colour', async t => {
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-render-job-'));
	t.teardown(() => {
		fs.rmSync(directory, {recursive: true, force: true});
	});
	const file = path.join(directory, 'code.md');
	fs.writeFileSync(file, '---\ntitle: Code\n---\n\nBefore the code.\n\n```python\nprint("hello")\n```\n');
	const article = loadArticle(file, 'code');
	t.false(isRenderPrepared(article));
	const {lines, warnings} = await runRenderJob({path: file, id: 'code', width: 80}, {color: true, hyperlinks: false});
	t.true(isRenderPrepared(article));
	t.deepEqual(warnings, []);
	// Coloured code: the string literal has a style of its own, not just the code colour of the whole line.
	const code = lines.find(line => line.includes('print'))!;
	t.regex(code, /\u001B\[[\d;]+m"hello"/);
});

test('the render worker\'s job reads an .html page through the page extractor, loading it first', async t => {
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwire-render-html-'));
	const file = path.join(directory, 'page.html');
	fs.copyFileSync(path.join(fixtureStore, '..', 'feeds', 'article-page.html'), file);
	const {lines} = await runRenderJob({path: file, id: 'page', width: 80}, settings);
	t.is(lines[0], 'Old city fountains flow again');
	t.regex(lines.join('\n'), /The Test Herald/);
});
