/**
Small readers for the loosely shaped objects a feed parser returns: every value is checked for its type before use,
so a feed that puts a list where text belongs costs that field, not the fetch.
*/

/** The value as an object with string keys, or an empty one. */
export function asRecord(value: unknown): Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : {};
}

/** The value as a list (a single value becomes a list of one). */
export function asList(value: unknown): readonly unknown[] {
	if (Array.isArray(value)) {
		return value;
	}

	return value === undefined || value === null ? [] : [value];
}

/** Text from a string, a number, or an object's `value`/`#text`/`name` field; trimmed; undefined when empty. */
export function asText(value: unknown): string | undefined {
	if (typeof value === 'string') {
		const trimmed = value.trim();
		return trimmed === '' ? undefined : trimmed;
	}

	if (typeof value === 'number' && Number.isFinite(value)) {
		return String(value);
	}

	if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
		const record = value as Record<string, unknown>;
		return asText(record['value'] ?? record['#text'] ?? record['name']);
	}

	return undefined;
}

/** The first entry of a list (or the value itself) that gives text. */
export function firstText(...values: unknown[]): string | undefined {
	for (const value of values) {
		for (const entry of asList(value)) {
			const text = asText(entry);
			if (text !== undefined) {
				return text;
			}
		}
	}

	return undefined;
}

/** `reference` resolved against `base`, when both make an http(s) URL (else undefined). */
export function resolveUrl(reference: string | undefined, base: string | undefined): string | undefined {
	if (reference === undefined) {
		return undefined;
	}

	try {
		const url = base === undefined ? new URL(reference) : new URL(reference, base);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
	} catch {
		return undefined;
	}
}

/** A feed date (RFC 822, ISO 8601, and the usual mistakes `Date` copes with) as ISO 8601 UTC, or undefined. */
export function normaliseDate(value: string | undefined): string | undefined {
	if (value === undefined || value.length > 100) {
		return undefined;
	}

	const time = Date.parse(value);
	if (Number.isNaN(time)) {
		return undefined;
	}

	const date = new Date(time);
	const year = date.getUTCFullYear();
	// A year outside this range is a typo or a trick, not a news date.
	if (year < 1970 || year > 9999) {
		return undefined;
	}

	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
