/**
 * A spreadsheet's sheets → the entries its rows stand for, each with where
 * it came from, and a problem for whatever cannot be read as a row of an
 * entry. Which kind a row is: its sheet's name (a kind, or the open
 * suggestions), or a 类型/kind column. The heading row is the first of the
 * first ten that names two of the kind's columns (a title above it, merged
 * or not, is passed over); columns are found by their headings, in any
 * order, and a heading that names nothing is left out with a warning.
 * A row with nothing filled in but what the workbook filled in (the
 * village, a suggestion to resolve) is no entry. Cells become values as
 * `add` types them (entry-fields.ts): a date cell or an Excel date serial
 * as a day, lists split on 、 or commas, a choice by its value or its name
 * in either language; full-width digits are read with a warning, as in a
 * log. Pure.
 */
import type { Catalogue } from '../i18n/catalogue.js';
import { catalogueFor } from '../i18n/catalogues.js';
import { LOCALES } from '../i18n/locale.js';
import type { Problem, SourceLocation } from '../problems/problem.js';
import { problem } from '../problems/problem.js';
import type { EntryDraft } from '../record/new-entry.js';
import { CROSS_VILLAGE_KINDS } from '../record/new-entry.js';
import { KIND_NAMES } from '../schema/kind-names.js';
import type { Kind } from '../schema/log-schema.js';
import { KINDS, isKind, isoDate } from '../schema/log-schema.js';
import { readDate, readNumber } from '../validate/ime-values.js';
import { nearestName } from '../validate/nearest-name.js';
import type { CellValue, SheetGrid } from './read-spreadsheet.js';
import type { SheetColumn } from './sheet-columns.js';
import { columnHeading, fieldsOfHeading, isInstructionsSheet, kindColumns, kindOfSheetName } from './sheet-columns.js';

/** An entry read off a row, and where each of its values was. */
export interface RowDraft {
  draft: EntryDraft;
  /** The row, as an entry's `source` records it. */
  source: string;
  /** The row, for problems of the whole entry. */
  at: SourceLocation;
  /** A field's cell; the row when the field has no column. */
  locate: (field: string) => SourceLocation;
  /** Whether the row gave its own suggestion id (else one is assigned). */
  ownId: boolean;
  /** How cells were read otherwise than written (full-width digits): told unless the row was imported before. */
  warnings: Problem[];
}

export interface ReadRows {
  rows: RowDraft[];
  problems: Problem[];
  /** Each column's heading as the sheet has it, by columnKey() of a cell in it: for problems told in the sheet's words. */
  headings: Map<string, string>;
}

/** A cell's column, for `headings`: the workbook's `FILE:SHEET!D7` without its row, a CSV's file and column. */
export function columnKey(at: SourceLocation): string {
  return at.line === 0 ? at.file.replace(/\d+$/, '') : `${at.file}\u0000${at.col}`;
}

/** Rows looked at for the heading row. */
const HEADING_ROWS = 10;

/** Every sheet's rows as drafts. `csvKind`: the kind a CSV file's name gives it, if any. */
export function rowsToDrafts(sheets: readonly SheetGrid[], catalogue: Catalogue, csvKind?: Kind): ReadRows {
  const result: ReadRows = { rows: [], problems: [], headings: new Map() };
  for (const sheet of sheets) readSheet(sheet, sheet.name === undefined ? csvKind : kindOfSheetName(sheet.name), catalogue, result);
  return result;
}

