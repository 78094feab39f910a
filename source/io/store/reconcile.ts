/**
What a scan makes of the walk and the index: first `matchIndex` decides, file by file, whether the index entry still
holds (same size and mtime) or the file must be read; then, once those files are parsed, `assemble` puts it all in
path order, drops duplicate ids, sorts the articles newest first and says why every file left out is left out.
Changed files are always read again: an entry is used only when its file's size and mtime are exactly the same.
*/
import type {ArticleMeta} from '../../core/article/article.js';
import type {IndexEntry, LocatedMeta} from '../../core/store/index-entry.js';
import type {ParsedIndex} from '../../core/store/index-format.js';
import {compareNewestFirst} from '../../core/store/library.js';
import {Pacer} from './pace.js';
import type {ParseResult} from './parse-task.js';
import {fileOf, statFile, type ScanItem} from './scan-tasks.js';
import {sortInSlices} from './sort-in-slices.js';
import type {SkippedFile} from './walk.js';

/** Sizes and mtimes of every file by position, stat'ed by the pool; failures by position. */
export type StatTable = {readonly sizes: Float64Array; readonly mtimes: Float64Array; readonly failures: Map<number, string>};

/** Which files the index still describes, and which must be read. */
export type Matched = {
	/** In path order: an entry from the index, or the number of the job that reads the file. */
	readonly slots: Array<IndexEntry | number>;
	/** The files to read. */
	readonly jobs: ScanItem[];
	/** Per job: whether the index had an (outdated) entry for the file. */
	readonly isJobKnown: boolean[];
	readonly skipped: SkippedFile[];
	/** Whether the index already differs from what this scan will find. */
	readonly changed: boolean;
};

export type MatchOptions = {
	readonly prefix: string;
	readonly signal: AbortSignal;
	readonly onParse: ((relativePath: string) => void) | undefined;
	readonly onProgress: ((done: number, total: number) => void) | undefined;
};

/** An index and its entries by relative path. */
export type IndexByPath = {readonly parsed: ParsedIndex; readonly byPath: Map<string, IndexEntry>};

/** Key an index's entries by path, giving the event loop a turn as it goes. */
export async function indexByPath(parsed: ParsedIndex, signal: AbortSignal): Promise<IndexByPath> {
	const pacer = new Pacer(signal);
	const byPath = new Map<string, IndexEntry>();
	for (const entry of parsed.entries) {
		byPath.set(entry.relativePath, entry);
		if (pacer.isDue()) {
			// eslint-disable-next-line no-await-in-loop
			await pacer.yield();
		}
	}

	return {parsed, byPath};
}

/**
Check every file against the index. With `stats` (from the pool) the checks are lookups; without, only the files the
index knows are stat'ed, here: the others are read anyway, and the reader takes their size and mtime from the open
file (one path lookup fewer per file on a first start).
*/
export async function matchIndex(items: readonly ScanItem[], index: IndexByPath | undefined, stats: StatTable | undefined, options: MatchOptions): Promise<Matched> {
	const {prefix, signal, onParse, onProgress} = options;
	const pacer = new Pacer(signal);
	const known = index?.byPath ?? new Map<string, IndexEntry>();

	const slots: Array<IndexEntry | number> = [];
	const jobs: ScanItem[] = [];
	const isJobKnown: boolean[] = [];
	const skipped: SkippedFile[] = [];
	let changed = !index || index.parsed.invalid > 0;
	const hasFailures = stats !== undefined && stats.failures.size > 0;
	// An index loop, no object per file: at 100,000 files this loop is a visible part of a warm start.
	for (let position = 0; position < items.length; position++) {
		if (position % 512 === 0) {
			onProgress?.(position - jobs.length, items.length);
		}

		if (pacer.isDue()) {
			// eslint-disable-next-line no-await-in-loop
			await pacer.yield();
		}

		const item = items[position]!;
		const relativePath = typeof item === 'string' ? item : item[0];
		const cached = known.get(relativePath);
		if (cached && cached.rawRelativePath === (typeof item === 'string' ? undefined : item[1])) {
			let failure: string | undefined;
			let size = Number.NaN;
			let mtimeMs = Number.NaN;
			if (stats) {
				failure = hasFailures ? stats.failures.get(position) : undefined;
				size = stats.sizes[position]!;
				mtimeMs = stats.mtimes[position]!;
			} else {
				const checked = statFile(fileOf(item, prefix));
				if ('failure' in checked) {
					failure = checked.failure;
				} else {
					({size, mtimeMs} = checked);
				}
			}

			if (failure !== undefined) {
				changed = true;
				skipped.push({path: prefix + relativePath, reason: failure});
				continue;
			}

			if (cached.size === size && cached.mtimeMs === mtimeMs) {
				slots.push(cached);
				continue;
			}
		}

		onParse?.(relativePath);
		slots.push(jobs.length);
		isJobKnown.push(cached !== undefined);
		jobs.push(item);
	}

	return {slots, jobs, isJobKnown, skipped, changed};
}

