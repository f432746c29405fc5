/**
 * The report model: everything a renderer shows, labelled in the workspace's
 * language, and nothing about how it looks. Assembled from figures, which
 * come from a workspace's entries (buildReport) or from township reports
 * merged (rollup). Pure.
 */
import type { Catalogue } from '../i18n/catalogue.js';
import type { Locale } from '../i18n/locale.js';
import type { ProseTarget, ReportProse } from '../i18n/prose.js';
import type { CadenceMiss, CadenceResult } from '../metrics/check-cadence.js';
import type { ComparisonKey, Comparisons } from '../metrics/compare-figures.js';
import { compareFigures } from '../metrics/compare-figures.js';
import type { MetricFigures, MetricValues } from '../metrics/compute-metrics.js';
import { metricInput } from '../metrics/compute-metrics.js';
import type { TargetResult } from '../metrics/evaluate-targets.js';
import { evaluateTargets } from '../metrics/evaluate-targets.js';
import type { Aggregate, MetricKey, MetricParts, MetricUnit, PartsByAggregate } from '../metrics/metric-definitions.js';
import { METRICS, isStock, metricDefinition } from '../metrics/metric-definitions.js';
import type { MonthActivities } from '../metrics/month-activities.js';
import type { StarRating } from '../metrics/rate-stars.js';
import type { MonthNotes, NoteSection } from '../notes/note-sections.js';
import { noteTexts } from '../notes/note-sections.js';
import type { WindowKey, YearMonth } from '../metrics/report-period.js';
import { WINDOW_KEYS, reportWindows } from '../metrics/report-period.js';
import { describeProblem } from '../problems/describe-problem.js';
import type { Problem } from '../problems/problem.js';
import type { Config, TargetRule } from '../schema/config-schema.js';
import type { Entry, Kind, Pillar } from '../schema/log-schema.js';
import { PILLARS } from '../schema/log-schema.js';
import type { SuggestionRecord } from '../validate/check-suggestions.js';
import { compareText } from '../compare-text.js';
import type { EvidenceGroup } from './evidence.js';
import { buildEvidence } from './evidence.js';
import type { OverdueList } from './overdue-suggestions.js';
import type { ReportFigures } from './report-figures.js';
import { computeReportFigures } from './report-figures.js';

/** Bumped when the JSON report changes incompatibly (docs/format.md says what each version added). */
export const REPORT_SCHEMA_VERSION = 4;

export interface MetricRow extends MetricFigures {
  key: MetricKey;
  /** As a listing shows it alone: 征求意见建议（条）. */
  label: string;
  /** As a table row names it, beside its unit column: 征求意见建议 | 条. */
  name: string;
  unitLabel: string;
  unit: MetricUnit;
  /** A level at the window's end (月末未办结诉求), not an amount over it: no year-to-date total. */
  stock: boolean;
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
  /** Whether its table shows "—" anywhere: a window without logs, or a rate or mean of nothing. */
  gaps: boolean;
}

export interface MetricHeading {
  key: MetricKey;
  label: string;
  /** A name short enough for a column heading, and the unit the column's cells are in. */
  short: string;
  unitLabel: string;
  unit: MetricUnit;
  /** A level at the month's end: a village's cell is that level alone, with no year-to-date total. */
  stock: boolean;
}

/**
 * One pillar's metrics that mean something for one village, one row per
 * village, one cell per metric (how many villages a joint organisation
 * covers is a township's figure: for one village it is only 1 or 0).
 */
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
  /** Every metric of each village, in the order of `names` (the JSON report's `villages`). */
  figures: Record<string, MetricValues>;
}

export interface TargetRow extends TargetResult {
  label: string;
  unit: MetricUnit;
  /** onTrack: a yearly target not reached yet, but ahead of the share of the year gone. */
  status: 'met' | 'notMet' | 'onTrack' | 'unknown';
  /** For a per-village target: the villages that missed it (yearly: that lag the year's pace). */
  missedBy: string[];
  /** The target as the report states it: 每村每月不少于1场. */
  goal: string;
  /** For a per-village target: how many villages have a figure to judge, and how many of them met it. */
  villagesJudged: number;
  villagesMet: number;
}

export interface CadenceRow extends CadenceResult {
  kindLabel: string;
  misses: (CadenceMiss & { monthLabel: string })[];
}

export interface TrendPoint {
  month: YearMonth;
  label: string;
  /** null for a month before the first logged month: no data, not none. */
  suggestions: number | null;
  resolved: number | null;
}

