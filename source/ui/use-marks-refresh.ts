import {useEffect, useRef} from 'react';
import type {Effect} from '../core/reader/state.js';
import type {Dispatch} from './use-reader-store.js';

/** How often the reader looks for marks made by another inkwire: one stat of config.json each time. */
const refreshIntervalMs = 500;

/**
Marks made by another process (`inkwire read` in another terminal, a second reader) show in the counts and the list
within half a second, without a key: the same check as on returning to the list, on a timer.
*/
export function useMarksRefresh(runEffect: (effect: Effect, dispatch: Dispatch) => void, dispatch: Dispatch): void {
	// The latest runEffect, so that the timer is set once and never calls a stale one.
	const run = useRef(runEffect);
	run.current = runEffect;
	useEffect(() => {
		const timer = setInterval(() => {
			run.current({type: 'refresh-read-state'}, dispatch);
		}, refreshIntervalMs);
		return () => {
			clearInterval(timer);
		};
	}, [dispatch]);
}
