/**
 * Targets from the config against the figures: met (达标) or not (未达标);
 * for a yearly target of an amount that adds up over the year, also how
 * much of it is done against how much of the year has gone (序时进度), for
 * the township or, with perVillage, for each village on its own. Pure.
 */
import type { TargetRule } from '../schema/config-schema.js';
import type { MetricFigures, MetricValues } from './compute-metrics.js';
import type { MetricKey } from './metric-definitions.js';
import { isStock, metricDefinition } from './metric-definitions.js';
import type { YearMonth } from './report-period.js';
import { splitMonth } from './report-period.js';

export interface VillageTargetResult {
  village: string;
  actual: number | null;
  /** null when the figure is undefined (a rate of no suggestions). */
  met: boolean | null;
  /** A yearly amount not reached yet: the share reached, and whether it keeps up with the year; else null. */
  progress: number | null;
  pace: Pace;
}

/** Whether a yearly amount keeps up with the share of the year gone (超序时进度) or lags it. */
export type Pace = 'ahead' | 'behind' | null;

export interface TargetResult extends Omit<TargetRule, 'metric'> {
  metric: MetricKey;
  /** The township's figure: the month's, or the year to date's for a yearly target. */
  actual: number | null;
  /** For a per-village target: met when every village with a figure met it. */
  met: boolean | null;
  /**
   * Yearly lower bounds of amounts that add up: the share of the target
   * reached (the township's; null for a per-village target, whose villages
   * each have theirs), and the share of the year gone.
   */
  progress: number | null;
  elapsed: number | null;
  /**
   * Whether the progress keeps up with the year; for a per-village target,
   * ahead when every village has met it or keeps up. null when there is no
   * progress to judge.
   */
  pace: Pace;
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
    const key = rule.metric;
    const definition = metricDefinition(key);
    const figureOf = (figures: MetricFigures) => (rule.period === 'year' ? figures.ytd : figures.month);
    // Only an amount that grows over the year can be judged against the share of the year gone.
    const adds = definition.unit !== 'ratio' && definition.unit !== 'score' && !isStock(definition);
    const elapsed = rule.period === 'year' && rule.bound === 'atLeast' && adds && rule.value > 0 ? monthNumber / 12 : null;
    const judge = (figure: number | null) => {
      const met = meets(figure, rule);
      const progress = elapsed !== null && figure !== null ? figure / rule.value : null;
      return { met, progress, pace: paceOf(progress, elapsed) };
    };

    if (rule.perVillage) {
      const villages = [...villageMetrics].map(([village, values]) => {
        const actual = figureOf(values[key]);
        return { village, actual, ...judge(actual) };
      });
      const judged = villages.filter((village) => village.met !== null);
      const pace: Pace =
        elapsed === null || judged.length === 0 ? null : judged.every((village) => village.met || village.pace === 'ahead') ? 'ahead' : 'behind';
      return { ...rule, metric: key, actual: figureOf(metrics[key]), met: allMet(villages), progress: null, elapsed, pace, villages };
    }
    const actual = figureOf(metrics[key]);
    return { ...rule, metric: key, actual, ...judge(actual), elapsed, villages: [] };
  });
}

function paceOf(progress: number | null, elapsed: number | null): Pace {
  if (progress === null || elapsed === null) return null;
  return progress >= elapsed ? 'ahead' : 'behind';
}

function meets(figure: number | null, rule: TargetRule): boolean | null {
  if (figure === null) return null;
  return rule.bound === 'atLeast' ? figure >= rule.value : figure <= rule.value;
}

function allMet(villages: readonly VillageTargetResult[]): boolean | null {
  const judged = villages.filter((village) => village.met !== null);
  return judged.length === 0 ? null : judged.every((village) => village.met);
}
