/**
 * Suggestions still open at the end of the report month (or on the
 * report's date, while the month is still running) after more days than
 * the config allows: the 督办 list, oldest first. Pure.
 */
import type { YearMonth } from '../metrics/report-period.js';
import { asOfDay } from '../metrics/report-period.js';
import type { SuggestionRecord } from '../validate/check-suggestions.js';
import type { LedgerRow } from './suggestion-ledger.js';
import { suggestionLedger } from './suggestion-ledger.js';

export interface OverdueList {
  /** Open longer than this many days. */
  days: number;
  /** The day the ages are counted to. */
  asOf: string;
  rows: LedgerRow[];
}

export function overdueSuggestions(suggestions: readonly SuggestionRecord[], month: YearMonth, days: number, reportDay: string): OverdueList {
  const asOf = asOfDay(month, reportDay);
  const rows = suggestionLedger(suggestions, asOf, { openOnly: true }).filter((row) => row.daysOpen > days);
  return { days, asOf, rows };
}
