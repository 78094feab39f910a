/** Median, minimum and maximum of a set of runs, keeping the raw values for the JSON report. */
export type Summary = {
	readonly median: number;
	readonly min: number;
	readonly max: number;
	/** Every run, in the order measured. */
	readonly runs: readonly number[];
};

/** Summarise runs; undefined when there are none (every run failed or timed out). */
export function summarize(values: readonly number[]): Summary | undefined {
	if (values.length === 0) {
		return undefined;
	}

	const sorted = [...values].sort((left, right) => left - right);
	const middle = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
	return {median: round(median), min: round(sorted[0]!), max: round(sorted.at(-1)!), runs: values.map(value => round(value))};
}

/** Three decimals: microseconds for times in milliseconds, more than any figure here can carry. */
export function round(value: number): number {
	return Math.round(value * 1000) / 1000;
}