/** A scan's outcome, before the index is written. */
export type Assembled = {
	/** Newest first. */
	readonly articles: LocatedMeta[];
	/** Every entry for the index: the articles shown first, newest first. */
	readonly entries: IndexEntry[];
	/** How many of `entries` are the articles shown. */
	readonly shownCount: number;
	readonly skipped: SkippedFile[];
	readonly warnings: string[];
	/** Whether the index must be written again. */
	readonly changed: boolean;
};

/**
Put the index's entries and the parsed files together. `parsed` holds a result for each of `matched.jobs`. Gives the
event loop a turn as it goes; rejects with the signal's reason when aborted.
*/
export async function assemble(matched: Matched, parsed: readonly ParseResult[], index: ParsedIndex | undefined, options: {readonly prefix: string; readonly signal: AbortSignal}): Promise<Assembled> {
	const {prefix} = options;
	const pacer = new Pacer(options.signal);
	const {slots, jobs, isJobKnown, skipped} = matched;
	let {changed} = matched;
	const warnings: string[] = [];
	if (index && index.invalid > 0) {
		warnings.push(`index cache: ${index.invalid} ${index.invalid === 1 ? 'entry' : 'entries'} did not check out and were read again`);
	}

	const entries: IndexEntry[] = [];
	for (const slot of slots) {
		if (pacer.isDue()) {
			// eslint-disable-next-line no-await-in-loop
			await pacer.yield();
		}

		if (typeof slot !== 'number') {
			entries.push(slot);
			continue;
		}

		const result = parsed[slot]!;
		if ('failure' in result) {
			// Not cached (it may be readable next time), so the index changes only if it knew this file.
			changed ||= isJobKnown[slot]!;
			const job = jobs[slot]!;
			skipped.push({path: prefix + (typeof job === 'string' ? job : job[0]), reason: result.failure});
		} else {
			changed = true;
			entries.push(result);
		}
	}

	// Removed files leave fewer entries than the index had.
	changed ||= entries.length !== index?.entries.length;
	// Every file matched its entry and none went away: the index's own order (newest first) is still right.
	const {shown, rest} = changed || !index ? await arrange(entries, pacer) : {shown: index.entries.slice(0, index.header.articles), rest: index.entries.slice(index.header.articles)};
	const articles: LocatedMeta[] = [];
	for (const entry of shown) {
		if ('article' in entry) {
			articles.push(entry.article);
		}
	}

	reportRest(rest, articles, prefix, skipped);
	for (const entry of entries) {
		if ('warnings' in entry && entry.warnings.length > 0) {
			for (const warning of entry.warnings) {
				warnings.push(`${entry.relativePath}: ${warning}`);
			}
		}
	}

	const shownCount = shown.length;
	for (const entry of rest) {
		shown.push(entry);
	}

	return {articles, entries: shown, shownCount, skipped, warnings, changed};
}

/** Say why each entry not shown is not: a cached skip reason, or the duplicate id and which file kept it. */
function reportRest(rest: readonly IndexEntry[], articles: readonly LocatedMeta[], prefix: string, skipped: SkippedFile[]): void {
	// Which file kept each id, for the duplicates' reasons; built only when there are duplicates.
	let shownIds: Map<string, string> | undefined;
	for (const entry of rest) {
		if ('skipReason' in entry) {
			skipped.push({path: prefix + entry.relativePath, reason: entry.skipReason});
		} else {
			shownIds ??= new Map(articles.map(article => [article.id, article.path]));
			const keeper = shownIds.get(entry.article.id);
			skipped.push({path: entry.article.path, reason: `duplicate id${keeper ? ` (kept ${keeper.slice(prefix.length)})` : ''}`});
		}
	}
}

/**
Deduplicate by id (the first by path order wins; `entries` are in path order) and sort the kept articles newest first.
Returns the articles shown, then everything else (duplicates and cached skips) for the index.
*/
async function arrange(entries: readonly IndexEntry[], pacer: Pacer): Promise<{shown: IndexEntry[]; rest: IndexEntry[]}> {
	const shown: IndexEntry[] = [];
	const rest: IndexEntry[] = [];
	const seen = new Set<string>();
	for (const entry of entries) {
		if (pacer.isDue()) {
			// eslint-disable-next-line no-await-in-loop
			await pacer.yield();
		}

		if ('skipReason' in entry || seen.has(entry.article.id)) {
			rest.push(entry);
		} else {
			seen.add(entry.article.id);
			shown.push(entry);
		}
	}

	await sortInSlices(shown, (left, right) => compareNewestFirst((left as {article: ArticleMeta}).article, (right as {article: ArticleMeta}).article), pacer);
	return {shown, rest};
}
