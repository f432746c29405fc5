/**
 * The scale a chart draws a metric on. zh-CN reports write money and weight
 * of 10,000 and more in 万 (GB/T 15835), so a zh-CN chart draws them in 万元
 * and 万斤 throughout, one unit per axis; English keeps yuan and jin with
 * thousands separators. Rates are drawn in percent, scores as they are.
 * The unit's word is the catalogue's (`report.charts.units`): 万元 there
 * means the values here are divided by 10,000.
 */
import type { Locale } from '../i18n/locale.js';
import type { MetricUnit } from '../metrics/metric-definitions.js';
import { formatFigure } from '../figures/format-figure.js';

const TEN_THOUSAND = 10_000;

/** A figure in its chart's unit; null (no figure) stays null, to be drawn as a gap. */
export function chartValue(value: number | null, unit: MetricUnit, locale: Locale): number | null {
  if (value === null) return null;
  if (unit === 'ratio') return value * 100;
  if ((unit === 'yuan' || unit === 'jin') && locale === 'zh-CN') return value / TEN_THOUSAND;
  return value;
}

/**
 * How ticks and value labels write a value already in its chart's unit:
 * a bare number, since the panel heading or axis title names the unit.
 * Percentages and scores keep one decimal, amounts two (2.88万斤).
 */
export function chartValueFormat(unit: MetricUnit, locale: Locale): (value: number) => string {
  const digits = unit === 'ratio' || unit === 'score' ? 'score' : 'count';
  return (value) => formatFigure(value, digits, locale);
}
