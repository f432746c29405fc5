/**
 * `revitalize check`: every problem of a workspace, at once, without
 * writing anything. Exit 0 when clean, 1 when there are errors (or, with
 * --strict, warnings).
 */
import { describeProblem } from '../../problems/describe-problem.js';
import { loadWorkspace } from '../../load/load-workspace.js';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { reportFromWorkspace } from '../../make-report.js';
import { dayOf, monthOf } from '../../metrics/report-period.js';
import { hasErrors } from '../../problems/problem.js';
import { WORKSPACE_TEMPLATES } from '../../render/template-engine.js';
import type { CliIO, GlobalOptions } from '../cli-io.js';
import { EXIT } from '../cli-io.js';
import { messageCatalogue, oneOf, openingWorkspace, runDay, workspacePath } from '../command-context.js';
import { formatProblems } from '../print-problems.js';
import { progressBar } from '../progress-bar.js';

export const CHECK_FORMATS = ['text', 'json'] as const;

export interface CheckCommandOptions extends GlobalOptions {
  strict?: boolean;
  format: string;
}

export async function checkCommand(workspaceArg: string | undefined, options: CheckCommandOptions, io: CliIO): Promise<number> {
  const usage = messageCatalogue(options);
  oneOf(options.format, CHECK_FORMATS, usage.cli.badFormat);
  const root = workspacePath(workspaceArg, io.cwd);
  const now = runDay(io, undefined, usage);
  const onProgress = await progressBar(io, usage);
  const loaded = await openingWorkspace(workspaceArg, usage, () =>
    loadWorkspace(root, { today: dayOf(now), ...(io.fs ? { fs: io.fs } : {}), onProgress }),
  );
  let { problems, sources } = loaded;
  // The workspace's own templates are tried too, by rendering this month's report in memory.
  if (loaded.config && !hasErrors(problems) && (await hasOwnTemplates(root))) {
    ({ problems, sources } = await reportFromWorkspace(loaded, monthOf(now), ['md', 'html'], dayOf(now)));
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
