/*
Runs the built CLI once per job inside this one process, so that hundreds of `inkwire show` runs take seconds instead
of minutes. Each job imports dist/cli.js again under a new URL: its top-level code (argument parsing and dispatch) runs
afresh, exactly as `node dist/cli.js ARGS` would run it, while the chunks it imports (the renderer, the store) are the
same built files, loaded once. stdout and stderr are captured per job; the exit status is process.exitCode.

Usage: node cli-batch-runner.mjs DIST_CLI JOBS.json RESULTS.json, where JOBS.json is [{args, env}] (env values of
null unset a variable) and RESULTS.json receives [{stdout, stderr, status}].
*/
import fs from 'node:fs';
import process from 'node:process';
import {pathToFileURL} from 'node:url';

const [cliPath, jobsPath, resultsPath] = process.argv.slice(2);
const cliUrl = pathToFileURL(cliPath).href;
const jobs = JSON.parse(fs.readFileSync(jobsPath, 'utf8'));
const results = [];
const streams = {stdout: process.stdout, stderr: process.stderr};
const realWrites = {stdout: process.stdout.write, stderr: process.stderr.write};
const baseEnvironment = {...process.env};

function capture(name, sink) {
	streams[name].write = (chunk, encoding, callback) => {
		sink.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
		const done = typeof encoding === 'function' ? encoding : callback;
		if (done) {
			setImmediate(done);
		}

		return true;
	};
}

for (const [index, job] of jobs.entries()) {
	const out = [];
	const error = [];
	for (const key of Object.keys(process.env)) {
		delete process.env[key];
	}

	Object.assign(process.env, baseEnvironment);
	for (const [key, value] of Object.entries(job.env ?? {})) {
		if (value === null) {
			delete process.env[key];
		} else {
			process.env[key] = value;
		}
	}

	process.argv = [process.argv[0], cliPath, ...job.args];
	process.exitCode = undefined;
	capture('stdout', out);
	capture('stderr', error);
	try {
		await import(`${cliUrl}?job=${index}`);
	} finally {
		process.stdout.write = realWrites.stdout;
		process.stderr.write = realWrites.stderr;
	}

	results.push({stdout: out.join(''), stderr: error.join(''), status: process.exitCode ?? 0});
}

process.exitCode = 0;
fs.writeFileSync(resultsPath, JSON.stringify(results));
