/**
 * What a scheduled job must not be silent about: a report month with no
 * entry at all (the logs were not sent, or the month is wrong), and listed
 * villages that logged nothing in it. Both are warnings a job prints even
 * with --quiet (problem.ts, LOUD_WARNINGS), and --strict stops the report on
 * them. Pure.
 */
import { silentVillages } from '../metrics/compute-metrics.js';
import type { YearMonth } from '../metrics/report-period.js';
import { isWithin, monthWindow } from '../metrics/report-period.js';
import type { Problem } from '../problems/problem.js';
import { problem, wholeFile } from '../problems/problem.js';
import { CONFIG_FILE } from '../schema/config-schema.js';
import type { Entry } from '../schema/log-schema.js';

export function monthCoverageProblems(month: YearMonth, entries: readonly Entry[], listedVillages: readonly string[] | undefined): Problem[] {
  const window = monthWindow(month);
  if (!entries.some((entry) => isWithin(entry.date, window))) return [problem('W-MONTH-EMPTY', wholeFile(CONFIG_FILE), { month })];
  if (listedVillages === undefined) return [];
  const silent = silentVillages(month, [...new Set(listedVillages)], entries);
  return silent.length === 0 ? [] : [problem('W-VILLAGES-SILENT', wholeFile(CONFIG_FILE), { month, villages: silent })];
}
