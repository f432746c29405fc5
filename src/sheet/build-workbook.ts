/**
 * The fill-in workbook a township sends its villages (`revitalize sheet`):
 * an instructions sheet (说明) with an example row of each kind, then a
 * sheet per kind with only that kind's columns, headed in the workspace's
 * language, and the open suggestions with room for their resolutions.
 * Every column with choices (villages, forms, statuses, units, topics) has
 * a drop-down list (Excel and WPS data validation), numbers and dates are
 * checked as they are typed, and date cells are formatted as dates. With a
 * village, its column is filled in and locked: a list of one, and the
 * sheet protected (without a password) with every other cell left open.
 * The lists live on a hidden sheet, which import passes over.
 */
import type { DataValidation, Workbook, Worksheet } from 'exceljs';
import type { Catalogue } from '../i18n/catalogue.js';
import { stableWorkbookBytes, withStableProperties } from '../render/stable-workbook.js';
import { xmlSafeText } from '../render/xml-safe-text.js';
import type { Kind } from '../schema/log-schema.js';
import { SESSION_FORMS } from '../schema/log-schema.js';
import type { SheetColumn } from './sheet-columns.js';
import { SHEET_KINDS, columnHeading, kindColumns, sheetName } from './sheet-columns.js';

/** Rows of each kind's sheet made ready (lists, formats; the village filled in): far more than a village logs of a kind in a month. */
export const FILL_ROWS = 200;

export interface OpenSuggestion {
  id: string;
  village: string;
  date: string;
  text: string;
  topic: string | undefined;
}

export interface WorkbookPlan {
  region: string;
  /** The villages of the config, for the drop-down; empty when it lists none. */
  villages: readonly string[];
  /** The one village the workbook is for, filled in and locked. */
  village: string | undefined;
  month: string | undefined;
  open: readonly OpenSuggestion[];
  /** Topics suggestions have had, offered (not imposed) in the topic column. */
  topics: readonly string[];
  /** The workbook's date, so that the same plan gives the same file. */
  day: string;
}

const LISTS_SHEET = 'lists';

/** Printed across the page, as wide as a sheet is: a village may print it to fill in by hand. */
const PAGE_SETUP = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } as const;

export async function buildWorkbook(plan: WorkbookPlan, catalogue: Catalogue): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = withStableProperties(new ExcelJS.Workbook(), {
    author: plan.region,
    title: catalogue.sheet.title(plan.region, plan.village, plan.month),
    day: plan.day,
  });

  writeInstructions(workbook.addWorksheet(catalogue.sheet.instructionsSheet, { pageSetup: PAGE_SETUP }), plan, catalogue);
  const lists = choiceLists(plan, catalogue);
  const listRanges = rangesOf(lists);
  for (const kind of SHEET_KINDS) {
    const sheet = workbook.addWorksheet(xmlSafeText(sheetName(kind, catalogue)), { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: PAGE_SETUP });
    writeKindSheet(sheet, kind, plan, catalogue, listRanges, FILL_ROWS);
  }
  const open = workbook.addWorksheet(xmlSafeText(sheetName('resolution', catalogue)), { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: PAGE_SETUP });
  writeKindSheet(open, 'resolution', plan, catalogue, listRanges, plan.open.length);
  plan.open.forEach((suggestion, index) => {
    const row = open.getRow(index + 2);
    row.getCell(1).value = xmlSafeText(suggestion.id);
    row.getCell(2).value = xmlSafeText(suggestion.village);
    row.getCell(3).value = dayCell(suggestion.date);
    row.getCell(4).value = xmlSafeText(suggestion.text);
    if (suggestion.topic !== undefined) row.getCell(5).value = xmlSafeText(suggestion.topic);
  });
  writeLists(workbook, lists);
  return stableWorkbookBytes(workbook, plan.day);
}

/** The drop-down lists, by field. */
function choiceLists(plan: WorkbookPlan, catalogue: Catalogue): Map<string, string[]> {
  const labels = (field: string, values: readonly string[]) => values.map((value) => catalogue.add.choices[field]?.[value] ?? value);
  const lists = new Map<string, string[]>();
  const villages = plan.village !== undefined ? [plan.village] : plan.villages;
  if (villages.length > 0) lists.set('village', [...villages]);
  lists.set('form', [...SESSION_FORMS]);
  lists.set('status', labels('status', ['planned', 'landed']));
  lists.set('unit', Object.values(catalogue.add.choices.unit ?? { 斤: '斤', 公斤: '公斤', 吨: '吨' }));
  if (plan.topics.length > 0) lists.set('topic', [...plan.topics]);
  return lists;
}

/** Where each list will stand on the lists sheet (one a column, from A), for data validation. */
function rangesOf(lists: ReadonlyMap<string, string[]>): Map<string, string> {
  return new Map(
    [...lists].map(([field, values], index) => {
      const letter = String.fromCharCode(65 + index);
      return [field, `${LISTS_SHEET}!$${letter}$1:$${letter}$${values.length}`];
    }),
  );
}

/** The lists sheet, last and hidden: a village sees only the drop-downs. */
function writeLists(workbook: Workbook, lists: ReadonlyMap<string, string[]>): void {
  const sheet = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  [...lists.values()].forEach((values, index) => {
    values.forEach((value, row) => {
      sheet.getRow(row + 1).getCell(index + 1).value = xmlSafeText(value);
    });
  });
}

