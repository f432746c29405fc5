/**
 * Every metric for each village, in one sweep: each metric's items in each
 * window are selected once from all the logs, and every item is added to the
 * parts of each village it is about. Selecting per village instead (each
 * village's own entries through measureParts) made a distinct count gather
 * every village its joint organisations cover, for each village it covers:
 * quadratic in a joint organisation's width. Here one village's distinct
 * count is a membership test in the set of villages covered, built once per
 * window, so the cost is the items times the villages each is about, plus
 * the villages, whatever the shape of the joint organisations.
 *
 * The figures are exactly those of measuring each village apart (the test
 * oracle in tests/helpers/village-metrics-oracle.ts): a metric selects its
 * items by a filter of each item alone, so a village's items are the
 * selection's items about it, in the same order, and its sums add the same
 * numbers in the same order before roundSum.
 */
import type { Entry } from '../schema/log-schema.js';
import type { SuggestionRecord } from '../schema/suggestion-record.js';
import type { MetricFigures, MetricValues } from './compute-metrics.js';
import type { MetricDefinition, MetricInput, MetricItem, MetricParts } from './metric-definitions.js';
import { METRICS, figureFromParts, groupByKind, roundSum } from './metric-definitions.js';
import type { DateWindow, YearMonth } from './report-period.js';
import { WINDOW_KEYS, reportWindows } from './report-period.js';

/**
 * Every metric for each village. An entry counts for the village it names;
 * a joint organisation or joint action also counts for every village taking
 * part, so village figures of those two add up to more than the total.
 * Suggestions count for the village they were made in. Pure.
 */
export function computeVillageMetrics(
  month: YearMonth,
  villages: readonly string[],
  entries: readonly Entry[],
  suggestions: readonly SuggestionRecord[],
): Map<string, MetricValues> {
  const windows = reportWindows(month);
  const input: MetricInput = { byKind: groupByKind(entries), suggestions };
  const valuesOf = new Map(villages.map((village) => [village, {} as MetricValues]));
  for (const metric of METRICS) {
    for (const values of valuesOf.values()) values[metric.key] = {} as MetricFigures;
    for (const window of WINDOW_KEYS) {
      const partsOf = villageParts(metric, windows[window], input);
      for (const [village, values] of valuesOf) values[metric.key][window] = figureFromParts(metric, partsOf(village), village);
    }
  }
  return valuesOf;
}

/** A metric's parts in a window for any one village, from one pass over its items. */
function villageParts(metric: MetricDefinition, window: DateWindow, input: MetricInput): (village: string) => MetricParts {
  switch (metric.aggregate) {
    case 'count': {
      const counts = tally(metric.select(window, input), () => 1);
      return (village) => ({ count: counts.get(village) ?? 0 });
    }
    case 'sum': {
      const sums = tally(metric.select(window, input), metric.amount);
      return (village) => ({ sum: roundSum(sums.get(village) ?? 0) });
    }
    case 'mean': {
      const items = metric.select(window, input);
      const sums = tally(items, metric.amount);
      const counts = tally(items, () => 1);
      return (village) => ({ sum: roundSum(sums.get(village) ?? 0), count: counts.get(village) ?? 0 });
    }
    case 'distinct': {
      // A village's items cover it when it is among their values: the one value its figure asks about.
      const covered = new Set<string>();
      for (const item of metric.select(window, input)) {
        const about = new Set(villagesOf(item));
        for (const value of metric.values(item)) if (about.has(value)) covered.add(value);
      }
      return (village) => ({ values: covered.has(village) ? [village] : [] });
    }
    case 'ratio': {
      const numerators = tally(metric.numerator(window, input), () => 1);
      const denominators = tally(metric.denominator(window, input), () => 1);
      return (village) => ({ numerator: numerators.get(village) ?? 0, denominator: denominators.get(village) ?? 0 });
    }
  }
}

/** Each village's total of the items' amounts, added in the items' order. */
function tally(items: readonly MetricItem[], amount: (item: MetricItem) => number): Map<string, number> {
  const totals = new Map<string, number>();
  for (const item of items) {
    const each = amount(item);
    for (const village of villagesOf(item)) totals.set(village, (totals.get(village) ?? 0) + each);
  }
  return totals;
}

/** The villages an item is about: a suggestion's own; an entry's named village and those taking part, once each. */
function villagesOf(item: MetricItem): readonly string[] {
  if (!('kind' in item)) return [item.village];
  const taking = 'villages' in item ? item.villages : undefined;
  if (!taking) return item.village === undefined ? [] : [item.village];
  return [...new Set(item.village === undefined ? taking : [item.village, ...taking])];
}
