/**
Running a parsed query over the segments of an index, with BM25 scores computed at query time.

Ranking is BM25 per field (k1 = 1.2, b = 0.75), the fields weighted (title 3, source, author and tags 2, body 1)
and summed: a word in the title counts more than the same word in the body. Document frequencies and average
lengths count live documents only (deleted ones still in a segment are skipped), so the scores, and so the order,
do not depend on how the index happens to be split into segments. A prefix scores as its best-scoring expansion; a
phrase as a term whose frequency is the number of times the phrase occurs.

The segments are reached through `SegmentSource` (io/search implements it over files): this module is pure.

It is longer than the ~300 lines core modules keep to, on purpose: it is one evaluator whose steps (terms, prefixes,
phrases, field clauses, negation, scoring) share the per-query caches of postings and positions; split into files,
each would take those caches as parameters and the order of the steps would be harder to follow.
*/
import {searchFields, type QueryClause, type SearchQuery} from './query.js';
import {scoreScale} from './rank.js';

/** A term's documents in one segment, ascending, with the term's frequency in each. */
export type Postings = {readonly documents: Uint32Array; readonly frequencies: Uint32Array};

/** What the evaluator needs from one segment. Field numbers are indexes into `searchFields`. */
export type SegmentSource = {
	readonly documentCount: number;
	/** 1 where the document is live, 0 where it was deleted or replaced since the segment was written. */
	readonly live: Uint8Array;
	/** Tokens per document, one array per field. */
	readonly fieldLengths: readonly Uint32Array[];
	postings(field: number, term: string): Postings | undefined;
	/**
	Positions of the term in the documents at the given indexes of its postings (ascending), in that order, flat:
	those of the k-th document are `values[offsets[k]]` up to `values[offsets[k + 1]]`.
	*/
	positions(field: number, term: string, postingIndexes: readonly number[]): FlatPositions;
	/** Terms of the field that start with `prefix`, with their document frequency in this segment. */
	expand(field: number, prefix: string): Array<{term: string; documentFrequency: number}>;
};

/** Lists of positions end to end, with where each starts (and one more offset for the end of the last). */
export type FlatPositions = {readonly offsets: Uint32Array; readonly values: Uint32Array};

/** Live documents and live tokens per field, over the whole index. */
export type IndexStatistics = {readonly documents: number; readonly fieldTokens: readonly number[]};

export type Evaluation = {
	/** Per segment, each document's score: above 0 for a live document that matches, 0 for every other. */
	readonly scores: Float64Array[];
	/** How many documents match. */
	readonly count: number;
	/** Things the user should know about the results (a prefix cut to its most frequent words). */
	readonly notes: string[];
};

export const fieldWeights: readonly number[] = [3, 2, 2, 2, 1];
const k1 = 1.2;
const b = 0.75;
/** A prefix is searched as at most this many of its words, the most frequent ones. */
export const maxExpansions = 64;
export const maxExpansionPostings = 1_000_000;

/** BM25's inverse document frequency (the variant that is never negative). */
export function inverseDocumentFrequency(documents: number, documentFrequency: number): number {
	return Math.log(1 + ((documents - documentFrequency + 0.5) / (documentFrequency + 0.5)));
}

/** BM25's saturated term frequency for a document of `length` tokens in a field of `averageLength`. */
export function saturate(frequency: number, length: number, averageLength: number): number {
	const norm = averageLength > 0 ? 1 - b + (b * length / averageLength) : 1;
	return frequency * (k1 + 1) / (frequency + (k1 * norm));
}

/** One concrete way a clause can match in one field: a sequence of slots, each a set of terms (several for a prefix). */
type Alternative = {readonly field: number; readonly slots: ReadonlyArray<readonly string[]>};

class Evaluator {
	readonly notes: string[] = [];
	private readonly cutPrefixes = new Set<string>();
	private readonly postingsCache = new Map<string, Array<Postings | undefined>>();

