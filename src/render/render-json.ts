import type { ReportModel } from '../report/build-report.js';
import { REPORT_SCHEMA_VERSION } from '../report/build-report.js';

/**
 * The machine-readable report: the figures under their stable keys, numbers
 * as numbers, rates as fractions, null where a figure is undefined. Each
 * metric has its five windows and its changes; `villages` has every metric
 * for each village; targets, cadence, the 督办 list, star ratings and the
 * month-by-month trend follow. Labels are in the workspace's language;
 * keys never are.
 */
export function renderJson(report: ReportModel): string {
  const metrics: Record<string, unknown> = {};
  for (const section of report.sections) {
    for (const { key, label, unit, month, previousMonth, previousYear, ytd, previousYtd, changes } of section.rows) {
      metrics[key] = { label, unit, month, previousMonth, previousYear, ytd, previousYtd, changes };
    }
  }
  const villages: Record<string, Record<string, unknown>> = {};
  report.villages.names.forEach((village, index) => {
    const figures: Record<string, unknown> = {};
    for (const table of report.villages.tables) {
      table.metrics.forEach((metric, column) => {
        figures[metric.key] = table.rows[index]!.cells[column];
      });
    }
    villages[village] = figures;
  });
  const document = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    region: report.region,
    title: report.title,
    locale: report.locale,
    month: report.month,
    generatedOn: report.generatedOn,
    metrics,
    villages,
    silentVillages: report.villages.silent,
    targets: report.targets.map(({ metric, label, unit, period, bound, value, perVillage, actual, status, progress, elapsed, villages: each }) => ({
      metric,
      label,
      unit,
      period,
      bound,
      value,
      perVillage,
      actual,
      status,
      progress,
      elapsed,
      villages: each,
    })),
    cadence: report.cadence.map(({ kind, day, months, expected, onTime, misses }) => ({
      kind,
      day,
      months,
      expected,
      onTime,
      misses: misses.map(({ village, month, status, heldOn }) => ({ village, month, status, heldOn })),
    })),
    overdue: report.overdue,
    stars: report.stars,
    trend: report.trend.map(({ month, suggestions, resolved }) => ({ month, suggestions, resolved })),
    warnings: report.warnings,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
