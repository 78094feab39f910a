/**
The reader's side of the render worker (render-worker.ts): one worker thread, started and warmed right after the first
screen, so that opening an article never blocks keys and the first open does not wait for the renderer to load.

- One job at a time. A newer request supersedes an older one: one still waiting is dropped at once; one already
  running is given a moment to finish (most take milliseconds), then its worker is ended and a fresh one started.
- A job that runs longer than the time limit is abandoned: the worker is ended (a render cannot be interrupted any
  other way) and replaced, and the job answers so, for the reader to say in the article.
- If no worker can be started, jobs run in this thread (`mode` says so, for the status line).
*/
import fs from 'node:fs';
import {Worker} from 'node:worker_threads';
import type {JobMessage, RenderJob, RenderOutput, RenderSettings, WorkerMessage} from './render-job.js';

/** The answer to one request. */
export type RenderAnswer =
	| {readonly status: 'done'; readonly result: RenderOutput}
	/** The file could not be read or parsed, or the worker died on it: `message` says why. */
	| {readonly status: 'failed'; readonly message: string}
	/** Longer than the time limit: given up. */
	| {readonly status: 'abandoned'; readonly seconds: number}
	/** A newer request took its place before it was done. */
	| {readonly status: 'superseded'};

/** Where jobs run: in the worker, or in this thread because the worker could not start (with the reason). */
export type RenderMode = {readonly kind: 'worker'} | {readonly kind: 'in-process'; readonly reason: string};

export type RenderClientOptions = {
	readonly settings: RenderSettings;
	/** Longest a render may take before it is abandoned. */
	readonly timeoutMilliseconds?: number;
	/** How long a superseded render may go on before its worker is ended. */
	readonly supersedeGraceMilliseconds?: number;
	/** Starts a worker; by default dist/render-worker.js (or the source under tsx). Throwing means "no worker". */
	readonly startWorker?: (settings: RenderSettings) => Worker;
	/** Renders in this thread, for when no worker starts; loaded only then. */
	readonly loadInProcess?: () => Promise<InProcessRender>;
};

/** A render in this thread, for when no worker starts. */
type InProcessRender = (job: RenderJob, settings: RenderSettings) => Promise<RenderOutput> | RenderOutput;

type Request = {
	readonly id: number;
	readonly job: RenderJob;
	readonly resolve: (answer: RenderAnswer) => void;
};

type Running = Request & {timer: NodeJS.Timeout; graceTimer?: NodeJS.Timeout};

const defaultTimeout = 5000;
const defaultGrace = 150;
// A render that needs more than this much heap ends its worker, not the reader. A small young generation keeps the
// idle worker's memory down (about 9 MB less after a 5,000-line article) at no measurable cost to a render.
const workerLimits = {maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 4};

/** The worker's entry point: next to the bundle's chunks in dist/, or the TypeScript source under tsx (tests). */
function startDefaultWorker(settings: RenderSettings): Worker {
	const options = {workerData: settings, resourceLimits: workerLimits};
	if (import.meta.url.endsWith('.ts')) {
		// Node 20 workers do not inherit tsx's loader: a small bootstrap registers it before importing the source.
		const target = new URL('render-worker.ts', import.meta.url).href;
		const tsx = import.meta.resolve('tsx/esm/api');
		return new Worker(`import(${JSON.stringify(tsx)}).then(api => { api.register(); return import(${JSON.stringify(target)}); });`, {...options, eval: true});
	}

	for (const candidate of ['./render-worker.js', '../render-worker.js']) {
		const url = new URL(candidate, import.meta.url);
		if (fs.existsSync(url)) {
			return new Worker(url, options);
		}
	}

	throw new Error('dist/render-worker.js is missing');
}

async function loadDefaultInProcess(): Promise<InProcessRender> {
	const {runRenderJob} = await import('./render-job.js');
	return runRenderJob;
}

