/**
 * `revitalize add`: one entry into the right log file, asked for question
 * by question in a terminal, or given in full with flags for scripts:
 *
 *   revitalize add --kind suggestion --village 永胜村 --date 2023-04-08 --set text=路灯不亮
 *
 * The entry is checked like any log entry before it is written, and its
 * problems are told in terms of the flags; existing comments and layout
 * are kept; the write is atomic.
 */
import picomatch from 'picomatch';
import type { Catalogue } from '../../i18n/catalogue.js';
import { catalogueFor } from '../../i18n/catalogues.js';
import type { LoadedWorkspace } from '../../load/load-workspace.js';
import { dayOf } from '../../metrics/report-period.js';
import { AppendError, appendEntry } from '../../record/append-entry.js';
import type { EntryDraft } from '../../record/new-entry.js';
import { checkNewEntry } from '../../record/new-entry.js';
import { summarize } from '../../report/explain-metric.js';
import type { VillageRoster } from '../../validate/validate-log-file.js';
import { villageRoster } from '../../validate/validate-log-file.js';
import type { CliIO, GlobalOptions } from '../cli-io.js';
import { EXIT } from '../cli-io.js';
import { messageCatalogue, openCheckedWorkspace, runDay } from '../command-context.js';
import { ExitError } from '../exit-error.js';
import { formatWordedProblems } from '../print-problems.js';
import { promptForEntry } from './add-prompts.js';
import { draftFromFlags } from './draft-from-flags.js';
import type { EntrySource } from './word-entry-problems.js';
import { wordEntryProblems } from './word-entry-problems.js';
import { printableLines, printableText } from '../../printable-text.js';

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
  /**
   * The month's file for entries of several villages, without `.yaml`: named
   * in the workspace's language (跨村联建, joint), whatever language
   * messages are in, so that a month never has both.
   */
  jointFile: string;
}

export async function openForRecording(workspaceArg: string | undefined, options: GlobalOptions, io: CliIO): Promise<OpenedWorkspace> {
  const today = dayOf(runDay(io, undefined, messageCatalogue(options)));
  // Ids and the village list come from the logs; with errors in them, an entry could not be checked.
  const { root, loaded, catalogue } = await openCheckedWorkspace(workspaceArg, options, io, today, (c) => c.add.workspaceHasErrors);
  const roster = loaded.config.villages ? villageRoster(loaded.config.villages) : undefined;
  return { root, loaded, catalogue, roster, today, jointFile: catalogueFor(loaded.locale).add.jointFile };
}

/** logs/YYYY/MM/<village>.yaml, or the month's joint file for an entry of several villages. */
export function logFileFor(draft: Pick<EntryDraft, 'date' | 'village' | 'joint'>, jointFile: string): string {
  const name = draft.joint || draft.village === undefined ? jointFile : draft.village;
  return `logs/${draft.date.slice(0, 4)}/${draft.date.slice(5, 7)}/${name}.yaml`;
}

/**
 * Checks the draft, writes it to its log file and says where; the exit
 * code. `source` says how it was given on the command line (absent: at
 * the prompts), so that problems name the flags to change.
 */
export async function recordEntry(draft: EntryDraft, opened: OpenedWorkspace, io: CliIO, source?: EntrySource): Promise<number> {
  const { root, loaded, catalogue, roster, jointFile } = opened;
  const file = logFileFor(draft, jointFile);
  const checked = checkNewEntry(draft, { entries: loaded.entries, roster, at: { file: catalogue.add.commandLine, line: 0, col: 0 } });
  if (!checked.ok) {
    const worded = wordEntryProblems(checked.problems, draft, { catalogue, roster, jointFile, source });
    io.stderr(await formatWordedProblems(worded.problems, catalogue, { color: io.colors.stderr }));
    io.stderr(`${catalogue.add.notRecorded(worded.problems.length)}\n`);
    if (worded.runAgain) io.stderr(`${printableLines(catalogue.add.runAgain(worded.runAgain))}\n`);
    return EXIT.dataErrors;
  }
  if (!picomatch(loaded.logGlobs)(file)) throw new ExitError(catalogue.add.outsideLogs(file));
  const { date, pillar, kind, village, note, ...own } = checked.values;
  const values = { date, pillar, kind, ...(village === undefined ? {} : { village }), ...own, ...(note === undefined ? {} : { note }) };
  let line: number;
  try {
    line = await appendEntry(root, file, values, { village: draft.joint ? undefined : draft.village });
  } catch (error) {
    if (error instanceof AppendError) throw new ExitError(catalogue.add.appendFailed(error.reason, error.file), EXIT.dataErrors);
    throw error;
  }
  const summary = summarize({ ...checked.entry, at: { file, line, col: 1 } }, catalogue);
  io.stdout(`${catalogue.add.added(printableText(`${file}:${line}`), printableText(summary))}\n`);
  return EXIT.ok;
}

export async function addCommand(workspaceArg: string | undefined, options: AddCommandOptions, io: CliIO): Promise<number> {
  const opened = await openForRecording(workspaceArg, options, io);
  const { catalogue, loaded, roster, today, jointFile } = opened;
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
        fileFor: (d) => logFileFor(d, jointFile),
      });
    } catch (error) {
      // Ctrl+C at a question: nothing is written.
      if ((error as Error).name !== 'ExitPromptError') throw error;
    }
    if (!draft) {
      io.stdout(`${catalogue.add.cancelled}\n`);
      return EXIT.ok;
    }
    return recordEntry(draft, opened, io);
  }
  const given = draftFromFlags({ ...options, kind: options.kind }, { catalogue, today, takenIds, workspaceArg, locale: options.locale });
  return recordEntry(given.draft, opened, io, given.source);
}

/** The village of the latest entry: the default for the next one. */
function lastVillage(loaded: LoadedWorkspace): string | undefined {
  let latest: { date: string; village: string } | undefined;
  for (const entry of loaded.entries) {
    if (entry.village !== undefined && (!latest || entry.date >= latest.date)) latest = { date: entry.date, village: entry.village };
  }
  return latest?.village;
}
