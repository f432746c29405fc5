/**
 * Every problem code in one place: its severity, and the values its message
 * is made from. problem() takes exactly these values for a code, and each
 * catalogue's wording of a code reads exactly these, so a parameter renamed
 * or forgotten on either side fails to compile rather than printing nothing.
 *
 * Text values are as they were written (they are made printable when
 * printed); `'yes'` marks a variant of the message.
 */
import type { NoteSection } from '../notes/note-sections.js';
import type { Pillar } from '../schema/log-schema.js';

/** What stands where a regular file should be (load/read-regular-file.ts tells them apart). */
export type SpecialFileType = 'directory' | 'fifo' | 'socket' | 'character-device' | 'block-device' | 'other';

/** What every problem of a field checked by the schema carries (problems-from-issues.ts), besides its own values. */
export interface FieldParams {
  /** The field, as a path: `attendees`, `villages[2]`, `targets[1].atLeast`. */
  field: string;
  /** The value as written, shortened; absent when there is none or it is not a scalar. */
  value?: string;
  /** The entry's kind, for the fields of an entry. */
  kind?: string;
  /** The fields the entry's kind requires. */
  required?: readonly string[];
}

/** A problem whose message needs no values (Biome bans the bare `{}` type, which means "anything but null" rather than "nothing"). */
export type NoParams = Record<never, never>;

