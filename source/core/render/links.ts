/**
Links in a rendered article: numbered in the text (`notice[3]`) and listed at the end, like lynx and w3m, so the
address survives every terminal and every pipe. Only http, https and mailto targets become links; OSC 8 hyperlinks
are added on top where the caller says the terminal supports them.
*/
import {sanitizeLine} from '../text/sanitize.js';
import {displayWidth, fitWidth} from '../text/width.js';
import type {Styles} from './styles.js';
import {formatCount, type WarningLog} from './warnings.js';

/** A numbered link of a rendered article. */
export type RenderLink = {
	/** The number shown after the link text, from 1, in order of first appearance. */
	readonly number: number;
	/** The link text as plain text (at most `maximumLinkText` columns). */
	readonly text: string;
	/** The target: an http, https or mailto URL, at most `maximumLinkLength` characters. */
	readonly url: string;
};

/** Targets longer than this are not made links (their text still shows): no real address is this long. */
export const maximumLinkLength = 8192;
/** Link text longer than this (in columns) is cut: the link list and every OSC 8 reopening stay small. */
export const maximumLinkText = 500;
// OSC 8 is reopened on every line a link spans; a longer target is numbered and listed but not wrapped in OSC 8.
const maximumHyperlinkTarget = 2048;

const allowedTarget = /^(?:https?:\/\/|mailto:)\S/i;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const closeHyperlink = '\u001B]8;;\u001B\\';

/** The numbered links of one render; a URL seen twice keeps its first number. */
export type LinkRegistry = {
	/**
	A link as the text shows it: `inner` (styled; `plain` is its text) numbered as `text[3]`, OSC 8 around it when
	hyperlinks are on; `inner` alone when `href` may not be a link.
	*/
	format(inner: string, plain: string, href: string): string;
	readonly list: () => RenderLink[];
};

/** What formatting links needs from the render. */
export type LinkContext = {readonly styles: Styles; readonly hyperlinks: boolean; readonly warnings: WarningLog};

/** A fresh registry for one render. */
export function createLinkRegistry({styles, hyperlinks, warnings}: LinkContext): LinkRegistry {
	const byUrl = new Map<string, RenderLink>();
	const add = (url: string, text: string) => {
		let link = byUrl.get(url);
		if (!link) {
			link = {number: byUrl.size + 1, text, url};
			byUrl.set(url, link);
		}

		return link.number;
	};

	return {
		format(inner, plain, href) {
			const target = checkLinkTarget(href);
			if (target === undefined) {
				return inner;
			}

			const isTooLong = displayWidth(plain) > maximumLinkText;
			const shownPlain = isTooLong ? fitWidth(plain, maximumLinkText) : plain;
			if ('tooLong' in target) {
				warnings.add('long-link', 'A link too long to be one is shown as text.', `a link target of ${formatCount(target.tooLong)} characters`);
				return shownPlain;
			}

			if (isTooLong) {
				warnings.add('long-link', 'A link text too long to show whole is cut.', `a link text of ${formatCount(plain.length)} characters`);
			}

			const {url} = target;
			const shown = isTooLong ? shownPlain : inner;
			const isBare = plain === url || `mailto:${plain}` === url || `http://${plain}` === url;
			const styled = isBare ? styles.url(shown) : styles.link(shown);
			return (hyperlinks ? hyperlink(url, styled) : styled) + styles.linkNumber(`[${add(url, shownPlain)}]`);
		},
		list: () => [...byUrl.values()],
	};
}

/**
What a link target is once decoded and sanitised: `{url}` for an http, https or mailto address of sensible length,
`{tooLong}` for an allowed one past `maximumLinkLength`, or undefined for anything else (javascript:, data:, file:,
relative), which is never a link.
*/
export function checkLinkTarget(href: string): {url: string} | {tooLong: number} | undefined {
	const url = sanitizeLine(href);
	if (!allowedTarget.test(url)) {
		return undefined;
	}

	return url.length > maximumLinkLength ? {tooLong: url.length} : {url};
}

/** A link target as the terminal may receive it inside OSC 8: printable ASCII only. */
function encodeTarget(url: string): string {
	return url.replace(loneSurrogate, '\uFFFD').replace(/[^\u0021-\u007E]/gu, character => encodeURIComponent(character));
}

/** `text` wrapped in an OSC 8 hyperlink to `url`, or `text` alone when the encoded target is too long. */
export function hyperlink(url: string, text: string): string {
	const target = encodeTarget(url);
	return target.length > maximumHyperlinkTarget ? text : `\u001B]8;;${target}\u001B\\${text}${closeHyperlink}`;
}
