/**
 * Targets from the config against the figures: met (达标) or not (未达标);
 * for a yearly target of an amount that adds up over the year, also how
 * much of it is done against how much of the year has gone (序时进度).
 * Pure.
 */
import type { TargetRule } from '../schema/config-schema.js';
import type { MetricFigures, MetricValues } from './compute-metrics.js';
import type { MetricKey } from './metric-definitions.js';
import { metricDefinition } from './metric-definitions.js';
import type { YearMonth } from './report-period.js';
import { splitMonth } from './report-period.js';

export interface VillageTargetResult {
  village: string;
  actual: number | null;
  /** null when the figure is undefined (a rate of no suggestions). */
  met: boolean | null;
}

export interface TargetResult extends Omit<TargetRule, 'metric'> {
  metric: MetricKey;
  /** The township's figure: the month's, or the year to date's for a yearly target. */
  actual: number | null;
  /** For a per-village target: met when every village with a figure met it. */
  met: boolean | null;
  /** Yearly lower bounds of counts and amounts: the share of the target reached, and of the year gone. */
  progress: number | null;
  elapsed: number | null;
  /** Whether the progress keeps up with the year (超序时进度) or lags it; null when there is no progress to judge. */
  pace: 'ahead' | 'behind' | null;
  /** Each village's figure, for a per-village target; empty otherwise. */
  villages: VillageTargetResult[];
}

export function evaluateTargets(
  rules: readonly TargetRule[],
  month: YearMonth,
  metrics: MetricValues,
  villageMetrics: ReadonlyMap<string, MetricValues>,
): TargetResult[] {
  const [, monthNumber] = splitMonth(month);
  return rules.map((rule) => {
    const key = rule.metric as MetricKey;
    const unit = metricDefinition(key)!.unit;
    const figureOf = (figures: MetricFigures) => (rule.period === 'year' ? figures.ytd : figures.month);
    const actual = figureOf(metrics[key]);
    const villages = rule.perVillage
      ? [...villageMetrics].map(([village, values]) => {
          const figure = figureOf(values[key]);
          return { village, actual: figure, met: meets(figure, rule) };
        })
      : [];
    const met = rule.perVillage ? allMet(villages) : meets(actual, rule);
    const adds = unit !== 'ratio' && unit !== 'score' && key !== 'night-talk.open';
    const paced = rule.period === 'year' && rule.bound === 'atLeast' && adds && !rule.perVillage && rule.value > 0;
    const progress = paced && actual !== null ? actual / rule.value : null;
    const elapsed = paced ? monthNumber / 12 : null;
    return {
      ...rule,
      metric: key,
      actual,
      met,
      progress,
      elapsed,
      pace: progress === null || elapsed === null ? null : progress >= elapsed ? 'ahead' : 'behind',
      villages,
    };
  });
}

function meets(figure: number | null, rule: TargetRule): boolean | null {
  if (figure === null) return null;
  return rule.bound === 'atLeast' ? figure >= rule.value : figure <= rule.value;
}

function allMet(villages: readonly VillageTargetResult[]): boolean | null {
  const judged = villages.filter((village) => village.met !== null);
  return judged.length === 0 ? null : judged.every((village) => village.met);
}