/** The values each problem's message is made from, by code. */
export interface ProblemParamsByCode {
  'E-CONFIG-MISSING': NoParams;
  /** `detail`: the system's error code (EACCES); `folder`: a folder of logs, not a file. */
  'E-FILE-UNREADABLE': { detail: string; folder?: 'yes' };
  'E-FILE-ENCODING': NoParams;
  /** `limit` in MB; `file: 'template'` for a report template, whose limit is fixed. */
  'E-FILE-TOO-LARGE': { bytes: number; limit: number; file?: 'template' };
  'E-BROKEN-LINK': NoParams;
  'E-LINK-LOOP': NoParams;
  'E-FILE-OUTSIDE-WORKSPACE': NoParams;
  'E-NOT-A-FILE': { type: SpecialFileType };
  'E-GLOB-OUTSIDE-WORKSPACE': { pattern: string; absolute: 'yes' | 'no' };
  'E-GLOB-TOO-COMPLEX': { pattern: string; reason: 'length' | 'braces'; limit: number };
  /** `yamlCode`: the parser's code for the mistake (BAD_INDENT); `detail`: its own words, for a code the catalogue does not explain. */
  'E-YAML-SYNTAX': { yamlCode: string; detail: string };
  'E-YAML-DUPLICATE-KEY': { key: string };
  'E-YAML-ALIAS-BOMB': NoParams;
  'E-YAML-MULTIPLE-DOCUMENTS': NoParams;
  /** `actual`: the kind of value found instead (describe-value.ts). */
  'E-NOT-A-MAPPING': { actual: string; scope: 'log' | 'config' };
  'E-ENTRIES-NOT-A-LIST': { actual: string };
  /** `index`: the entry's number, counted from 1. */
  'E-ENTRY-NOT-A-MAPPING': { index: number; actual: string };
  'E-UNKNOWN-PILLAR': { value: string; suggestion?: string };
  'E-UNKNOWN-KIND': { value?: string; suggestion?: string; allowed: readonly string[] };
  /** `fromDefault`: the pillar came from the top of the file. */
  'E-KIND-PILLAR-MISMATCH': { kind: string; pillar: Pillar; expectedPillar: Pillar; fromDefault?: 'yes' };
  /** `expectedPillar`: for a missing pillar, the one the entry's kind belongs to. */
  'E-MISSING-FIELD': FieldParams & { expectedPillar?: Pillar };
  /** `expected`, `actual`: kinds of value (text, integer, list...); `ungrouped`: a number written with commas out of groups of three, without them. */
  'E-WRONG-TYPE': FieldParams & { expected: string; actual: string; ungrouped?: string };
  /** `limit` is a number, or a percentage as written in a target (100%). */
  'E-OUT-OF-RANGE': FieldParams & { bound: 'min' | 'above' | 'max'; limit: number | string };
  'E-EMPTY-VALUE': FieldParams;
  /** `items`: a list with too many items, rather than text too long. */
  'E-TOO-LONG': FieldParams & { length: number; limit: number; items?: 'yes' };
  'E-NOT-ALLOWED': FieldParams & { allowed: readonly string[]; suggestion?: string };
  'E-DATE-FORMAT': FieldParams;
  'E-DATE-IMPOSSIBLE': FieldParams;
  'E-DATE-OUT-OF-RANGE': FieldParams & { first: number; last: number };
  'E-UNKNOWN-VILLAGE': { value: string; suggestion?: string };
  /** `first`: the item that lists the village already, counted from 1. */
  'E-DUPLICATE-VILLAGE': FieldParams & { first: number };
  /** `first`: where the id is used already (FILE:LINE). */
  'E-DUPLICATE-SUGGESTION-ID': { id: string; first: string };
  'E-DANGLING-REF': { ref: string; suggestion?: string };
  'E-RESOLVED-TWICE': { id: string; first: string };
  'E-RESOLUTION-BEFORE-SUGGESTION': { id: string; resolved: string; date: string };
  /** `name`: the variable, filter or template, or the limit (time, memory, depth); `limit`: the time limit's seconds; `detail`: LiquidJS's words. */
  'E-TEMPLATE': { reason: string; name?: string; limit?: number; detail: string };
  'E-TARGET-BOUND': FieldParams;
  'E-FULLWIDTH-COLON': { key: string; char: string; example: string };
  /** `key`: the field whose colon the space follows (after-colon). */
  'E-FULLWIDTH-SPACE': { where: 'indent' | 'blank' | 'after-dash' | 'after-colon'; key?: string };
  'E-FULLWIDTH-DASH': { char: string; example: string };
  'E-FULLWIDTH-QUOTES': FieldParams & { example: string };
  /** A township report that cannot go into a rollup: not JSON (`found`: the text where it breaks; absent at the end). */
  'E-ROLLUP-NOT-JSON': { found?: string };
  /** JSON nested deeper than any report (MAX_JSON_DEPTH). */
  'E-ROLLUP-TOO-DEEP': { limit: number };
  /** JSON, but not a revitalize report; `actual`: the kind of JSON value it is. */
  'E-ROLLUP-NOT-A-REPORT': { actual: string };
  /** A report of another schema version; `newer`: newer than this version reads. */
  'E-ROLLUP-SCHEMA-VERSION': { version: number; expected: number; newer: 'yes' | 'no' };
  /**
   * A report whose fields are not what this version writes: at `path`,
   * `expected` (a JSON type, 'oneOf' of `allowed`, or 'valid'), `actual`
   * found; `more`: the count of other such problems not told.
   */
  'E-ROLLUP-WRONG-SHAPE': { path: string; expected: string; actual: string; allowed?: readonly string[]; more?: number };
  /** A report of `month`, where `first` is of the `expected` month. */
  'E-ROLLUP-OTHER-MONTH': { month: string; expected: string; first: string };
  'E-ROLLUP-SAME-TOWNSHIP': { region: string; first: string };
  'E-ROLLUP-SAME-VILLAGE': { village: string; first: string };
  /**
   * A spreadsheet given to `import` that cannot be read: `file-type` not
   * .xlsx or .csv (`type`: its extension), `not-xlsx` not a workbook,
   * `unpacked` larger unpacked than `limit` MB (a zip bomb), `encoding` a
   * CSV in no encoding it could be.
   */
  'E-SHEET-UNREADABLE': { reason: 'file-type' | 'not-xlsx' | 'unpacked' | 'encoding'; type?: string; limit?: number };
  /** A spreadsheet over a limit of src/limits.ts: its size in MB, or a sheet's rows or columns; `found` how many. */
  'E-SHEET-TOO-LARGE': { what: 'bytes' | 'rows' | 'columns'; limit: number; found: number };
  /** A sheet with data that is named after no kind and has no kind column; `suggestion` the nearest kind's name. */
  'E-SHEET-NO-KIND': { sheet: string; suggestion?: string };
  /** A sheet of `kind` with data but no heading row that names its columns. */
  'E-SHEET-NO-HEADER': { sheet: string; kind: string; headings: readonly string[] };
  /** A formula cell saved without its value (never evaluated here). */
  'E-SHEET-FORMULA': { formula: string };
  /** A row imported before (`first`: the entry it became, FILE:LINE) whose cells have changed since. */
  'E-IMPORT-ROW-CHANGED': { source: string; first: string; fields: readonly string[] };
  /** A column whose heading names no field of the sheet's kind: left out. */
  'W-SHEET-EXTRA-COLUMN': { heading: string; allowed: readonly string[] };
  'W-UNKNOWN-FIELD': { field: string; kind?: string; suggestion?: string; allowed: readonly string[] };
  'W-EMPTY-FILE': NoParams;
  'W-NO-ENTRIES': NoParams;
  'W-NO-LOG-FILES': { patterns: readonly string[] };
  'W-GLOB-MATCHED-FOLDER': { folder: string };
  'W-FILE-GB18030': NoParams;
  /** `folder`: the month of the file's folder, as YYYY/MM. */
  'W-DATE-OUTSIDE-FOLDER': { value: string; folder: string };
  'W-DATE-IN-FUTURE': { value: string; today: string };
  'W-NO-RECIPIENT': NoParams;
  'W-NO-ISSUER': { region: string };
  /** `month`: YYYY-MM. */
  'W-MONTH-EMPTY': { month: string };
  'W-VILLAGES-SILENT': { month: string; villages: readonly string[] };
  'W-NOTES-MISSING': { month?: string };
  /** `empty`: the heading is there with nothing under it. */
  'W-NOTES-SECTION-MISSING': { section: NoteSection; empty?: 'yes' };
  'W-NOTES-UNKNOWN-SECTION': { heading: string; suggestion?: NoteSection };
  'W-NOTES-STRAY-TEXT': NoParams;
  'W-NOTES-BAD-NAME': { name: string; suggestion?: string };
  /** `read`: the number as it was read. */
  'W-FULLWIDTH-DIGITS': { field: string; value: string; read: string };
  'W-NUMBER-GROUPING': { field: string; value: string; read: string };
}

