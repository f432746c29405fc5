import type { Entry } from '../schema/log-schema.js';
import type { SuggestionRecord } from '../validate/check-suggestions.js';
import type { MetricInput, MetricKey } from './metric-definitions.js';
import { METRICS, groupByKind, measure } from './metric-definitions.js';
import type { WindowKey, YearMonth } from './report-period.js';
import { WINDOW_KEYS, reportWindows } from './report-period.js';

/** One figure in each window; null where it is undefined (a rate of nothing). */
export type MetricFigures = Record<WindowKey, number | null>;
export type MetricValues = Record<MetricKey, MetricFigures>;

/** Every metric for the report month, last month and the year to date. Pure. */
export function computeMetrics(month: YearMonth, entries: readonly Entry[], suggestions: readonly SuggestionRecord[]): MetricValues {
  const windows = reportWindows(month);
  const input = metricInput(entries, suggestions);
  const values = {} as MetricValues;
  for (const metric of METRICS) {
    const figures = {} as MetricFigures;
    for (const window of WINDOW_KEYS) figures[window] = measure(metric, windows[window], input);
    values[metric.key] = figures;
  }
  return values;
}

/** The entries and the suggestion ledger, arranged as the metrics read them. */
export function metricInput(entries: readonly Entry[], suggestions: readonly SuggestionRecord[]): MetricInput {
  return { byKind: groupByKind(entries), suggestions };
}
