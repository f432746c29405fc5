/**
 * An entry a clerk is adding, checked by the same rules as the logs: the
 * kind's schema, the village list, and the suggestion ledger (a new id must
 * be unique; a resolution must name an open suggestion, not before it was
 * made). A suggestion given without an id gets the next free one here, from
 * the entries it is checked against: the caller reads them while holding
 * the workspace's lock, so two clerks adding at once never get the same.
 * Pure: the caller writes the entry if there is no problem.
 */
import type { Problem, SourceLocation } from '../problems/problem.js';
import { problem } from '../problems/problem.js';
import type { Entry, Kind } from '../schema/log-schema.js';
import { ENTRY_SCHEMAS, KIND_PILLAR, fieldsOfKind } from '../schema/log-schema.js';
import { checkSuggestions } from '../validate/check-suggestions.js';
import { nearestName } from '../validate/nearest-name.js';
import { nextSuggestionId } from './suggestion-id.js';
import { problemsFromIssues } from '../validate/problems-from-issues.js';
import type { VillageRoster } from '../validate/validate-log-file.js';

export interface EntryDraft {
  kind: Kind;
  date: string;
  village?: string | undefined;
  /** The kind's own fields and the note, as typed values (see typedValue). */
  fields: Record<string, unknown>;
  /**
   * An entry of several villages given without a village of its own: it
   * goes to the month's joint file (跨村联建.yaml), not to a village's log.
   */
  joint?: boolean;
}

/** Kinds that name the villages taking part (`villages`), and so may go to the joint file. */
export const CROSS_VILLAGE_KINDS: ReadonlySet<Kind> = new Set(['joint-org', 'joint-action']);

export interface NewEntryContext {
  /** The entries already in the workspace, for the suggestion rules. */
  entries: readonly Entry[];
  /** The suggestion ids already taken, of which a new suggestion's must be none. */
  takenIds: ReadonlySet<string>;
  roster: VillageRoster | undefined;
  /** Where problems are said to be: the command line, or the prompt; a spreadsheet's row. */
  at: SourceLocation;
  /** Where each field was given, when it was given somewhere of its own (a spreadsheet's cell); `at` otherwise. */
  locate?: (field: string) => SourceLocation;
}

export type CheckedEntry = { ok: true; entry: Entry; values: Record<string, unknown> } | { ok: false; problems: Problem[] };

export function checkNewEntry(draft: EntryDraft, { entries, takenIds, roster, at, locate = () => at }: NewEntryContext): CheckedEntry {
  const assignId = draft.kind === 'suggestion' && draft.fields.id === undefined && draft.village && /^\d{4}-\d{2}-\d{2}$/.test(draft.date);
  const candidate: Record<string, unknown> = {
    date: draft.date,
    pillar: KIND_PILLAR[draft.kind],
    kind: draft.kind,
    ...(draft.village === undefined ? {} : { village: draft.village }),
    ...draft.fields,
    ...(assignId ? { id: nextSuggestionId(draft.village!, draft.date, takenIds) } : {}),
  };
  const { required, integer, all } = fieldsOfKind(draft.kind);
  const parsed = ENTRY_SCHEMAS[draft.kind].safeParse(candidate);
  if (!parsed.success) {
    return {
      ok: false,
      problems: problemsFromIssues(parsed.error.issues, {
        locate: (path) => (typeof path[0] === 'string' ? locate(path[0]) : at),
        base: [],
        input: candidate,
        params: { kind: draft.kind, required },
        integerFields: integer,
      }),
    };
  }
  const data = parsed.data as Record<string, unknown>;
  const problems: Problem[] = [];
  if (roster) {
    const named = [data.village, ...(Array.isArray(data.villages) ? data.villages : [])].filter((v): v is string => typeof v === 'string');
    for (const village of named) {
      const where = village === data.village ? locate('village') : locate('villages');
      if (!roster.has(village)) problems.push(problem('E-UNKNOWN-VILLAGE', where, { value: village, suggestion: nearestName(village, roster.names) }));
    }
  }
  const fieldAt = { date: locate('date'), id: locate('id'), ref: locate('ref'), resolved: locate('resolved') };
  const entry = { ...data, at, fieldAt } as Entry;
  // The new entry goes last, so the ledger's rules speak of it rather than of an older one.
  const own = new Set([at, ...Object.values(fieldAt)].map(placeKey));
  problems.push(...checkSuggestions([...entries, entry]).problems.filter((found) => own.has(placeKey(found))));
  if (problems.length > 0) return { ok: false, problems };
  // The fields in the format's order, as they will be written.
  const values = Object.fromEntries(all.filter((field) => data[field] !== undefined).map((field) => [field, data[field]]));
  return { ok: true, entry, values };
}

function placeKey(at: SourceLocation): string {
  return `${at.file}\u0000${at.line}\u0000${at.col}`;
}
