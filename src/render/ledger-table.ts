/**
 * The suggestion ledger (意见建议台账) as a table for spreadsheets: the
 * columns a 台账 keeps, one suggestion a row. `suggestions --format csv`
 * and the XLSX report's 督办 sheet are both made from it. Pure.
 */
import type { Catalogue } from '../i18n/catalogue.js';
import type { LedgerRow } from '../report/suggestion-ledger.js';

/** 编号, 村, 提出日期, 议题, 内容, 状态, 办结日期, 办理情况, 已历时（天）, and where it was written. */
export function ledgerHeadings(catalogue: Catalogue): string[] {
  const c = catalogue.ledger.columns;
  return [c.id, c.village, c.date, c.topic, c.text, c.status, c.resolvedOn, c.handling, c.daysOpen, c.where];
}

/** One row's cells, dates as YYYY-MM-DD, the days as a number. */
export function ledgerCells(row: LedgerRow, catalogue: Catalogue): (string | number)[] {
  return [
    row.id,
    row.village,
    row.date,
    row.topic ?? '',
    row.text,
    catalogue.ledger.status[row.status],
    row.resolvedOn ?? '',
    row.handling ?? '',
    row.daysOpen,
    `${row.file}:${row.line}`,
  ];
}
