/**
 * A suggestion as the ledger keeps it (check-suggestions.ts builds the
 * ledger; metrics count from it). It is a plain record of the logs, so it
 * sits beside the log schema, below both the checks and the metrics.
 */
import type { EntryLocation } from './log-schema.js';

export interface SuggestionRecord {
  id: string;
  date: string;
  village: string;
  topic: string | undefined;
  /** What was asked for, as logged. */
  text: string;
  at: EntryLocation;
  /** The day it was resolved, or null while it is open. */
  resolvedOn: string | null;
  /**
   * How it was handled (办理情况): the note of the resolution entry that
   * resolved it, else the suggestion's own note (which, on a suggestion
   * resolved in place or still open, says what was done about it); null
   * when neither has one.
   */
  handling: string | null;
}
