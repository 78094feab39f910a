import {JSON_SCHEMA, load} from 'js-yaml';
import {parseDateline} from './scraped/dateline.js';
import {cleanLine, decodeEntities} from '../text/entities.js';
import {sanitizeLine, sanitizeText} from '../text/sanitize.js';

/**
YAML front matter of a Markdown article. Only known fields are read, each checked for its type, so neither a wrong type
nor a YAML alias bomb (js-yaml 4 keeps aliases as shared references) can do more than earn a warning.
*/

/** The fields front matter may set, already cleaned. */
export type FrontMatter = {
	id?: string;
	title?: string;
	source?: string;
	author?: string;
	date?: string;
	url?: string;
	caption?: string;
	tags?: string[];
};

// Real front matter is a few hundred bytes; past this it is not front matter worth handing to a YAML parser.
const maxFrontMatterLength = 64 * 1024;
const maxTags = 64;

/** Split `---` front matter from the body. `text` has no BOM and only `\n` line ends. */
export function splitFrontMatter(text: string): {yaml?: string; body: string; warnings: string[]} {
	const firstEnd = text.indexOf('\n');
	const firstLine = firstEnd === -1 ? text : text.slice(0, firstEnd);
	if (firstEnd === -1 || !/^---[ \t]*$/.test(firstLine)) {
		return {body: text, warnings: []};
	}

	for (let start = firstEnd + 1; start <= text.length;) {
		const end = text.indexOf('\n', start);
		const line = text.slice(start, end === -1 ? text.length : end);
		if (line.length <= 10 && /^(?:---|\.\.\.)[ \t]*$/.test(line)) {
			const yaml = text.slice(firstEnd + 1, start);
			const body = end === -1 ? '' : text.slice(end + 1);
			if (yaml.length > maxFrontMatterLength) {
				return {body, warnings: ['front matter is too long; ignored']};
			}

			return {yaml, body, warnings: []};
		}

		if (end === -1) {
			break;
		}

		start = end + 1;
	}

	return {body: text, warnings: ['front matter is not closed by a "---" line; read as body text']};
}

function describe(value: unknown): string {
	return Array.isArray(value) ? 'a list' : (value === null ? 'empty' : (typeof value === 'object' ? 'a mapping' : `a ${typeof value}`));
}

function readText(data: Record<string, unknown>, key: string, warnings: string[]): string | undefined {
	if (!Object.hasOwn(data, key)) {
		return undefined;
	}

	const value = data[key];
	if (typeof value === 'string') {
		return value;
	}

	if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') {
		return String(value);
	}

	if (value !== null && value !== undefined) {
		warnings.push(`front matter "${key}" should be text but is ${describe(value)}; ignored`);
	}

	return undefined;
}

function readLine(data: Record<string, unknown>, key: string, warnings: string[]): string | undefined {
	const text = readText(data, key, warnings);
	const line = text === undefined ? '' : cleanLine(text);
	return line === '' ? undefined : line;
}

/** Scalars of a one-level list; anything nested is refused (never walked, so shared alias trees cost nothing). */
function readScalars(list: readonly unknown[], key: string, warnings: string[]): string[] {
	const result: string[] = [];
	for (const entry of list.slice(0, maxTags * 4)) {
		if (typeof entry === 'string' || (typeof entry === 'number' && Number.isFinite(entry))) {
			const line = cleanLine(String(entry));
			if (line !== '' && !result.includes(line)) {
				result.push(line);
			}
		} else {
			warnings.push(`front matter "${key}" holds ${describe(entry)}; only text entries are kept`);
			break;
		}
	}

	return result.slice(0, maxTags);
}

function readTags(data: Record<string, unknown>, warnings: string[]): string[] | undefined {
	const value = data['tags'];
	if (typeof value === 'string') {
		return readScalars(value.split(','), 'tags', warnings);
	}

	if (Array.isArray(value)) {
		return readScalars(value as unknown[], 'tags', warnings);
	}

	if (value !== null && value !== undefined) {
		warnings.push(`front matter "tags" should be a list or comma-separated text but is ${describe(value)}; ignored`);
	}

	return undefined;
}

function readUrl(data: Record<string, unknown>, warnings: string[]): string | undefined {
	const text = readLine(data, 'url', warnings);
	if (text === undefined) {
		return undefined;
	}

	try {
		const url = new URL(text);
		if (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:') {
			return /\s/.test(text) ? url.href : text;
		}
	} catch {}

	warnings.push(`front matter "url" is not an http(s) or mailto address; ignored: ${text.slice(0, 80)}`);
	return undefined;
}

/**
What a front matter block holds: `fields` for a mapping (empty or not), `invalid` for text that fails to parse as
YAML yet opens like a field (`title: [unclosed`), which is front matter gone wrong, and `not-fields` for anything
else (a scalar, a list, or prose that is not YAML at all), which is the article's own Markdown between two rules.
*/
export type FrontMatterKind = 'fields' | 'invalid' | 'not-fields';

/** Parse the YAML text of front matter into checked, cleaned fields; problems become warnings, never exceptions. */
export function readFrontMatter(yaml: string): {fields: FrontMatter; warnings: string[]; kind: FrontMatterKind} {
	const warnings: string[] = [];
	let data: unknown;
	try {
		// JSON_SCHEMA keeps `2023-06-05` a string (no Date objects); `json` lets a duplicated key override quietly.
		data = load(yaml, {schema: JSON_SCHEMA, json: true});
	} catch (error) {
		const opensLikeField = /^\s*[\w"'-][^:\n]{0,80}:(?:[ \t]|$)/.test(yaml);
		if (!opensLikeField) {
			return {fields: {}, warnings, kind: 'not-fields'};
		}

		const message = error instanceof Error ? error.message.split('\n')[0] ?? '' : '';
		warnings.push(sanitizeLine(`front matter is not valid YAML; ignored (${message.slice(0, 160)})`));
		return {fields: {}, warnings, kind: 'invalid'};
	}

	if (data === null || data === undefined) {
		return {fields: {}, warnings, kind: 'fields'};
	}

	if (typeof data !== 'object' || Array.isArray(data)) {
		return {fields: {}, warnings, kind: 'not-fields'};
	}

	const record = data as Record<string, unknown>;
	const fields: FrontMatter = {};
	const id = readLine(record, 'id', warnings)?.replaceAll('\\', '/').replace(/^(?:\.\/)+/, '');
	const title = readLine(record, 'title', warnings);
	const source = readLine(record, 'source', warnings);
	const author = Array.isArray(record['author'])
		? readScalars(record['author'] as unknown[], 'author', warnings).join(', ') || undefined
		: readLine(record, 'author', warnings);
	const captionText = readText(record, 'caption', warnings);
	const caption = captionText === undefined ? '' : sanitizeText(decodeEntities(captionText)).trim();
	const dateText = readLine(record, 'date', warnings);
	const date = dateText === undefined ? undefined : parseDateline(dateText);
	if (dateText !== undefined && date === undefined) {
		warnings.push(`front matter "date" is not a date I can read; ignored: ${dateText.slice(0, 60)}`);
	}

	Object.assign(fields, {id, title, source, author, date, url: readUrl(record, warnings), tags: readTags(record, warnings)});
	if (caption !== '') {
		fields.caption = caption;
	}

	for (const key of Object.keys(fields) as Array<keyof FrontMatter>) {
		if (fields[key] === undefined) {
			delete fields[key];
		}
	}

	return {fields, warnings, kind: 'fields'};
}
