/**
 * Numbers as a report writes them. zh-CN follows GB/T 15835: Arabic
 * numerals, amounts of 10,000 and more in 万 (3050万元, 20万斤), rates as
 * percentages with one decimal. English uses thousands separators.
 */
import type { Locale } from '../i18n/locale.js';
import type { Change } from '../metrics/compare-figures.js';
import type { MetricUnit } from '../metrics/metric-definitions.js';

/** Shown for a figure that is undefined, such as a rate of nothing. */
export const NO_FIGURE = '—';

/**
 * Number formats are made on first use: making one starts ICU, which costs
 * tens of milliseconds that `--version` and `--help` should not pay.
 */
function lazily<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
const plainZh = (digits: number) => lazily(() => new Intl.NumberFormat('zh-CN', { maximumFractionDigits: digits, useGrouping: false }));
const groupedEn = (digits: number) => lazily(() => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }));
const ZH = { 0: plainZh(0), 1: plainZh(1), 2: plainZh(2) };
const EN = { 0: groupedEn(0), 1: groupedEn(1), 2: groupedEn(2) };
const PERCENT = lazily(() => new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false }));

export function formatFigure(value: number | null | undefined, unit: MetricUnit, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_FIGURE;
  if (unit === 'ratio') return `${PERCENT().format(value * 100)}%`;
  return locale === 'zh-CN' ? formatZh(value, unit) : formatEn(value, unit);
}

function formatZh(value: number, unit: MetricUnit): string {
  switch (unit) {
    case 'yuan':
      return Math.abs(value) >= 10_000 ? `${ZH[2]().format(value / 10_000)}万元` : `${ZH[2]().format(value)}元`;
    case 'jin':
      return Math.abs(value) >= 10_000 ? `${ZH[2]().format(value / 10_000)}万斤` : `${ZH[2]().format(value)}斤`;
    case 'score':
      return ZH[1]().format(value);
    default:
      return ZH[2]().format(value);
  }
}

function formatEn(value: number, unit: MetricUnit): string {
  switch (unit) {
    case 'yuan':
      return `${EN[2]().format(value)} yuan`;
    case 'jin':
      return `${EN[2]().format(value)} jin`;
    case 'score':
      return EN[1]().format(value);
    default:
      return EN[2]().format(value);
  }
}

/**
 * A change as a table cell: the percentage when there is a base to take it
 * of (+50.0%), otherwise the difference in the figure's unit (+3, +800万元);
 * rates in percentage points. No change is said in words.
 */
export function describeChange(change: Change, unit: MetricUnit, locale: Locale, words: { same: string; points: string }): string {
  if (change.difference === null) return NO_FIGURE;
  if (change.difference === 0) return words.same;
  const sign = change.difference > 0 ? '+' : '-';
  if (unit === 'ratio') return `${sign}${PERCENT().format(Math.abs(change.difference) * 100)}${words.points}`;
  if (change.percent !== null) return `${sign}${PERCENT().format(Math.abs(change.percent) * 100)}%`;
  return `${sign}${formatFigure(Math.abs(change.difference), unit, locale)}`;
}
