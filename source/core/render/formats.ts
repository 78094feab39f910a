/**
The article as text for other programs: Markdown and JSON for `show --format`, plus the date and metadata line that
the terminal header shares. Every field is sanitised; no format lets an article's control characters through.
*/
import type {Article} from '../article/article.js';
import {metaToJson} from './list-format.js';
import {escapeMarkdown} from '../text/markdown-escape.js';
import {isControlCode, sanitizeLine, sanitizeText} from '../text/sanitize.js';

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const dayNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const isoDate = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:[.,]\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/i;

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
A readable date from ISO 8601 of any precision, never adding a time zone the article did not give:
"2020" -> "2020", "2020-06" -> "Jun 2020", "2020-06-26T07:00" -> "Fri 26 Jun 2020 07:00",
"2022-03-14T09:15Z" -> "Mon 14 Mar 2022 09:15 UTC". Anything else comes back sanitised, as written.
*/
export function formatDate(date: string): string {
	const text = sanitizeLine(date);
	const match = isoDate.exec(text);
	if (!match) {
		return text;
	}

	const [, yearText, monthText, dayText, hours, minutes, zone] = match;
	const year = Number(yearText);
	if (monthText === undefined) {
		return String(year);
	}

	const month = Number(monthText);
	if (month < 1 || month > 12) {
		return text;
	}

	if (dayText === undefined) {
		return `${monthNames[month - 1]} ${year}`;
	}

	const day = Number(dayText);
	if (day < 1 || day > daysInMonth(year, month)) {
		return text;
	}

	// The weekday of a calendar date does not depend on any time zone; UTC is only the arithmetic.
	const weekday = dayNames[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
	let formatted = `${weekday} ${day} ${monthNames[month - 1]} ${year}`;
	if (hours !== undefined && minutes !== undefined) {
		if (Number(hours) > 23 || Number(minutes) > 59) {
			return text;
		}

		formatted += ` ${hours}:${minutes}`;
		if (zone !== undefined) {
			formatted += zone.toUpperCase() === 'Z' ? ' UTC' : ` ${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`;
		}
	}

	return formatted;
}

/** "Asharq Al-Awsat · Jane Doe · Fri 26 Jun 2020 07:00 · 4 min read": the parts the article has, sanitised. */
export function formatMetadata(article: Article): string {
	const parts = [article.source, article.author].map(part => sanitizeLine(part ?? ''));
	parts.push(article.date === undefined ? '' : formatDate(article.date));
	parts.push(`${Math.max(1, Math.round(article.readingMinutes))} min read`);
	return parts.filter(part => part !== '').join(' · ');
}

// Character references a later Markdown renderer would turn into control characters or bidi marks.
const dangerousReference = /&(#\d{1,8}|#[xX][\da-fA-F]{1,7}|lrm|rlm);/g;

/** The body as safe Markdown: controls removed, and references that would decode to controls escaped as text. */
function cleanBody(body: string): string {
	return sanitizeText(body).replace(dangerousReference, (reference, name: string) => {
		if (name === 'lrm' || name === 'rlm') {
			return `&amp;${name};`;
		}

		const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
		return isControlCode(code) ? `&amp;${name};` : reference;
	}).replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}

/** The body without a first `# Title` heading that repeats the title written above it. */
function withoutTitleHeading(body: string, title: string): string {
	const match = /^#{1,2}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*(?:\n|$)/.exec(body);
	if (!match || title === '' || match[1]!.trim().toLowerCase() !== title.toLowerCase()) {
		return body;
	}

	return body.slice(match[0].length).replace(/^(?:[ \t]*\n)+/, '');
}

/**
The cleaned article as Markdown with a title header (`# Title`, then a metadata line, caption as an italic
paragraph or blockquote, then the body).
*/
export function formatMarkdown(article: Article): string {
	const blocks = [`# ${escapeMarkdown(sanitizeLine(article.title)) || 'Untitled'}`, escapeMarkdown(formatMetadata(article))];
	const url = sanitizeLine(article.url ?? '');
	if (/^https?:\/\/[^\s<>]+$/i.test(url)) {
		blocks.push(`<${url}>`);
	}

	const caption = sanitizeLine(article.caption ?? '');
	if (caption !== '') {
		blocks.push(`*${escapeMarkdown(caption)}*`);
	}

	const body = withoutTitleHeading(cleanBody(article.body), sanitizeLine(article.title));
	if (body !== '') {
		blocks.push(body);
	}

	return blocks.join('\n\n') + '\n';
}

/**
JSON for `show --format json`: {id, title, source, author, date, url, caption, tags, words, readingMinutes, read, body}
with missing optional fields as null and body in Markdown. Pretty-printed with 2 spaces, trailing newline.
*/
export function formatJson(article: Article, read: boolean, starred = false): string {
	return JSON.stringify({...metaToJson(article, read, starred), body: cleanBody(article.body)}, null, 2) + '\n';
}
