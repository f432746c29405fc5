/**
 * `revitalize add`: one entry into the right log file, asked for question
 * by question in a terminal, or given in full with flags for scripts:
 *
 *   revitalize add --kind suggestion --village 永胜村 --date 2023-04-08 --set text=路灯不亮
 *
 * The entry is checked like any log entry before it is written; existing
 * comments and layout are kept; the write is atomic.
 */
import picomatch from 'picomatch';
import type { Catalogue } from '../../i18n/catalogue.js';
import type { LoadedWorkspace } from '../../load/load-workspace.js';
import { dayOf } from '../../metrics/report-period.js';
import { AppendError, appendEntry } from '../../record/append-entry.js';
import { fieldsToAsk, typedValue } from '../../record/entry-fields.js';
import type { EntryDraft } from '../../record/new-entry.js';
import { checkNewEntry } from '../../record/new-entry.js';
import { nextSuggestionId } from '../../record/suggestion-id.js';
import { summarize } from '../../report/explain-metric.js';
import { KINDS, isKind, isoDate } from '../../schema/log-schema.js';
import { nearestName } from '../../validate/nearest-name.js';
import type { VillageRoster } from '../../validate/validate-log-file.js';
import { villageRoster } from '../../validate/validate-log-file.js';
import type { CliIO, GlobalOptions } from '../cli-io.js';
import { EXIT } from '../cli-io.js';
import { messageCatalogue, openCheckedWorkspace, runDay } from '../command-context.js';
import { ExitError } from '../exit-error.js';
import { formatProblems } from '../print-problems.js';
import { promptForEntry } from './add-prompts.js';

export interface AddCommandOptions extends GlobalOptions {
  kind?: string;
  village?: string;
  date?: string;
  set?: string[];
}

/** A workspace ready to take an entry: loaded, free of errors. */
export interface OpenedWorkspace {
  root: string;
  loaded: LoadedWorkspace;
  catalogue: Catalogue;
  roster: VillageRoster | undefined;
  today: string;
}

export async function openForRecording(workspaceArg: string | undefined, options: GlobalOptions, io: CliIO): Promise<OpenedWorkspace> {
  const today = dayOf(runDay(io, undefined, messageCatalogue(options)));
  // Ids and the village list come from the logs; with errors in them, an entry could not be checked.
  const { root, loaded, catalogue } = await openCheckedWorkspace(workspaceArg, options, io, today, (c) => c.add.workspaceHasErrors);
  const roster = loaded.config.villages ? villageRoster(loaded.config.villages) : undefined;
  return { root, loaded, catalogue, roster, today };
}

/** logs/YYYY/MM/<village>.yaml, or the month's file for cross-village entries. */
export function logFileFor(draft: Pick<EntryDraft, 'date' | 'village'>, catalogue: Catalogue): string {
  return `logs/${draft.date.slice(0, 4)}/${draft.date.slice(5, 7)}/${draft.village ?? catalogue.add.jointFile}.yaml`;
}

/** Checks the draft, writes it to its log file and says where; the exit code. */
export async function recordEntry(draft: EntryDraft, opened: OpenedWorkspace, io: CliIO): Promise<number> {
  const { root, loaded, catalogue, roster } = opened;
  const file = logFileFor(draft, catalogue);
  const checked = checkNewEntry(draft, { entries: loaded.entries, roster, at: { file: catalogue.add.commandLine, line: 0, col: 0 } });
  if (!checked.ok) {
    io.stderr(await formatProblems(checked.problems, catalogue, { color: io.colors.stderr }));
    io.stderr(`${catalogue.add.notRecorded(checked.problems.length)}\n`);
    return EXIT.dataErrors;
  }
  if (!picomatch(loaded.logGlobs)(file)) throw new ExitError(catalogue.add.outsideLogs(file));
  const { date, pillar, kind, village, note, ...own } = checked.values;
  const values = { date, pillar, kind, ...(village === undefined ? {} : { village }), ...own, ...(note === undefined ? {} : { note }) };
  let line: number;
  try {
    line = await appendEntry(root, file, values, { village: draft.village });
  } catch (error) {
    if (error instanceof AppendError) throw new ExitError(catalogue.add.appendFailed(error.reason, error.file), EXIT.dataErrors);
    throw error;
  }
  io.stdout(`${catalogue.add.added(`${file}:${line}`, summarize({ ...checked.entry, at: { file, line, col: 1 } }, catalogue))}\n`);
  return EXIT.ok;
}

export async function addCommand(workspaceArg: string | undefined, options: AddCommandOptions, io: CliIO): Promise<number> {
  const opened = await openForRecording(workspaceArg, options, io);
  const { catalogue, loaded, roster, today } = opened;
  const takenIds = new Set(loaded.suggestions.map((s) => s.id));

  let draft: EntryDraft | undefined;
  if (options.kind === undefined) {
    if (!io.prompt) throw new ExitError(catalogue.add.needKind);
    try {
      draft = await promptForEntry({
        catalogue,
        roster,
        today,
        lastVillage: lastVillage(loaded),
        takenIds,
        streams: io.prompt,
        fileFor: (d) => logFileFor(d, catalogue),
      });
    } catch (error) {
      // Ctrl+C at a question: nothing is written.
      if ((error as Error).name !== 'ExitPromptError') throw error;
    }
    if (!draft) {
      io.stdout(`${catalogue.add.cancelled}\n`);
      return EXIT.ok;
    }
  } else {
    draft = draftFromFlags(options, catalogue, today, takenIds);
  }
  return recordEntry(draft, opened, io);
}

function draftFromFlags(options: AddCommandOptions, catalogue: Catalogue, today: string, takenIds: ReadonlySet<string>): EntryDraft {
  const kind = options.kind!.trim();
  if (!isKind(kind)) throw new ExitError(catalogue.add.unknownKind(kind, nearestName(kind, KINDS)));
  const fields = fieldsToAsk(kind);
  const values: Record<string, unknown> = {};
  for (const pair of options.set ?? []) {
    const equals = pair.indexOf('=');
    if (equals < 1) throw new ExitError(catalogue.add.badSet(pair));
    const name = pair.slice(0, equals).trim();
    const field = fields.find((f) => f.name === name);
    if (!field) {
      const allowed = fields.map((f) => f.name);
      throw new ExitError(catalogue.add.unknownField(name, kind, allowed, nearestName(name, allowed)));
    }
    values[name] = typedValue(field, pair.slice(equals + 1));
  }
  const typedDate = options.date?.trim() ?? today;
  const date = isoDate.safeParse(typedDate);
  // A date the schema refuses is passed on as typed, to be reported like any other field.
  const day = date.success ? date.data : typedDate;
  const village = options.village?.trim();
  if (kind === 'suggestion' && values.id === undefined && village && date.success) values.id = nextSuggestionId(village, day, takenIds);
  return { kind, date: day, village, fields: values };
}

/** The village of the latest entry: the default for the next one. */
function lastVillage(loaded: LoadedWorkspace): string | undefined {
  let latest: { date: string; village: string } | undefined;
  for (const entry of loaded.entries) {
    if (entry.village !== undefined && (!latest || entry.date >= latest.date)) latest = { date: entry.date, village: entry.village };
  }
  return latest?.village;
}
