/**
 * The suggestion ledger (意见建议台账): each suggestion and the day it was
 * resolved, built across all files. A suggestion is resolved by its inline
 * `resolved` date or by one `resolution` entry naming it; anything else is an
 * error a clerk must fix before the figures can be trusted.
 */
import type { Entry, EntryLocation, EntryOf } from '../schema/log-schema.js';
import type { Problem } from '../problems/problem.js';
import { problem } from '../problems/problem.js';
import { compareText } from '../compare-text.js';
import { nearestName } from './nearest-name.js';
import type { SuggestionRecord } from '../schema/suggestion-record.js';

// The ledger's record is a fact of the logs that metrics read too, so it lives below both.
export type { SuggestionRecord };

/**
 * A suggestion the entry checks refused (validate-log-file.ts), with what
 * of it could be read. It is not in the ledger, but its id is taken:
 * resolutions may name it, and no other suggestion may use it. A part that
 * could not be read (an impossible date) is not compared with anything.
 */
export interface RefusedSuggestion {
  id: string;
  date: string | undefined;
  village: string | undefined;
  resolved: string | undefined;
  at: EntryLocation;
  fieldAt: { id: EntryLocation; date: EntryLocation; resolved?: EntryLocation };
}

/** A suggestion as the cross-entry rules see it: its id, and its date when it is known. */
interface Known {
  id: string;
  date: string | undefined;
  at: EntryLocation;
  /** Present for suggestions that are in the ledger. */
  record?: SuggestionRecord;
}

export function checkSuggestions(entries: readonly Entry[], refused: readonly RefusedSuggestion[] = []): { ledger: SuggestionRecord[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const byId = new Map<string, Known>();
  const resolvedWhere = new Map<string, EntryLocation>();
  const resolutions: EntryOf<'resolution'>[] = [];

  // Records a resolution unless it is a second one or predates the suggestion.
  // `claimAt` is what makes it a resolution (the ref, or the resolved field); `dayAt` is its date.
  const resolve = (known: Known, day: string, claimAt: EntryLocation, dayAt: EntryLocation, note?: string) => {
    const earlier = resolvedWhere.get(known.id);
    if (earlier) {
      problems.push(problem('E-RESOLVED-TWICE', claimAt, { id: known.id, first: where(earlier) }));
    } else if (known.date !== undefined && day < known.date) {
      problems.push(problem('E-RESOLUTION-BEFORE-SUGGESTION', dayAt, { id: known.id, resolved: day, date: known.date }));
    } else {
      if (known.record) {
        known.record.resolvedOn = day;
        if (note !== undefined) known.record.handling = note;
      }
      resolvedWhere.set(known.id, claimAt);
    }
  };
  const ledger: SuggestionRecord[] = [];

  // Each suggestion in the order it was written, refused ones among them, so that a duplicate is the later one.
  const suggestions: (EntryOf<'suggestion'> | RefusedSuggestion)[] = [];
  for (const entry of entries) {
    if (entry.kind === 'resolution') resolutions.push(entry);
    if (entry.kind === 'suggestion') suggestions.push(entry);
  }
  if (refused.length > 0) {
    for (const each of refused) suggestions.push(each);
    suggestions.sort((a, b) => compareLocations(a.at, b.at));
  }

  for (const suggestion of suggestions) {
    const idAt = suggestion.fieldAt?.id ?? suggestion.at;
    const first = byId.get(suggestion.id);
    if (first) {
      problems.push(problem('E-DUPLICATE-SUGGESTION-ID', idAt, { id: suggestion.id, first: where(first.at) }));
      continue;
    }
    const known: Known = { id: suggestion.id, date: suggestion.date, at: suggestion.at };
    if ('kind' in suggestion) {
      known.record = {
        id: suggestion.id,
        date: suggestion.date,
        village: suggestion.village,
        topic: suggestion.topic,
        text: suggestion.text,
        at: suggestion.at,
        resolvedOn: null,
        handling: suggestion.note ?? null,
      };
      ledger.push(known.record);
    }
    byId.set(suggestion.id, known);
    if (suggestion.resolved !== undefined) {
      const resolvedAt = suggestion.fieldAt?.resolved ?? suggestion.at;
      resolve(known, suggestion.resolved, resolvedAt, resolvedAt);
    }
  }

  let ids: string[] | undefined;
  for (const resolution of resolutions) {
    const refAt = resolution.fieldAt?.ref ?? resolution.at;
    const known = byId.get(resolution.ref);
    if (known) {
      resolve(known, resolution.date, refAt, resolution.fieldAt?.date ?? resolution.at, resolution.note);
    } else {
      ids ??= [...byId.keys()];
      problems.push(problem('E-DANGLING-REF', refAt, { ref: resolution.ref, suggestion: nearestName(resolution.ref, ids) }));
    }
  }

  return { ledger, problems };
}

/** Files in the order they are read (by path), then lines. */
function compareLocations(a: EntryLocation, b: EntryLocation): number {
  return compareText(a.file, b.file) || a.line - b.line || a.col - b.col;
}

function where(at: EntryLocation): string {
  return `${at.file}:${at.line}`;
}
