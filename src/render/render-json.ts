import type { ReportModel } from '../report/build-report.js';
import { REPORT_SCHEMA_VERSION } from '../report/build-report.js';
import type { ReportDocument } from '../schema/report-schema.js';

/**
 * The machine-readable report: the figures under their stable keys, numbers
 * as numbers, rates as fractions, null where a figure is undefined. Each
 * metric has its five windows and its changes; `villages` has every metric
 * for each village; targets, cadence, the 督办 list, star ratings and the
 * month-by-month trend follow. Labels are in the workspace's language;
 * keys never are. Each metric also carries the parts of its figures, so
 * that township reports can be merged into a district's (`rollup`).
 */
export function renderJson(report: ReportModel): string {
  return `${JSON.stringify(reportDocument(report), null, 2)}\n`;
}

/** The JSON report as a value (its type is the schema rollup reads it back with). */
export function reportDocument(report: ReportModel): ReportDocument {
  const metrics = {} as ReportDocument['metrics'];
  for (const section of report.sections) {
    for (const { key, label, unit, aggregate, month, previousMonth, previousYear, ytd, previousYtd, changes, parts } of section.rows) {
      metrics[key] = { label, unit, aggregate, month, previousMonth, previousYear, ytd, previousYtd, changes, parts };
    }
  }
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    region: report.region,
    title: report.title,
    recipient: report.recipient,
    issuer: report.issuer,
    locale: report.locale,
    month: report.month,
    generatedOn: report.generatedOn,
    firstMonth: report.firstMonth,
    metrics,
    villages: report.villages.figures,
    villagesListed: report.villages.listed,
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
    overdue: { days: report.overdue.days, asOf: report.overdue.asOf, rows: report.overdue.rows },
    stars: report.stars,
    activities: report.activities,
    trend: report.trend.map(({ month, suggestions, resolved }) => ({ month, suggestions, resolved })),
    warnings: report.warnings,
  };
}
