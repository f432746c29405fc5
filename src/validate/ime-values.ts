/**
 * Values typed in a Chinese input method's full-width mode, in fields that
 * take a number, a date or one word of a list.
 *
 * Where the meaning is certain, the value is read as the clerk meant it,
 * with a warning that says how: full-width digits and signs (１２ → 12,
 * ２０２６－１１－０８ → 2026-11-08), and a number grouped by thousands with
 * `,` or `，` in groups of three (3，000，000 → 3000000). A grouping that is
 * not in threes (30，00，000) is left as written, for the field to refuse:
 * its number is a guess.
 *
 * Chinese quotation marks around a whole value (“集中畅谈”) are looked for
 * only once a field has refused the value, so a field that takes text,
 * where “…” is ordinary punctuation, is never concerned.
 */
import type { ParamsOf } from '../problems/problem.js';
import { IN_CHINESE_QUOTES } from '../schema/log-schema.js';

/** What is inside Chinese quotes that wrap a whole value, or undefined. */
export function insideChineseQuotes(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed.length >= 2 && IN_CHINESE_QUOTES.test(trimmed) ? trimmed.slice(1, -1).trim() : undefined;
}

/** Full-width forms of ASCII (U+FF01 to U+FF5E: ０-９, －, ．, ／, ，, ...) as ASCII. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

/** Full-width characters other than the comma (which grouping speaks of). */
const FULLWIDTH_BUT_COMMA = /[\uFF01-\uFF0B\uFF0D-\uFF5E]/;
const PLAIN_NUMBER = /^[-+]?\d+(?:\.\d+)?$/;
/** Thousands in groups of three: 1,000 and 12,345,678.5, not 1,00 or 0,123. */
const GROUPED_NUMBER = /^[-+]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/;
/** Digits with commas between, grouped well or not. */
const DIGITS_WITH_COMMAS = /^[-+]?\d+(?:,\d+)+(?:\.\d+)?$/;

export interface ReadWarning {
  field: string;
  code: 'W-FULLWIDTH-DIGITS' | 'W-NUMBER-GROUPING';
  params: ParamsOf<'W-FULLWIDTH-DIGITS' | 'W-NUMBER-GROUPING'>;
}

export interface ReadValues {
  /** The fields that were read differently from how they were written, with the value read. */
  values: Record<string, unknown>;
  warnings: ReadWarning[];
}

/** A number field's text as the number meant, or undefined when it is not one for certain. */
export function readNumber(written: string): { value: number; codes: ReadWarning['code'][] } | undefined {
  const trimmed = written.trim();
  const ascii = halfWidth(trimmed);
  const codes: ReadWarning['code'][] = FULLWIDTH_BUT_COMMA.test(trimmed) ? ['W-FULLWIDTH-DIGITS'] : [];
  if (PLAIN_NUMBER.test(ascii)) return codes.length > 0 ? { value: Number(ascii), codes } : undefined;
  if (GROUPED_NUMBER.test(ascii)) return { value: Number(ascii.replaceAll(',', '')), codes: [...codes, 'W-NUMBER-GROUPING'] };
  return undefined;
}

/** A date field's text with full-width digits and separators as ASCII, or undefined when it has none. */
export function readDate(written: string): string | undefined {
  return FULLWIDTH_BUT_COMMA.test(written) ? halfWidth(written.trim()) : undefined;
}

/** A number written with commas between its digits, without them: what a hint may offer to check. */
export function withoutCommas(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const ascii = halfWidth(value.trim());
  return DIGITS_WITH_COMMAS.test(ascii) ? ascii.replaceAll(',', '') : undefined;
}

/**
 * An entry's number and date fields as the clerk meant them. `numbers` and
 * `dates` name the fields of each sort (fieldsOfKind()).
 */
export function readFullwidthValues(raw: Record<string, unknown>, numbers: ReadonlySet<string>, dates: ReadonlySet<string>): ReadValues {
  const values: Record<string, unknown> = {};
  const warnings: ReadWarning[] = [];
  for (const [field, written] of Object.entries(raw)) {
    if (typeof written !== 'string') continue;
    if (numbers.has(field)) {
      const read = readNumber(written);
      if (!read) continue;
      values[field] = read.value;
      for (const code of read.codes) warnings.push({ field, code, params: { field, value: written.trim(), read: String(read.value) } });
    } else if (dates.has(field)) {
      const read = readDate(written);
      if (read === undefined) continue;
      values[field] = read;
      warnings.push({ field, code: 'W-FULLWIDTH-DIGITS', params: { field, value: written.trim(), read } });
    }
  }
  return { values, warnings };
}
