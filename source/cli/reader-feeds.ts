import fs from 'node:fs';
import process from 'node:process';
import {describeError} from '../core/errors.js';
import type {StoreScan} from '../io/store/scan.js';
import type {FeedsService} from '../ui/services.js';
import {loadStore, type CommonFlags} from './context.js';
import {writableStorePath} from './feed-context.js';

function isSameFolder(left: string, right: string): boolean {
	try {
		return fs.realpathSync(left) === fs.realpathSync(right);
	} catch {
		return false;
	}
}

/**
The subscriptions for the reader's feeds view and its `R`: a fetch runs in this process, in the background, then the
store is scanned again so that the new articles show. The feeds modules load on first use only.
*/
export function createFeedsService(flags: CommonFlags, scan: StoreScan): FeedsService {
	let storeRoot: string | undefined;
	let storeProblem: string | undefined;
	try {
		storeRoot = writableStorePath(flags, process.env);
	} catch (error) {
		storeProblem = describeError(error);
	}

	return {
		async list() {
			const {listSubscriptions} = await import('../io/feeds/service.js');
			const {subscriptions, warnings} = listSubscriptions(process.env, storeRoot ?? scan.root);
			return {feeds: subscriptions.map(({name, folder, url, isFailed, status}) => ({name, folder, url, isFailed, status})), warnings};
		},
		async fetch(onProgress, signal) {
			if (storeRoot === undefined) {
				throw new Error(storeProblem ?? 'there is no store to fetch into');
			}

			const {runFetch} = await import('../io/feeds/service.js');
			const report = await runFetch({environment: process.env, storeRoot, onProgress, signal});
			const failures = report.results.filter(result => result.error !== undefined).map(result => `${result.name}: ${result.error}`);
			const summary = `${report.feeds} feed${report.feeds === 1 ? '' : 's'}, ${report.newArticles} new article${report.newArticles === 1 ? '' : 's'}, ${report.failed} failed`;
			if (!isSameFolder(storeRoot, scan.root)) {
				// The reader shows the samples (or another folder): the articles went to the user's store, read next time.
				return {summary: `${summary}, into ${storeRoot}: start inkwire again to read them`, failures, warnings: report.warnings};
			}

			const rescanned = await loadStore(flags, process.env, {report: false});
			return {summary, failures, warnings: report.warnings, articles: rescanned.articles};
		},
	};
}