function writeKindSheet(sheet: Worksheet, kind: Kind, plan: WorkbookPlan, catalogue: Catalogue, lists: ReadonlyMap<string, string>, rows: number): void {
  const columns = kindColumns(kind);
  const heading = sheet.getRow(1);
  columns.forEach((column, index) => {
    const cell = heading.getCell(index + 1);
    cell.value = xmlSafeText(columnHeading(kind, column, catalogue));
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: column.context ? 'FFEFEFEF' : 'FFDDEBF7' } };
    sheet.getColumn(index + 1).width = columnWidth(column);
  });
  const locked = plan.village !== undefined;
  columns.forEach((column, index) => {
    const validation = validationOf(column, kind, lists, catalogue);
    const format = column.type === 'date' ? 'yyyy-mm-dd' : column.type === 'integer' ? '0' : column.type === 'number' ? '0.##' : '@';
    const filled = column.name === 'village' && plan.village !== undefined && kind !== 'resolution';
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.numFmt = format;
    if (locked) sheetColumn.protection = { locked: column.name === 'village' || Boolean(column.context) || (kind === 'resolution' && column.name === 'ref') };
    for (let row = 2; row < 2 + rows; row++) {
      const cell = sheet.getRow(row).getCell(index + 1);
      cell.numFmt = format;
      if (validation) cell.dataValidation = validation;
      if (filled) cell.value = xmlSafeText(plan.village!);
      if (locked) cell.protection = { locked: column.name === 'village' || Boolean(column.context) || (kind === 'resolution' && column.name === 'ref') };
    }
  });
  if (locked) {
    void sheet.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      insertRows: true,
      deleteRows: true,
      sort: true,
      autoFilter: true,
    });
  }
}

function columnWidth(column: SheetColumn): number {
  if (column.type === 'date') return 13;
  if (column.type === 'integer' || column.type === 'number') return 12;
  if (column.name === 'text' || column.name === 'note' || column.name === 'name') return 30;
  return 16;
}

/** A column's data validation: a list for choices, a whole or decimal number in range, a date; none for free text. */
function validationOf(column: SheetColumn, kind: Kind, lists: ReadonlyMap<string, string>, catalogue: Catalogue): DataValidation | undefined {
  if (column.context) return undefined;
  const words = catalogue.sheet;
  const stop = { showErrorMessage: true, errorStyle: 'stop' as const, allowBlank: true, showInputMessage: true };
  const list = lists.get(column.name);
  if (list && column.name !== 'topic') return { type: 'list', formulae: [list], ...stop, error: words.pickError, prompt: words.pickPrompt };
  // Topics are offered, not imposed: a new one is accepted.
  if (list) return { type: 'list', formulae: [list], allowBlank: true, showErrorMessage: false };
  if (column.type === 'date') {
    return {
      type: 'date',
      operator: 'between',
      formulae: [new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(9999, 11, 31))],
      ...stop,
      errorStyle: 'warning',
      error: words.dateError,
      prompt: words.datePrompt,
    };
  }
  if (column.type === 'integer' || column.type === 'number') {
    const [min, max] = kind === 'evaluation' && column.name === 'stars' ? [1, 5] : kind === 'evaluation' && column.name === 'score' ? [0, 100] : [0, 1e12];
    return { type: column.type === 'integer' ? 'whole' : 'decimal', operator: 'between', formulae: [min, max], ...stop, error: words.numberError };
  }
  return undefined;
}

function dayCell(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function writeInstructions(sheet: Worksheet, plan: WorkbookPlan, catalogue: Catalogue): void {
  const words = catalogue.sheet;
  sheet.getColumn(1).width = 16;
  for (let col = 2; col <= 8; col++) sheet.getColumn(col).width = 16;
  const title = sheet.addRow([xmlSafeText(words.title(plan.region, plan.village, plan.month))]);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, 8);
  sheet.addRow([]);
  words.instructions(plan.village, plan.month).forEach((line, index) => {
    const row = sheet.addRow([xmlSafeText(line)]);
    sheet.mergeCells(row.number, 1, row.number, 8);
    row.alignment = { wrapText: true, vertical: 'top' };
    if (index === 0) row.font = { bold: true };
    else row.height = 36;
  });
  sheet.addRow([]);
  sheet.addRow([words.examplesHeading]).font = { bold: true };
  const village = plan.village ?? plan.villages[0];
  for (const kind of SHEET_KINDS) {
    const example = words.examples[kind as Exclude<Kind, 'resolution'>];
    const columns = kindColumns(kind);
    sheet.addRow([xmlSafeText(words.exampleSheet(sheetName(kind, catalogue)))]).font = { italic: true };
    const headingRow = sheet.addRow(columns.map((column) => xmlSafeText(columnHeading(kind, column, catalogue))));
    headingRow.font = { bold: true };
    const values = columns.map((column) => {
      const value = column.name === 'village' && example.village !== undefined && village !== undefined ? village : example[column.name];
      if (value === undefined) return null;
      if (column.type === 'date') return dayCell(String(value));
      if (column.type === 'choice') return catalogue.add.choices[column.name]?.[String(value)] ?? value;
      return typeof value === 'string' ? xmlSafeText(value) : value;
    });
    const row = sheet.addRow(values);
    columns.forEach((column, index) => {
      if (column.type === 'date') row.getCell(index + 1).numFmt = 'yyyy-mm-dd';
    });
  }
}
