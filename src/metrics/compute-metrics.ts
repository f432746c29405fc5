import type { Entry } from '../schema/log-schema.js';
import type { SuggestionRecord } from '../schema/suggestion-record.js';
import type { MetricInput, MetricKey, MetricParts } from './metric-definitions.js';
import { METRICS, figureFromParts, groupByKind, measure, measureParts, metricDefinition } from './metric-definitions.js';
import type { WindowKey, YearMonth } from './report-period.js';
import { WINDOW_KEYS, isWithin, monthWindow, monthsOfYearTo, reportWindows } from './report-period.js';

/** One figure in each window; null where it is undefined (a rate of nothing). */
export type MetricFigures = Record<WindowKey, number | null>;
export type MetricValues = Record<MetricKey, MetricFigures>;
/** What each figure is made of, in each window (see measureParts). */
export type MetricPartsTable = Record<MetricKey, Record<WindowKey, MetricParts>>;

/** Every metric in every window of the report month. Pure. */
export function computeMetrics(month: YearMonth, entries: readonly Entry[], suggestions: readonly SuggestionRecord[]): MetricValues {
  return metricsOf(month, metricInput(entries, suggestions));
}

export function metricsOf(month: YearMonth, input: MetricInput): MetricValues {
  return valuesFromParts(metricPartsOf(month, input), input.village);
}

/** The parts of every metric in every window of the report month. Pure. */
export function metricPartsOf(month: YearMonth, input: MetricInput): MetricPartsTable {
  const windows = reportWindows(month);
  const table = {} as MetricPartsTable;
  for (const metric of METRICS) {
    const parts = {} as Record<WindowKey, MetricParts>;
    for (const window of WINDOW_KEYS) parts[window] = measureParts(metric, windows[window], input);
    table[metric.key] = parts;
  }
  return table;
}

/** The figures their parts make; `village` for one village's distinct counts. */
export function valuesFromParts(table: MetricPartsTable, village?: string): MetricValues {
  const values = {} as MetricValues;
  for (const metric of METRICS) {
    const figures = {} as MetricFigures;
    for (const window of WINDOW_KEYS) figures[window] = figureFromParts(metric, table[metric.key][window], village);
    values[metric.key] = figures;
  }
  return values;
}

/** The entries and the suggestion ledger, arranged as the metrics read them. */
export function metricInput(entries: readonly Entry[], suggestions: readonly SuggestionRecord[]): MetricInput {
  return { byKind: groupByKind(entries), suggestions };
}

/** Some metrics month by month, January to the report month, for a trend. */
export function monthlyFigures(
  month: YearMonth,
  input: MetricInput,
  keys: readonly MetricKey[],
): { month: YearMonth; figures: Record<MetricKey, number | null> }[] {
  return monthsOfYearTo(month).map((each) => {
    const window = monthWindow(each);
    const figures = {} as Record<MetricKey, number | null>;
    for (const key of keys) figures[key] = measure(metricDefinition(key), window, input);
    return { month: each, figures };
  });
}

/**
 * The villages a report speaks of: the config's list in its order, or, when
 * it has none, every village named in the logs, in the order of their names.
 */
export function reportVillages(listed: readonly string[] | undefined, entries: readonly Entry[]): string[] {
  if (listed) return [...new Set(listed)];
  const named = new Set<string>();
  for (const entry of entries) if (entry.village !== undefined) named.add(entry.village);
  return inNameOrder(named);
}

/** Villages not listed by a config are shown in the order of their names (Chinese collation). */
export function inNameOrder(villages: Iterable<string>): string[] {
  return [...villages].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** Villages that logged nothing in the month (by the village an entry names). */
export function silentVillages(month: YearMonth, villages: readonly string[], entries: readonly Entry[]): string[] {
  const window = monthWindow(month);
  const logged = new Set<string>();
  for (const entry of entries) if (entry.village !== undefined && isWithin(entry.date, window)) logged.add(entry.village);
  return villages.filter((village) => !logged.has(village));
}
