import test from 'ava';
import hljs from 'highlight.js/lib/core';
import {languages} from '../source/core/render/highlight-languages.js';
import {findLanguage, highlightCode, isLanguageReady, loadLanguages} from '../source/core/render/highlight.js';

test('the language table: every loader loads its language, and its aliases are the definition\'s own', async t => {
	for (const [name, {load, aliases}] of languages) {
		const definition = (await load()).default(hljs);
		t.deepEqual([...aliases].sort(), [...(definition.aliases ?? [])].sort(), name);
	}
});

test('fence info strings name languages by name or alias, any case, first word only', t => {
	t.is(findLanguage('js'), 'javascript');
	t.is(findLanguage('TypeScript {.line-numbers}'), 'typescript');
	t.is(findLanguage('  sh title="install"'), 'bash');
	t.is(findLanguage('html'), 'xml');
	t.is(findLanguage('text'), undefined);
	t.is(findLanguage('brainfuck'), undefined);
	t.is(findLanguage(''), undefined);
});

test('highlighting needs the language loaded, keeps every character, and loads what a language embeds', async t => {
	t.false(isLanguageReady('xml'));
	t.is(highlightCode('<b>x</b>', 'xml'), undefined);
	await loadLanguages(['xml']);
	t.true(isLanguageReady('xml'));
	t.true(isLanguageReady('css'));
	t.true(isLanguageReady('javascript'));
	const code = '<style>a { color: red }</style>\n<script>let x = "<&>";</script>';
	const spans = highlightCode(code, 'xml')!;
	t.is(spans.map(span => span.text).join(''), code);
	t.true(spans.some(span => span.scope === 'keyword'));
	t.true(spans.some(span => span.scope === 'string' && span.text.includes('<&>')));
});
