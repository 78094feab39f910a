import {useEffect, useRef, useState} from 'react';
import type {Dispatch} from './use-reader-store.js';
import type {SearchService, SearchState} from './services.js';

/**
The state of the full-text search, followed: when the index becomes ready (or fails), the shown list is rebuilt, so a
filter typed while it was building is matched against bodies from then on.
*/
export function useSearchState(search: SearchService | undefined, dispatch: Dispatch): SearchState | undefined {
	const [state, setState] = useState(search?.state);
	const kind = useRef(search?.state.kind);
	useEffect(() => search?.subscribe(() => {
		const next = search.state;
		if (kind.current !== next.kind) {
			kind.current = next.kind;
			dispatch({type: 'reload'});
		}

		setState(next);
	}), [search, dispatch]);
	return state;
}