/** The 督办 list in brief, for the text: how many, by topic (most first), and the oldest one's age. */
export interface OverdueSummary {
  count: number;
  byTopic: { topic: string | null; count: number }[];
  oldestDays: number;
}

export type AttachmentKey = 'villages' | 'targets' | 'overdue' | 'cadence' | 'stars';

/** A numbered attachment of the official document (附件), after the signature, each on its own pages. */
export interface Attachment {
  key: AttachmentKey;
  number: number;
  title: string;
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
  /** 主送机关, the office the report goes to ("区委组织部"), when the config names it. */
  recipient: string | null;
  /** 发文机关署名 above the date: the config's issuer, else the region. */
  issuer: string;
  locale: Locale;
  month: YearMonth;
  monthLabel: string;
  /** The report's date, YYYY-MM-DD, and as the report writes it (2023年5月1日). */
  generatedOn: string;
  generatedOnLabel: string;
  windowLabels: Record<WindowKey, string>;
  comparisonLabels: Record<ComparisonKey, string>;
  metricColumn: string;
  /** The first month with any entry (null: none); windows starting earlier have no data. */
  firstMonth: YearMonth | null;
  /** Whether each window has data to show and to compare with. */
  windowsKnown: Record<WindowKey, boolean>;
  sections: PillarSection[];
  villages: VillageBreakdown;
  targets: TargetRow[];
  cadence: CadenceRow[];
  overdue: OverdueList & { summary: OverdueSummary };
  stars: StarRating[];
  /** What happened in the month, by name. */
  activities: MonthActivities;
  /** The month's suggestions and how many of them were resolved by its end: the month's 办结率. */
  monthRate: PartsByAggregate['ratio'];
  /** The sentences of 工作开展情况 and 存在问题, written from the figures. */
  prose: ReportProse;
  /** The document's attachments in order: the tables and lists that do not belong in its body. */
  attachments: Attachment[];
  /** Suggestions made and resolved in each month of the year so far. */
  trend: TrendPoint[];
  /** The entries behind each figure; only made for the formats that show them. */
  evidence: EvidenceGroup[] | null;
  warnings: ReportNote[];
  /** The clerk's words from the month's notes: each section's Markdown, sanitised for the report, or null. */
  notes: Record<NoteSection, string | null>;
}

export type ReportSettings = Pick<Config, 'region' | 'villages' | 'targets' | 'cadence' | 'overdueDays' | 'stars'> & {
  title?: string | undefined;
  recipient?: string | undefined;
  issuer?: string | undefined;
};

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
export function buildReport({
  config,
  month,
  generatedOn,
  entries,
  suggestions,
  warnings,
  catalogue,
  withEvidence = false,
  notes = null,
}: ReportInput): ReportModel {
  const input = metricInput(entries, suggestions);
  const figures = computeReportFigures({ settings: config, month, generatedOn, entries, input });
  return assembleReport({
    figures,
    heading: config,
    targets: config.targets,
    generatedOn,
    catalogue,
    evidence: withEvidence ? buildEvidence(month, input, figures.metrics, catalogue) : null,
    warnings: reportNotes(warnings, catalogue),
    notes: noteTexts(notes),
  });
}

/** Problems worded for the report's data-check notes. */
export function reportNotes(problems: readonly Problem[], catalogue: Catalogue): ReportNote[] {
  return problems.map((found) => ({ file: found.file, line: found.line, col: found.col, code: found.code, ...describeProblem(found, catalogue) }));
}

/**
 * Whether the report shows 存在问题 as 【待补充】: the figures found no
 * problem and the clerk's notes name none. (A missing 下步工作打算 is found
 * when the notes are read.)
 */
export function emptyProblemsSection(report: ReportModel): boolean {
  return report.prose.problems.length === 0 && report.notes.problems === null;
}