function describe(error: unknown): string {
	return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

export class RenderClient {
	readonly #options: Required<Omit<RenderClientOptions, 'settings'>> & {settings: RenderSettings};
	#worker: Worker | undefined;
	#isReady = false;
	#mode: RenderMode = {kind: 'worker'};
	#running: Running | undefined;
	#waiting: Request | undefined;
	#nextId = 1;
	#isClosed = false;
	#inProcess: Promise<InProcessRender> | undefined;

	/** Starts the worker at once: it loads and warms the renderer while the reader starts. */
	constructor(options: RenderClientOptions) {
		this.#options = {
			timeoutMilliseconds: defaultTimeout,
			supersedeGraceMilliseconds: defaultGrace,
			startWorker: startDefaultWorker,
			loadInProcess: loadDefaultInProcess,
			...options,
		};
		this.#spawn();
	}

	/** How every article is rendered in this session. */
	get settings(): RenderSettings {
		return this.#options.settings;
	}

	/** Where jobs run now. */
	get mode(): RenderMode {
		return this.#mode;
	}

	/** Load and render an article. A later call supersedes this one if it is not done by then. */
	async render(job: RenderJob): Promise<RenderAnswer> {
		return new Promise(resolve => {
			const request: Request = {id: this.#nextId++, job, resolve};
			if (this.#isClosed) {
				resolve({status: 'superseded'});
				return;
			}

			this.#waiting?.resolve({status: 'superseded'});
			this.#waiting = request;
			if (this.#running && !this.#running.graceTimer) {
				const running = this.#running;
				running.graceTimer = setTimeout(() => {
					if (this.#running === running) {
						this.#finish({status: 'superseded'});
						this.#replaceWorker();
					}
				}, this.#options.supersedeGraceMilliseconds);
			}

			this.#dispatch();
		});
	}

	/** End the worker; requests not done answer `superseded`. */
	close(): void {
		this.#isClosed = true;
		this.#waiting?.resolve({status: 'superseded'});
		this.#waiting = undefined;
		this.#finish({status: 'superseded'});
		void this.#worker?.terminate();
		this.#worker = undefined;
	}

	#spawn(): void {
		let worker: Worker;
		try {
			worker = this.#options.startWorker(this.#options.settings);
		} catch (error) {
			this.#fallBack(describe(error));
			return;
		}

		this.#worker = worker;
		this.#isReady = false;
		// The worker must not keep the process alive once the reader has quit.
		worker.unref();
		worker.on('message', (message: WorkerMessage) => {
			if (this.#worker !== worker) {
				return;
			}

			if (message.type === 'ready') {
				this.#isReady = true;
				this.#dispatch();
			} else if (this.#running?.id === message.job) {
				this.#finish(message.type === 'done' ? {status: 'done', result: message.result} : {status: 'failed', message: message.message});
				this.#dispatch();
			}
		});
		const onEnd = (why: string) => {
			if (this.#worker !== worker) {
				return;
			}

			this.#worker = undefined;
			if (!this.#isReady) {
				// It never came up: it will not next time either.
				this.#fallBack(why);
				return;
			}

			this.#finish({status: 'failed', message: `the renderer stopped (${why})`});
			this.#spawn();
		};

		worker.on('error', error => {
			onEnd(describe(error));
		});
		worker.on('exit', code => {
			onEnd(`exit code ${code}`);
		});
	}

	#replaceWorker(): void {
		const old = this.#worker;
		this.#worker = undefined;
		void old?.terminate();
		if (!this.#isClosed) {
			this.#spawn();
		}
	}

	#fallBack(reason: string): void {
		this.#mode = {kind: 'in-process', reason};
		this.#worker = undefined;
		this.#inProcess ??= this.#options.loadInProcess();
		// A job that was running when the worker went away is done again here.
		if (this.#running) {
			const {id, job, resolve, timer} = this.#running;
			clearTimeout(timer);
			this.#running = undefined;
			this.#waiting ??= {id, job, resolve};
		}

		this.#dispatch();
	}

	#finish(answer: RenderAnswer): void {
		const running = this.#running;
		if (!running) {
			return;
		}

		clearTimeout(running.timer);
		clearTimeout(running.graceTimer);
		this.#running = undefined;
		running.resolve(answer);
	}

	#dispatch(): void {
		if (this.#running || !this.#waiting || this.#isClosed) {
			return;
		}

		if (this.#mode.kind === 'in-process') {
			const request = this.#waiting;
			this.#waiting = undefined;
			void this.#runInProcess(request);
			return;
		}

		if (!this.#worker || !this.#isReady) {
			return;
		}

		const request = this.#waiting;
		this.#waiting = undefined;
		const seconds = this.#options.timeoutMilliseconds / 1000;
		const timer = setTimeout(() => {
			if (this.#running?.id === request.id) {
				this.#finish({status: 'abandoned', seconds});
				this.#replaceWorker();
			}
		}, this.#options.timeoutMilliseconds);
		this.#running = {...request, timer};
		const message: JobMessage = {...request.job, job: request.id};
		this.#worker.postMessage(message);
	}

	async #runInProcess(request: Request): Promise<void> {
		try {
			const render = await this.#inProcess!;
			request.resolve({status: 'done', result: await render(request.job, this.#options.settings)});
		} catch (error) {
			request.resolve({status: 'failed', message: describe(error)});
		}
	}
}
