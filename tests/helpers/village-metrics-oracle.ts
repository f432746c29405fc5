/**
 * The village figures measured the straightforward way, one village at a
 * time from that village's own entries (as computeVillageMetrics did before
 * it became one sweep): the oracle the sweep must agree with exactly.
 * Quadratic in a joint organisation's width, so it lives here, not in src/.
 */
import type { MetricValues } from '../../src/metrics/compute-metrics.js';
import { metricsOf } from '../../src/metrics/compute-metrics.js';
import { groupByKind } from '../../src/metrics/metric-definitions.js';
import type { YearMonth } from '../../src/metrics/report-period.js';
import type { Entry } from '../../src/schema/log-schema.js';
import type { SuggestionRecord } from '../../src/schema/suggestion-record.js';

export function villageMetricsOneByOne(
  month: YearMonth,
  villages: readonly string[],
  entries: readonly Entry[],
  suggestions: readonly SuggestionRecord[],
): Map<string, MetricValues> {
  return new Map(
    villages.map((village) => {
      const own = entries.filter((entry) => villagesOf(entry).has(village));
      const said = suggestions.filter((suggestion) => suggestion.village === village);
      return [village, metricsOf(month, { byKind: groupByKind(own), suggestions: said, village })];
    }),
  );
}

/** The villages an entry is about: the one it names and those taking part. */
function villagesOf(entry: Entry): Set<string> {
  const named = new Set<string>();
  if (entry.village !== undefined) named.add(entry.village);
  if ('villages' in entry && entry.villages) for (const village of entry.villages) named.add(village);
  return named;
}
