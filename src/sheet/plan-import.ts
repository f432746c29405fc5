/**
 * The rows read off spreadsheets → what to append to which log, checked
 * as `add` checks an entry (checkNewEntry: the kind's schema, the village
 * list, the suggestion ledger), each row against the logs and the rows
 * before it, so that a suggestion and its resolution may come in the same
 * workbook and two rows cannot take one id. Idempotent by the rows'
 * `source`: a row already imported (same source and village) with the same
 * content is skipped; one whose content has changed is a problem
 * (E-IMPORT-ROW-CHANGED), never a second entry. Pure: the command writes.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Problem } from '../problems/problem.js';
import { problem } from '../problems/problem.js';
import { fileNameFault } from '../record/log-file-name.js';
import { checkNewEntry } from '../record/new-entry.js';
import type { Entry, Kind } from '../schema/log-schema.js';
import { ENTRY_SCHEMAS, KIND_PILLAR } from '../schema/log-schema.js';
import type { VillageRoster } from '../validate/validate-log-file.js';
import type { RowDraft } from './rows-to-drafts.js';

export interface ImportContext {
  entries: readonly Entry[];
  takenIds: ReadonlySet<string>;
  roster: VillageRoster | undefined;
  /** The log file of an entry (logs/YYYY/MM/<village>.yaml, or the joint file). */
  fileFor: (draft: RowDraft['draft']) => string;
}

/** The entries to append to one log, in the order of the rows. */
export interface LogAddition {
  file: string;
  /** The file's default village when it is new; undefined for the joint file. */
  village: string | undefined;
  entries: { values: Record<string, unknown>; kind: Kind }[];
}

export interface ImportPlan {
  additions: LogAddition[];
  problems: Problem[];
  /** Rows imported before, unchanged: skipped. */
  alreadyImported: number;
}

/** Fields of a loaded entry that are not what a row says. */
const NOT_CONTENT = new Set(['pillar', 'at', 'fieldAt', 'source']);

export function planImport(rows: readonly RowDraft[], { entries, takenIds, roster, fileFor }: ImportContext): ImportPlan {
  const problems: Problem[] = [];
  const imported = new Map<string, Entry>();
  for (const entry of entries) if (entry.source !== undefined) imported.set(identity(entry.source, entry.village), entry);
  const known: Entry[] = [...entries];
  const ids = new Set(takenIds);
  const additions = new Map<string, LogAddition>();
  let alreadyImported = 0;

  for (const row of rows) {
    const { draft } = row;
    const before = imported.get(identity(row.source, draft.village));
    if (before) {
      const changed = changedFields(row, before);
      if (changed === undefined) {
        // Not valid as it stands: told as any row's problems are, below.
      } else if (changed.length === 0) {
        alreadyImported++;
        continue;
      } else {
        problems.push(problem('E-IMPORT-ROW-CHANGED', row.at, { source: row.source, first: `${before.at.file}:${before.at.line}`, fields: changed }));
        continue;
      }
    }
    problems.push(...row.warnings);
    if (draft.village !== undefined && !draft.joint && fileNameFault(draft.village)) {
      problems.push(problem('E-UNKNOWN-VILLAGE', row.locate('village'), { value: draft.village }));
      continue;
    }
    const checked = checkNewEntry(draft, { entries: known, takenIds: ids, roster, at: row.at, locate: row.locate });
    if (!checked.ok) {
      problems.push(...checked.problems);
      continue;
    }
    known.push(checked.entry);
    if (checked.entry.kind === 'suggestion') ids.add(checked.entry.id);
    const file = fileFor(draft);
    let addition = additions.get(file);
    if (!addition) {
      addition = { file, village: draft.joint ? undefined : draft.village, entries: [] };
      additions.set(file, addition);
    }
    addition.entries.push({ values: orderedValues(checked.values), kind: draft.kind });
  }
  return { additions: [...additions.values()], problems, alreadyImported };
}

function identity(source: string, village: string | undefined): string {
  return `${source}\u0000${village ?? ''}`;
}

/** The fields in which a row differs from the entry it was imported as; undefined when the row is not valid as it stands. */
function changedFields(row: RowDraft, before: Entry): string[] | undefined {
  const { draft } = row;
  const candidate: Record<string, unknown> = { date: draft.date, pillar: KIND_PILLAR[draft.kind], kind: draft.kind, village: draft.village, ...draft.fields };
  if (!row.ownId && draft.kind === 'suggestion' && before.kind === 'suggestion') candidate.id = before.id;
  const parsed = ENTRY_SCHEMAS[draft.kind].safeParse(candidate);
  if (!parsed.success) return undefined;
  const now = parsed.data as Record<string, unknown>;
  const then = before as unknown as Record<string, unknown>;
  const fields = new Set([...Object.keys(now), ...Object.keys(then)].filter((field) => !NOT_CONTENT.has(field)));
  return [...fields].filter((field) => !isDeepStrictEqual(now[field], then[field]));
}

/** An entry's values in the order `add` writes them: date, pillar, kind, village, its own fields, the note, then the source. */
function orderedValues(values: Record<string, unknown>): Record<string, unknown> {
  const { date, pillar, kind, village, note, source, ...own } = values;
  return {
    date,
    pillar,
    kind,
    ...(village === undefined ? {} : { village }),
    ...own,
    ...(note === undefined ? {} : { note }),
    ...(source === undefined ? {} : { source }),
  };
}
