/**
The part of marked-terminal 7.3 that inkwire uses. The package ships no types, and `@types/marked-terminal` would pull in
an old marked, so this declares only what render-markdown.ts calls.
*/
declare module 'marked-terminal' {
	import type {MarkedExtension} from 'marked';

	/** A style applied to rendered text; inkwire passes its own so marked-terminal's global chalk is never consulted. */
	type Paint = (text: string) => string;

	export type TerminalRendererOptions = {
		code?: Paint;
		blockquote?: Paint;
		html?: Paint;
		heading?: Paint;
		firstHeading?: Paint;
		hr?: Paint;
		listitem?: Paint;
		table?: Paint;
		paragraph?: Paint;
		strong?: Paint;
		em?: Paint;
		codespan?: Paint;
		del?: Paint;
		link?: Paint;
		href?: Paint;
		text?: Paint;
		unescape?: boolean;
		emoji?: boolean;
		width?: number;
		showSectionPrefix?: boolean;
		reflowText?: boolean;
		tab?: number | string;
		tableOptions?: Record<string, unknown>;
	};

	export function markedTerminal(options?: TerminalRendererOptions, highlightOptions?: Record<string, unknown>): MarkedExtension;
}
