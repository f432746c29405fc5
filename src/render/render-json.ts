import type { ReportModel } from '../report/build-report.js';
import { REPORT_SCHEMA_VERSION } from '../report/build-report.js';

/**
 * The machine-readable report: the figures under their stable keys, numbers
 * as numbers, rates as fractions, null where a figure is undefined.
 */
export function renderJson(report: ReportModel): string {
  const metrics: Record<string, unknown> = {};
  for (const section of report.sections) {
    for (const row of section.rows) {
      metrics[row.key] = {
        label: row.label,
        unit: row.unit,
        month: row.month,
        previousMonth: row.previousMonth,
        ytd: row.ytd,
      };
    }
  }
  const document = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    region: report.region,
    title: report.title,
    locale: report.locale,
    month: report.month,
    generatedOn: report.generatedOn,
    metrics,
    warnings: report.warnings,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
