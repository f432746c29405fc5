/**
 * The report model: everything a renderer shows, labelled in the workspace's
 * language, and nothing about how it looks. Assembled from figures, which
 * come from a workspace's entries (buildReport) or from township reports
 * merged (rollup). Pure.
 */
import type { Catalogue } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
import type { CadenceMiss, CadenceResult } from '../metrics/check-cadence.js';
import type { ComparisonKey, Comparisons } from '../metrics/compare-figures.js';
import { compareFigures } from '../metrics/compare-figures.js';
import type { MetricFigures, MetricValues } from '../metrics/compute-metrics.js';
import { metricInput } from '../metrics/compute-metrics.js';
import type { TargetResult } from '../metrics/evaluate-targets.js';
import { evaluateTargets } from '../metrics/evaluate-targets.js';
import type { Aggregate, MetricKey, MetricParts, MetricUnit } from '../metrics/metric-definitions.js';
import { METRICS, metricDefinition } from '../metrics/metric-definitions.js';
import type { StarRating } from '../metrics/rate-stars.js';
import type { MonthNotes, NoteSection } from '../notes/note-sections.js';
import { noteTexts } from '../notes/note-sections.js';
import type { WindowKey, YearMonth } from '../metrics/report-period.js';
import { describeProblem } from '../problems/describe-problem.js';
import type { Problem } from '../problems/problem.js';
import type { Config, TargetRule } from '../schema/config-schema.js';
import type { Entry, Pillar } from '../schema/log-schema.js';
import { PILLARS } from '../schema/log-schema.js';
import type { SuggestionRecord } from '../validate/check-suggestions.js';
import type { EvidenceGroup } from './evidence.js';
import { buildEvidence } from './evidence.js';
import type { OverdueList } from './overdue-suggestions.js';
import type { ReportFigures } from './report-figures.js';
import { computeReportFigures } from './report-figures.js';

/** Bumped when the JSON report changes incompatibly (docs/format.md says what each version added). */
export const REPORT_SCHEMA_VERSION = 3;

export interface MetricRow extends MetricFigures {
  key: MetricKey;
  label: string;
  unit: MetricUnit;
  /** How the figure is made of its parts: count, sum, mean, distinct or ratio. */
  aggregate: Aggregate;
  /** 环比, 同比 and 累计同比. */
  changes: Comparisons;
  /** What each window's figure is made of, for merging reports. */
  parts: Record<WindowKey, MetricParts>;
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
  /** The clerk's words from the month's notes: each section's Markdown, sanitised for the report, or null. */
  notes: Record<NoteSection, string | null>;
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
  /** The month's notes (notes/YYYY-MM.md), when there are any. */
  notes?: MonthNotes | null;
}

/** A workspace's report: its figures computed from the entries, then worded. */
export function buildReport({ config, month, generatedOn, entries, suggestions, warnings, catalogue, withEvidence = false, notes = null }: ReportInput): ReportModel {
  const input = metricInput(entries, suggestions);
  const figures = computeReportFigures({ settings: config, month, generatedOn, entries, input });
  return assembleReport({
    figures,
    heading: config,
    targets: config.targets,
    generatedOn,
    catalogue,
    evidence: withEvidence ? buildEvidence(month, input, figures.metrics, catalogue) : null,
    warnings: warnings.map((found) => ({
      file: found.file,
      line: found.line,
      col: found.col,
      code: found.code,
      ...describeProblem(found, catalogue),
    })),
    notes: noteTexts(notes),
  });
}

export interface AssembleInput {
  /** Computed from entries (computeReportFigures) or merged from township reports. */
  figures: ReportFigures;
  /** Who reports, and the report's title when the config gives one. */
  heading: { region: string; title?: string | undefined };
  /** Judged against the figures. */
  targets: readonly TargetRule[];
  generatedOn: string;
  catalogue: Catalogue;
  /** The entries behind each figure, when there are entries and a format shows them. */
  evidence: EvidenceGroup[] | null;
  /** Already worded. */
  warnings: ReportNote[];
  /** Every section of the month's notes, null where there is none (a rollup has none: a district writes its own). */
  notes: Record<NoteSection, string | null>;
}

/** The report model from figures: labelled in the catalogue's language, targets judged. Pure. */
export function assembleReport({ figures, heading, targets, generatedOn, catalogue, evidence, warnings, notes }: AssembleInput): ReportModel {
  const { month, metrics, villages } = figures;
  const monthLabel = catalogue.formatMonth(month);
  return {
    region: heading.region,
    title: heading.title ?? null,
    heading: catalogue.reportHeading(heading.region, heading.title, monthLabel),
    locale: catalogue.locale,
    month,
    monthLabel,
    generatedOn,
    generatedOnLabel: catalogue.formatDay(generatedOn),
    windowLabels: catalogue.windows,
    comparisonLabels: catalogue.report.comparisons,
    metricColumn: catalogue.metricColumn,
    sections: pillarSections(figures, catalogue),
    villages: {
      names: villages.names,
      listed: villages.listed,
      silent: villages.silent,
      tables: villageTables(villages.metrics, catalogue),
    },
    targets: evaluateTargets(targets, month, metrics, villages.metrics).map((result) => ({
      ...result,
      label: catalogue.metrics[result.metric],
      unit: metricDefinition(result.metric)!.unit,
      status: result.met === null ? 'unknown' : result.met ? 'met' : result.pace === 'ahead' ? 'onTrack' : 'notMet',
      missedBy: result.villages.filter((village) => village.met === false).map((village) => village.village),
    })),
    cadence: figures.cadence.map((result) => ({
      ...result,
      kindLabel: catalogue.kinds[result.kind as keyof Catalogue['kinds']],
      misses: result.misses.map((miss) => ({ ...miss, monthLabel: catalogue.formatMonth(miss.month) })),
    })),
    overdue: figures.overdue,
    stars: figures.stars,
    trend: figures.trend.map((point) => ({ ...point, label: catalogue.report.shortMonth(point.month) })),
    evidence,
    warnings,
    notes,
  };
}

function pillarSections({ metrics, parts }: ReportFigures, catalogue: Catalogue): PillarSection[] {
  return PILLARS.map((pillar) => ({
    id: pillar,
    label: catalogue.pillars[pillar],
    rows: METRICS.filter((metric) => metric.pillar === pillar).map((metric) => ({
      key: metric.key,
      label: catalogue.metrics[metric.key],
      unit: metric.unit,
      aggregate: metric.aggregate,
      ...metrics[metric.key],
      changes: compareFigures(metrics[metric.key], metric.unit),
      parts: parts[metric.key],
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
