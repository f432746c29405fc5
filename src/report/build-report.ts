/**
 * The report model: everything a renderer shows, labelled in the workspace's
 * language, and nothing about how it looks. Pure.
 */
import type { Catalogue } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
import type { CadenceMiss, CadenceResult } from '../metrics/check-cadence.js';
import { checkCadence } from '../metrics/check-cadence.js';
import type { ComparisonKey, Comparisons } from '../metrics/compare-figures.js';
import { compareFigures } from '../metrics/compare-figures.js';
import type { MetricFigures, MetricValues } from '../metrics/compute-metrics.js';
import { computeVillageMetrics, metricInput, metricsOf, monthlyFigures, reportVillages, silentVillages } from '../metrics/compute-metrics.js';
import type { TargetResult } from '../metrics/evaluate-targets.js';
import { evaluateTargets } from '../metrics/evaluate-targets.js';
import type { MetricKey, MetricUnit } from '../metrics/metric-definitions.js';
import { METRICS, metricDefinition } from '../metrics/metric-definitions.js';
import type { StarRating } from '../metrics/rate-stars.js';
import { rateStars } from '../metrics/rate-stars.js';
import type { WindowKey, YearMonth } from '../metrics/report-period.js';
import { describeProblem } from '../problems/describe-problem.js';
import type { Problem } from '../problems/problem.js';
import type { Config } from '../schema/config-schema.js';
import type { Entry, Pillar } from '../schema/log-schema.js';
import { PILLARS } from '../schema/log-schema.js';
import type { SuggestionRecord } from '../validate/check-suggestions.js';
import type { EvidenceGroup } from './evidence.js';
import { buildEvidence } from './evidence.js';
import type { OverdueList } from './overdue-suggestions.js';
import { overdueSuggestions } from './overdue-suggestions.js';

/** Bumped when the JSON report changes incompatibly. */
export const REPORT_SCHEMA_VERSION = 2;

export interface MetricRow extends MetricFigures {
  key: MetricKey;
  label: string;
  unit: MetricUnit;
  /** 环比, 同比 and 累计同比. */
  changes: Comparisons;
}

export interface PillarSection {
  id: Pillar;
  label: string;
  rows: MetricRow[];
}

export interface MetricHeading {
  key: MetricKey;
  label: string;
  unit: MetricUnit;
}

/** One pillar's metrics, one row per village, one cell per metric. */
export interface VillageTable {
  id: Pillar;
  label: string;
  metrics: MetricHeading[];
  rows: { village: string; cells: MetricFigures[] }[];
}

export interface VillageBreakdown {
  names: string[];
  /** Whether the names are the config's list (only then is a silent village worth naming). */
  listed: boolean;
  /** Listed villages that logged nothing in the month. */
  silent: string[];
  tables: VillageTable[];
}

export interface TargetRow extends TargetResult {
  label: string;
  unit: MetricUnit;
  /** onTrack: a yearly target not reached yet, but ahead of the share of the year gone. */
  status: 'met' | 'notMet' | 'onTrack' | 'unknown';
  /** For a per-village target: the villages that missed it. */
  missedBy: string[];
}

export interface CadenceRow extends CadenceResult {
  kindLabel: string;
  misses: (CadenceMiss & { monthLabel: string })[];
}

export interface TrendPoint {
  month: YearMonth;
  label: string;
  suggestions: number;
  resolved: number;
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
  comparisonLabels: Record<ComparisonKey, string>;
  metricColumn: string;
  sections: PillarSection[];
  villages: VillageBreakdown;
  targets: TargetRow[];
  cadence: CadenceRow[];
  overdue: OverdueList;
  stars: StarRating[];
  /** Suggestions made and resolved in each month of the year so far. */
  trend: TrendPoint[];
  /** The entries behind each figure; only made for the formats that show them. */
  evidence: EvidenceGroup[] | null;
  warnings: ReportNote[];
}

export type ReportSettings = Pick<Config, 'region' | 'villages' | 'targets' | 'cadence' | 'overdueDays' | 'stars'> & { title?: string | undefined };

