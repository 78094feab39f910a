/**
Syntax colours for code blocks, with highlight.js core and only the languages an article names. Loading is
asynchronous (each language is its own chunk), so it happens in `loadLanguages`, which prepareRender awaits before a
render; highlighting itself is synchronous and only ever uses what is loaded.
*/
import type {HLJSApi} from 'highlight.js';
import {Parser} from 'htmlparser2';
import {languages} from './highlight-languages.js';

/** A run of code text and the highlight.js scope that colours it (none for plain text). */
export type CodeSpan = {readonly text: string; readonly scope?: string};

// Languages whose definitions embed others: HTML carries CSS and JavaScript, a PHP template carries PHP and HTML.
const embedded = new Map<string, readonly string[]>([
	['xml', ['css', 'javascript']],
	['php-template', ['php', 'xml']],
	['markdown', ['xml']],
]);

const byName = new Map<string, string>();
for (const [name, {aliases}] of languages) {
	byName.set(name, name);
	for (const alias of aliases) {
		byName.set(alias, name);
	}
}

let core: HLJSApi | undefined;
let failure: string | undefined;
const registered = new Set<string>();

/** The highlight.js name of the language a fence's info string names (`js`, `TypeScript`…), if inkwire knows it. */
export function findLanguage(info: string): string | undefined {
	const word = /^[^\s{,]+/.exec(info.trim())?.[0]?.toLowerCase();
	const name = word === undefined ? undefined : byName.get(word);
	return name === 'plaintext' ? undefined : name;
}

/** Whether `name` can be highlighted now, without loading anything. */
export function isLanguageReady(name: string): boolean {
	return registered.has(name);
}

/** Why the last load failed, if it did (a chunk missing from the bundle, say). */
export function highlightFailure(): string | undefined {
	return failure;
}

/** Load highlight.js core and the named languages (with those they embed). Never throws: a failure is remembered. */
export async function loadLanguages(names: Iterable<string>): Promise<void> {
	const wanted = new Set<string>();
	for (const name of names) {
		wanted.add(name);
		for (const inner of embedded.get(name) ?? []) {
			wanted.add(inner);
		}
	}

	const missing = [...wanted].filter(name => !registered.has(name) && languages.has(name));
	if (missing.length === 0) {
		return;
	}

	try {
		core ??= (await import('highlight.js/lib/core')).default;
		const definitions = await Promise.all(missing.map(async name => ({name, module: await languages.get(name)!.load()})));
		for (const {name, module} of definitions) {
			core.registerLanguage(name, module.default);
			registered.add(name);
		}
	} catch (error) {
		failure = error instanceof Error ? error.message : String(error);
	}
}

/** `code` cut into coloured spans, or undefined when its language is not loaded. The spans keep every character. */
export function highlightCode(code: string, name: string): CodeSpan[] | undefined {
	if (core === undefined || !registered.has(name)) {
		return undefined;
	}

	const html = core.highlight(code, {language: name, ignoreIllegals: true}).value;
	const spans: CodeSpan[] = [];
	const scopes: Array<string | undefined> = [];
	const parser = new Parser({
		onopentag(_tag, attributes) {
			// highlight.js 11 writes `hljs-title function_` for the scope title.function.
			const classes = (attributes['class'] ?? '').split(/\s+/).filter(Boolean);
			const [first, ...rest] = classes;
			scopes.push(first?.startsWith('hljs-') ? [first.slice(5), ...rest.map(part => part.replace(/_+$/, ''))].join('.') : scopes.at(-1));
		},
		onclosetag() {
			scopes.pop();
		},
		ontext(text) {
			// htmlparser2 reports text in pieces (at every entity): pieces of one scope make one span.
			const scope = scopes.at(-1);
			const last = spans.at(-1);
			if (last !== undefined && last.scope === scope) {
				spans[spans.length - 1] = {...last, text: last.text + text};
			} else {
				spans.push(scope === undefined ? {text} : {text, scope});
			}
		},
	}, {decodeEntities: true});
	parser.write(html);
	parser.end();
	return spans;
}
