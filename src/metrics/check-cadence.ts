/**
 * Cadence rules from the config ("every village holds its night talk on the
 * 8th of each month") against the logs: for each village and month of the
 * year so far, whether it was held on the day, on another day, or not at
 * all. Months before the workspace's first entry of the year are not
 * judged, so a workspace started in March is not faulted for January. Pure.
 */
import type { Entry } from '../schema/log-schema.js';
import type { CadenceRule } from '../schema/config-schema.js';
import type { YearMonth } from './report-period.js';
import { monthWindow, monthsOfYearTo } from './report-period.js';

export interface CadenceMiss {
  village: string;
  month: YearMonth;
  /** missed: nothing logged that month; otherDay: logged, but not on the day due. */
  status: 'missed' | 'otherDay';
  /** The days it was held on instead (YYYY-MM-DD), for otherDay. */
  heldOn: string[];
}

export interface CadenceResult extends CadenceRule {
  /** The months judged, first to last. */
  months: YearMonth[];
  /** Village-months judged, and those held on the day due. */
  expected: number;
  onTime: number;
  /** By month, then in the villages' order. */
  misses: CadenceMiss[];
}

export function checkCadence(rules: readonly CadenceRule[], month: YearMonth, villages: readonly string[], entries: readonly Entry[]): CadenceResult[] {
  const year = month.slice(0, 4);
  const firstLogged = entries.reduce<string | undefined>(
    (first, entry) => (entry.date.startsWith(year) && (first === undefined || entry.date < first) ? entry.date : first),
    undefined,
  );
  const months = firstLogged === undefined ? [] : monthsOfYearTo(month).filter((m) => m >= firstLogged.slice(0, 7));

  return rules.map((rule) => {
    // Days the kind was logged, by village and month.
    const held = new Map<string, string[]>();
    for (const entry of entries) {
      if (entry.kind !== rule.kind || entry.village === undefined) continue;
      const key = `${entry.village}\u0000${entry.date.slice(0, 7)}`;
      held.set(key, [...(held.get(key) ?? []), entry.date]);
    }
    const misses: CadenceMiss[] = [];
    let onTime = 0;
    for (const m of months) {
      const due = dueDay(m, rule.day);
      for (const village of villages) {
        const days = [...new Set(held.get(`${village}\u0000${m}`) ?? [])].sort();
        if (days.includes(due)) onTime += 1;
        else misses.push({ village, month: m, status: days.length === 0 ? 'missed' : 'otherDay', heldOn: days });
      }
    }
    return { ...rule, months, expected: months.length * villages.length, onTime, misses };
  });
}

/** The day due in a month: the rule's day, or the month's last day when the month is shorter. */
export function dueDay(month: YearMonth, day: number): string {
  const end = monthWindow(month).end;
  const last = Number(end.slice(8));
  return `${month}-${String(Math.min(day, last)).padStart(2, '0')}`;
}
