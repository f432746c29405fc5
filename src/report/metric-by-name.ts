/**
 * A metric as a clerk types it: its key (night-talk.resolution-rate) or its
 * name in any language of the catalogues (办结率, 征求意见建议, 征求意见建议（条）,
 * resolution rate), with or without the unit in brackets, full-width or
 * half-width, English in any case. When nothing matches, the nearest key or
 * name, as it would be typed, for "did you mean". Pure.
 */
import type { Catalogue } from '../i18n/catalogue.js';
import type { MetricDefinition, MetricKey } from '../metrics/metric-definitions.js';
import { METRICS } from '../metrics/metric-definitions.js';
import { nearestName } from '../validate/nearest-name.js';

/** The metric named; else, when one is near enough to be a typo, the nearest spelling. */
export interface FoundMetric {
  metric: MetricDefinition | undefined;
  suggestion: string | undefined;
}

/** `catalogues` in order of preference: the one messages are in first, so its names are suggested before others. */
export function metricByName(typed: string, catalogues: readonly Catalogue[]): FoundMetric {
  const spellings = metricSpellings(catalogues);
  const wanted = comparable(typed);
  const found = spellings.find(([spelling]) => comparable(spelling) === wanted);
  if (found) return { metric: METRICS.find((metric) => metric.key === found[1]), suggestion: undefined };
  return { metric: undefined, suggestion: nearestName(typed, [...new Set(spellings.map(([spelling]) => spelling))]) };
}

/** Every way a metric may be named, with its key: the key, then each catalogue's label, name and short name. */
export function metricSpellings(catalogues: readonly Catalogue[]): [spelling: string, key: MetricKey][] {
  const spellings: [string, MetricKey][] = METRICS.map((metric) => [metric.key, metric.key]);
  for (const catalogue of catalogues) {
    for (const { key } of METRICS) {
      const term = catalogue.metricTerms[key];
      for (const spelling of [catalogue.metrics[key], term.name, term.short]) spellings.push([spelling, key]);
    }
  }
  return spellings;
}

/** A name as compared: full-width forms folded (（条） is (条)), the unit in brackets dropped, spaces collapsed, lower case. */
function comparable(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\([^()]*\)\s*$/u, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}
