/**
 * `revitalize summary`: how the month is going, on one screen: each
 * pillar's figures this month, last month with an up or down mark (环比;
 * none when either month has no figure), and the year to date; the oldest
 * open suggestions; the number of warnings. Every column has its heading.
 * Coloured on a terminal, plain when piped or with NO_COLOR.
 */
import { Chalk } from 'chalk';
import { checkNotesFolder } from '../../load/read-notes.js';
import { asOfDay, dayOf } from '../../metrics/report-period.js';
import { formatFigure } from '../../figures/format-figure.js';
import type { MetricRow } from '../../report/build-report.js';
import { buildReport } from '../../report/build-report.js';
import { suggestionLedger } from '../../report/suggestion-ledger.js';
import type { CliIO, GlobalOptions } from '../cli-io.js';
import { EXIT } from '../cli-io.js';
import { messageCatalogue, openCheckedWorkspace, readMonth, runDay } from '../command-context.js';
import { textTable } from '../text-table.js';
import { printableText } from '../../printable-text.js';

/** How many of the oldest open suggestions are shown. */
const OLDEST_SHOWN = 5;
/** The column of the figures' tables that holds the change mark, coloured on a terminal. */
const TREND_COLUMN = 2;

export interface SummaryCommandOptions extends GlobalOptions {
  month: string;
}

export async function summaryCommand(workspaceArg: string | undefined, options: SummaryCommandOptions, io: CliIO): Promise<number> {
  const usage = messageCatalogue(options);
  const now = runDay(io, undefined, usage);
  const month = readMonth(options.month, now, usage);
  const today = dayOf(now);
  const { root, loaded, catalogue } = await openCheckedWorkspace(workspaceArg, options, io, today, (c, n) => c.cli.fixErrorsFirst(n));

  const paint = new Chalk({ level: io.colors.stdout ? 1 : 0 });
  const report = buildReport({
    config: loaded.config,
    month,
    generatedOn: today,
    entries: loaded.entries,
    suggestions: loaded.suggestions,
    warnings: loaded.problems,
    catalogue,
  });
  const asOf = asOfDay(month, today);
  const figure = (row: MetricRow, value: number | null) => formatFigure(value, row.unit, catalogue.locale);
  // A change is said only between two figures: "—" (no data) against anything has none.
  const trend = (row: MetricRow) => {
    if (row.month === null || row.previousMonth === null) return '';
    if (row.month === row.previousMonth) return '=';
    return row.month > row.previousMonth ? '↑' : '↓';
  };
  const paintTrend = (cell: string, column: number) =>
    column !== TREND_COLUMN ? cell : cell === '↑' ? paint.green(cell) : cell === '↓' ? paint.yellow(cell) : cell;

  const out: string[] = [
    paint.bold(catalogue.summary.heading(printableText(report.region), report.monthLabel)),
    paint.dim(catalogue.summary.basis(catalogue.formatDay(asOf), loaded.logFiles.length, loaded.entries.length)),
    '',
  ];
  for (const section of report.sections) {
    out.push(paint.bold(section.label));
    const rows = [
      [catalogue.metricColumn, report.windowLabels.month, catalogue.summary.change, report.windowLabels.previousMonth, report.windowLabels.ytd],
      ...section.rows.map((row) => [row.label, figure(row, row.month), trend(row), figure(row, row.previousMonth), figure(row, row.ytd)]),
    ];
    out.push(
      textTable(rows, new Set([1, 3, 4]), paintTrend)
        .replace(/^/gm, '  ')
        .trimEnd(),
      '',
    );
  }

  const open = suggestionLedger(loaded.suggestions, asOf, { openOnly: true });
  if (open.length === 0) out.push(catalogue.summary.noOpen);
  else {
    out.push(catalogue.summary.oldestOpen(open.length, OLDEST_SHOWN));
    const columns = catalogue.ledger.columns;
    const oldest = [
      [columns.id, columns.date, columns.village, columns.topic, columns.daysOpen, columns.where],
      ...open.slice(0, OLDEST_SHOWN).map((row) => [row.id, row.date, row.village, row.topic ?? '', `${row.daysOpen}`, `${row.file}:${row.line}`]),
    ];
    out.push(
      textTable(oldest, new Set([4]))
        .replace(/^/gm, '  ')
        .trimEnd(),
    );
  }
  // As many as `check` shows: the logs' and the notes files'.
  const warnings = loaded.problems.length + (await checkNotesFolder(root, io.fs, loaded.config.maxFileSizeMB)).problems.length;
  if (warnings > 0) out.push('', paint.yellow(catalogue.summary.warnings(warnings)));
  io.stdout(`${out.join('\n')}\n`);
  return EXIT.ok;
}
