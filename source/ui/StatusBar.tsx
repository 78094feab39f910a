import {Text} from 'ink';
import stringWidth from 'string-width';
import {bindingsFor, keyLabel, type KeyAction, type KeyContext} from '../core/keymap.js';
import {fitWidth, padToWidth} from '../core/list-row.js';

/** "↑↓ move": the first key of each action, then a word. */
function hint(context: KeyContext, actions: readonly KeyAction[], word: string, separator = '/'): string {
	const keys = actions.map(action => {
		const binding = bindingsFor(context).find(candidate => candidate.action === action);
		return binding?.keys[0] === undefined ? '' : keyLabel(binding.keys[0]);
	});
	return `${keys.join(separator)} ${word}`;
}

/** The list's main keys, from the key map. */
export const listHints = [
	hint('list', ['up', 'down'], 'move', ''),
	hint('list', ['open'], 'open'),
	hint('list', ['toggle-read'], 'read'),
	hint('list', ['toggle-unread-only'], 'unread only'),
	hint('list', ['filter'], 'filter'),
	hint('list', ['mark-all-read'], 'all read'),
	hint('list', ['quit'], 'quit'),
].join(' · ');

/** The article's main keys, from the key map. */
export const articleHints = [
	hint('article', ['page-down'], 'page'),
	hint('article', ['next-article', 'previous-article'], 'next/previous'),
	hint('article', ['open-url'], 'browser'),
	hint('article', ['back'], 'back'),
].join(' · ');

/** "? help", with the key from the key map. */
export const helpHint = `${keyLabel(bindingsFor('global').find(binding => binding.action === 'help')?.keys[0] ?? '?')} help`;

type Props = {
	/** Key hints, a message or a question; cut first when the line is too narrow. */
	readonly left: string;
	/** Position and `? help`; kept whole while there is room. */
	readonly right: string;
	/** Columns of the terminal. */
	readonly width: number;
	/** A message or question rather than hints: shown bold. */
	readonly isMessage?: boolean;
};

/** One line at the bottom of the screen: hints or a message on the left, position and `? help` on the right. */
export default function StatusBar({left, right, width, isMessage = false}: Props) {
	const rightWidth = Math.min(stringWidth(right), width);
	const leftWidth = Math.max(0, width - rightWidth - 1);
	const line = leftWidth > 0 ? `${padToWidth(left, leftWidth)} ${fitWidth(right, rightWidth)}` : fitWidth(right, width);
	return (
		<Text inverse bold={isMessage} wrap="truncate-end">
			{line}
		</Text>
	);
}