	constructor(private readonly segments: readonly SegmentSource[], private readonly statistics: IndexStatistics) {}

	/** Per segment, each document's score for the clause (0 where it does not match). */
	scoreClause(clause: QueryClause): Float64Array[] {
		const scores = this.segments.map(segment => new Float64Array(segment.documentCount));
		for (const field of clause.fields.map(name => searchFields.indexOf(name))) {
			const slots = clause.terms.map((term, index) => (clause.isPrefix && index === clause.terms.length - 1 ? this.expand(field, term) : [term]));
			const alternative: Alternative = {field, slots};
			if (clause.isPhrase) {
				this.addPhrase(alternative, scores);
			} else {
				this.addTerms(alternative, scores);
			}
		}

		return scores;
	}

	/** Add the field's score of a one-slot alternative; with several terms (a prefix), the best term's score counts. */
	private addTerms({field, slots}: Alternative, scores: Float64Array[]): void {
		const averageLength = this.averageLength(field);
		const isSingle = slots[0]!.length === 1;
		for (const [segmentIndex, segment] of this.segments.entries()) {
			// One term adds straight to the scores; several (a prefix) keep their best first.
			const best = isSingle ? scores[segmentIndex]! : new Float64Array(segment.documentCount);
			for (const term of slots[0]!) {
				const postings = this.postings(field, term)[segmentIndex];
				if (!postings) {
					continue;
				}

				const idf = inverseDocumentFrequency(this.statistics.documents, this.documentFrequency(field, term));
				const lengths = segment.fieldLengths[field]!;
				for (let index = 0; index < postings.documents.length; index++) {
					const document = postings.documents[index]!;
					const score = fieldWeights[field]! * idf * saturate(postings.frequencies[index]!, lengths[document]!, averageLength);
					if (isSingle) {
						best[document] = best[document]! + score;
					} else if (score > best[document]!) {
						best[document] = score;
					}
				}
			}

			if (isSingle) {
				continue;
			}

			const target = scores[segmentIndex]!;
			for (let document = 0; document < best.length; document++) {
				target[document] = target[document]! + best[document]!;
			}
		}
	}

	/** Add the field's score of a phrase: found by intersecting the slots' postings, then checking positions. */
	private addPhrase({field, slots}: Alternative, scores: Float64Array[]): void {
		const frequencies = this.segments.map((segment, segmentIndex) => this.phraseFrequencies(segment, segmentIndex, field, slots));
		let documentFrequency = 0;
		for (const [segmentIndex, found] of frequencies.entries()) {
			const {live} = this.segments[segmentIndex]!;
			for (const document of found.keys()) {
				documentFrequency += live[document]!;
			}
		}

		const idf = inverseDocumentFrequency(this.statistics.documents, documentFrequency);
		const averageLength = this.averageLength(field);
		for (const [segmentIndex, found] of frequencies.entries()) {
			const lengths = this.segments[segmentIndex]!.fieldLengths[field]!;
			for (const [document, frequency] of found) {
				const target = scores[segmentIndex]!;
				target[document] = target[document]! + (fieldWeights[field]! * idf * saturate(frequency, lengths[document]!, averageLength));
			}
		}
	}

