/**
 * How a figure moved: against last month (环比), the same month last year
 * (同比) and last year's year to date (累计同比). Rates move in percentage
 * points and scores in points, so they get a difference and no percentage.
 * Pure.
 */
import type { MetricFigures } from './compute-metrics.js';
import type { MetricUnit } from './metric-definitions.js';

export interface Change {
  /** Current minus base; for rates a fraction (0.052 is 5.2 个百分点). null when either is undefined. */
  difference: number | null;
  /** The difference as a share of the base; null for rates and scores, and when the base is 0 or undefined. */
  percent: number | null;
}

export const COMPARISON_KEYS = ['monthOnMonth', 'yearOnYear', 'ytdOnYtd'] as const;
export type ComparisonKey = (typeof COMPARISON_KEYS)[number];
export type Comparisons = Record<ComparisonKey, Change>;

export function compareFigures(figures: MetricFigures, unit: MetricUnit): Comparisons {
  return {
    monthOnMonth: change(figures.month, figures.previousMonth, unit),
    yearOnYear: change(figures.month, figures.previousYear, unit),
    ytdOnYtd: change(figures.ytd, figures.previousYtd, unit),
  };
}

export function change(current: number | null, base: number | null, unit: MetricUnit): Change {
  if (current === null || base === null) return { difference: null, percent: null };
  const difference = round(current - base);
  const percent = unit === 'ratio' || unit === 'score' || base === 0 ? null : round(difference / base);
  return { difference, percent };
}

/** Differences of decimals drift (0.3 − 0.1); kept to nine decimals. */
function round(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
