/**
 * Township reports → the district's figures: the same figures as a report
 * over all the townships' logs together (a property test holds it to
 * that). Each part merges by what it is:
 *
 * - a metric's figures from their parts (counts and sums add, a mean is
 *   its sum over its count, a rate its numerator over its denominator, a
 *   distinct count the union of its values); changes from the figures;
 * - villages, silent villages, the 督办 list: each village is one
 *   township's, so they are put together (the 督办 list re-sorted, oldest
 *   first);
 * - the cadence check: a township judged the months from its first entry
 *   of the year, and had no entry at all before it, so in earlier months
 *   the district judges (from its earliest first entry) each of its
 *   villages missed;
 * - star ratings: one subject rated in two townships becomes one rating,
 *   its evaluations and scores added, the latest score (on the same day,
 *   the later report's) deciding its stars;
 * - the trend: each month's counts add;
 * - the month's activities: grouped again by name (month-activities.ts);
 * - the first logged month: the latest township's (see districtFirstMonth).
 *
 * The reports have been checked to agree (check-reports-agree.ts). Pure.
 */
import type { CadenceMiss, CadenceResult } from '../metrics/check-cadence.js';
import type { MetricPartsTable, MetricValues } from '../metrics/compute-metrics.js';
import { inNameOrder, valuesFromParts } from '../metrics/compute-metrics.js';
import type { MetricParts } from '../metrics/metric-definitions.js';
import { METRICS, mergeParts, roundSum } from '../metrics/metric-definitions.js';
import { mergeActivities } from '../metrics/month-activities.js';
import type { StarRating } from '../metrics/rate-stars.js';
import { averageScore, compareRatings } from '../metrics/rate-stars.js';
import type { WindowKey } from '../metrics/report-period.js';
import { WINDOW_KEYS, monthsOfYearTo } from '../metrics/report-period.js';
import type { ReportNote } from '../report/build-report.js';
import type { LedgerRow } from '../report/suggestion-ledger.js';
import { compareLedgerRows } from '../report/suggestion-ledger.js';
import type { ReportFigures } from '../report/report-figures.js';
import type { ReportDocument } from '../schema/report-schema.js';

export function mergeReports(documents: readonly ReportDocument[]): ReportFigures {
  const month = documents[0]!.month;
  const parts = mergeMetricParts(documents);
  const listed = documents.every((document) => document.villagesListed);
  const named = documents.flatMap((document) => Object.keys(document.villages));
  // Villages named in the logs (no list) are in the order of their names, as in a report of one workspace.
  const names = listed ? named : inNameOrder(named);
  const villageMetrics = new Map<string, MetricValues>();
  for (const document of documents) for (const [village, figures] of Object.entries(document.villages)) villageMetrics.set(village, figures);
  const silent = new Set(documents.flatMap((document) => document.silentVillages));
  return {
    month,
    firstMonth: districtFirstMonth(documents),
    activities: mergeActivities(documents.map((document) => document.activities)),
    parts,
    metrics: valuesFromParts(parts),
    villages: {
      names,
      listed,
      silent: names.filter((village) => silent.has(village)),
      metrics: new Map(names.map((village) => [village, villageMetrics.get(village)!])),
    },
    cadence: mergeCadence(documents, month, names),
    overdue: mergeOverdue(documents),
    stars: mergeStars(documents),
    trend: monthsOfYearTo(month).map((each) => {
      const points = documents.flatMap((document) => document.trend.filter((point) => point.month === each));
      return {
        month: each,
        // A township's month before its first log has no data (null); it adds nothing.
        suggestions: points.reduce((total, point) => total + (point.suggestions ?? 0), 0),
        resolved: points.reduce((total, point) => total + (point.resolved ?? 0), 0),
      };
    }),
  };
}

/**
 * The district has data for a period only when every township has logs
 * from then on: compared with a period before one township began logging,
 * the district's figures would grow by that township's whole work. So its
 * first month is the latest of the townships' (none when a township has no
 * logs at all), and earlier windows are "no data", not a smaller total.
 */