	/** Documents of one segment that hold the phrase, with how many times. */
	private phraseFrequencies(segment: SegmentSource, segmentIndex: number, field: number, slots: ReadonlyArray<readonly string[]>): Map<number, number> {
		const found = new Map<number, number>();
		// Per slot, the terms that occur here. A document is a candidate when every slot has one of its terms in it.
		const slotPostings = slots.map(terms => terms.flatMap(term => {
			const postings = this.postings(field, term)[segmentIndex];
			return postings ? [{term, postings}] : [];
		}));
		if (slotPostings.some(entries => entries.length === 0)) {
			return found;
		}

		const counts = new Uint8Array(segment.documentCount);
		for (const [slotIndex, entries] of slotPostings.entries()) {
			for (const {postings} of entries) {
				for (const document of postings.documents) {
					if (counts[document] === slotIndex) {
						counts[document] = slotIndex + 1;
					}
				}
			}
		}

		const candidates: number[] = [];
		const candidateOf = new Int32Array(segment.documentCount).fill(-1);
		for (let document = 0; document < counts.length; document++) {
			if (counts[document] === slots.length && segment.live[document]) {
				candidateOf[document] = candidates.length;
				candidates.push(document);
			}
		}

		if (candidates.length === 0) {
			return found;
		}

		// Per slot, the sorted positions of its terms in each candidate, flat and in candidate order.
		const positions = slotPostings.map(entries => {
			const perTerm = entries.map(({term, postings}) => {
				const indexes: number[] = [];
				const owners: number[] = [];
				for (let index = 0; index < postings.documents.length; index++) {
					const candidate = candidateOf[postings.documents[index]!]!;
					if (candidate >= 0) {
						indexes.push(index);
						owners.push(candidate);
					}
				}

				return {owners, flat: segment.positions(field, term, indexes)};
			});
			// One term: every candidate has it, in the same order. Several (a prefix): their union per candidate.
			return perTerm.length === 1 ? perTerm[0]!.flat : unitePositions(perTerm, candidates.length);
		});
		const cursors = new Uint32Array(slots.length);
		for (const [candidate, document] of candidates.entries()) {
			for (let slot = 0; slot < slots.length; slot++) {
				cursors[slot] = positions[slot]!.offsets[candidate]!;
			}

			const first = positions[0]!;
			let frequency = 0;
			for (let at = first.offsets[candidate]!; at < first.offsets[candidate + 1]!; at++) {
				const start = first.values[at]!;
				let isMatch = true;
				for (let slot = 1; slot < slots.length && isMatch; slot++) {
					// Positions only grow with `start`, so each slot's cursor only moves forward: linear overall.
					const {offsets, values} = positions[slot]!;
					const end = offsets[candidate + 1]!;
					let cursor = cursors[slot]!;
					while (cursor < end && values[cursor]! < start + slot) {
						cursor++;
					}

					cursors[slot] = cursor;
					isMatch = cursor < end && values[cursor] === start + slot;
				}

				if (isMatch) {
					frequency++;
				}
			}

			if (frequency > 0) {
				found.set(document, frequency);
			}
		}

		return found;
	}

	/**
	The words of a field that start with `prefix`, the most frequent first: at most `maxExpansions` of them, and no
	more than `maxExpansionPostings` postings in all (a one-letter prefix while typing would otherwise score
	millions), though always the most frequent one.
	*/
	private expand(field: number, prefix: string): string[] {
		const frequencies = new Map<string, number>();
		for (const segment of this.segments) {
			for (const {term, documentFrequency} of segment.expand(field, prefix)) {
				frequencies.set(term, (frequencies.get(term) ?? 0) + documentFrequency);
			}
		}

		const sorted = [...frequencies].sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1));
		const chosen: string[] = [];
		let postings = 0;
		for (const [term, frequency] of sorted) {
			if (chosen.length >= maxExpansions || (chosen.length > 0 && postings + frequency > maxExpansionPostings)) {
				break;
			}

			chosen.push(term);
			postings += frequency;
		}

		if (chosen.length < sorted.length && !this.cutPrefixes.has(prefix)) {
			this.cutPrefixes.add(prefix);
			this.notes.push(`${prefix}* matches ${sorted.length} words: searched for the ${chosen.length} most frequent`);
		}

		return chosen;
	}

	private postings(field: number, term: string): Array<Postings | undefined> {
		const key = `${field}:${term}`;
		let cached = this.postingsCache.get(key);
		if (!cached) {
			cached = this.segments.map(segment => segment.postings(field, term));
			this.postingsCache.set(key, cached);
		}

		return cached;
	}

	private documentFrequency(field: number, term: string): number {
		let count = 0;
		for (const [segmentIndex, postings] of this.postings(field, term).entries()) {
			const {live} = this.segments[segmentIndex]!;
			for (const document of postings?.documents ?? []) {
				count += live[document]!;
			}
		}

		return count;
	}

	private averageLength(field: number): number {
		return this.statistics.documents > 0 ? this.statistics.fieldTokens[field]! / this.statistics.documents : 0;
	}
}

