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

const REFERENCES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for XML content or an attribute value: made XML-safe, then the five markup characters written as references. */
export function escapeXml(text: string): string {
  return xmlSafeText(text).replace(/[<>&"']/g, (character) => REFERENCES[character]!);
}
