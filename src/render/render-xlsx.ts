/**
 * The XLSX report (exceljs): the township's figures, each village's, and
 * the 督办 list, one sheet each. Cells hold numbers, formatted by their
 * unit (rates as percentages, money in yuan), so they can be summed and
 * charted; the workbook's dates are the report's, so the same report is
 * the same file whenever it is made. Every text (cells, sheet names, the
 * workbook's properties) is made XML-safe (xml-safe-text.ts): one control
 * character from a log would otherwise make the whole file unreadable.
 */
import type { Catalogue } from '../i18n/catalogue.js';
import type { MetricUnit } from '../metrics/metric-definitions.js';
import type { ReportModel } from '../report/build-report.js';
import { ledgerCells, ledgerHeadings } from './ledger-table.js';
import { TABLE_WINDOWS, figureHeadings, figureRows } from './report-table.js';
import type { FigureRow } from './report-table.js';
import { stableWorkbookBytes, withStableProperties } from './stable-workbook.js';
import { xmlSafeText } from './xml-safe-text.js';

const NUMBER_FORMATS: Record<MetricUnit, string> = {
  count: '0',
  yuan: '#,##0.00',
  jin: '#,##0.##',
  ratio: '0.0%',
  score: '0.0',
};

export async function renderXlsx(report: ReportModel, catalogue: Catalogue): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = withStableProperties(new ExcelJS.Workbook(), { author: report.region, title: report.heading, day: report.generatedOn });

  const { sheet } = catalogue.report;
  const figureSheet = (name: string, rows: FigureRow[]) => {
    const worksheet = workbook.addWorksheet(xmlSafeText(name), { views: [{ state: 'frozen', ySplit: 1, xSplit: 4 }] });
    worksheet.addRow(safeCells(figureHeadings(report, catalogue)));
    for (const row of rows) {
      const added = worksheet.addRow(
        safeCells([row.scope, row.pillar, row.key, row.metric, sheet.units[row.unit], ...TABLE_WINDOWS.map((window) => row.figures[window])]),
      );
      for (let column = 6; column < 6 + TABLE_WINDOWS.length; column += 1) added.getCell(column).numFmt = NUMBER_FORMATS[row.unit];
    }
    styleSheet(worksheet, [16, 10, 30, 26, 8, ...TABLE_WINDOWS.map(() => 13)]);
  };
  figureSheet(sheet.metrics, figureRows(report, 'total'));
  figureSheet(sheet.villages, figureRows(report, 'villages'));

  const overdue = workbook.addWorksheet(xmlSafeText(sheet.overdue), { views: [{ state: 'frozen', ySplit: 1 }] });
  overdue.addRow(safeCells(ledgerHeadings(catalogue)));
  for (const row of report.overdue.rows) overdue.addRow(safeCells(ledgerCells(row, catalogue)));
  styleSheet(overdue, [18, 10, 12, 14, 40, 8, 12, 30, 10, 36]);

  return stableWorkbookBytes(workbook, report.generatedOn);
}

/** A row's text cells made XML-safe; numbers and empty cells as they are. */
function safeCells<T>(cells: readonly T[]): T[] {
  return cells.map((cell) => (typeof cell === 'string' ? (xmlSafeText(cell) as T) : cell));
}

/** A bold heading row and readable column widths. */
function styleSheet(worksheet: import('exceljs').Worksheet, widths: readonly number[]): void {
  worksheet.getRow(1).font = { bold: true };
  widths.forEach((width, index) => {
    worksheet.getColumn(index + 1).width = width;
  });
}