function districtFirstMonth(documents: readonly ReportDocument[]): string | null {
  let latest: string | null = null;
  for (const { firstMonth } of documents) {
    if (firstMonth === null) return null;
    if (latest === null || firstMonth > latest) latest = firstMonth;
  }
  return latest;
}

/** The townships' warnings, each file named with its township: `永胜乡/logs/2023/04/永胜村.yaml`. */
export function mergeWarnings(documents: readonly ReportDocument[]): ReportNote[] {
  return documents.flatMap((document) => document.warnings.map((note) => ({ ...note, file: `${document.region}/${note.file}` })));
}

function mergeMetricParts(documents: readonly ReportDocument[]): MetricPartsTable {
  const table = {} as MetricPartsTable;
  for (const metric of METRICS) {
    const windows = {} as Record<WindowKey, MetricParts>;
    for (const window of WINDOW_KEYS) {
      windows[window] = documents.map((document) => document.metrics[metric.key].parts[window]).reduce((merged, parts) => mergeParts(metric, merged, parts));
    }
    table[metric.key] = windows;
  }
  return table;
}

/**
 * Each rule (kind and day) over the villages of the townships that have it.
 * A township's first judged month is the month of its first entry of the
 * year; the district judges from the earliest of them.
 */
function mergeCadence(documents: readonly ReportDocument[], month: string, names: readonly string[]): CadenceResult[] {
  const rules: { kind: string; day: number; rows: { villages: Set<string>; row: ReportDocument['cadence'][number] }[] }[] = [];
  for (const document of documents) {
    for (const row of document.cadence) {
      let rule = rules.find((each) => each.kind === row.kind && each.day === row.day);
      if (!rule) {
        rule = { kind: row.kind, day: row.day, rows: [] };
        rules.push(rule);
      }
      rule.rows.push({ villages: new Set(Object.keys(document.villages)), row });
    }
  }
  return rules.map(({ kind, day, rows }) => {
    const firsts = rows.flatMap(({ row }) => row.months.slice(0, 1));
    const from = firsts.length === 0 ? undefined : firsts.reduce((a, b) => (b < a ? b : a));
    const months = from === undefined ? [] : monthsOfYearTo(month).filter((each) => each >= from);
    const judged = names.filter((village) => rows.some(({ villages }) => villages.has(village)));
    const misses: CadenceMiss[] = [];
    for (const each of months) {
      for (const village of judged) {
        const { row } = rows.find(({ villages }) => villages.has(village))!;
        if (!row.months.includes(each)) misses.push({ village, month: each, status: 'missed', heldOn: [] });
        else for (const miss of row.misses) if (miss.village === village && miss.month === each) misses.push(miss);
      }
    }
    const expected = months.length * judged.length;
    return { kind, day, months, expected, onTime: expected - misses.length, misses };
  });
}

/**
 * The 督办 list under the longest of the townships' deadlines (each
 * township listed everything past its own, so this is exact), oldest first.
 */
function mergeOverdue(documents: readonly ReportDocument[]): ReportFigures['overdue'] {
  const days = Math.max(...documents.map((document) => document.overdue.days));
  const asOf = documents.map((document) => document.overdue.asOf).reduce((a, b) => (b > a ? b : a));
  const rows: LedgerRow[] = documents
    .flatMap((document) => document.overdue.rows)
    .filter((row) => row.daysOpen > days)
    .sort(compareLedgerRows);
  return { days, asOf, rows };
}

function mergeStars(documents: readonly ReportDocument[]): StarRating[] {
  const bySubject = new Map<string, StarRating>();
  for (const rating of documents.flatMap((document) => document.stars)) {
    const earlier = bySubject.get(rating.subject);
    if (!earlier) {
      bySubject.set(rating.subject, { ...rating });
      continue;
    }
    const latest = rating.latestDate >= earlier.latestDate ? rating : earlier;
    const evaluations = earlier.evaluations + rating.evaluations;
    const totalScore = roundSum(earlier.totalScore + rating.totalScore);
    bySubject.set(rating.subject, { ...latest, evaluations, totalScore, averageScore: averageScore(totalScore, evaluations) });
  }
  return [...bySubject.values()].sort(compareRatings);
}
