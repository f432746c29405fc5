/**
 * `revitalize report`: the month's report from a workspace's logs.
 * Option handling and output only; the work is makeReport().
 */
import path from 'node:path';
import { readWorkspaceLocale } from '../../load/load-workspace.js';
import { makeReport } from '../../make-report.js';
import type { YearMonth } from '../../metrics/report-period.js';
import { dayOf } from '../../metrics/report-period.js';
import type { ReportFormat } from '../../render/render-report.js';
import { CACHE_FOLDER } from '../../load/workspace-cache.js';
import { targetsOverwritingInputs } from '../../write/protect-inputs.js';
import { reportFilePaths } from '../../write/write-files.js';
import type { CliIO, GlobalOptions } from '../cli-io.js';
import { EXIT } from '../cli-io.js';
import { askedMonth, messageCatalogue, openingWorkspace, runDay, workspacePath } from '../command-context.js';
import { ExitError } from '../exit-error.js';
import { formatProblems } from '../print-problems.js';
import { LOUD_WARNINGS } from '../../problems/problem.js';
import { progressBar } from '../progress-bar.js';
import { checkStdoutFormats, parseFormats, pdfBrowser, printingFailure, writeReports } from '../report-formats.js';
import { printableLines, printableText } from '../../printable-text.js';
import { VERSION } from '../../version.js';

export interface ReportCommandOptions extends GlobalOptions {
  month: string;
  format: string;
  output?: string;
  generatedOn?: string;
  /** Print nothing on success, for scheduled jobs. */
  quiet?: boolean;
  /** Make the report again whenever the workspace changes. */
  watch?: boolean;
  /** Warnings count as errors: nothing is written (for scheduled jobs). */
  strict?: boolean;
  /** A month after the current one is a mistake unless this says it is meant. */
  allowFuture?: boolean;
}

/** Options are read before any file is, so a typo costs nothing. */
export async function reportCommand(workspaceArg: string | undefined, options: ReportCommandOptions, io: CliIO): Promise<number> {
  const usage = messageCatalogue(options);
  const now = runDay(io, options.generatedOn, usage);
  const month = askedMonth(options.month, now, usage, options.allowFuture);
  const formats = parseFormats(options.format, usage.cli.badFormat);
  const toStdout = options.output === '-';
  if (toStdout) checkStdoutFormats(formats, usage);
  if (toStdout && options.watch) throw new ExitError(usage.cli.watchNeedsFiles);
  const chromium = pdfBrowser(formats, io, usage);

  const workspace = workspacePath(workspaceArg, io.cwd);
  const outputDir = path.resolve(io.cwd, options.output ?? path.join(workspace, 'reports'));
  const once = () => reportOnce({ workspaceArg, workspace, outputDir, month, formats, today: dayOf(now), toStdout, chromium, options, io });
  const exitCode = await once();
  if (!options.watch) return exitCode;

  // Watching: every change to logs, config or templates makes the report again; a bad edit shows its errors and waits for the next.
  const catalogue = messageCatalogue(options, await readWorkspaceLocale(workspace));
  const { watchWorkspace } = await import('../watch-workspace.js');
  await watchWorkspace({
    root: workspace,
    // Its own outputs and cache would otherwise set it off again.
    ignore: [outputDir, path.join(workspace, CACHE_FOLDER)],
    signal: io.signal,
    // Ctrl+C is listened for before the clerk is told to press it.
    onReady: () => {
      io.onWatching?.();
      io.stderr(`${catalogue.cli.watching(printableText(path.relative(io.cwd, workspace) || '.'))}\n`);
    },
    onChange: async (changed) => {
      io.stderr(`${catalogue.cli.changed(changed.map(printableText))}\n`);
      try {
        await once();
      } catch (error) {
        if (!(error instanceof ExitError)) throw error;
        io.stderr(`revitalize: ${printableLines(error.message)}\n`);
      }
    },
    // A bug met while making the report again: said as run() says one, and the next change is made as usual.
    onError: (error) => {
      io.stderr(`${catalogue.cli.internalError(VERSION)}\n`);
      if (options.debug) io.stderr(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    },
  });
  return EXIT.ok;
}

interface ReportRun {
  workspaceArg: string | undefined;
  workspace: string;
  outputDir: string;
  month: YearMonth;
  formats: ReportFormat[];
  today: string;
  toStdout: boolean;
  chromium: string | undefined;
  options: ReportCommandOptions;
  io: CliIO;
}

/** One report: load, check, render, write, and say what happened. */
async function reportOnce({ workspaceArg, workspace, outputDir, month, formats, today, toStdout, chromium, options, io }: ReportRun): Promise<number> {
  const usage = messageCatalogue(options);
  const onProgress = await progressBar(io, usage, options.quiet);
  const result = await openingWorkspace(workspaceArg, usage, () =>
    makeReport({
      workspace,
      month,
      formats,
      today,
      generatedOn: today,
      chromium,
      ...(io.fs ? { fs: io.fs } : {}),
      ...(onProgress ? { onProgress } : {}),
    }).catch((error: unknown) => printingFailure(error, chromium, usage)),
  );

  const catalogue = messageCatalogue(options, result.locale);
  const { problems } = result;
  const refused = !result.ok || (options.strict === true && problems.length > 0);
  // Errors, and warnings that stop a --strict run, are always printed. On success --quiet keeps the
  // warnings to the check notes beside the report, but for those a job must not be silent about.
  const quietly = !refused && options.quiet === true;
  const shown = quietly ? problems.filter((found) => LOUD_WARNINGS.has(found.code)) : problems;
  if (shown.length > 0) io.stderr(await formatProblems(shown, catalogue, { color: io.colors.stderr, sources: result.sources }));
  if (!result.ok) {
    io.stderr(`${catalogue.cli.errorsFound(problems.filter((p) => p.severity === 'error').length)}\n`);
    return EXIT.dataErrors;
  }
  if (refused) {
    io.stderr(`${catalogue.cli.strictWarnings(problems.length)}\n`);
    return EXIT.dataErrors;
  }
  const say = (text: string) => (quietly ? undefined : io.stderr(text));
  if (problems.length > 0) say(`${catalogue.cli.warningsFound(problems.length)}\n`);

  if (toStdout) {
    io.stdout(result.rendered.get(formats[0]!) as string, 'report');
    return EXIT.ok;
  }
  const [overwriting] = await targetsOverwritingInputs(reportFilePaths(outputDir, month, formats).values(), {
    root: workspace,
    logGlobs: result.logGlobs,
    logFiles: result.logFiles,
  }).catch((error: NodeJS.ErrnoException) => {
    // A link loop, a folder it may not look into: the output folder cannot be written.
    if (!error.code) throw error;
    throw new ExitError(catalogue.cli.cannotWrite(path.relative(io.cwd, outputDir) || outputDir, error.code));
  });
  if (overwriting !== undefined) throw new ExitError(catalogue.cli.outputIsInput(path.relative(io.cwd, overwriting) || overwriting));
  const written = await writeReports(outputDir, result.report, result.rendered, catalogue, (file) => path.relative(io.cwd, file) || file);
  for (const file of written) say(`${catalogue.cli.wrote(printableText(path.relative(io.cwd, file) || file))}\n`);
  return EXIT.ok;
}
