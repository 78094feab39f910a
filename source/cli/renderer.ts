import {shouldUseHyperlinks} from '../core/render/capabilities.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import {RenderClient, type RenderAnswer} from '../io/render/render-client.js';
import type {ArticleDocument} from '../ui/services.js';
import {chooseColor} from './color.js';

/** The reader's render worker, started now so that it has loaded the renderer by the time an article is opened. */
export function startRenderer(colorMode: string | undefined, environment: NodeJS.ProcessEnv): RenderClient {
	return new RenderClient({settings: {color: chooseColor(colorMode, true, environment), hyperlinks: shouldUseHyperlinks(true, environment)}});
}

/** The pager's document for a render's answer: the lines, or a sentence saying why there are none; undefined when superseded. */
export function documentOf(answer: RenderAnswer): ArticleDocument | undefined {
	switch (answer.status) {
		case 'done': {
			return answer.result;
		}

		case 'failed': {
			return {lines: ['', `Could not open this article: ${sanitizeLine(answer.message)}`], links: []};
		}

		case 'abandoned': {
			return {lines: ['', `This article took longer than ${answer.seconds} s to render and was given up. Press q to go back.`], links: []};
		}

		case 'superseded': {
			return undefined;
		}
	}
}
