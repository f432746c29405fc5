/**
 * The suggestion ledger (意见建议台账): each suggestion and the day it was
 * resolved, built across all files. A suggestion is resolved by its inline
 * `resolved` date or by one `resolution` entry naming it; anything else is an
 * error a clerk must fix before the figures can be trusted.
 */
import type { Entry, EntryLocation, EntryOf } from '../schema/log-schema.js';
import type { Problem } from '../problems/problem.js';
import { problem } from '../problems/problem.js';
import { nearestName } from './nearest-name.js';

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

export function checkSuggestions(entries: readonly Entry[]): { ledger: SuggestionRecord[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const byId = new Map<string, SuggestionRecord>();
  const resolvedWhere = new Map<string, EntryLocation>();
  const resolutions: EntryOf<'resolution'>[] = [];

  // Records a resolution unless it is a second one or predates the suggestion.
  // `claimAt` is what makes it a resolution (the ref, or the resolved field); `dayAt` is its date.
  const resolve = (record: SuggestionRecord, day: string, claimAt: EntryLocation, dayAt: EntryLocation, note?: string) => {
    const earlier = resolvedWhere.get(record.id);
    if (earlier) {
      problems.push(problem('E-RESOLVED-TWICE', claimAt, { id: record.id, first: where(earlier) }));
    } else if (day < record.date) {
      problems.push(problem('E-RESOLUTION-BEFORE-SUGGESTION', dayAt, { id: record.id, resolved: day, date: record.date }));
    } else {
      record.resolvedOn = day;
      if (note !== undefined) record.handling = note;
      resolvedWhere.set(record.id, claimAt);
    }
  };

  for (const entry of entries) {
    if (entry.kind === 'resolution') resolutions.push(entry);
    if (entry.kind !== 'suggestion') continue;
    const first = byId.get(entry.id);
    if (first) {
      problems.push(problem('E-DUPLICATE-SUGGESTION-ID', entry.fieldAt?.id ?? entry.at, { id: entry.id, first: where(first.at) }));
      continue;
    }
    const record: SuggestionRecord = {
      id: entry.id,
      date: entry.date,
      village: entry.village,
      topic: entry.topic,
      text: entry.text,
      at: entry.at,
      resolvedOn: null,
      handling: entry.note ?? null,
    };
    byId.set(entry.id, record);
    if (entry.resolved !== undefined) {
      const resolvedAt = entry.fieldAt?.resolved ?? entry.at;
      resolve(record, entry.resolved, resolvedAt, resolvedAt);
    }
  }

  let ids: string[] | undefined;
  for (const resolution of resolutions) {
    const refAt = resolution.fieldAt?.ref ?? resolution.at;
    const record = byId.get(resolution.ref);
    if (record) {
      resolve(record, resolution.date, refAt, resolution.fieldAt?.date ?? resolution.at, resolution.note);
    } else {
      ids ??= [...byId.keys()];
      problems.push(problem('E-DANGLING-REF', refAt, { ref: resolution.ref, suggestion: nearestName(resolution.ref, ids) }));
    }
  }

  return { ledger: [...byId.values()], problems };
}

function where(at: EntryLocation): string {
  return `${at.file}:${at.line}`;
}
