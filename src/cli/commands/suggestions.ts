/**
 * `revitalize suggestions`: the suggestion ledger (意见建议台账) as of the end
 * of a month (or today, for the current month): as a table, as CSV for Excel
 * and WPS (UTF-8 with a byte-order mark, so Chinese opens correctly), or JSON.
 */
import { stringify } from 'csv-stringify/sync';
import { asOfDay, dayOf } from '../../metrics/report-period.js';
import type { LedgerRow } from '../../report/suggestion-ledger.js';
import { suggestionLedger } from '../../report/suggestion-ledger.js';
import type { Catalogue } from '../../i18n/catalogue.js';
import type { CliIO, GlobalOptions } from '../cli-io.js';
import { EXIT } from '../cli-io.js';
import { messageCatalogue, oneOf, openCheckedWorkspace, readMonth, runDay } from '../command-context.js';
import { csvCell } from '../../render/csv-cell.js';
import { ledgerCells, ledgerHeadings } from '../../render/ledger-table.js';
import { textTable } from '../text-table.js';

export const LEDGER_FORMATS = ['text', 'csv', 'json'] as const;

export interface SuggestionsCommandOptions extends GlobalOptions {
  month: string;
  open?: boolean;
  format: string;
}

export async function suggestionsCommand(workspaceArg: string | undefined, options: SuggestionsCommandOptions, io: CliIO): Promise<number> {
  const usage = messageCatalogue(options);
  oneOf(options.format, LEDGER_FORMATS, usage.cli.badFormat);
  const now = runDay(io, undefined, usage);
  const month = readMonth(options.month, now, usage);
  const today = dayOf(now);
  const asOf = asOfDay(month, today);

  const { loaded, catalogue } = await openCheckedWorkspace(workspaceArg, options, io, today, (c, n) => c.cli.fixErrorsFirst(n));
  const rows = suggestionLedger(loaded.suggestions, asOf, { openOnly: options.open === true });
  if (options.format === 'json') io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
  else if (options.format === 'csv') io.stdout(ledgerCsv(rows, catalogue));
  else io.stdout(ledgerText(rows, catalogue, asOf));
  return EXIT.ok;
}

/** CSV with a byte-order mark: Excel and WPS then read the Chinese as UTF-8. Every column a 台账 keeps; a resident's text is never a formula (csv-cell.ts). */
function ledgerCsv(rows: readonly LedgerRow[], catalogue: Catalogue): string {
  const table = [ledgerHeadings(catalogue), ...rows.map((row) => ledgerCells(row, catalogue))];
  return `\uFEFF${stringify(
    table.map((row) => row.map(csvCell)),
    { record_delimiter: 'windows' },
  )}`;
}

/** On a terminal, the long columns (the suggestion and how it was handled) are left to the CSV and JSON. */
const TERMINAL_COLUMNS = [0, 1, 2, 3, 5, 6, 8, 9];
const DAYS_COLUMN = 8;

function ledgerText(rows: readonly LedgerRow[], catalogue: Catalogue, asOf: string): string {
  const open = rows.filter((row) => row.status === 'open').length;
  const heading = `${catalogue.ledger.heading(catalogue.formatDay(asOf), open, rows.length)}\n`;
  if (rows.length === 0) return `${heading}${catalogue.ledger.none}\n`;
  const pick = (cells: (string | number)[]) => TERMINAL_COLUMNS.map((column) => String(cells[column]));
  const table = [pick(ledgerHeadings(catalogue)), ...rows.map((row) => pick(ledgerCells(row, catalogue)))];
  return `${heading}\n${textTable(table, new Set([TERMINAL_COLUMNS.indexOf(DAYS_COLUMN)]))}`;
}
