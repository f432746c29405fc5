/**
 * The report month and the five windows every figure is given for: the
 * month, the month before (环比), the same month last year (同比), the year
 * to date and last year's year to date up to the same month (累计同比).
 * Dates are ISO strings (YYYY-MM-DD) throughout, so comparing windows is
 * comparing text, and no time zone can shift a day.
 */
import { formatISO } from 'date-fns/formatISO';
import { subMonths } from 'date-fns/subMonths';
import { YEAR_PATTERN } from '../schema/log-schema.js';

/** A calendar month written YYYY-MM. */
export type YearMonth = string;

export const WINDOW_KEYS = ['month', 'previousMonth', 'previousYear', 'ytd', 'previousYtd'] as const;
export type WindowKey = (typeof WINDOW_KEYS)[number];

/** First and last day, both included. */
export interface DateWindow {
  start: string;
  end: string;
}

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A day as YYYY-MM-DD, read off the local calendar. */
export function dayOf(date: Date): string {
  return formatISO(date, { representation: 'date' });
}

/** The month a date lies in, as YYYY-MM, read off the local calendar. */
export function monthOf(date: Date): YearMonth {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** A month as people write it: 2023-04, 2023-4, 2023/4, 2023.4 or 2023年4月, in a year from 1900 to 9999. */
const WRITTEN_MONTH = new RegExp(`^(${YEAR_PATTERN})(?:[-/.]|年)(0?[1-9]|1[0-2])月?$`);

/**
 * The month a user asked for: a written month, `current` (the month of
 * `now`) or `previous` (the one before it). undefined when it is none of these.
 */
export function resolveMonth(text: string, now: Date): YearMonth | undefined {
  const wanted = text.trim();
  if (wanted === 'current') return monthOf(now);
  if (wanted === 'previous') return monthOf(subMonths(now, 1));
  const match = WRITTEN_MONTH.exec(wanted);
  if (!match || wanted.includes('年') !== wanted.endsWith('月')) return undefined;
  return `${match[1]}-${match[2]!.padStart(2, '0')}`;
}

export function monthWindow(month: YearMonth): DateWindow {
  const [year, monthNumber] = splitMonth(month);
  const days = daysInMonth(year, monthNumber);
  return { start: `${month}-01`, end: `${month}-${String(days).padStart(2, '0')}` };
}

/** Days of a month by the Gregorian rule, for any year (a Date would read years below 100 as 19xx). */
function daysInMonth(year: number, monthNumber: number): number {
  if (monthNumber !== 2) return [4, 6, 9, 11].includes(monthNumber) ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

export function previousMonth(month: YearMonth): YearMonth {
  const [year, monthNumber] = splitMonth(month);
  return monthNumber === 1 ? `${year - 1}-12` : `${year}-${String(monthNumber - 1).padStart(2, '0')}`;
}

export function reportWindows(month: YearMonth): Record<WindowKey, DateWindow> {
  const [year, monthNumber] = splitMonth(month);
  const current = monthWindow(month);
  const lastYear = monthWindow(`${year - 1}-${String(monthNumber).padStart(2, '0')}`);
  return {
    month: current,
    previousMonth: monthWindow(previousMonth(month)),
    previousYear: lastYear,
    ytd: { start: `${year}-01-01`, end: current.end },
    previousYtd: { start: `${year - 1}-01-01`, end: lastYear.end },
  };
}

/** Every month of the report month's year up to it: 2023-01 … 2023-04. */
export function monthsOfYearTo(month: YearMonth): YearMonth[] {
  const [year, monthNumber] = splitMonth(month);
  return Array.from({ length: monthNumber }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

export function splitMonth(month: YearMonth): [number, number] {
  const match = YEAR_MONTH.exec(month);
  if (!match) throw new RangeError(`not a YYYY-MM month: ${month}`);
  return [Number(match[1]), Number(match[2])];
}

/** The day a month is looked at on: its last day, or today while it is still running. */
export function asOfDay(month: YearMonth, today: string): string {
  const end = monthWindow(month).end;
  return end < today ? end : today;
}

export function isWithin(date: string, window: DateWindow): boolean {
  return date >= window.start && date <= window.end;
}
