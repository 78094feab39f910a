/**
Build-time stand-in for cli-highlight, which marked-terminal imports when it loads. inkwire uses marked-terminal only
for emoji shortcodes and highlights code itself (core/render/highlight.ts, only the languages an article names), so
the real module, which registers every highlight.js language, would cost about 170 ms for nothing. The bundle
resolves `cli-highlight` to this file for marked-terminal only.
*/
export function highlight(code: string): string {
	return code;
}
