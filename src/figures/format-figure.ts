/**
 * Numbers as a report writes them. zh-CN follows GB/T 15835: Arabic
 * numerals, amounts of 10,000 and more in 万 (3050万元, 20万斤), rates as
 * percentages with one decimal where needed and none on whole numbers (80%,
 * 70.5%). English uses thousands separators. Table cells are plain numbers
 * in the unit their row names (万元, 万斤, %), with "+" and "−" (U+2212) on
 * changes; "—" means there is no data to show.
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
const PERCENT = lazily(() => new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, useGrouping: false }));

/** The minus sign of tables (U+2212), not the hyphen. */
export const MINUS = '\u2212';

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
  const sign = change.difference > 0 ? '+' : MINUS;
  if (unit === 'ratio') return `${sign}${PERCENT().format(Math.abs(change.difference) * 100)}${words.points}`;
  if (change.percent !== null) return `${sign}${PERCENT().format(Math.abs(change.percent) * 100)}%`;
  return `${sign}${formatFigure(Math.abs(change.difference), unit, locale)}`;
}

/** Amounts in a table: 万元 and 万斤 in Chinese (one unit for the whole row), yuan and jin in English. */
const TABLE_SCALE: Record<Locale, Record<MetricUnit, number>> = {
  'zh-CN': { count: 1, yuan: 10_000, jin: 10_000, ratio: 0.01, score: 1 },
  en: { count: 1, yuan: 1, jin: 1, ratio: 0.01, score: 1 },
};
const TABLE_DIGITS: Record<MetricUnit, 0 | 1 | 2> = { count: 2, yuan: 2, jin: 2, ratio: 1, score: 1 };

function tableNumber(value: number, unit: MetricUnit, locale: Locale): string {
  const scaled = value / TABLE_SCALE[locale][unit];
  const digits = TABLE_DIGITS[unit];
  return locale === 'zh-CN' ? ZH[digits]().format(scaled) : EN[digits]().format(scaled);
}

/** A figure as a table cell: a plain number in the unit the row names (3050 in a 万元 row, 70.5 in a % row); — without data. */
export function formatTableFigure(value: number | null | undefined, unit: MetricUnit, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_FIGURE;
  return tableNumber(value, unit, locale);
}

/**
 * A change's difference as a table cell, in the row's own unit: +3, −250
 * (万元), −5.4 (percentage points of a rate), +6.3 (points of a score), 0
 * for no change, — when there is nothing to compare with.
 */
export function formatDifference(change: Change, unit: MetricUnit, locale: Locale): string {
  if (change.difference === null) return NO_FIGURE;
  const text = tableNumber(Math.abs(change.difference), unit, locale);
  if (text === '0') return '0';
  return `${change.difference > 0 ? '+' : MINUS}${text}`;
}

/**
 * A change as a percentage of its base, as a table cell under a "(%)"
 * heading: +52, −23.8. Empty where a percentage means nothing (a rate, a
 * score, a base of 0); — when there is nothing to compare with.
 */
export function formatGrowth(change: Change): string {
  if (change.difference === null) return NO_FIGURE;
  if (change.percent === null) return '';
  const text = PERCENT().format(Math.abs(change.percent) * 100);
  if (text === '0') return '0';
  return `${change.percent > 0 ? '+' : MINUS}${text}`;
}
