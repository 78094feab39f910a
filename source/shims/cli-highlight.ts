/**
Build-time stand-in for cli-highlight, which marked-terminal imports at load time. inkwire renders code blocks itself
(plain, never syntax-coloured: article code is untrusted and rarely code), so the real module, with every highlight.js
language it registers, cost about 170 ms of start-up for nothing. The bundle aliases `cli-highlight` to this file.
*/
export function highlight(code: string): string {
	return code;
}
