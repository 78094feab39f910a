import {useEffect, useRef, useState} from 'react';
import type {ArticleMeta} from '../core/article/article.js';
import {countUnread} from '../core/store/library.js';
import {sanitizeLine} from '../core/text/sanitize.js';
import type {Effect} from '../core/reader/state.js';
import type {ReaderServices} from './services.js';
import type {Dispatch} from './use-reader-store.js';

/** Stores up to this size get their unread count before the first frame. */
const countAtOnceUpTo = 10_000;

function messageOf(error: unknown): string {
	return sanitizeLine(error instanceof Error ? error.message : String(error));
}

/**
Carries out the reducer's effects on the services (read marks, browser, quitting) and keeps the unread count. The count
is made once, then kept up to date from the marks this reader sets. A large store is counted after the first frame (at
100,000 articles the count takes a noticeable moment, and the list can be drawn without it); a small one at once, so
the header never changes under the reader's eyes. Failures become status messages, never crashes.
*/
export function useReaderEffects(services: ReaderServices, onQuit: (() => void) | undefined, articles: readonly ArticleMeta[] = services.articles): {unreadCount: number | undefined; runEffect: (effect: Effect, dispatch: Dispatch) => void} {
	const {readState} = services;
	const unread = useRef<{articles: readonly ArticleMeta[]; count: number | undefined}>({articles, count: undefined});
	if (unread.current.articles !== articles) {
		// A fetch scanned the store again: count its new list.
		unread.current = {articles, count: undefined};
	}

	if (unread.current.count === undefined && articles.length <= countAtOnceUpTo) {
		unread.current.count = countUnread(articles, readState);
	}

	const [, setIsCounted] = useState(0);
	useEffect(() => {
		if (unread.current.count === undefined) {
			unread.current.count = countUnread(articles, readState);
			setIsCounted(count => count + 1);
		}
	}, [articles, readState]);

	const runEffect = (effect: Effect, dispatch: Dispatch) => {
		try {
			switch (effect.type) {
				case 'set-read': {
					const changed = effect.ids.filter(id => readState.isRead(id) !== effect.read).length;
					readState.setRead(effect.ids, effect.read);
					if (unread.current.count !== undefined) {
						unread.current.count += effect.read ? -changed : changed;
					}

					break;
				}

				case 'set-starred': {
					readState.setSaved(effect.ids, effect.starred);
					break;
				}

				case 'set-position': {
					readState.setPosition(effect.id, effect.fraction);
					break;
				}

				case 'open-url': {
					services.openUrl(effect.url).then(() => {
						dispatch({type: 'status', text: 'Opened in the browser'});
					}, (error: unknown) => {
						dispatch({type: 'status', text: `Could not open the browser: ${messageOf(error)}`});
					});
					break;
				}

				case 'refresh-read-state': {
					if (readState.refresh()) {
						unread.current.count = countUnread(articles, readState);
						dispatch({type: 'reload'});
					}

					break;
				}

				case 'start-search': {
					services.search?.start();
					break;
				}

				case 'suspend': {
					services.suspend?.().catch((error: unknown) => {
						dispatch({type: 'status', text: `Could not suspend: ${messageOf(error)}`});
					});
					break;
				}

				case 'quit': {
					onQuit?.();
					break;
				}
			}
		} catch (error) {
			dispatch({type: 'status', text: messageOf(error)});
		}
	};

	return {unreadCount: unread.current.count, runEffect};
}
