/**
Which files of a store are articles, and which paths the store may write one to. Names come from feeds, so they are
untrusted: only a plain relative path to a file the scan would list is taken, never one that climbs out (`..`),
starts at the root, hides (a dot), or is too long for a file system.

This module is light on purpose (no parser behind it): the walk needs it on every start, and a warm start must not
load the parser.
*/
import type {ArticleFormat} from '../article/article.js';

/**
The format of an article file by its name: `.md` and `.markdown` are Markdown, `.txt` is scraped text, `.html` and
`.htm` a page saved from a browser, any case; undefined for anything else (not an article).
*/
export function articleFormatOf(name: string): ArticleFormat | undefined {
	// The usual lowercase names first, without making a lowercase copy of every name in the store.
	if (name.endsWith('.md')) {
		return 'markdown';
	}

	if (name.endsWith('.txt')) {
		return 'text';
	}

	const lower = name.toLowerCase();
	if (lower.endsWith('.md') || lower.endsWith('.markdown')) {
		return 'markdown';
	}

	if (lower.endsWith('.html') || lower.endsWith('.htm')) {
		return 'html';
	}

	return lower.endsWith('.txt') ? 'text' : undefined;
}

/** Most file systems take at most 255 bytes a name. */
const maxNameBytes = 255;

/**
Whether a relative path is one the walk could have produced: not empty, not absolute, no empty or hidden segment
(which also rules out `.` and `..`), no NUL, no backslash (which ids read as a slash).
*/
function isStoreRelativePath(relativePath: string): boolean {
	return relativePath.length > 0 && relativePath[0] !== '/' && relativePath[0] !== '.' && !relativePath.includes('/.')
		&& !relativePath.includes('//') && !relativePath.endsWith('/') && !relativePath.includes('\0') && !relativePath.includes('\\');
}

/** Why `relativePath` (`/`-separated) is not a path the store may write, or undefined when it is one. */
export function checkArticlePath(relativePath: string): string | undefined {
	if (!isStoreRelativePath(relativePath)) {
		return 'not a plain relative path inside the store';
	}

	const segments = relativePath.split('/');
	if (segments.includes('node_modules')) {
		return 'the scan leaves node_modules out';
	}

	const encoder = new TextEncoder();
	if (segments.some(segment => encoder.encode(segment).length > maxNameBytes)) {
		return `a name longer than ${maxNameBytes} bytes`;
	}

	return articleFormatOf(relativePath) ? undefined : 'not an article file name (.md, .markdown, .txt or .html)';
}
