/**
 * Suggestions still open at the end of the report month after more days
 * than the config allows: the 督办 list, oldest first. Pure.
 */
import type { YearMonth } from '../metrics/report-period.js';
import { monthWindow } from '../metrics/report-period.js';
import type { SuggestionRecord } from '../validate/check-suggestions.js';
import type { LedgerRow } from './suggestion-ledger.js';
import { suggestionLedger } from './suggestion-ledger.js';

export interface OverdueList {
  /** Open longer than this many days. */
  days: number;
  /** The day the ages are counted to: the report month's last day. */
  asOf: string;
  rows: LedgerRow[];
}

export function overdueSuggestions(suggestions: readonly SuggestionRecord[], month: YearMonth, days: number): OverdueList {
  const asOf = monthWindow(month).end;
  const rows = suggestionLedger(suggestions, asOf, { openOnly: true }).filter((row) => row.daysOpen > days);
  return { days, asOf, rows };
}
