/**
 * `revitalize report`: the month's report from a workspace's logs.
 * Option handling and output only; the work is makeReport().
 */
import path from 'node:path';
import { DEFAULT_LOCALE } from '../../i18n/locale.js';
import { catalogueFor } from '../../i18n/catalogues.js';
import { WorkspaceNotFoundError } from '../../load/load-workspace.js';
import { makeReport } from '../../make-report.js';
import type { YearMonth } from '../../metrics/report-period.js';
import { resolveMonth } from '../../metrics/report-period.js';
import type { ReportFormat } from '../../render/render-report.js';
import { REPORT_FORMATS, isReportFormat } from '../../render/render-report.js';
import { writeReportFiles } from '../../write/write-report-files.js';
import type { CliIO } from '../cli-io.js';
import { EXIT } from '../cli-io.js';
import { formatProblems } from '../print-problems.js';
import { ExitError } from '../exit-error.js';

export interface ReportCommandOptions {
  month: string;
  format: string;
  output?: string;
}

/** Options are read before any file is, so a typo costs nothing. */
export async function reportCommand(workspaceArg: string | undefined, options: ReportCommandOptions, io: CliIO): Promise<number> {
  const usageText = catalogueFor(DEFAULT_LOCALE).cli;
  const month = resolveMonth(options.month, io.now());
  if (!month) throw new ExitError(usageText.badMonth(options.month));
  const formats = parseFormats(options.format, usageText.badFormat);
  const toStdout = options.output === '-';
  if (toStdout && formats.length !== 1) throw new ExitError(usageText.stdoutNeedsOneFormat);

  const workspace = path.resolve(io.cwd, workspaceArg ?? '.');
  let result;
  try {
    result = await makeReport({ workspace, month, formats });
  } catch (error) {
    if (error instanceof WorkspaceNotFoundError) throw new ExitError(usageText.noWorkspace(workspaceArg ?? '.'));
    throw error;
  }

  const { catalogue, problems } = result;
  if (problems.length > 0) io.stderr(formatProblems(problems, catalogue, io.color));
  if (!result.ok) {
    io.stderr(`${catalogue.cli.errorsFound(problems.filter((p) => p.severity === 'error').length)}\n`);
    return EXIT.dataErrors;
  }
  if (problems.length > 0) io.stderr(`${catalogue.cli.warningsFound(problems.length)}\n`);

  if (toStdout) {
    io.stdout(result.rendered.get(formats[0]!)!);
    return EXIT.ok;
  }
  const outputDir = path.resolve(io.cwd, options.output ?? path.join(workspace, 'reports'));
  let written: string[];
  try {
    written = await writeReportFiles(outputDir, month satisfies YearMonth, result.rendered);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    throw new ExitError(catalogue.cli.cannotWrite(path.relative(io.cwd, outputDir) || outputDir, code));
  }
  for (const file of written) io.stderr(`${catalogue.cli.wrote(path.relative(io.cwd, file) || file)}\n`);
  return EXIT.ok;
}

function parseFormats(text: string, badFormat: (value: string, allowed: readonly string[]) => string): ReportFormat[] {
  const formats: ReportFormat[] = [];
  for (const part of text.split(',').map((item) => item.trim().toLowerCase())) {
    if (part === '') continue;
    if (!isReportFormat(part)) throw new ExitError(badFormat(part, REPORT_FORMATS));
    if (!formats.includes(part)) formats.push(part);
  }
  if (formats.length === 0) throw new ExitError(badFormat(text, REPORT_FORMATS));
  return formats;
}
