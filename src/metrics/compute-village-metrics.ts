/**
 * Every metric for each village. The entries are shared out among the
 * villages they are about in one pass, and each village's figures are
 * measured from its own entries by the same measureParts as the totals, so
 * they are the same numbers, nulls and rounding as measuring each village
 * apart (the test oracle in tests/helpers/village-metrics-oracle.ts).
 *
 * All but the distinct counts, that is. A distinct count measured on one
 * village's entries gathers and sorts every village its joint organisations
 * cover, for each village they cover: quadratic in their width, which made
 * a county of 片区 or district-wide joint organisations spend most of its
 * report there. For one village the count only asks whether the village is
 * among the values, so the villages covered are gathered once per window
 * from all the entries, and each village's figure is a membership test. The
 * cost is the entries times the villages each is about, plus the villages,
 * whatever the shape of the joint organisations.
 */
import type { Entry } from '../schema/log-schema.js';
import type { SuggestionRecord } from '../schema/suggestion-record.js';
import type { MetricPartsTable, MetricValues } from './compute-metrics.js';
import { valuesFromParts } from './compute-metrics.js';
import type { MetricInput, MetricItem, MetricKey, MetricParts } from './metric-definitions.js';
import { METRICS, groupByKind, measureParts } from './metric-definitions.js';
import type { DateWindow, WindowKey, YearMonth } from './report-period.js';
import { WINDOW_KEYS, reportWindows } from './report-period.js';

/** For each distinct count and window, the villages it covers. */
type CoveredVillages = Map<MetricKey, Record<WindowKey, Set<string>>>;

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
  const entriesOf = new Map(villages.map((village) => [village, [] as Entry[]]));
  for (const entry of entries) for (const village of villagesOf(entry)) entriesOf.get(village)?.push(entry);
  const suggestionsOf = new Map(villages.map((village) => [village, [] as SuggestionRecord[]]));
  for (const suggestion of suggestions) suggestionsOf.get(suggestion.village)?.push(suggestion);
  const covered = coveredVillages(windows, { byKind: groupByKind(entries), suggestions });

  return new Map(
    villages.map((village) => {
      const input = { byKind: groupByKind(entriesOf.get(village)!), suggestions: suggestionsOf.get(village)!, village };
      return [village, valuesFromParts(villageParts(windows, input, covered), village)];
    }),
  );
}

/** One village's parts of every metric in every window; a distinct count's are the village itself, when it is covered. */
function villageParts(windows: Record<WindowKey, DateWindow>, input: MetricInput & { village: string }, covered: CoveredVillages): MetricPartsTable {
  const table = {} as MetricPartsTable;
  for (const metric of METRICS) {
    const parts = {} as Record<WindowKey, MetricParts>;
    for (const window of WINDOW_KEYS) {
      const coveredNow = covered.get(metric.key)?.[window];
      parts[window] = coveredNow ? { values: coveredNow.has(input.village) ? [input.village] : [] } : measureParts(metric, windows[window], input);
    }
    table[metric.key] = parts;
  }
  return table;
}

/** The villages a distinct count covers in each window: those among the values of an entry about them. */
function coveredVillages(windows: Record<WindowKey, DateWindow>, input: MetricInput): CoveredVillages {
  const covered: CoveredVillages = new Map();
  for (const metric of METRICS) {
    if (metric.aggregate !== 'distinct') continue;
    const byWindow = {} as Record<WindowKey, Set<string>>;
    for (const window of WINDOW_KEYS) {
      byWindow[window] = new Set();
      for (const item of metric.select(windows[window], input)) {
        const about = villagesOf(item);
        for (const value of metric.values(item)) if (about.has(value)) byWindow[window].add(value);
      }
    }
    covered.set(metric.key, byWindow);
  }
  return covered;
}

/** The villages an item is about: the one it names and those taking part (a suggestion: the one it was made in). */
function villagesOf(item: MetricItem): Set<string> {
  const named = new Set<string>();
  if (item.village !== undefined) named.add(item.village);
  if ('villages' in item && item.villages) for (const village of item.villages) named.add(village);
  return named;
}
