/**
 * `revitalize resolve <id>`: records that a suggestion was resolved, as a
 * resolution entry in the log of its village for the month it was resolved.
 * The ledger is read and the entry written holding the workspace's lock, so
 * that of two clerks resolving one suggestion at once, the second is told
 * it is resolved already.
 */
import { nearestName } from '../../validate/nearest-name.js';
import { isoDate } from '../../schema/log-schema.js';
import type { WorkspaceLock } from '../../write/workspace-lock.js';
import type { CliIO, GlobalOptions } from '../cli-io.js';
import { asOnlyWriter } from '../command-context.js';
import { ExitError } from '../exit-error.js';
import { openForRecording, recordEntry } from '../record-entry.js';

export interface ResolveCommandOptions extends GlobalOptions {
  date?: string;
  note?: string;
}

export async function resolveCommand(id: string, workspaceArg: string | undefined, options: ResolveCommandOptions, io: CliIO): Promise<number> {
  return asOnlyWriter(workspaceArg, options, io, 'revitalize resolve', (lock) => resolveLocked(id, workspaceArg, options, io, lock));
}

async function resolveLocked(id: string, workspaceArg: string | undefined, options: ResolveCommandOptions, io: CliIO, lock: WorkspaceLock): Promise<number> {
  const opened = await openForRecording(workspaceArg, options, io);
  const { catalogue, loaded, today } = opened;
  const suggestion = loaded.suggestions.find((s) => s.id === id.trim());
  if (!suggestion) {
    throw new ExitError(
      catalogue.add.unknownId(
        id,
        nearestName(
          id,
          loaded.suggestions.map((s) => s.id),
        ),
      ),
    );
  }
  const typed = options.date?.trim() ?? today;
  const date = isoDate.safeParse(typed);
  // Where each value came from, so that a problem names the flag to change.
  const given = new Map([
    ['ref', id],
    ...(options.date === undefined ? [] : [['date', `--date ${options.date}`] as const]),
    ...(options.note === undefined ? [] : [['note', `--note ${options.note}`] as const]),
  ]);
  const command = [
    'revitalize',
    ...(options.locale === undefined ? [] : ['--locale', options.locale]),
    'resolve',
    id,
    ...(workspaceArg === undefined || workspaceArg === '.' ? [] : [workspaceArg]),
    ...(options.date === undefined ? [] : ['--date', options.date]),
    ...(options.note === undefined ? [] : ['--note', options.note]),
  ];
  // Resolved twice, or before it was made: the ledger's own rules say so, through recordEntry.
  return recordEntry(
    {
      kind: 'resolution',
      date: date.success ? date.data : typed,
      village: suggestion.village,
      fields: { ref: suggestion.id, ...(options.note ? { note: options.note } : {}) },
    },
    opened,
    io,
    lock,
    { given, flag: (field) => `--${field}`, command, assigned: new Set() },
  );
}
