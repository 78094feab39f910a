/**
What the reader's render worker is asked and answers, and the work itself: load an article file and render it for the
terminal. The protocol is generic in the render's result: the worker sends back whatever core/render's
`renderArticle` returns (it must be structured-cloneable), so a change of the render API needs no change here.
*/
import type {Article} from '../../core/article/article.js';
import {prepareRender, renderArticle} from '../../core/render/article.js';
import {prepareFormat} from '../store/html-reader.js';
import {loadStoredArticle} from '../store/load-article.js';

/** How every article is rendered in this session: the terminal's colour and hyperlink support. */
export type RenderSettings = {
	readonly color: boolean;
	readonly hyperlinks: boolean;
};

/** One article to render. */
export type RenderJob = {
	/** The article's file. */
	readonly path: string;
	/** For a name that is not valid UTF-8: the file's real path as hex bytes (as the scan gives it), to open it by. */
	readonly rawPath?: string;
	readonly id: string;
	/** Terminal columns for the text. */
	readonly width: number;
};

/** What `renderArticle` returns. */
export type RenderOutput = ReturnType<typeof renderArticle>;

/** Worker to reader. */
export type WorkerMessage =
	| {readonly type: 'ready'}
	| {readonly type: 'done'; readonly job: number; readonly result: RenderOutput}
	| {readonly type: 'failed'; readonly job: number; readonly message: string};

/** Reader to worker. */
export type JobMessage = RenderJob & {readonly job: number};

/**
Load and render one article; rejects with an Error with a message for the reader when the file cannot be used. What
the article needs that loads on demand (code highlighters, emoji shortcodes) is loaded first, here, so that it is
shown once, with its colours.
*/
export async function runRenderJob(job: RenderJob, settings: RenderSettings): Promise<RenderOutput> {
	await prepareFormat(job.path);
	const article: Article = loadStoredArticle(job);
	await prepareRender(article, {highlight: settings.color});
	return renderArticle(article, {width: job.width, color: settings.color, hyperlinks: settings.hyperlinks, highlight: settings.color});
}

/**
Render a small article once, so that the first article the reader opens finds the renderer's modules loaded, its
regular expressions compiled and its hot paths optimised.
*/
export function warmRenderer(settings: RenderSettings): void {
	const body = '# Warm\n\nA paragraph with *emphasis*, `code`, [a link](https://example.com) and a list:\n\n- one\n- two\n\n> A quote.\n';
	renderArticle({id: 'warm', title: 'Warm', tags: [], words: 20, readingMinutes: 1, body}, {width: 80, ...settings});
}