export interface ReportInput {
  config: ReportSettings;
  month: YearMonth;
  generatedOn: string;
  entries: readonly Entry[];
  suggestions: readonly SuggestionRecord[];
  warnings: readonly Problem[];
  catalogue: Catalogue;
  /** List the entries behind every figure (for HTML). */
  withEvidence?: boolean;
}

export function buildReport({ config, month, generatedOn, entries, suggestions, warnings, catalogue, withEvidence = false }: ReportInput): ReportModel {
  const input = metricInput(entries, suggestions);
  const metrics = metricsOf(month, input);
  const villageNames = reportVillages(config.villages, entries);
  const villageMetrics = computeVillageMetrics(month, villageNames, entries, suggestions);
  const monthLabel = catalogue.formatMonth(month);
  return {
    region: config.region,
    title: config.title ?? null,
    heading: catalogue.reportHeading(config.region, config.title, monthLabel),
    locale: catalogue.locale,
    month,
    monthLabel,
    generatedOn,
    generatedOnLabel: catalogue.formatDay(generatedOn),
    windowLabels: catalogue.windows,
    comparisonLabels: catalogue.report.comparisons,
    metricColumn: catalogue.metricColumn,
    sections: pillarSections(metrics, catalogue),
    villages: {
      names: villageNames,
      listed: config.villages !== undefined,
      silent: config.villages ? silentVillages(month, villageNames, entries) : [],
      tables: villageTables(villageMetrics, catalogue),
    },
    targets: evaluateTargets(config.targets, month, metrics, villageMetrics).map((result) => ({
      ...result,
      label: catalogue.metrics[result.metric],
      unit: metricDefinition(result.metric)!.unit,
      status: result.met === null ? 'unknown' : result.met ? 'met' : result.pace === 'ahead' ? 'onTrack' : 'notMet',
      missedBy: result.villages.filter((village) => village.met === false).map((village) => village.village),
    })),
    cadence: checkCadence(config.cadence, month, villageNames, entries).map((result) => ({
      ...result,
      kindLabel: catalogue.kinds[result.kind as keyof Catalogue['kinds']],
      misses: result.misses.map((miss) => ({ ...miss, monthLabel: catalogue.formatMonth(miss.month) })),
    })),
    overdue: overdueSuggestions(suggestions, month, config.overdueDays, generatedOn),
    stars: rateStars(input.byKind.evaluation, month, config.stars),
    trend: monthlyFigures(month, input, ['night-talk.suggestions', 'night-talk.resolved']).map(({ month: each, figures }) => ({
      month: each,
      label: catalogue.report.shortMonth(each),
      suggestions: figures['night-talk.suggestions'] ?? 0,
      resolved: figures['night-talk.resolved'] ?? 0,
    })),
    evidence: withEvidence ? buildEvidence(month, input, catalogue) : null,
    warnings: warnings.map((found) => ({
      file: found.file,
      line: found.line,
      col: found.col,
      code: found.code,
      ...describeProblem(found, catalogue),
    })),
  };
}

function pillarSections(metrics: MetricValues, catalogue: Catalogue): PillarSection[] {
  return PILLARS.map((pillar) => ({
    id: pillar,
    label: catalogue.pillars[pillar],
    rows: METRICS.filter((metric) => metric.pillar === pillar).map((metric) => ({
      key: metric.key,
      label: catalogue.metrics[metric.key],
      unit: metric.unit,
      ...metrics[metric.key],
      changes: compareFigures(metrics[metric.key], metric.unit),
    })),
  }));
}

function villageTables(villageMetrics: ReadonlyMap<string, MetricValues>, catalogue: Catalogue): VillageTable[] {
  return PILLARS.map((pillar) => {
    const metrics = METRICS.filter((metric) => metric.pillar === pillar).map((metric) => ({
      key: metric.key,
      label: catalogue.metrics[metric.key],
      unit: metric.unit,
    }));
    return {
      id: pillar,
      label: catalogue.pillars[pillar],
      metrics,
      rows: [...villageMetrics].map(([village, values]) => ({ village, cells: metrics.map((metric) => values[metric.key]) })),
    };
  });
}
