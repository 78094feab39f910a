import process from 'node:process';
import {UserError} from '../core/errors.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import type {FeedReport} from '../io/feeds/fetch-feeds.js';
import {runFetch} from '../io/feeds/service.js';
import {warn, writeOut} from '../io/output.js';
import {plural, progressLine, writableStorePath} from './feed-context.js';
import type {CommonFlags} from './store-path.js';

/**
`inkwire fetch [NAME...] [--json]`: every subscription (or those named) into the store. Each failure is one line on
stderr as it happens; a terminal shows progress; the summary (or, with --json, the report) goes to stdout. Exit 1
when any feed failed.
*/
export async function runFetchCommand(args: readonly string[], flags: CommonFlags & {readonly json?: boolean; readonly timeout?: string}): Promise<number> {
	const timeoutSeconds = flags.timeout === undefined ? 30 : Number(flags.timeout);
	if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > 3600) {
		throw new UserError('--timeout takes a number of seconds between 0 and 3600', 2);
	}

	const storeRoot = writableStorePath(flags, process.env);
	const progress = progressLine();
	const controller = new AbortController();
	const onSignal = () => {
		controller.abort();
	};

	process.once('SIGINT', onSignal);
	const onFeed = (report: FeedReport) => {
		progress.done();
		if (report.status === 'failed') {
			warn(`fetch ${report.name}: ${report.error ?? 'failed'}`);
		}

		if (report.warnings.length > 0) {
			if (flags.verbose) {
				for (const message of report.warnings) {
					warn(`fetch ${report.name}: ${message}`);
				}
			} else {
				warn(`fetch ${report.name}: ${plural(report.warnings.length, 'warning')} (--verbose lists them)`);
			}
		}

		if (report.movedTo !== undefined) {
			warn(`fetch ${report.name}: moved permanently to ${report.movedTo}; subscription updated`);
		}
	};

	try {
		const report = await runFetch({
			environment: process.env,
			storeRoot,
			names: args,
			signal: controller.signal,
			timeoutMs: timeoutSeconds * 1000,
			onFeed,
			onProgress({done, total, newArticles}) {
				progress.update(`fetching ${done}/${total} feeds, ${plural(newArticles, 'new article')}`);
			},
		});
		progress.done();
		for (const message of report.warnings) {
			warn(message);
		}

		if (flags.json) {
			// Names, reasons and warnings quote servers and feeds: every string is sanitised, as on stderr.
			await writeOut(`${JSON.stringify(report, (_key, value: unknown) => typeof value === 'string' ? sanitizeLine(value) : value, 2)}\n`);
		} else {
			const updated = report.updatedArticles > 0 ? `, ${report.updatedArticles} updated` : '';
			await writeOut(`${sanitizeLine(`${plural(report.feeds, 'feed')}, ${plural(report.newArticles, 'new article')}${updated}, ${report.failed} failed`)}\n`);
		}

		return report.failed > 0 ? 1 : 0;
	} finally {
		progress.done();
		process.off('SIGINT', onSignal);
	}
}
