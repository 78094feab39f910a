/**
The part of marked-terminal 7.3 that inkwire uses. The package ships no types, and `@types/marked-terminal` would pull
in an old marked, so this declares only what core/render/emoji.ts calls.
*/
declare module 'marked-terminal' {
	import type {MarkedExtension} from 'marked';

	/** A style applied to rendered text; inkwire passes identities, so marked-terminal's chalk styling is never used. */
	type Paint = (text: string) => string;

	export type TerminalRendererOptions = {
		paragraph?: Paint;
		text?: Paint;
		unescape?: boolean;
		emoji?: boolean;
		reflowText?: boolean;
		showSectionPrefix?: boolean;
	};

	export function markedTerminal(options?: TerminalRendererOptions, highlightOptions?: Record<string, unknown>): MarkedExtension;
}
