/**
Where rendering deliberately degrades, it says so: each fallback is recorded with a line the reader sees in the
article and a reason for `--verbose`, and the render result carries the list so tests can count them.
*/

/** The ways a render can deliberately degrade. */
export type RenderFallback =
	/** A paragraph with thousands of emphasis or bracket delimiters, shown as plain text (marked is superlinear there). */
	| 'delimiters'
	/** marked threw (a stack overflow on pathological nesting): the segment is shown as plain text. */
	| 'format-error'
	/** Lists or quotes nested past the cap are flattened. */
	| 'nesting'
	/** A table with more rows than the cap shows its first rows. */
	| 'table-rows'
	/** A table with more columns than the cap shows its first columns. */
	| 'table-columns'
	/** A link target too long to be a link, or a link text too long to show whole. */
	| 'long-link'
	/** Code shown without syntax colours although its language is known. */
	| 'highlight'
	/** A rendered line failed the final terminal-safety check and lost its styling. */
	| 'unsafe-line';

/** One fallback taken by a render. */
export type RenderWarning = {
	readonly kind: RenderFallback;
	/** Shown in the article, under the header: what the reader should know. */
	readonly message: string;
	/** Why, for `--verbose`: what in the article triggered it. */
	readonly reason: string;
	/** How many times this kind of fallback was taken in the article. */
	readonly count: number;
};

/** Collects the fallbacks of one render, one entry per kind. */
export type WarningLog = {
	add(kind: RenderFallback, message: string, reason: string): void;
	readonly list: () => RenderWarning[];
};

/** A fresh log for one render. */
export function createWarningLog(): WarningLog {
	const entries = new Map<RenderFallback, {message: string; reason: string; count: number}>();
	return {
		add(kind, message, reason) {
			const entry = entries.get(kind);
			if (entry) {
				entry.count++;
			} else {
				entries.set(kind, {message, reason, count: 1});
			}
		},
		list: () => [...entries].map(([kind, entry]) => ({kind, ...entry})),
	};
}

/** A number with thousands separators, as the warnings print them. */
export function formatCount(value: number): string {
	return value.toLocaleString('en-US');
}
