import test from 'ava';
import {evaluateQuery, fieldWeights, listHits, inverseDocumentFrequency, saturate, type Postings, type SegmentSource} from '../source/core/search/evaluate.js';
import {parseQuery} from '../source/core/search/query.js';
import {tokenizeTerms} from '../source/core/search/tokenize.js';
import {rankMatches} from '../source/core/search/rank.js';
import fc from 'fast-check';

type Document = {title?: string; body?: string};

/** An in-memory segment: what the evaluator needs, without files. */
function memorySegment(documents: readonly Document[], deleted: readonly number[] = []): SegmentSource {
	const fields = documents.map(document => [document.title ?? '', '', '', '', document.body ?? ''].map(text => tokenizeTerms(text)));
	const find = (field: number, term: string) => {
		const found: Array<[number, number[]]> = [];
		for (const [document, terms] of fields.entries()) {
			const positions = terms[field]!.flatMap((candidate, position) => (candidate === term ? [position] : []));
			if (positions.length > 0) {
				found.push([document, positions]);
			}
		}

		return found;
	};

	const live = new Uint8Array(documents.length).fill(1);
	for (const document of deleted) {
		live[document] = 0;
	}

	return {
		documentCount: documents.length,
		live,
		fieldLengths: [0, 1, 2, 3, 4].map(field => Uint32Array.from(fields.map(terms => terms[field]!.length))),
		postings(field, term): Postings | undefined {
			const found = find(field, term);
			return found.length > 0 ? {documents: Uint32Array.from(found.map(([document]) => document)), frequencies: Uint32Array.from(found.map(([, positions]) => positions.length))} : undefined;
		},
		positions(field, term, indexes) {
			const found = find(field, term);
			const lists = indexes.map(index => found[index]![1]);
			const offsets = new Uint32Array(lists.length + 1);
			for (const [index, list] of lists.entries()) {
				offsets[index + 1] = offsets[index]! + list.length;
			}

			return {offsets, values: Uint32Array.from(lists.flat())};
		},
		expand(field, prefix) {
			const terms = new Set(fields.flatMap(terms => terms[field]!.filter(term => term.startsWith(prefix))));
			return [...terms].map(term => ({term, documentFrequency: find(field, term).length}));
		},
	};
}

function statistics(segments: readonly SegmentSource[]) {
	let documents = 0;
	const fieldTokens = [0, 0, 0, 0, 0];
	for (const segment of segments) {
		for (let document = 0; document < segment.documentCount; document++) {
			if (segment.live[document]) {
				documents++;
				for (let field = 0; field < 5; field++) {
					fieldTokens[field]! += segment.fieldLengths[field]![document]!;
				}
			}
		}
	}

	return {documents, fieldTokens};
}

function scores(query: string, segments: SegmentSource[]): Array<[string, number]> {
	return listHits(evaluateQuery(parseQuery(query), segments, statistics(segments)))
		.map(hit => [`${hit.segment}:${hit.document}`, hit.score] as [string, number])
		.sort((left, right) => right[1] - left[1]);
}

const corpus: Document[] = [
	{body: 'harbour harbour harbour quay'},
	{body: 'harbour quay quay quay quay quay quay quay'},
	{body: 'market stalls on the quay'},
	{title: 'Harbour news', body: 'quay'},
];

test('scores are BM25: idf from live documents, term frequency saturated and normalised by length', t => {
	const segment = memorySegment(corpus);
	const found = scores('harbour', [segment]);
	t.deepEqual(found.map(([key]) => key), ['0:3', '0:0', '0:1']);
	// Document 0 by hand: body only, 3 of 4 tokens, the body averaging 18/4 tokens over 4 documents, df 2 in the body.
	const expected = fieldWeights[4]! * inverseDocumentFrequency(4, 2) * saturate(3, 4, 18 / 4);
	t.is(found.find(([key]) => key === '0:0')![1], Math.round(expected * 1e6) / 1e6);
	// The title one scores its title and its body's lack of the word: weight 3, df 1 among titles.
	t.is(found[0]![1], Math.round(fieldWeights[0]! * inverseDocumentFrequency(4, 1) * saturate(1, 2, 2 / 4) * 1e6) / 1e6);
});

test('the same documents split over segments, with deleted copies, score the same', t => {
	const whole = scores('harbour quay', [memorySegment(corpus)]);
	const split = scores('harbour quay', [
		memorySegment([corpus[0]!, corpus[1]!, {body: 'harbour harbour quay old copy'}], [2]),
		memorySegment([{body: 'deleted harbour'}, corpus[2]!, corpus[3]!], [0]),
	]);
	t.deepEqual(split.map(([, score]) => score), whole.map(([, score]) => score));
});

test('phrases count occurrences in order; prefixes score as their best word; exclusions remove', t => {
	const segment = memorySegment([{body: 'city council met the city council'}, {body: 'council of the city'}, {body: 'citizens council'}]);
	t.deepEqual(scores('"city council"', [segment]).map(([key]) => key), ['0:0']);
	t.deepEqual(scores('"the cit"*', [segment]).map(([key]) => key).sort(), ['0:0', '0:1']);
	t.deepEqual(scores('"of the"', [segment]).map(([key]) => key), ['0:1']);
	t.deepEqual(scores('cit* council', [segment]).map(([key]) => key).sort(), ['0:0', '0:1', '0:2']);
	t.deepEqual(scores('council -city', [segment]).map(([key]) => key), ['0:2']);
	t.deepEqual(scores('council -"city council"', [segment]).map(([key]) => key).sort(), ['0:1', '0:2']);
	t.deepEqual(scores('-council', [segment]), []);
});

test('ranking: best score first, equal scores in list order, the same as a plain sort', t => {
	const ranked = rankMatches(Int32Array.from([5, 2, 9, 0, 7]), Float64Array.from([1.5, 3, 1.5, 0.25, 3]), 5);
	t.deepEqual([...ranked.orders], [2, 7, 5, 9, 0]);
	t.deepEqual([...ranked.scores], [3, 3, 1.5, 1.5, 0.25]);
	t.notThrows(() => fc.assert(fc.property(fc.uniqueArray(fc.integer({min: 0, max: 3_000_000}), {maxLength: 200}), fc.array(fc.integer({min: 1, max: 20})), (orders, rawScores) => {
		const scores = orders.map((_, index) => (rawScores[index] ?? 1) / 4 * (index % 7 === 3 ? 1e4 : 1));
		const expected = orders.map((order, index) => ({order, score: scores[index]!})).sort((left, right) => right.score - left.score || left.order - right.order);
		const ranking = rankMatches(Int32Array.from(orders), Float64Array.from(scores), orders.length);
		const firstPage = rankMatches(Int32Array.from(orders), Float64Array.from(scores), orders.length, 3);
		return ranking.orders.length === orders.length && expected.every((entry, index) => ranking.orders[index] === entry.order && ranking.scores[index] === entry.score)
			&& firstPage.orders.length === Math.min(3, orders.length) && [...firstPage.orders].every((order, index) => order === expected[index]!.order);
	}), {numRuns: 300}));
});
