/**
Photo captions, credits and gallery counters as pages print them around an image: a caption that ends with its
credit ("… in old Damascus. (AFP)", "… on Monday. Photograph: Anna Berg/Reuters", "(AP Photo/Young Kwak)"), labelled
captions and credits ("Image caption, …", "Image source, Getty Images", "Photo: X / Agency"), and counters ("2 of 5",
"[2/4]"). Every pattern is anchored or bounded, and lines are at most 600 characters.
*/

/** What an image line is: its caption (label removed), a bare credit, or a gallery counter. */
export type ImageLine = {readonly kind: 'caption'; readonly text: string} | {readonly kind: 'credit' | 'gallery'};

const knownAgency = /^(?:AFP|AP|EPA|SPA|WAM|DPA|UPI|ANSA|KUNA|IRNA|QNA|MENA|PTI|IANS|TASS|AAP|NHK|EFE|PA|Reuters|Getty|Xinhua|Kyodo|Jiji|Yonhap|Anadolu|Bloomberg|Shutterstock|Alamy|AP Photo|File|Handout|Unsplash|Pool)\b/i;
// Arabic sites credit agencies in Arabic: AFP, Reuters, AP, SPA, WAM, dpa.
const arabicAgency = /^(?:أ\.?\s?ف\.?\s?ب|رويترز|أ\.?\s?ب|واس|وام|د\.?\s?ب\.?\s?أ|الأناضول|إ\.?\s?ب\.?\s?أ)\.?$/;
const photoWord = /\b(?:photo|photograph|image|images|picture|credit|via|foto|bild|imagen|immagine|crédit)\b|写真|图|صورة/iu;
const trailingAgency = /\s[-–—/]\s?(?:AFP|AP|EPA|SPA|WAM|DPA|UPI|EFE|Reuters|Getty Images|Xinhua|Kyodo|Anadolu|Bloomberg)(?:\s?\/\s?[\p{L} .'-]{1,40})?$/u;
const creditWords = '(?:photo(?:graph)?s?|picture|image|credit|foto(?:s|grafie)?|fot\\.|bild|imagen|immagine|crédit photo|crédits photo|crédit|crédito|illustration|фото|снимок)';
// The credit word is matched in any case; the name after it must start with a capital, which the case-insensitive
// pattern cannot say, so it is checked apart (isCreditName). Without ":" or "/" only an abbreviation ("Fot.") may stand.
const endingCredit = new RegExp(`(?:^|[\\s.])(${creditWords})(?:\\s?credit)?\\s{0,2}([:/©])?\\s{0,2}(\\S[^.!?]{0,60})$`, 'iu');
// "… Fot. Marek Nowak / PAP": a credit ending in an agency's initials after a slash.
const slashAgency = /\s\/\s?\p{Lu}{2,6}$/u;
const labelledCaption = /^(?:image caption|photo caption|picture caption|caption|légende|bildunterschrift|bildtext|pie de foto|didascalia|legenda|写真説明|图片说明|图说|تعليق الصورة)\s{0,2}[,:：]\s{0,2}(\S.{4,})$/iu;
const labelledCredit = new RegExp(`^(?:(?:image source|image credit|photo credit)\\s{0,2}[,:：]?|(?:photo|photograph|picture)s? by\\s|(?:pictures?|${creditWords}|写真|图片来源|图片|图|摄影|تصوير|صورة)\\s{0,2}[,:：/©])\\s{0,2}(\\S.{0,80})$`, 'iu');

/** Whether a credit's text starts like a name or agency: a capital, a digit, "©", or a letter of a script without case. */
function isCreditName(text: string): boolean {
	return /^[\p{Lu}\p{Lo}\d©]/u.test(text);
}

/** A caption ending with "Photograph: Jonas Ek/Reuters", "Foto: dpa", "Fot. Marek Nowak / PAP". */
function hasEndingCredit(line: string): boolean {
	const match = endingCredit.exec(line);
	return match !== null && isCreditName(match[3]!) && (match[2] !== undefined || match[1]!.endsWith('.'));
}
const gallery = /^(?:(?:image|photo|picture|slide|foto|bild|imagen|immagine|image|photo)\s{1,2})?\d{1,3}\s{0,2}(?:of|\/|de|von|sur|di|من|\/)\s{0,2}\d{1,3}$|^\[\d{1,3}\s{0,2}\/\s{0,2}\d{1,3}\]$|^\d{1,3}\s?枚目$/iu;

/** Whether a credit in parentheses names a photographer or agency: "(AFP)", "(Getty Images)", "(AP Photo/Jo Lee)". */
function isCredit(credit: string): boolean {
	return knownAgency.test(credit) || arabicAgency.test(credit) || photoWord.test(credit)
		|| /^[A-Z]{2,6}(?:\s?[/|]\s?[\p{L} .'-]{1,40})?$/u.test(credit);
}

/** A caption that ends with its credit: "… (AFP)", "… - AFP", "… Photograph: Anna Berg/Reuters", "… Foto: dpa". */
export function isCreditedCaption(line: string): boolean {
	const isCjk = /[\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]/.test(line.slice(0, 20));
	if (line.length < (isCjk ? 8 : 12) || line.length > 600 || (!line.includes(' ') && !isCjk)) {
		return false;
	}

	// "(AFP)", "（新华社）", "[Rafiq Hasan/Al Qamar]": a credit in brackets at the end.
	const bracketed = /[([（]([^()[\]（）]{2,60})[)\]）]\s?$/.exec(line);
	if (bracketed) {
		const credit = bracketed[1]!.trim();
		return isCredit(credit) || (line.endsWith(']') && /^[\p{Lu}][\p{L} .'-]{1,40}\/[\p{L} .'-]{2,40}$/u.test(credit)) || /^[\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}]{2,8}$/u.test(credit);
	}

	// Tabloid captions name who is shown: "Dave Tanner, 52, (pictured) scooped the jackpot".
	if (/\((?:pictured|left|right|centre|center|above|below|inset)(?:,?\s(?:left|right|centre|center))?\)/i.test(line) && !/[.!?]\s\p{Lu}/u.test(line)) {
		return true;
	}

	// Japanese papers: the scene, then "＝" and when and where it was taken ("…の通り＝3日午前8時、仙台市青葉区").
	if (/＝[^＝]{0,40}\d[^＝]{0,40}$/.test(line) && !line.endsWith('。')) {
		return true;
	}

	return trailingAgency.test(line) || hasEndingCredit(line) || (slashAgency.test(line) && /[.!?]\s/.test(line));
}

/**
What an image line is, or undefined when it is none. A labelled credit must be short and no sentence ("Image
source, Getty Images", "Photo: Anna Berg / AFP"); a labelled caption keeps its text without the label.
*/
export function readImageLine(line: string): ImageLine | undefined {
	if (line.length > 600) {
		return undefined;
	}

	if (line.length <= 40 && gallery.test(line)) {
		return {kind: 'gallery'};
	}

	const labelled = labelledCaption.exec(line);
	if (labelled) {
		return {kind: 'caption', text: labelled[1]!.trim()};
	}

	const credit = line.length <= 120 ? labelledCredit.exec(line) : undefined;
	if (credit && isCreditName(credit[1]!) && credit[1]!.split(' ').length <= 8 && !/[.!?]\s/.test(credit[1]!)) {
		return {kind: 'credit'};
	}

	if (/^\((?:AP Photo|Photo|Foto|Reuters|AFP|Getty)[^()]{0,60}\)$/i.test(line)) {
		return {kind: 'credit'};
	}

	return isCreditedCaption(line) ? {kind: 'caption', text: line} : undefined;
}

/** A caption label alone on its line ("Image caption,", "Caption:"), as pages print it over the caption's own line. */
export function isCaptionLabel(line: string): boolean {
	return /^(?:image caption|photo caption|picture caption|caption|légende|bildunterschrift|pie de foto|didascalia)\s?[,:：]?$/i.test(line);
}
