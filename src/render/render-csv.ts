/**
 * The CSV report: the metric table and the per-village table as one long
 * table (see report-table.ts). UTF-8 with a byte-order mark and CRLF line
 * ends, which Excel and WPS need to read Chinese text correctly. Numbers
 * are plain (30500000, not 3050万元) so they can be summed; rates are
 * percentages, which spreadsheets read as numbers. Text that a spreadsheet
 * would evaluate (a village named `=…`) is written as text (csv-cell.ts).
 */
import { stringify } from 'csv-stringify/sync';
import type { Catalogue } from '../i18n/catalogue.js';
import type { ReportModel } from '../report/build-report.js';
import { csvCell } from './csv-cell.js';
import { TABLE_WINDOWS, figureHeadings, figureRows } from './report-table.js';

export function renderCsv(report: ReportModel, catalogue: Catalogue): string {
  const rows = [...figureRows(report, 'total'), ...figureRows(report, 'villages')].map((row) => [
    row.scope,
    row.pillar,
    row.key,
    row.metric,
    catalogue.report.sheet.units[row.unit],
    ...TABLE_WINDOWS.map((window) => cell(row.figures[window], row.unit === 'ratio')),
  ]);
  return `\uFEFF${stringify(
    [figureHeadings(report, catalogue), ...rows].map((row) => row.map(csvCell)),
    { record_delimiter: 'windows' },
  )}`;
}

function cell(value: number | null, isRate: boolean): string {
  if (value === null) return '';
  // Four decimals of a percentage keep every rate of up to 10,000 suggestions exact enough to read back.
  return isRate ? `${Number((value * 100).toFixed(4))}%` : String(value);
}
