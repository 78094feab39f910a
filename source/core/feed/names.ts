/**
File and folder names made from feed text (titles, feed names), which is untrusted: a name here is only ever
lowercase letters, digits and single hyphens, never empty, never a dot file, never `..`, never a path, never a name
Windows reserves (CON, NUL, COM1…), and at most `maxSlugBytes` bytes of UTF-8, so it fits every file system.
*/

/** A slug's length limit in UTF-8 bytes; a file name adds a date and `.md` (at most 255 bytes on every common file system). */
export const maxSlugBytes = 80;

const reserved = /^(?:con|prn|aux|nul|com\d|lpt\d|conin\$|conout\$)$/;
const encoder = new TextEncoder();

/** Cut `text` to at most `bytes` bytes of UTF-8 without splitting a character. */
function cutToBytes(text: string, bytes: number): string {
	if (encoder.encode(text).length <= bytes) {
		return text;
	}

	let result = '';
	let used = 0;
	for (const character of text) {
		const size = encoder.encode(character).length;
		if (used + size > bytes) {
			break;
		}

		result += character;
		used += size;
	}

	return result;
}

/**
A slug of `text`: accents dropped, lowercase letters and digits of any script kept, everything else one hyphen,
bounded by `maxBytes` (cut at a hyphen where one is near the end). `fallback` when nothing is left.
*/
export function slugify(text: string, fallback = 'untitled', maxBytes = maxSlugBytes): string {
	const folded = text.slice(0, 2000).normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
	let slug = folded.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
	if (encoder.encode(slug).length > maxBytes) {
		const cut = cutToBytes(slug, maxBytes);
		const hyphen = cut.lastIndexOf('-');
		slug = (hyphen > cut.length / 2 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '');
	}

	if (slug === '') {
		return fallback;
	}

	return reserved.test(slug) ? `${slug}-` : slug;
}

/** The folder a feed's articles go to, from its name (or its URL's host when the name gives nothing). */
export function feedFolderName(name: string, url: string): string {
	let host = 'feed';
	try {
		host = new URL(url).hostname;
	} catch {}

	return slugify(name, slugify(host, 'feed'));
}

/** `YYYY-MM-DD-title-slug` for an article dated `date` (ISO 8601), without the extension. */
export function articleBaseName(date: string, title: string): string {
	const day = /^\d{4}-\d{2}-\d{2}/.exec(date)?.[0] ?? '1970-01-01';
	return `${day}-${slugify(title)}`;
}

/** `base` if `isTaken` says it is free, else `base-2`, `base-3`…: names never collide, whatever the feed repeats. */
export function uniqueName(base: string, isTaken: (name: string) => boolean): string {
	if (!isTaken(base)) {
		return base;
	}

	for (let counter = 2; ; counter++) {
		const candidate = `${base}-${counter}`;
		if (!isTaken(candidate)) {
			return candidate;
		}
	}
}

/** True for a name `slugify` could have made: what a subscription's `folder` attribute, written by hand, must be. */
export function isSafeName(name: string): boolean {
	return name.length > 0 && name.length <= maxSlugBytes * 2 && slugify(name, '') === name;
}