function readSheet(sheet: SheetGrid, sheetKind: Kind | undefined, catalogue: Catalogue, out: ReadRows): void {
  if (sheet.name !== undefined && isInstructionsSheet(sheet.name)) return;
  if (sheet.rows.length === 0) return;
  const heading = sheet.rows
    .slice(0, HEADING_ROWS)
    .find((row) => row.cells.filter((cell) => typeof cell === 'string' && fieldsOfHeading(cell, sheetKind).length > 0).length >= 2);
  const hasKindColumn = heading?.cells.some((cell) => typeof cell === 'string' && fieldsOfHeading(cell, undefined).includes('kind')) ?? false;
  const label = sheet.name ?? sheet.place(1).file;
  if (sheetKind === undefined && !hasKindColumn) {
    const names = KINDS.flatMap((kind) => LOCALES.map((locale) => KIND_NAMES[locale][kind]));
    out.problems.push(problem('E-SHEET-NO-KIND', sheet.place(1, 1), { sheet: label, suggestion: nearestName(sheet.name ?? '', names) }));
    return;
  }
  if (!heading) {
    const kind = sheetKind!;
    const headings = kindColumns(kind).map((column) => columnHeading(kind, column, catalogue));
    out.problems.push(problem('E-SHEET-NO-HEADER', sheet.place(sheet.rows[0]!.row, 1), { sheet: label, kind: catalogue.kinds[kind], headings }));
    return;
  }
  const kindOf = hasKindColumn ? undefined : sheetKind;
  const columns = new Map<number, string[]>();
  heading.cells.forEach((cell, index) => {
    if (cell === undefined) return;
    const fields = typeof cell === 'string' ? fieldsOfHeading(cell, kindOf) : [];
    if (fields.length > 0) {
      columns.set(index, fields);
      // As the village reads it, without the mark of a column to fill in.
      out.headings.set(
        columnKey(sheet.place(heading.row, index + 1)),
        cellText(cell)
          .replace(/[*＊]\s*$/, '')
          .trim(),
      );
    } else {
      const allowed = kindOf === undefined ? [] : kindColumns(kindOf).map((column) => columnHeading(kindOf, column, catalogue));
      out.problems.push(problem('W-SHEET-EXTRA-COLUMN', sheet.place(heading.row, index + 1), { heading: cellText(cell), allowed }));
    }
  });
  const kindColumn = [...columns].find(([, fields]) => fields.includes('kind'))?.[0];
  for (const row of sheet.rows) {
    if (row.row <= heading.row) continue;
    let kind = kindOf;
    if (kind === undefined) {
      const written = kindColumn === undefined ? undefined : row.cells[kindColumn];
      if (written === undefined) {
        if (row.cells.some((cell) => cell !== undefined))
          out.problems.push(problem('E-MISSING-FIELD', sheet.place(row.row, (kindColumn ?? 0) + 1), { field: 'kind' }));
        continue;
      }
      kind = kindOfCell(written);
      if (kind === undefined) {
        const typed = cellText(written);
        const aliases = new Map(KINDS.flatMap((each) => LOCALES.map((locale) => [KIND_NAMES[locale][each], each] as [string, string])));
        out.problems.push(
          problem('E-UNKNOWN-KIND', sheet.place(row.row, kindColumn! + 1), { value: typed, suggestion: nearestName(typed, KINDS, aliases), allowed: KINDS }),
        );
        continue;
      }
    }
    const drafted = rowDraft(sheet, row.row, row.cells, kind, columns, out.problems);
    if (drafted) out.rows.push(drafted);
  }
}

function kindOfCell(value: CellValue): Kind | undefined {
  if (typeof value !== 'string') return undefined;
  if (isKind(value)) return value;
  return kindOfSheetName(value);
}

