/**
Emoji shortcodes (`:tada:`, `:rocket:`), as GitHub, Slack and many blogs and feeds write them, shown as the emoji they
name. marked-terminal does the replacement (its shortcode table is node-emoji's); inkwire lays out every block
itself, so only marked-terminal's paragraph transform is used, with identity styles and no reflow. It is loaded only
for an article that has something that looks like a shortcode (prepareRender awaits `loadEmoji`), so other articles
and start-up never pay for it.
*/
import type {MarkedExtension} from 'marked';

const shortcode = /:[A-Za-z\d_+-]{1,64}:/;

let replace: ((text: string) => string) | undefined;
let failure: string | undefined;

/** Whether `text` has something shaped like an emoji shortcode. */
export function hasShortcodes(text: string): boolean {
	return shortcode.test(text);
}

/** Whether shortcodes can be replaced now. */
export function isEmojiReady(): boolean {
	return replace !== undefined;
}

/** Why loading failed, if it did. */
export function emojiFailure(): string | undefined {
	return failure;
}

/** Load marked-terminal's shortcode replacement. Never throws: a failure is remembered and reported by the render. */
export async function loadEmoji(): Promise<void> {
	if (replace || failure) {
		return;
	}

	try {
		const {markedTerminal} = await import('marked-terminal');
		const identity = (text: string) => text;
		const extension: MarkedExtension = markedTerminal({emoji: true, unescape: false, reflowText: false, showSectionPrefix: false, paragraph: identity, text: identity});
		const paragraph = extension.renderer?.paragraph as unknown as (this: unknown, token: {tokens: unknown[]}) => string;
		replace = text => {
			// The renderer reads the paragraph's text through the parser it is given: here, the text itself.
			const rendered = paragraph.call({options: {}, parser: {parseInline: () => text}}, {tokens: []});
			return rendered.endsWith('\n\n') ? rendered.slice(0, -2) : rendered;
		};
	} catch (error) {
		failure = error instanceof Error ? error.message : String(error);
	}
}

/** `text` with its shortcodes as emoji when loaded; unknown shortcodes (`:not-one:`) stay as written. */
export function replaceShortcodes(text: string): string {
	if (!replace || !hasShortcodes(text)) {
		return text;
	}

	// marked-terminal follows each emoji with a space; the text's own space after it is enough.
	return replace(text).replaceAll(/(\p{Extended_Pictographic}\uFE0F?) (?=\s)/gu, '$1');
}
