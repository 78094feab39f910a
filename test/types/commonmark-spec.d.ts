/** The commonmark-spec package: the spec text and its examples. It ships no types. */
declare module 'commonmark-spec' {
	const spec: {
		readonly text: string;
		readonly tests: ReadonlyArray<{readonly markdown: string; readonly html: string; readonly section: string; readonly number: number}>;
	};
	export default spec;
}
