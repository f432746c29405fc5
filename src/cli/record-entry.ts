/**
 * Recording one entry, shared by `add` and `resolve` (a resolution is an
 * entry too): open the workspace checked, check the entry against the logs,
 * append it to its month's file and say where. It speaks to the terminal
 * (problems worded for the flags, exit codes), so it is part of the CLI,
 * not of record/, which holds the pure checks and the append beneath it.
 */
import { globMatcher } from '../load/glob-syntax.js';
import type { Catalogue } from '../i18n/catalogue.js';
import { catalogueFor } from '../i18n/catalogues.js';
import type { LoadedWorkspace } from '../load/load-workspace.js';
import { dayOf } from '../metrics/report-period.js';
import { AppendError, appendEntry } from '../record/append-entry.js';
import { fileNameFault } from '../record/log-file-name.js';
import type { EntryDraft } from '../record/new-entry.js';
import { checkNewEntry } from '../record/new-entry.js';
import { summarize } from '../report/explain-metric.js';
import type { VillageRoster } from '../validate/validate-log-file.js';
import { villageRoster } from '../validate/validate-log-file.js';
import type { WorkspaceLock } from '../write/workspace-lock.js';
import { ReadOnlyFileError } from '../write/write-files.js';
import type { CliIO, GlobalOptions } from './cli-io.js';
import { EXIT } from './cli-io.js';
import { messageCatalogue, openCheckedWorkspace, runDay } from './command-context.js';
import { ExitError } from './exit-error.js';
import type { WordedProblem } from './print-problems.js';
import { formatWordedProblems } from './print-problems.js';
import type { EntrySource } from './word-entry-problems.js';
import { wordEntryProblems } from './word-entry-problems.js';
import { printableLines, printableText } from '../printable-text.js';

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
 * code. Called holding the workspace's lock, with the workspace read under
 * it (`opened`). `source` says how it was given on the command line
 * (absent: at the prompts), so that problems name the flags to change.
 */
export async function recordEntry(draft: EntryDraft, opened: OpenedWorkspace, io: CliIO, lock: WorkspaceLock, source?: EntrySource): Promise<number> {
  const { root, loaded, catalogue, roster, jointFile } = opened;
  const file = logFileFor(draft, jointFile);
  const takenIds = new Set(loaded.suggestions.map((s) => s.id));
  const checked = checkNewEntry(draft, { entries: loaded.entries, takenIds, roster, at: { file: catalogue.add.commandLine, line: 0, col: 0 } });
  const refused = checked.ok
    ? fileNameProblems(draft, catalogue, source)
    : wordEntryProblems(checked.problems, draft, { catalogue, roster, jointFile, source });
  if (!checked.ok || refused.problems.length > 0) {
    io.stderr(await formatWordedProblems(refused.problems, catalogue, { color: io.colors.stderr }));
    io.stderr(`${catalogue.add.notRecorded(refused.problems.length)}\n`);
    if (refused.runAgain) io.stderr(`${printableLines(catalogue.add.runAgain(refused.runAgain))}\n`);
    return EXIT.dataErrors;
  }
  if (!globMatcher(loaded.logGlobs)(file)) throw new ExitError(catalogue.add.outsideLogs(file));
  const { date, pillar, kind, village, note, ...own } = checked.values;
  const values = { date, pillar, kind, ...(village === undefined ? {} : { village }), ...own, ...(note === undefined ? {} : { note }) };
  let line: number;
  try {
    lock.confirm();
    line = await appendEntry(root, file, values, { village: draft.joint ? undefined : draft.village, fs: io.writeFs });
  } catch (error) {
    failedAppend(error, catalogue, { readOnly: () => file, logs: file });
  }
  const summary = summarize({ ...checked.entry, at: { file, line, col: 1 } }, catalogue);
  io.stdout(`${catalogue.add.added(printableText(`${file}:${line}`), printableText(summary))}\n`);
  return EXIT.ok;
}

/**
 * A village whose name cannot be its log's file name (log-file-name.ts):
 * a problem of the entry's data, told at the flag that gave the village, as
 * other problems of the entry are (exit 1).
 */
function fileNameProblems(draft: EntryDraft, catalogue: Catalogue, source: EntrySource | undefined): { problems: WordedProblem[]; runAgain?: undefined } {
  if (draft.joint || draft.village === undefined) return { problems: [] };
  const fault = fileNameFault(draft.village);
  if (!fault) return { problems: [] };
  const bytes = Buffer.byteLength(`${draft.village}.yaml`, 'utf8');
  const place = source?.given.get('village') ?? source?.given.get('ref') ?? catalogue.add.commandLine;
  return {
    problems: [{ file: place.replace(/[\r\n]/g, '↵'), line: 0, col: 0, severity: 'error', ...catalogue.add.villageFileName(draft.village, fault, bytes) }],
  };
}

/**
 * Why entries could not be appended, as the clerk is told it: a log that
 * cannot take them (exit 1), a read-only log, or a full disk or a folder it
 * may not write (exit 2); the logs are as they were, the writes being
 * atomic. `readOnly` names the read-only log, `logs` the logs being written.
 */
export function failedAppend(error: unknown, catalogue: Catalogue, names: { readOnly: (error: ReadOnlyFileError) => string; logs: string }): never {
  if (error instanceof AppendError) throw new ExitError(catalogue.add.appendFailed(error.reason, error.file), EXIT.dataErrors);
  if (error instanceof ReadOnlyFileError) throw new ExitError(catalogue.add.readOnly(names.readOnly(error)));
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) throw new ExitError(catalogue.add.cannotWriteLog(names.logs, catalogue.cli.writeFailure(code)));
  throw error;
}
