/**
 * What a report says before it is worded: every figure with the parts it is
 * made of, the village breakdown, the cadence check, the 督办 list, star
 * ratings and the trend. Computed here from a workspace's entries, or merged
 * from township reports (rollup/merge-reports.ts); assembleReport words
 * either the same way. Pure.
 */
import type { CadenceResult } from '../metrics/check-cadence.js';
import { checkCadence } from '../metrics/check-cadence.js';
import type { MetricPartsTable, MetricValues } from '../metrics/compute-metrics.js';
import { metricPartsOf, monthlyFigures, reportVillages, silentVillages, valuesFromParts } from '../metrics/compute-metrics.js';
import { computeVillageMetrics } from '../metrics/compute-village-metrics.js';
import type { MetricInput } from '../metrics/metric-definitions.js';
import type { MonthActivities } from '../metrics/month-activities.js';
import { monthActivities } from '../metrics/month-activities.js';
import type { StarRating } from '../metrics/rate-stars.js';
import { rateStars } from '../metrics/rate-stars.js';
import type { YearMonth } from '../metrics/report-period.js';
import type { Config } from '../schema/config-schema.js';
import type { Entry } from '../schema/log-schema.js';
import type { OverdueList } from './overdue-suggestions.js';
import { overdueSuggestions } from './overdue-suggestions.js';

export interface VillageFigures {
  /** The config's list in its order, or the villages named in the logs. */
  names: string[];
  /** Whether the names are the config's list. */
  listed: boolean;
  /** Listed villages that logged nothing in the month. */
  silent: string[];
  metrics: Map<string, MetricValues>;
}

/** Suggestions made and resolved in one month of the year so far. */
export interface TrendCounts {
  month: YearMonth;
  suggestions: number;
  resolved: number;
}

export interface ReportFigures {
  month: YearMonth;
  /**
   * The first month with any entry, or null for no entries at all. A window
   * that starts before it has no data: nothing is compared with it, and it
   * shows "—", never 0.
   */
  firstMonth: YearMonth | null;
  /** What happened in the month, by name, for the report's sentences. */
  activities: MonthActivities;
  /** What each figure is made of, so reports can be merged exactly. */
  parts: MetricPartsTable;
  metrics: MetricValues;
  villages: VillageFigures;
  cadence: CadenceResult[];
  overdue: OverdueList;
  stars: StarRating[];
  trend: TrendCounts[];
}

/** The settings the figures depend on (targets are judged later, against the figures). */
export type FigureSettings = Pick<Config, 'villages' | 'cadence' | 'overdueDays' | 'stars'>;

export interface FiguresInput {
  settings: FigureSettings;
  month: YearMonth;
  /** The report's date: the 督办 ages are counted to it while the month runs. */
  generatedOn: string;
  entries: readonly Entry[];
  /** The entries by kind and the suggestion ledger (metricInput). */
  input: MetricInput;
}

export function computeReportFigures({ settings, month, generatedOn, entries, input }: FiguresInput): ReportFigures {
  const parts = metricPartsOf(month, input);
  const names = reportVillages(settings.villages, entries);
  return {
    month,
    firstMonth: firstMonthOf(entries),
    activities: monthActivities(month, input.byKind),
    parts,
    metrics: valuesFromParts(parts),
    villages: {
      names,
      listed: settings.villages !== undefined,
      silent: settings.villages ? silentVillages(month, names, entries) : [],
      metrics: computeVillageMetrics(month, names, entries, input.suggestions),
    },
    cadence: checkCadence(settings.cadence, month, names, entries),
    overdue: overdueSuggestions(input.suggestions, month, settings.overdueDays, generatedOn),
    stars: rateStars(input.byKind.evaluation, month, settings.stars),
    trend: monthlyFigures(month, input, ['night-talk.suggestions', 'night-talk.resolved']).map(({ month: each, figures }) => ({
      month: each,
      suggestions: figures['night-talk.suggestions'] ?? 0,
      resolved: figures['night-talk.resolved'] ?? 0,
    })),
  };
}

function firstMonthOf(entries: readonly Entry[]): YearMonth | null {
  let first: string | undefined;
  for (const entry of entries) if (first === undefined || entry.date < first) first = entry.date;
  return first === undefined ? null : first.slice(0, 7);
}