export interface AssembleInput {
  /** Computed from entries (computeReportFigures) or merged from township reports. */
  figures: ReportFigures;
  /** Who reports, the report's title, the office it goes to and the issuer's name, as the config gives them. */
  heading: { region: string; title?: string | undefined; recipient?: string | undefined; issuer?: string | undefined };
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

/** The report model from figures: labelled in the catalogue's language, targets judged, the text written. Pure. */
export function assembleReport({ figures, heading, targets, generatedOn, catalogue, evidence, warnings, notes }: AssembleInput): ReportModel {
  const { month } = figures;
  const monthLabel = catalogue.formatMonth(month);
  const windowsKnown = knownWindows(month, figures.firstMonth);
  const metrics = withoutUnknownWindows(figures.metrics, windowsKnown);
  const villageFigures = new Map([...figures.villages.metrics].map(([village, values]) => [village, withoutUnknownWindows(values, windowsKnown)]));
  const judged = evaluateTargets(targets, month, metrics, villageFigures).map(
    (result): TargetRow => ({
      ...result,
      label: catalogue.metrics[result.metric],
      unit: metricDefinition(result.metric).unit,
      goal: catalogue.targetGoal({ ...result, unit: metricDefinition(result.metric).unit }, catalogue.metricTerms[result.metric]),
      status: result.met === null ? 'unknown' : result.met ? 'met' : result.pace === 'ahead' ? 'onTrack' : 'notMet',
      missedBy: result.villages.filter((village) => village.met === false && village.pace !== 'ahead').map((village) => village.village),
      villagesJudged: result.villages.filter((village) => village.met !== null).length,
      villagesMet: result.villages.filter((village) => village.met === true).length,
    }),
  );
  const cadence = figures.cadence.map((result) => ({
    ...result,
    kindLabel: catalogue.kinds[result.kind as keyof Catalogue['kinds']],
    misses: result.misses.map((miss) => ({ ...miss, monthLabel: catalogue.formatMonth(miss.month) })),
  }));
  const overdue = { ...figures.overdue, summary: summariseOverdue(figures.overdue) };
  const attachments = listAttachments(figures, judged, catalogue);
  const monthRate = figures.parts['night-talk.resolution-rate'].month as PartsByAggregate['ratio'];
  const prose = catalogue.prose(
    {
      month,
      figures: metrics,
      monthRate,
      activities: figures.activities,
      targets: judged.map((target) => proseTarget(target)),
      overdue: { days: overdue.days, asOf: overdue.asOf, ...overdue.summary },
      overdueAttachment: attachments.find((attachment) => attachment.key === 'overdue')?.number ?? null,
      lapses: figures.cadence.map((rule) => ({
        kind: rule.kind as Kind,
        day: rule.day,
        villages: rule.misses.filter((miss) => miss.month === month).map(({ village, status, heldOn }) => ({ village, status, heldOn })),
      })),
    },
    catalogue,
  );
  return {
    region: heading.region,
    title: heading.title ?? null,
    heading: catalogue.reportHeading(heading.region, heading.title, monthLabel),
    recipient: heading.recipient ?? null,
    issuer: heading.issuer ?? heading.region,
    locale: catalogue.locale,
    month,
    monthLabel,
    generatedOn,
    generatedOnLabel: catalogue.formatDay(generatedOn),
    windowLabels: catalogue.windows,
    comparisonLabels: catalogue.report.comparisons,
    metricColumn: catalogue.metricColumn,
    firstMonth: figures.firstMonth,
    windowsKnown,
    sections: pillarSections(figures, metrics, catalogue),
    villages: {
      names: figures.villages.names,
      listed: figures.villages.listed,
      silent: figures.villages.silent,
      tables: villageTables(villageFigures, catalogue),
      figures: Object.fromEntries(villageFigures),
    },
    targets: judged,
    cadence,
    overdue,
    stars: figures.stars,
    activities: figures.activities,
    monthRate,
    prose,
    attachments,
    trend: figures.trend.map((point) => {
      const known = figures.firstMonth !== null && point.month >= figures.firstMonth;
      return {
        month: point.month,
        label: catalogue.report.shortMonth(point.month),
        suggestions: known ? point.suggestions : null,
        resolved: known ? point.resolved : null,
      };
    }),
    evidence,
    warnings,
    notes,
  };
}

/** A window has data when it starts on or after the first logged month; the report month's own windows always do. */
function knownWindows(month: YearMonth, firstMonth: YearMonth | null): Record<WindowKey, boolean> {
  const windows = reportWindows(month);
  const known = {} as Record<WindowKey, boolean>;
  for (const window of WINDOW_KEYS) {
    known[window] = window === 'month' || window === 'ytd' || (firstMonth !== null && windows[window].start.slice(0, 7) >= firstMonth);
  }
  return known;
}

/** Figures of windows without data become null: "—", not 0, and nothing is compared with them. */
function withoutUnknownWindows(values: MetricValues, known: Record<WindowKey, boolean>): MetricValues {
  if (WINDOW_KEYS.every((window) => known[window])) return values;
  const copy = {} as MetricValues;
  for (const metric of METRICS) {
    const figures = { ...values[metric.key] };
    for (const window of WINDOW_KEYS) if (!known[window]) figures[window] = null;
    copy[metric.key] = figures;
  }
  return copy;
}

function summariseOverdue(overdue: OverdueList): OverdueSummary {
  const byTopic = new Map<string | null, number>();
  for (const row of overdue.rows) byTopic.set(row.topic, (byTopic.get(row.topic) ?? 0) + 1);
  return {
    count: overdue.rows.length,
    byTopic: [...byTopic]
      .map(([topic, count]) => ({ topic, count }))
      .sort((a, b) => Number(a.topic === null) - Number(b.topic === null) || b.count - a.count || compareText(a.topic ?? '', b.topic ?? '')),
    oldestDays: overdue.rows.reduce((oldest, row) => Math.max(oldest, row.daysOpen), 0),
  };
}

/** The attachments this report has, numbered in order: those with nothing to show are left out. */
function listAttachments(figures: ReportFigures, targets: readonly TargetRow[], catalogue: Catalogue): Attachment[] {
  const titles = catalogue.report.attachments;
  const present: [AttachmentKey, boolean, string][] = [
    ['villages', figures.villages.names.length > 0, titles.villages],
    ['targets', targets.length > 0, titles.targets],
    ['overdue', figures.overdue.rows.length > 0, titles.overdue],
    [
      'cadence',
      figures.cadence.some((rule) => rule.months.length > 0),
      titles.cadence(figures.cadence.map((rule) => catalogue.kinds[rule.kind as keyof Catalogue['kinds']])),
    ],
    ['stars', figures.stars.length > 0, titles.stars],
  ];
  return present.filter(([, shown]) => shown).map(([key, , title], index) => ({ key, number: index + 1, title }));
}

function proseTarget(target: TargetRow): ProseTarget {
  const { metric, unit, period, bound, value, perVillage, actual, status, progress, elapsed } = target;
  const missed = new Set(target.missedBy);
  return {
    metric,
    unit,
    period,
    bound,
    value,
    perVillage,
    actual,
    status,
    progress,
    elapsed,
    missedBy: target.villages
      .filter((village) => missed.has(village.village))
      .map(({ village, actual: figure, progress: share }) => ({ village, actual: figure, progress: share })),
  };
}

function pillarSections({ parts }: ReportFigures, metrics: MetricValues, catalogue: Catalogue): PillarSection[] {
  return PILLARS.map((pillar) => {
    const rows = METRICS.filter((metric) => metric.pillar === pillar).map(
      (metric): MetricRow => ({
        key: metric.key,
        label: catalogue.metrics[metric.key],
        name: catalogue.metricTerms[metric.key].name,
        unitLabel: catalogue.metricTerms[metric.key].unit,
        unit: metric.unit,
        stock: isStock(metric),
        aggregate: metric.aggregate,
        ...metrics[metric.key],
        changes: compareFigures(metrics[metric.key], metric.unit),
        parts: parts[metric.key],
      }),
    );
    return { id: pillar, label: catalogue.pillars[pillar], rows, gaps: rows.some(showsGap) };
  });
}

/** A row's table shows "—": a figure it shows, or a change against one, is undefined. */
function showsGap(row: MetricRow): boolean {
  const shown: WindowKey[] = row.stock ? ['month', 'previousMonth', 'previousYear'] : ['month', 'previousMonth', 'ytd', 'previousYtd'];
  const changes = row.stock ? [row.changes.monthOnMonth, row.changes.yearOnYear] : [row.changes.monthOnMonth, row.changes.ytdOnYtd];
  return shown.some((window) => row[window] === null) || changes.some((change) => change.difference === null);
}

function villageTables(villageMetrics: ReadonlyMap<string, MetricValues>, catalogue: Catalogue): VillageTable[] {
  return PILLARS.map((pillar) => {
    const metrics = METRICS.filter((metric) => metric.pillar === pillar && metric.aggregate !== 'distinct').map((metric) => ({
      key: metric.key,
      label: catalogue.metrics[metric.key],
      short: catalogue.metricTerms[metric.key].short,
      unitLabel: catalogue.metricTerms[metric.key].unit,
      unit: metric.unit,
      stock: isStock(metric),
    }));
    return {
      id: pillar,
      label: catalogue.pillars[pillar],
      metrics,
      rows: [...villageMetrics].map(([village, values]) => ({ village, cells: metrics.map((metric) => values[metric.key]) })),
    };
  });
}