/** The row as a draft of `kind`, or undefined when it has nothing of its own filled in (or an uncomputed formula, said). */
function rowDraft(
  sheet: SheetGrid,
  rowNumber: number,
  cells: readonly (CellValue | undefined)[],
  kind: Kind,
  columns: ReadonlyMap<number, string[]>,
  problems: Problem[],
): RowDraft | undefined {
  const facts = new Map(kindColumns(kind).map((column) => [column.name, column]));
  const given = new Map<string, { value: CellValue; col: number }>();
  const columnOf = new Map<string, number>();
  for (const [index, fields] of columns) {
    const field = fields.find((name) => facts.has(name) && !facts.get(name)!.context);
    if (field === undefined) continue;
    if (!columnOf.has(field)) columnOf.set(field, index + 1);
    const value = cells[index];
    if (value === undefined || given.has(field)) continue;
    given.set(field, { value, col: index + 1 });
  }
  // What the workbook filled in itself is not an entry: the village, and on the open-suggestions sheet the suggestion.
  const prefilled = kind === 'resolution' ? ['village', 'ref'] : ['village'];
  if (![...given.keys()].some((field) => !prefilled.includes(field))) return undefined;
  // A field's cell: where it was given, else the empty cell of its column (a value missing), else the row.
  const locate = (field: string) => sheet.place(rowNumber, given.get(field)?.col ?? columnOf.get(field));
  let formula = false;
  const warnings: Problem[] = [];
  const values: Record<string, unknown> = {};
  for (const [field, { value, col }] of given) {
    if (typeof value === 'object' && !(value instanceof Date)) {
      problems.push(problem('E-SHEET-FORMULA', sheet.place(rowNumber, col), { formula: value.formula }));
      formula = true;
      continue;
    }
    const column = field === 'village' ? ({ name: 'village', type: 'text', required: true } as SheetColumn) : facts.get(field)!;
    const read = typedCell(column, value);
    for (const warning of read.warnings)
      warnings.push(problem(warning.code, sheet.place(rowNumber, col), { field, value: cellText(value), read: warning.read }));
    values[field] = read.value;
  }
  if (formula) return undefined;
  const { date, village: ownVillage, ...fields } = values;
  let village = typeof ownVillage === 'string' ? ownVillage : ownVillage === undefined ? undefined : String(ownVillage);
  const villages = Array.isArray(fields.villages) ? (fields.villages as string[]) : [];
  const joint = village === undefined && CROSS_VILLAGE_KINDS.has(kind) && villages.length > 0;
  if (joint && kind === 'joint-action') village = villages[0];
  fields.source = sheet.source(rowNumber);
  // A day as clerks write it (2023年5月8日) is read as YYYY-MM-DD here, as `add` does, so that a suggestion's id can be made from it.
  const day = isoDate.safeParse(date);
  return {
    draft: { kind, date: day.success ? day.data : (date as string), village, fields, ...(joint ? { joint } : {}) },
    source: sheet.source(rowNumber),
    at: sheet.place(rowNumber),
    locate: (field) => (field === 'village' && joint && kind === 'joint-action' ? locate('villages') : locate(field)),
    ownId: given.has('id'),
    warnings,
  };
}

interface TypedCell {
  value: unknown;
  warnings: { code: 'W-FULLWIDTH-DIGITS' | 'W-NUMBER-GROUPING'; read: string }[];
}

/** Days from Excel's day 0 (1899-12-30, counting its phantom 1900-02-29) to a serial. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A cell as the value of its field, the way `add` reads what is typed. */
function typedCell(column: SheetColumn, value: CellValue): TypedCell {
  const none: TypedCell['warnings'] = [];
  switch (column.type) {
    case 'date': {
      if (value instanceof Date) return { value: value.toISOString().slice(0, 10), warnings: none };
      if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 2_958_466) {
        return { value: new Date(EXCEL_EPOCH + value * DAY_MS).toISOString().slice(0, 10), warnings: none };
      }
      const text = String(value);
      const read = readDate(text);
      return read === undefined ? { value: text, warnings: none } : { value: read, warnings: [{ code: 'W-FULLWIDTH-DIGITS', read }] };
    }
    case 'integer':
    case 'number': {
      if (typeof value === 'number') return { value, warnings: none };
      const text = String(value);
      if (/^-?\d+(\.\d+)?$/.test(text)) return { value: Number(text), warnings: none };
      const read = readNumber(text);
      return read ? { value: read.value, warnings: read.codes.map((code) => ({ code, read: String(read.value) })) } : { value: text, warnings: none };
    }
    case 'list':
      return {
        value: String(value instanceof Date ? value.toISOString().slice(0, 10) : value)
          .split(/[,，、;；]/)
          .map((item) => item.trim())
          .filter((item) => item !== ''),
        warnings: none,
      };
    case 'choice':
      return { value: choiceValue(column.name, cellText(value)), warnings: none };
    default:
      if (value instanceof Date) {
        // A time of day typed into a cell (19:30) is a date on 1899-12-30 to a spreadsheet.
        const iso = value.toISOString();
        return { value: column.name === 'time' || iso.startsWith('1899-12-30') ? iso.slice(11, 16) : iso.slice(0, 10), warnings: none };
      }
      return { value: String(value), warnings: none };
  }
}

/** A choice as its value: 落地 and landed are both `landed`. */
function choiceValue(field: string, text: string): string {
  for (const locale of LOCALES) {
    const labels = catalogueFor(locale).add.choices[field];
    const found = labels && Object.entries(labels).find(([, label]) => label === text);
    if (found) return found[0];
  }
  return text;
}

function cellText(value: CellValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') return value.formula;
  return String(value);
}