export type ProblemCode = keyof ProblemParamsByCode;
export type Severity = 'error' | 'warning';
export type ParamsOf<C extends ProblemCode> = ProblemParamsByCode[C];

/**
 * Each code's severity, in the order the error catalogue lists them
 * (errors, then warnings). An error stops a report (exit 1); a warning is
 * printed and written beside it.
 */
export const PROBLEM_SEVERITY = {
  'E-CONFIG-MISSING': 'error',
  'E-FILE-UNREADABLE': 'error',
  'E-FILE-ENCODING': 'error',
  'E-FILE-TOO-LARGE': 'error',
  'E-BROKEN-LINK': 'error',
  'E-LINK-LOOP': 'error',
  'E-FILE-OUTSIDE-WORKSPACE': 'error',
  'E-NOT-A-FILE': 'error',
  'E-GLOB-OUTSIDE-WORKSPACE': 'error',
  'E-GLOB-TOO-COMPLEX': 'error',
  'E-YAML-SYNTAX': 'error',
  'E-YAML-DUPLICATE-KEY': 'error',
  'E-YAML-ALIAS-BOMB': 'error',
  'E-YAML-MULTIPLE-DOCUMENTS': 'error',
  'E-NOT-A-MAPPING': 'error',
  'E-ENTRIES-NOT-A-LIST': 'error',
  'E-ENTRY-NOT-A-MAPPING': 'error',
  'E-UNKNOWN-PILLAR': 'error',
  'E-UNKNOWN-KIND': 'error',
  'E-KIND-PILLAR-MISMATCH': 'error',
  'E-MISSING-FIELD': 'error',
  'E-WRONG-TYPE': 'error',
  'E-OUT-OF-RANGE': 'error',
  'E-EMPTY-VALUE': 'error',
  'E-TOO-LONG': 'error',
  'E-NOT-ALLOWED': 'error',
  'E-DATE-FORMAT': 'error',
  'E-DATE-IMPOSSIBLE': 'error',
  'E-DATE-OUT-OF-RANGE': 'error',
  'E-UNKNOWN-VILLAGE': 'error',
  'E-DUPLICATE-VILLAGE': 'error',
  'E-DUPLICATE-SUGGESTION-ID': 'error',
  'E-DANGLING-REF': 'error',
  'E-RESOLVED-TWICE': 'error',
  'E-RESOLUTION-BEFORE-SUGGESTION': 'error',
  'E-TEMPLATE': 'error',
  'E-TARGET-BOUND': 'error',
  'E-FULLWIDTH-COLON': 'error',
  'E-FULLWIDTH-SPACE': 'error',
  'E-FULLWIDTH-DASH': 'error',
  'E-FULLWIDTH-QUOTES': 'error',
  'E-ROLLUP-NOT-JSON': 'error',
  'E-ROLLUP-TOO-DEEP': 'error',
  'E-ROLLUP-NOT-A-REPORT': 'error',
  'E-ROLLUP-SCHEMA-VERSION': 'error',
  'E-ROLLUP-WRONG-SHAPE': 'error',
  'E-ROLLUP-OTHER-MONTH': 'error',
  'E-ROLLUP-SAME-TOWNSHIP': 'error',
  'E-ROLLUP-SAME-VILLAGE': 'error',
  'E-SHEET-UNREADABLE': 'error',
  'E-SHEET-TOO-LARGE': 'error',
  'E-SHEET-NO-KIND': 'error',
  'E-SHEET-NO-HEADER': 'error',
  'E-SHEET-FORMULA': 'error',
  'E-IMPORT-ROW-CHANGED': 'error',
  'W-UNKNOWN-FIELD': 'warning',
  'W-EMPTY-FILE': 'warning',
  'W-NO-ENTRIES': 'warning',
  'W-NO-LOG-FILES': 'warning',
  'W-GLOB-MATCHED-FOLDER': 'warning',
  'W-FILE-GB18030': 'warning',
  'W-DATE-OUTSIDE-FOLDER': 'warning',
  'W-DATE-IN-FUTURE': 'warning',
  'W-NO-RECIPIENT': 'warning',
  'W-NO-ISSUER': 'warning',
  'W-MONTH-EMPTY': 'warning',
  'W-VILLAGES-SILENT': 'warning',
  'W-NOTES-MISSING': 'warning',
  'W-NOTES-SECTION-MISSING': 'warning',
  'W-NOTES-UNKNOWN-SECTION': 'warning',
  'W-NOTES-STRAY-TEXT': 'warning',
  'W-NOTES-BAD-NAME': 'warning',
  'W-FULLWIDTH-DIGITS': 'warning',
  'W-NUMBER-GROUPING': 'warning',
  'W-SHEET-EXTRA-COLUMN': 'warning',
} as const satisfies Record<ProblemCode, Severity>;

/** The codes of rollup's refusals of a township report: `revitalize rollup` finds them, not `check`. */
export const ROLLUP_CODES = [
  'E-ROLLUP-NOT-JSON',
  'E-ROLLUP-TOO-DEEP',
  'E-ROLLUP-NOT-A-REPORT',
  'E-ROLLUP-SCHEMA-VERSION',
  'E-ROLLUP-WRONG-SHAPE',
  'E-ROLLUP-OTHER-MONTH',
  'E-ROLLUP-SAME-TOWNSHIP',
  'E-ROLLUP-SAME-VILLAGE',
] as const satisfies readonly ProblemCode[];
export type RollupCode = (typeof ROLLUP_CODES)[number];

/** The codes only `revitalize import` finds, in a spreadsheet rather than a log. */
export const IMPORT_CODES = [
  'E-SHEET-UNREADABLE',
  'E-SHEET-TOO-LARGE',
  'E-SHEET-NO-KIND',
  'E-SHEET-NO-HEADER',
  'E-SHEET-FORMULA',
  'E-IMPORT-ROW-CHANGED',
  'W-SHEET-EXTRA-COLUMN',
] as const satisfies readonly ProblemCode[];
