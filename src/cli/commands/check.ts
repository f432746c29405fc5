/**
 * `revitalize check`: every problem of a workspace, at once, without
 * writing anything: the config, the logs and the notes files; with
 * --month, also that the month's notes are there. Exit 0 when clean, 1
 * when there are errors (or, with --strict, warnings).
 */
import { describeProblem } from '../../problems/describe-problem.js';
import { loadWorkspace } from '../../load/load-workspace.js';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { checkNotesFolder, readMonthNotes } from '../../load/read-notes.js';
import { reportFromWorkspace } from '../../make-report.js';
import { dayOf, monthOf } from '../../metrics/report-period.js';
import { notesFile } from '../../notes/notes-file.js';
import { hasErrors, mergeProblems } from '../../problems/problem.js';
import { WORKSPACE_TEMPLATES } from '../../render/template-engine.js';
import type { CliIO, GlobalOptions } from '../cli-io.js';
import { EXIT } from '../cli-io.js';
import { askedMonth, messageCatalogue, oneOf, openingWorkspace, runDay, workspacePath } from '../command-context.js';
import { formatProblems } from '../print-problems.js';
import { progressBar } from '../progress-bar.js';

export const CHECK_FORMATS = ['text', 'json'] as const;

export interface CheckCommandOptions extends GlobalOptions {
  strict?: boolean;
  format: string;
  /** The month being checked: its notes must exist, and it is the month of the report tried in memory. */
  month?: string;
  /** A month after the current one is a mistake unless this says it is meant. */
  allowFuture?: boolean;
}

export async function checkCommand(workspaceArg: string | undefined, options: CheckCommandOptions, io: CliIO): Promise<number> {
  const usage = messageCatalogue(options);
  oneOf(options.format, CHECK_FORMATS, usage.cli.badFormat);
  const root = workspacePath(workspaceArg, io.cwd);
  const now = runDay(io, undefined, usage);
  const asked = options.month === undefined ? undefined : askedMonth(options.month, now, usage, options.allowFuture);
  const month = asked ?? monthOf(now);
  const onProgress = await progressBar(io, usage);
  const loaded = await openingWorkspace(workspaceArg, usage, () => loadWorkspace(root, { today: dayOf(now), ...(io.fs ? { fs: io.fs } : {}), onProgress }));
  const maxSizeMB = loaded.config?.maxFileSizeMB;
  const folder = await checkNotesFolder(root, io.fs, maxSizeMB);
  const read = await readMonthNotes(root, month, io.fs, maxSizeMB);
  // Missing notes matter only for a month asked for.
  const notes = asked ? read : { ...read, problems: read.problems.filter((found) => found.code !== 'W-NOTES-MISSING') };
  let problems = mergeProblems(loaded.problems, folder.problems, notes.problems);
  let sources = new Map([...loaded.sources, ...folder.texts, ...(read.text === undefined ? [] : [[notesFile(month), read.text] as const])]);
  // The month's report is made in memory when a month is asked for (what it would leave 【待补充】) and to try the workspace's own templates.
  const ownTemplates = await hasOwnTemplates(root);
  if (loaded.config && !hasErrors(problems) && (asked || ownTemplates)) {
    const tried = await reportFromWorkspace(loaded, month, ownTemplates ? ['md', 'html'] : [], dayOf(now), {
      notes,
      judgeMonth: asked !== undefined,
      ...(io.fs ? { fs: io.fs } : {}),
    });
    problems = mergeProblems(problems, tried.problems);
    sources = new Map([...sources, ...tried.sources]);
  }
  const catalogue = messageCatalogue(options, loaded.locale);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const failed = errors > 0 || (options.strict === true && warnings > 0);

  if (options.format === 'json') {
    const listed = problems.map((found) => {
      const { message, hint } = describeProblem(found, catalogue);
      const { file, line, col, code, severity } = found;
      return { file, line, col, code, severity, message, hint: hint ?? null };
    });
    io.stdout(`${JSON.stringify(listed, null, 2)}\n`);
  } else {
    io.stdout(await formatProblems(problems, catalogue, { color: io.colors.stdout, sources }));
    if (problems.length > 0) io.stdout('\n');
    io.stdout(`${catalogue.cli.checkSummary(loaded.logFiles.length, loaded.entries.length, errors, warnings)}\n`);
  }
  return failed ? EXIT.dataErrors : EXIT.ok;
}

async function hasOwnTemplates(root: string): Promise<boolean> {
  return (await stat(path.join(root, WORKSPACE_TEMPLATES)).catch(() => undefined))?.isDirectory() ?? false;
}
