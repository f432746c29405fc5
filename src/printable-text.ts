/**
 * Text from logs, config and notes as a terminal may show it. A terminal
 * obeys the control characters in what it is given: an escape sequence in a
 * village's name could retitle the window, clear the screen or hide the rest
 * of a line, and a bidi override could make a line read backwards. So every
 * control character (C0 but where a line break or tab belongs, DEL, C1),
 * the line and paragraph separators and the bidi controls are shown as a
 * visible escape instead, `\x1b` or `\u202e`; all other text is kept as it is.
 * JSON output needs none of this: JSON escapes what it must itself.
 */

/** C0, DEL, C1, Arabic letter mark, LRM/RLM, line/paragraph separators, the bidi embeddings, overrides and isolates. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
const CONTROLS_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

function visible(character: string): string {
  const code = character.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A value shown within one line (a name, a cell, a path): line breaks and tabs are escaped too. */
export function printableText(text: string): string {
  return text.replace(CONTROLS, visible);
}

/** Text of several lines (a message, a listing): its line breaks and tabs are kept, every other control escaped. */
export function printableLines(text: string): string {
  return text.replace(CONTROLS_BUT_LINES, visible);
}
