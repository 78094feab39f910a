/**
The links of the open article, as lynx and w3m offer them: `L` lists them (j/k move, Enter opens the highlighted one,
Esc or q closes), and in the pager or the list of links a number typed and Enter opens that link directly.
*/
import {isOpenableUrl} from '../text/url.js';
import {findAction, type KeyName} from './keymap.js';
import type {ArticleLink, ReaderContext, ReaderState, Transition} from './state.js';
import {stay, withStatus} from './transitions.js';
import {scrollTarget} from './viewport.js';

/** The longest link number worth typing. */
const maximumDigits = 5;

/** Open a link: only web and mail links reach the browser. */
function openLink(state: ReaderState, link: ArticleLink | undefined): Transition {
	const closed = {...state, overlay: 'none' as const, linkNumber: ''};
	if (!link) {
		return withStatus(closed, 'No link with that number');
	}

	return isOpenableUrl(link.url)
		? {state: {...closed, status: `Opening link [${link.number}] in the browser…`}, effects: [{type: 'open-url', url: link.url}]}
		: withStatus(closed, 'Only http, https and mailto links are opened');
}

/** `L` in the pager: the list of links, or a word when the article has none. */
export function showLinks(state: ReaderState, context: ReaderContext): Transition {
	return context.links.length === 0
		? withStatus(state, 'This article has no links')
		: stay({...state, overlay: 'links', linkCursor: 0, linkNumber: ''});
}

/** A key over the list of links. */
export function reduceLinksKey(state: ReaderState, key: KeyName, context: ReaderContext): Transition {
	if (/^\d$/.test(key) || (state.linkNumber !== '' && (key === 'backspace' || key === 'enter'))) {
		return reduceLinkNumberKey(state, key, context) ?? stay(state);
	}

	const action = findAction('links', key);
	const target = action === undefined ? undefined : scrollTarget(action, state.linkCursor, context.pageRows - 2, context.links.length);
	if (target !== undefined) {
		return stay({...state, linkCursor: Math.max(0, Math.min(target, context.links.length - 1))});
	}

	switch (action) {
		case 'open-link': {
			return openLink(state, context.links[state.linkCursor]);
		}

		case 'close-links': {
			return stay({...state, overlay: 'none', linkNumber: ''});
		}

		default: {
			return stay(state);
		}
	}
}

/**
Digits typed in the pager or the list of links: they make a link number, Enter opens that link, Backspace takes a
digit back, Esc gives up. Undefined when the key is not part of a link number (the pager then handles it).
*/
export function reduceLinkNumberKey(state: ReaderState, key: KeyName, context: ReaderContext): Transition | undefined {
	if (/^\d$/.test(key)) {
		const linkNumber = (state.linkNumber + key).slice(0, maximumDigits);
		const link = context.links.find(candidate => String(candidate.number) === linkNumber);
		return stay({...state, linkNumber, status: link ? `Link [${linkNumber}]: Enter opens ${link.url}` : `Link [${linkNumber}]: Enter opens it`});
	}

	if (state.linkNumber === '') {
		return undefined;
	}

	switch (key) {
		case 'enter': {
			return openLink(state, context.links.find(link => String(link.number) === state.linkNumber));
		}

		case 'backspace': {
			const linkNumber = state.linkNumber.slice(0, -1);
			return stay({...state, linkNumber, status: linkNumber === '' ? undefined : `Link [${linkNumber}]: Enter opens it`});
		}

		default: {
			// Any other key gives up the number and does what it does.
			return undefined;
		}
	}
}
