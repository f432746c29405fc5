/**
 * Text as XML 1.0 allows it: C0 controls other than tab, line feed and
 * carriage return, U+FFFE, U+FFFF and lone surrogates cannot be written in an
 * XML document at all, so a stray one from a log (a vertical tab pasted from
 * a spreadsheet, an escape from a terminal) would make the whole Word file
 * unreadable. They are dropped; everything else is kept as it is.
 */
export function xmlSafeText(text: string): string {
  // `u` makes \p{Cs} match only surrogates that are not part of a pair.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/gu, '');
}

/**
 * Text as HTML allows it: besides what XML forbids, DEL, the C1 controls and
 * the Unicode noncharacters are parse errors in HTML (the Nu checker rejects
 * them as forbidden code points). The HTML report, its inline SVG charts
 * included, goes through this whole, so nothing from a log reaches the page
 * with one of them.
 */
export function htmlSafeText(text: string): string {
  return xmlSafeText(text).replace(/[\u007f-\u009f]|\p{Noncharacter_Code_Point}/gu, '');
}

const REFERENCES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for XML content or an attribute value: made XML-safe, then the five markup characters written as references. */
export function escapeXml(text: string): string {
  return xmlSafeText(text).replace(/[<>&"']/g, (character) => REFERENCES[character]!);
}
