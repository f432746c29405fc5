/**
 * The report model: everything a renderer shows, labelled in the workspace's
 * language, and nothing about how it looks. Pure.
 */
import type { Catalogue } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
import type { MetricValues } from '../metrics/compute-metrics.js';
import type { MetricKey, MetricUnit } from '../metrics/metric-definitions.js';
import { METRICS } from '../metrics/metric-definitions.js';
import type { WindowKey, YearMonth } from '../metrics/report-period.js';
import { describeProblem } from '../problems/describe-problem.js';
import type { Problem } from '../problems/problem.js';
import type { Pillar } from '../schema/log-schema.js';
import { PILLARS } from '../schema/log-schema.js';

/** Bumped when the JSON report changes incompatibly. */
export const REPORT_SCHEMA_VERSION = 1;

export interface MetricRow extends Record<WindowKey, number | null> {
  key: MetricKey;
  label: string;
  unit: MetricUnit;
}

export interface PillarSection {
  id: Pillar;
  label: string;
  rows: MetricRow[];
}

export interface ReportNote {
  file: string;
  line: number;
  col: number;
  code: string;
  message: string;
  hint?: string;
}

export interface ReportModel {
  region: string;
  title: string | null;
  /** The report's heading: the config's title or a default, with the month. */
  heading: string;
  locale: Locale;
  month: YearMonth;
  monthLabel: string;
  /** The report's date, YYYY-MM-DD, and as the report writes it (2023年5月1日). */
  generatedOn: string;
  generatedOnLabel: string;
  windowLabels: Record<WindowKey, string>;
  metricColumn: string;
  sections: PillarSection[];
  warnings: ReportNote[];
}

export interface ReportInput {
  region: string;
  title: string | undefined;
  month: YearMonth;
  generatedOn: string;
  metrics: MetricValues;
  warnings: readonly Problem[];
  catalogue: Catalogue;
}

export function buildReport({ region, title, month, generatedOn, metrics, warnings, catalogue }: ReportInput): ReportModel {
  const monthLabel = catalogue.formatMonth(month);
  const sections = PILLARS.map((pillar) => ({
    id: pillar,
    label: catalogue.pillars[pillar],
    rows: METRICS.filter((metric) => metric.pillar === pillar).map((metric) => ({
      key: metric.key,
      label: catalogue.metrics[metric.key],
      unit: metric.unit,
      ...metrics[metric.key],
    })),
  }));
  return {
    region,
    title: title ?? null,
    heading: catalogue.reportHeading(region, title, monthLabel),
    locale: catalogue.locale,
    month,
    monthLabel,
    generatedOn,
    generatedOnLabel: catalogue.formatDay(generatedOn),
    windowLabels: catalogue.windows,
    metricColumn: catalogue.metricColumn,
    sections,
    warnings: warnings.map((found) => ({
      file: found.file,
      line: found.line,
      col: found.col,
      code: found.code,
      ...describeProblem(found, catalogue),
    })),
  };
}
