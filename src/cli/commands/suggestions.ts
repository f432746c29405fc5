/**
 * `revitalize suggestions`: the suggestion ledger (意见建议台账) as of the end
 * of a month (or today, for the current month): as a table, as CSV for Excel
 * and WPS (UTF-8 with a byte-order mark, so Chinese opens correctly), or JSON.
 */
import { stringify } from 'csv-stringify/sync';
import { asOfDay, dayOf, resolveMonth } from '../../metrics/report-period.js';
import type { LedgerRow } from '../../report/suggestion-ledger.js';
import { suggestionLedger } from '../../report/suggestion-ledger.js';
import type { Catalogue } from '../../i18n/catalogue.js';
import type { CliIO, GlobalOptions } from '../cli-io.js';
import { EXIT } from '../cli-io.js';
import { messageCatalogue, oneOf, openCheckedWorkspace, runDay } from '../command-context.js';
import { ExitError } from '../exit-error.js';
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
  const month = resolveMonth(options.month, now);
  if (!month) throw new ExitError(usage.cli.badMonth(options.month));
  const today = dayOf(now);
  const asOf = asOfDay(month, today);

  const { loaded, catalogue } = await openCheckedWorkspace(workspaceArg, options, io, today, (c, n) => c.cli.fixErrorsFirst(n));
  const rows = suggestionLedger(loaded.suggestions, asOf, { openOnly: options.open === true });
  if (options.format === 'json') io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
  else if (options.format === 'csv') io.stdout(ledgerCsv(rows, catalogue));
  else io.stdout(ledgerText(rows, catalogue, asOf));
  return EXIT.ok;
}

function cells(row: LedgerRow, catalogue: Catalogue): string[] {
  return [
    row.id,
    row.date,
    row.village,
    row.topic ?? '',
    catalogue.ledger.status[row.status],
    row.resolvedOn ?? '',
    String(row.daysOpen),
    `${row.file}:${row.line}`,
  ];
}

function headings(catalogue: Catalogue): string[] {
  const c = catalogue.ledger.columns;
  return [c.id, c.date, c.village, c.topic, c.status, c.resolvedOn, c.daysOpen, c.where];
}

/** CSV with a byte-order mark: Excel and WPS then read the Chinese as UTF-8. */
function ledgerCsv(rows: readonly LedgerRow[], catalogue: Catalogue): string {
  return `\uFEFF${stringify([headings(catalogue), ...rows.map((row) => cells(row, catalogue))], { record_delimiter: 'windows' })}`;
}

function ledgerText(rows: readonly LedgerRow[], catalogue: Catalogue, asOf: string): string {
  const open = rows.filter((row) => row.status === 'open').length;
  const heading = `${catalogue.ledger.heading(catalogue.formatDay(asOf), open, rows.length)}\n`;
  if (rows.length === 0) return `${heading}${catalogue.ledger.none}\n`;
  return `${heading}\n${textTable([headings(catalogue), ...rows.map((row) => cells(row, catalogue))], new Set([6]))}`;
}
