/**
The reader's render worker: a thread of its own that loads and renders articles, so that rendering (a 30,000-row
table takes seconds) never blocks the key handler. It warms the renderer up as soon as it starts, then answers jobs
one at a time (see render-client.ts). Its own entry point in the bundle (dist/render-worker.js).
*/
import {parentPort, workerData} from 'node:worker_threads';
import {runRenderJob, warmRenderer, type JobMessage, type RenderSettings, type WorkerMessage} from './render-job.js';

const settings = workerData as RenderSettings;
const port = parentPort!;
const post = (message: WorkerMessage) => {
	port.postMessage(message);
};

try {
	warmRenderer(settings);
} catch {
	// A warm-up that fails changes nothing: the first real job reports its own failure.
}

// One job at a time: the reader sends the next only after this one's answer.
port.on('message', async (message: JobMessage) => {
	try {
		post({type: 'done', job: message.job, result: await runRenderJob(message, settings)});
	} catch (error) {
		post({type: 'failed', job: message.job, message: error instanceof Error ? error.message : String(error)});
	}
});
post({type: 'ready'});
