/**
 * `revitalize add`: one entry into the right log file, asked for question
 * by question in a terminal, or given in full with flags for scripts:
 *
 *   revitalize add --kind suggestion --village 永胜村 --date 2023-04-08 --set text=路灯不亮
 *
 * The entry is checked like any log entry before it is written, and its
 * problems are told in terms of the flags; existing comments and layout
 * are kept; the write is atomic. Checking and writing happen holding the
 * workspace's lock, against the logs as they are then, so that clerks (or
 * scripts) adding at once lose nothing; the questions are asked before it.
 */
import type { LoadedWorkspace } from '../../load/load-workspace.js';
import type { EntryDraft } from '../../record/new-entry.js';
import type { CliIO, GlobalOptions } from '../cli-io.js';
import { EXIT } from '../cli-io.js';
import { asOnlyWriter } from '../command-context.js';
import { ExitError } from '../exit-error.js';
import { logFileFor, openForRecording, recordEntry } from '../record-entry.js';
import { promptForEntry } from './add-prompts.js';
import { draftFromFlags } from './draft-from-flags.js';

export interface AddCommandOptions extends GlobalOptions {
  kind?: string;
  village?: string;
  date?: string;
  set?: string[];
}

export async function addCommand(workspaceArg: string | undefined, options: AddCommandOptions, io: CliIO): Promise<number> {
  const kind = options.kind;
  if (kind === undefined) {
    // The questions are asked without the lock (a clerk may take their time); the answers are checked and written holding it.
    const draft = await askForEntry(workspaceArg, options, io);
    if (!draft) return EXIT.ok;
    return asOnlyWriter(workspaceArg, options, io, 'revitalize add', async (lock) =>
      recordEntry(draft, await openForRecording(workspaceArg, options, io), io, lock),
    );
  }
  return asOnlyWriter(workspaceArg, options, io, 'revitalize add', async (lock) => {
    const opened = await openForRecording(workspaceArg, options, io);
    const given = draftFromFlags({ ...options, kind }, { catalogue: opened.catalogue, today: opened.today, workspaceArg, locale: options.locale });
    return recordEntry(given.draft, opened, io, lock, given.source);
  });
}

/** The entry answered at the prompts, or undefined when the clerk cancelled (said so). */
async function askForEntry(workspaceArg: string | undefined, options: AddCommandOptions, io: CliIO): Promise<EntryDraft | undefined> {
  const { catalogue, loaded, roster, today, jointFile } = await openForRecording(workspaceArg, options, io);
  if (!io.prompt) throw new ExitError(catalogue.add.needKind);
  let draft: EntryDraft | undefined;
  try {
    draft = await promptForEntry({ catalogue, roster, today, lastVillage: lastVillage(loaded), streams: io.prompt, fileFor: (d) => logFileFor(d, jointFile) });
  } catch (error) {
    // Ctrl+C at a question: nothing is written.
    if ((error as Error).name !== 'ExitPromptError') throw error;
  }
  if (!draft) io.stdout(`${catalogue.add.cancelled}\n`);
  return draft;
}

/** The village of the latest entry: the default for the next one. */
function lastVillage(loaded: LoadedWorkspace): string | undefined {
  let latest: { date: string; village: string } | undefined;
  for (const entry of loaded.entries) {
    if (entry.village !== undefined && (!latest || entry.date >= latest.date)) latest = { date: entry.date, village: entry.village };
  }
  return latest?.village;
}
