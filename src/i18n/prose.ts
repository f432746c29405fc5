/**
 * The report's sentences are written per language (prose-zh-CN.ts,
 * prose-en.ts) from these facts: the figures, what happened in the month by
 * name, the targets, the 督办 list and the month's cadence lapses. What was
 * zero is left out, what has no data is not compared, and every change is
 * said in its own unit. The sentences are plain text: templates escape
 * them when they print them.
 */
import type { MetricValues } from '../metrics/compute-metrics.js';
import type { MetricKey, MetricUnit } from '../metrics/metric-definitions.js';
import type { MonthActivities } from '../metrics/month-activities.js';
import type { YearMonth } from '../metrics/report-period.js';
import type { Kind, Pillar } from '../schema/log-schema.js';
import type { MetricTerm } from './catalogue.js';

export interface ProseTarget {
  metric: MetricKey;
  unit: MetricUnit;
  period: 'month' | 'year';
  bound: 'atLeast' | 'atMost';
  value: number;
  perVillage: boolean;
  actual: number | null;
  status: 'met' | 'notMet' | 'onTrack' | 'unknown';
  /** A yearly amount: the share reached and the share of the year gone (null otherwise). */
  progress: number | null;
  elapsed: number | null;
  /** For a per-village target, the villages that missed it, with their figures and (yearly) their progress. */
  missedBy: { village: string; actual: number | null; progress: number | null }[];
}

export interface ProseFacts {
  month: YearMonth;
  /** Every metric in every window; null where a window has no data (before the first logged month). */
  figures: MetricValues;
  /** The month's new suggestions, and how many of them were resolved by the month's end: the month's 办结率. */
  monthRate: { numerator: number; denominator: number };
  activities: MonthActivities;
  targets: ProseTarget[];
  /** The 督办 list in brief: suggestions open longer than `days` on `asOf`, by topic, the oldest one's age. */
  overdue: { count: number; days: number; asOf: string; byTopic: { topic: string | null; count: number }[]; oldestDays: number };
  /** The number of the attachment that lists the overdue suggestions, when there is one. */
  overdueAttachment: number | null;
  /** The report month's cadence lapses, by rule: villages that held it on another day, or not at all. */
  lapses: { kind: Kind; day: number; villages: { village: string; status: 'missed' | 'otherDay'; heldOn: string[] }[] }[];
}

/** One generated item of 存在问题: a run-in title and what it is, with its figures. */
export interface ProblemItem {
  title: string;
  text: string;
}

export interface ReportProse {
  /** Each pillar's paragraphs of 工作开展情况: the month by name, the year to date, yearly targets' progress. */
  pillars: Record<Pillar, string[]>;
  /** 存在问题 found in the figures: missed targets with their gaps, overdue suggestions, cadence lapses. */
  problems: ProblemItem[];
}

/**
 * The yearly targets a pillar's paragraph reports on: the township's yearly
 * amounts reached or keeping up with the year (those behind it are
 * problems, and per-village ones go to the attachment).
 */
export function progressToReport(facts: ProseFacts, pillar: Pillar): ProseTarget[] {
  return facts.targets.filter(
    (target) =>
      target.metric.startsWith(`${pillar}.`) &&
      target.period === 'year' &&
      !target.perVillage &&
      target.progress !== null &&
      (target.status === 'met' || target.status === 'onTrack'),
  );
}

/** The words the sentences need from the rest of their catalogue. */
export interface ProseWords {
  kinds: Record<Kind, string>;
  metricTerms: Record<MetricKey, MetricTerm>;
  formatDay: (day: string) => string;
}

export type WriteProse = (facts: ProseFacts, words: ProseWords) => ReportProse;

/** A target as the report states it (每村每月不少于1场), from its rule and its metric's terms. */
export type TargetGoal = (target: Pick<ProseTarget, 'unit' | 'period' | 'bound' | 'value' | 'perVillage'>, term: MetricTerm) => string;
