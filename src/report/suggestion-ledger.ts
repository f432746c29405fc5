/**
 * The suggestion ledger (意见建议台账) as of a day: each suggestion made by
 * then, whether it was resolved by then, and how long it has been (or was)
 * open. Pure.
 */
import type { SuggestionRecord } from '../validate/check-suggestions.js';
import { compareText } from '../compare-text.js';

export interface LedgerRow {
  id: string;
  date: string;
  village: string;
  topic: string | null;
  text: string;
  status: 'open' | 'resolved';
  resolvedOn: string | null;
  /** 办理情况: what was done about it, from the resolution's note or the suggestion's own. */
  handling: string | null;
  /** Days from the suggestion to its resolution, or to the ledger's day while open. */
  daysOpen: number;
  file: string;
  line: number;
}

/** Calendar days from one YYYY-MM-DD to another, counted in UTC so no time zone or daylight saving shifts them. */
function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

export function suggestionLedger(suggestions: readonly SuggestionRecord[], asOf: string, { openOnly = false } = {}): LedgerRow[] {
  const rows: LedgerRow[] = [];
  for (const suggestion of suggestions) {
    if (suggestion.date > asOf) continue;
    const resolvedOn = suggestion.resolvedOn !== null && suggestion.resolvedOn <= asOf ? suggestion.resolvedOn : null;
    if (openOnly && resolvedOn !== null) continue;
    rows.push({
      id: suggestion.id,
      date: suggestion.date,
      village: suggestion.village,
      topic: suggestion.topic ?? null,
      text: suggestion.text,
      status: resolvedOn === null ? 'open' : 'resolved',
      resolvedOn,
      // A resolution dated after the ledger's day has not happened yet: only the suggestion's own note stands.
      handling: resolvedOn === null && suggestion.resolvedOn !== null ? null : suggestion.handling,
      daysOpen: daysBetween(suggestion.date, resolvedOn ?? asOf),
      file: suggestion.at.file,
      line: suggestion.at.line,
    });
  }
  return rows.sort(compareLedgerRows);
}

/** The ledger's order: oldest first, then by id. */
export function compareLedgerRows(a: LedgerRow, b: LedgerRow): number {
  return compareText(a.date, b.date) || compareText(a.id, b.id);
}
