/**
A memo of a pure function of a string, bounded: emptied when it reaches `maximumEntries`, so that a long input (a
100,000-article store, a hostile page of distinct words) can never grow it without end. For hot paths where the same
strings repeat (widths of clusters and rows, folded words).
*/
export function memoizeString<T>(compute: (key: string) => T, maximumEntries: number): (key: string) => T {
	const cache = new Map<string, T>();
	return key => {
		let value = cache.get(key);
		if (value === undefined) {
			value = compute(key);
			if (cache.size >= maximumEntries) {
				cache.clear();
			}

			cache.set(key, value);
		}

		return value;
	};
}