/**
The live documents that match every required clause and no excluded one, with their scores (rounded to 1e-6, so
that equal scores compare equal whatever order the floating-point sums were made in).
*/
export function evaluateQuery(query: SearchQuery, segments: readonly SegmentSource[], statistics: IndexStatistics): Evaluation {
	const evaluator = new Evaluator(segments, statistics);
	const required = query.clauses.filter(clause => !clause.isExcluded);
	if (required.length === 0) {
		const notes = query.clauses.length > 0 ? ['a query of exclusions alone finds nothing: add a word to look for'] : [];
		return {scores: segments.map(segment => new Float64Array(segment.documentCount)), count: 0, notes};
	}

	const totals = segments.map(segment => new Float64Array(segment.documentCount));
	// Per document, how many required clauses it matched; 255 once an excluded clause matched it.
	const matched = segments.map(segment => new Uint8Array(segment.documentCount));
	for (const clause of query.clauses) {
		const scores = evaluator.scoreClause(clause);
		for (const [segmentIndex, clauseScores] of scores.entries()) {
			const total = totals[segmentIndex]!;
			const count = matched[segmentIndex]!;
			for (let document = 0; document < clauseScores.length; document++) {
				const score = clauseScores[document]!;
				if (score > 0) {
					if (clause.isExcluded) {
						count[document] = 255;
					} else if (count[document] !== 255) {
						total[document] = total[document]! + score;
						count[document]!++;
					}
				}
			}
		}
	}

	let found = 0;
	for (const [segmentIndex, segment] of segments.entries()) {
		const total = totals[segmentIndex]!;
		const count = matched[segmentIndex]!;
		for (let document = 0; document < segment.documentCount; document++) {
			if (count[document] === required.length && segment.live[document]) {
				total[document] = Math.round(total[document]! * scoreScale) / scoreScale;
				found++;
			} else {
				total[document] = 0;
			}
		}
	}

	return {scores: totals, count: found, notes: evaluator.notes};
}

/** The matches of an evaluation as a list (for tests and small indexes). */
export function listHits(evaluation: Evaluation): Array<{segment: number; document: number; score: number}> {
	const hits: Array<{segment: number; document: number; score: number}> = [];
	for (const [segment, scores] of evaluation.scores.entries()) {
		for (const [document, score] of scores.entries()) {
			if (score > 0) {
				hits.push({segment, document, score});
			}
		}
	}

	return hits;
}

/** Per candidate, the sorted union of the positions of several terms (each given for the candidates it occurs in). */
function unitePositions(perTerm: ReadonlyArray<{owners: readonly number[]; flat: FlatPositions}>, candidates: number): FlatPositions {
	const lists: number[][] = Array.from({length: candidates}, () => []);
	for (const {owners, flat} of perTerm) {
		for (const [index, candidate] of owners.entries()) {
			const list = lists[candidate]!;
			for (let at = flat.offsets[index]!; at < flat.offsets[index + 1]!; at++) {
				list.push(flat.values[at]!);
			}
		}
	}

	const offsets = new Uint32Array(candidates + 1);
	let total = 0;
	for (const [candidate, list] of lists.entries()) {
		list.sort((left, right) => left - right);
		total += list.length;
		offsets[candidate + 1] = total;
	}

	const values = new Uint32Array(total);
	for (const [candidate, list] of lists.entries()) {
		values.set(list, offsets[candidate]);
	}

	return {offsets, values};
}
