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
  at: EntryLocation;
  /** The day it was resolved, or null while it is open. */
  resolvedOn: string | null;
}

export function checkSuggestions(entries: readonly Entry[]): { ledger: SuggestionRecord[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const byId = new Map<string, SuggestionRecord>();
  const resolvedWhere = new Map<string, EntryLocation>();
  const resolutions: EntryOf<'resolution'>[] = [];

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
      at: entry.at,
      resolvedOn: null,
    };
    byId.set(entry.id, record);
    if (entry.resolved === undefined) continue;
    if (entry.resolved < entry.date) {
      problems.push(
        problem('E-RESOLUTION-BEFORE-SUGGESTION', entry.fieldAt?.resolved ?? entry.at, {
          id: entry.id,
          resolved: entry.resolved,
          date: entry.date,
        }),
      );
      continue;
    }
    record.resolvedOn = entry.resolved;
    resolvedWhere.set(entry.id, entry.fieldAt?.resolved ?? entry.at);
  }

  let ids: string[] | undefined;
  for (const resolution of resolutions) {
    const at = resolution.fieldAt?.ref ?? resolution.at;
    const record = byId.get(resolution.ref);
    if (!record) {
      ids ??= [...byId.keys()];
      problems.push(problem('E-DANGLING-REF', at, { ref: resolution.ref, suggestion: nearestName(resolution.ref, ids) }));
      continue;
    }
    const earlier = resolvedWhere.get(record.id);
    if (earlier) {
      problems.push(problem('E-RESOLVED-TWICE', at, { id: record.id, first: where(earlier) }));
      continue;
    }
    if (resolution.date < record.date) {
      problems.push(
        problem('E-RESOLUTION-BEFORE-SUGGESTION', resolution.fieldAt?.date ?? resolution.at, {
          id: record.id,
          resolved: resolution.date,
          date: record.date,
        }),
      );
      continue;
    }
    record.resolvedOn = resolution.date;
    resolvedWhere.set(record.id, resolution.at);
  }

  return { ledger: [...byId.values()], problems };
}

function where(at: EntryLocation): string {
  return `${at.file}:${at.line}`;
}
