/**
In-band marks in rendered inline text: control characters that sanitised text never holds, so they can only come from
the renderer itself.
*/

/** A hard line break (Markdown `  \n` or `<br>`) inside inline text; sanitised text has no CR left. */
export const hardBreak = '\r';

/** Separates paragraphs in the text of an HTML block; sanitised text never holds this control character. */
export const paragraphMark = '\u001C';
