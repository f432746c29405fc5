/**
 * The report's figures as one long table, a row per metric for the whole
 * township and then for each village: the shape spreadsheets pivot and
 * filter best. CSV and XLSX are both made from it. Pure.
 */
import type { Catalogue } from '../i18n/catalogue.js';
import type { MetricFigures } from '../metrics/compute-metrics.js';
import type { MetricUnit } from '../metrics/metric-definitions.js';
import type { WindowKey } from '../metrics/report-period.js';
import type { ReportModel } from '../report/build-report.js';

/** The windows in the order a reader compares them: this month, last month, last year; the year to date, last year's. */
export const TABLE_WINDOWS: readonly WindowKey[] = ['month', 'previousMonth', 'previousYear', 'ytd', 'previousYtd'];

export interface FigureRow {
  scope: string;
  pillar: string;
  key: string;
  metric: string;
  unit: MetricUnit;
  figures: MetricFigures;
}

export function figureHeadings(report: ReportModel, catalogue: Catalogue): string[] {
  const { sheet } = catalogue.report;
  return [sheet.scope, sheet.pillar, sheet.key, sheet.metric, sheet.unit, ...TABLE_WINDOWS.map((window) => report.windowLabels[window])];
}

/** The township's rows (scope: the region), or each village's. */
export function figureRows(report: ReportModel, which: 'total' | 'villages'): FigureRow[] {
  if (which === 'total') {
    return report.sections.flatMap((section) =>
      section.rows.map((row) => ({ scope: report.region, pillar: section.label, key: row.key, metric: row.label, unit: row.unit, figures: row })),
    );
  }
  return report.villages.names.flatMap((village, index) =>
    report.villages.tables.flatMap((table) =>
      table.metrics.map((metric, column) => ({
        scope: village,
        pillar: table.label,
        key: metric.key,
        metric: metric.label,
        unit: metric.unit,
        figures: table.rows[index]!.cells[column]!,
      })),
    ),
  );
}
