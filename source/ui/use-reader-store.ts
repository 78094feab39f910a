import {useCallback, useRef, useState} from 'react';
import {
	highlightedId,
	listInputsChanged,
	reduce,
	type Effect,
	type ReaderAction,
	type ReaderContext,
	type ReaderState,
} from '../core/reader/state.js';

export type Dispatch = (action: ReaderAction) => void;

type Options = {
	readonly initialState: () => ReaderState;
	/** The world as seen from a given state: the shown list for its filter, window sizes, the open article's lines. */
	readonly getContext: (state: ReaderState) => ReaderContext;
	/** Carries out an effect returned by the reducer. */
	readonly runEffect: (effect: Effect, dispatch: Dispatch) => void;
};

/**
Holds the reader state and runs the reducer. The current state lives in a ref that each dispatch updates at once, so
keys that arrive faster than frames (Ink re-subscribes input handlers only after a render) each see the state the
previous key left, never a stale closure; React state is only the signal to re-render.
*/
export function useReaderStore({initialState, getContext, runEffect}: Options): {state: ReaderState; dispatch: Dispatch} {
	const stateRef = useRef<ReaderState | undefined>(undefined);
	stateRef.current ??= initialState();
	const [, setRevision] = useState(0);
	const getContextRef = useRef(getContext);
	getContextRef.current = getContext;
	const runEffectRef = useRef(runEffect);
	runEffectRef.current = runEffect;

	const dispatch = useCallback<Dispatch>(action => {
		const before = stateRef.current!;
		const beforeContext = getContextRef.current(before);
		const transition = reduce(before, action, beforeContext);
		let next = transition.state;
		// A new filter or unread-only rebuilds the shown list: keep the highlighted article if it is still shown.
		if (listInputsChanged(before, next)) {
			next = reduce(next, {type: 'list-changed', highlightedId: highlightedId(before, beforeContext)}, getContextRef.current(next)).state;
		}

		// A newly opened article: its lines are known only now, so its remembered place is found with its own context.
		// Effects of the first step (the place in the article just left) must run first, so that going back to it
		// finds that place.
		const isOpened = next.articleId !== undefined && next.articleId !== before.articleId;
		stateRef.current = next;
		for (const effect of transition.effects) {
			runEffectRef.current(effect, dispatch);
		}

		if (isOpened) {
			stateRef.current = reduce(stateRef.current, {type: 'article-opened'}, getContextRef.current(stateRef.current)).state;
		}

		setRevision(revision => revision + 1);
	}, []);

	return {state: stateRef.current, dispatch};
}
