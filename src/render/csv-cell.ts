/**
 * A cell of a CSV file as a spreadsheet may safely open it. Excel, WPS and
 * LibreOffice read a cell that starts with `=`, `+`, `-` or `@` (or a tab or
 * carriage return before one) as a formula, so a resident's suggestion
 * `=HYPERLINK("http://…"&A1,"点击")` would become a live link, or worse, on
 * the clerk's computer. As OWASP recommends, such text is written with a
 * leading `'`, which makes the spreadsheet show it as text. Numbers are never
 * changed: a number value, and text that is just a number (`-3`, `-12.5%`),
 * which a spreadsheet reads as that number and never evaluates.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?$/;

export function csvCell(value: string | number): string | number {
  if (typeof value !== 'string' || !FORMULA_START.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}
