import {useEffect} from 'react';
import {sanitizeLine} from '../core/text/sanitize.js';
import {createInitialState, type Effect, type ReaderState} from '../core/reader/state.js';
import type {StartHandover} from '../core/reader/start-keys.js';
import type {ReaderServices} from './services.js';
import type {Dispatch} from './use-reader-store.js';

/**
The reader's first state: the first screen's when it handed one over (the keys typed before Ink was up moved it),
else the initial state. Start-up warnings, and word that articles render in this thread, go in the status line.
*/
export function startingState(services: Pick<ReaderServices, 'warnings' | 'renderNotice' | 'isUnreadOnly'>, start: StartHandover | undefined): ReaderState {
	const notices = services.renderNotice ? [...services.warnings, services.renderNotice] : services.warnings;
	const status = notices.map(notice => sanitizeLine(notice)).join(' · ') || undefined;
	return start ? {...start.state, status: status ?? start.state.status} : createInitialState({status, unreadOnly: services.isUnreadOnly});
}

/**
Take over from the first screen once mounted: find its highlighted article in the list the scan made, do the work of
the keys it handled (the read mark of an article it opened), then replay the keys it could not show, in order.
*/
export function useStartHandover(start: StartHandover | undefined, dispatch: Dispatch, runEffect: (effect: Effect, dispatch: Dispatch) => void): void {
	useEffect(() => {
		if (!start) {
			return;
		}

		dispatch({type: 'list-changed', highlightedId: start.highlightedId});
		for (const effect of start.effects) {
			runEffect(effect, dispatch);
		}

		for (const key of start.queued) {
			dispatch({type: 'key', key});
		}
		// Once, on mount: the hand-over happens once.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, []);
}
