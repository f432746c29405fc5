/**
 * A spreadsheet file's bytes → its sheets as rows of cell values, bounded:
 * .xlsx (Excel, WPS, LibreOffice) through exceljs, after inspect-xlsx.ts has
 * made sure it unpacks to a sane size; .csv in UTF-8 (with or without a
 * byte-order mark) or GBK/GB18030 as WPS saves it. Cell values come as the
 * sheet shows them: a formula's cached result, never the formula evaluated;
 * text trimmed, a CSV's leading `'` (which marks text) dropped. Pure but for
 * the dynamic import of the libraries; the caller reads the file.
 */
import path from 'node:path';
import { MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, MAX_SHEET_UNPACKED_MB } from '../limits.js';
import { decodeText } from '../load/decode-text.js';
import type { Problem, SourceLocation } from '../problems/problem.js';
import { problem } from '../problems/problem.js';
import { inspectXlsx } from './inspect-xlsx.js';

/** A formula saved without a value: refused where it stands (E-SHEET-FORMULA). */
export interface UncomputedFormula {
  formula: string;
}
export type CellValue = string | number | boolean | Date | UncomputedFormula;

export interface GridRow {
  /** The row's number in the sheet (1-based). */
  row: number;
  /** Values by column, index 0 being column A; empty cells undefined. */
  cells: (CellValue | undefined)[];
}

export interface SheetGrid {
  /** The sheet's name; undefined for a CSV file. */
  name: string | undefined;
  rows: GridRow[];
  /** Where a cell (or, without a column, a row) is, as problems print it. */
  place: (row: number, col?: number) => SourceLocation;
  /** What an entry's `source` says of a row: FILE:SHEET!ROW or FILE:ROW. */
  source: (row: number) => string;
}

export type ReadSpreadsheet = { ok: true; sheets: SheetGrid[] } | { ok: false; problems: Problem[] };

/** `file` is as the clerk named it, for messages; its base name goes into `source`. */
export async function readSpreadsheet(file: string, bytes: Uint8Array): Promise<ReadSpreadsheet> {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.csv') return readCsv(file, bytes);
  if (extension === '.xlsx') return readXlsx(file, bytes);
  return { ok: false, problems: [problem('E-SHEET-UNREADABLE', { file, line: 0, col: 0 }, { reason: 'file-type', type: extension || file })] };
}

/** A column's letters: 1 → A, 27 → AA. */
export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

async function readXlsx(file: string, bytes: Uint8Array): Promise<ReadSpreadsheet> {
  const whole = { file, line: 0, col: 0 };
  const inspected = inspectXlsx(bytes, { maxUnpackedBytes: MAX_SHEET_UNPACKED_MB * 1024 * 1024, maxRows: MAX_SHEET_ROWS });
  if (!inspected.ok) {
    if (inspected.reason === 'rows')
      return { ok: false, problems: [problem('E-SHEET-TOO-LARGE', whole, { what: 'rows', limit: MAX_SHEET_ROWS, found: inspected.found })] };
    if (inspected.reason === 'unpacked') return { ok: false, problems: [problem('E-SHEET-UNREADABLE', whole, { reason: 'unpacked', limit: inspected.limit })] };
    return { ok: false, problems: [problem('E-SHEET-UNREADABLE', whole, { reason: 'not-xlsx' })] };
  }
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problems: [problem('E-SHEET-UNREADABLE', whole, { reason: 'not-xlsx' })] };
  }
  const base = path.basename(file);
  const sheets: SheetGrid[] = [];
  const problems: Problem[] = [];
  for (const worksheet of workbook.worksheets) {
    // A hidden sheet (the workbook's drop-down lists) is nothing a village filled in.
    if (worksheet.state !== 'visible' && worksheet.state !== undefined) continue;
    const name = worksheet.name;
    const place = (row: number, col?: number) => ({ file: `${file}:${name}!${col === undefined ? row : `${columnLetters(col)}${row}`}`, line: 0, col: 0 });
    const rows: GridRow[] = [];
    let tooWide = 0;
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: (CellValue | undefined)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const value = cellValue(cell.value);
        if (value === undefined) return;
        if (col > MAX_SHEET_COLUMNS) {
          tooWide = Math.max(tooWide, col);
          return;
        }
        cells[col - 1] = value;
      });
      if (cells.length > 0) rows.push({ row: rowNumber, cells });
    });
    if (tooWide > 0) {
      problems.push(problem('E-SHEET-TOO-LARGE', { file: `${file}:${name}`, line: 0, col: 0 }, { what: 'columns', limit: MAX_SHEET_COLUMNS, found: tooWide }));
      continue;
    }
    sheets.push({ name, rows, place, source: (row) => `${base}:${name}!${row}` });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, sheets };
}

/** A cell as the sheet shows it: text trimmed (empty as nothing), rich text as its text, a formula as its cached result. */
function cellValue(value: unknown): CellValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return trimmed(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value !== 'object') return undefined;
  const object = value as Record<string, unknown>;
  if ('formula' in object || 'sharedFormula' in object) {
    if (object.result !== undefined && object.result !== null) return cellValue(object.result);
    return { formula: `=${String(object.formula ?? object.sharedFormula ?? '')}` };
  }
  if (Array.isArray(object.richText)) return trimmed(object.richText.map((run) => String((run as { text?: unknown }).text ?? '')).join(''));
  if (typeof object.text === 'string') return trimmed(object.text);
  if (typeof object.error === 'string') return object.error;
  return undefined;
}

function trimmed(text: string): string | undefined {
  const value = text.trim();
  return value === '' ? undefined : value;
}

async function readCsv(file: string, bytes: Uint8Array): Promise<ReadSpreadsheet> {
  const whole = { file, line: 0, col: 0 };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, problems: [problem('E-SHEET-UNREADABLE', whole, { reason: 'encoding' })] };
  const { parse } = await import('csv-parse/sync');
  let records: string[][];
  try {
    records = parse(decoded.text.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      relax_quotes: true,
      to_line: MAX_SHEET_ROWS + 1,
      skip_empty_lines: false,
    });
  } catch {
    return { ok: false, problems: [problem('E-SHEET-UNREADABLE', whole, { reason: 'encoding' })] };
  }
  if (records.length > MAX_SHEET_ROWS) {
    const lines = decoded.text.split('\n').length;
    return { ok: false, problems: [problem('E-SHEET-TOO-LARGE', whole, { what: 'rows', limit: MAX_SHEET_ROWS, found: lines })] };
  }
  const widest = Math.max(0, ...records.map((record) => record.length));
  if (widest > MAX_SHEET_COLUMNS)
    return { ok: false, problems: [problem('E-SHEET-TOO-LARGE', whole, { what: 'columns', limit: MAX_SHEET_COLUMNS, found: widest })] };
  // Rows are counted as records: a quoted cell with a line break in it is one row, as a spreadsheet shows it.
  const rows: GridRow[] = [];
  records.forEach((record, index) => {
    const cells = record.map((text) => trimmed(text.replace(/^\s*'/, '')));
    if (cells.some((cell) => cell !== undefined)) rows.push({ row: index + 1, cells });
  });
  const base = path.basename(file);
  return { ok: true, sheets: [{ name: undefined, rows, place: (row, col) => ({ file, line: row, col: col ?? 1 }), source: (row) => `${base}:${row}` }] };
}
