/**
 * What the commands that write reports (`report`, `rollup`) share: their
 * `--format` and `-o` options, the browser a PDF needs, and writing the
 * files.
 */
import type { Catalogue } from '../i18n/catalogue.js';
import { renderCheckNotes } from '../render/render-check-notes.js';
import { findChromium } from '../render/find-chromium.js';
import { ChromiumLaunchError, PrintFailedError, PrintTimeoutError } from '../render/print-pdf.js';
import type { RenderedReport, ReportFormat } from '../render/render-report.js';
import { REPORT_FORMATS, isReportFormat } from '../render/render-report.js';
import type { ReportModel } from '../report/build-report.js';
import { writeReportFiles } from '../write/write-files.js';
import type { CliIO } from './cli-io.js';
import { ExitError } from './exit-error.js';

/** Formats written as bytes: they go to files, never to a terminal. */
const BINARY_FORMATS: readonly ReportFormat[] = ['xlsx', 'docx', 'pdf'];

export function parseFormats(text: string, badFormat: (value: string, allowed: readonly string[]) => string): ReportFormat[] {
  const formats: ReportFormat[] = [];
  for (const part of text.split(',').map((item) => item.trim().toLowerCase())) {
    if (part === '') continue;
    if (!isReportFormat(part)) throw new ExitError(badFormat(part, REPORT_FORMATS));
    if (!formats.includes(part)) formats.push(part);
  }
  if (formats.length === 0) throw new ExitError(badFormat(text, REPORT_FORMATS));
  return formats;
}

/** `-o -` takes one text format. */
export function checkStdoutFormats(formats: readonly ReportFormat[], catalogue: Catalogue): void {
  if (formats.length !== 1) throw new ExitError(catalogue.cli.stdoutNeedsOneFormat);
  if (BINARY_FORMATS.includes(formats[0]!)) throw new ExitError(catalogue.cli.binaryNeedsFile(formats[0]!));
}

/** The browser that prints `pdf`, when it is asked for: said before any file is read, with how to get one, when there is none. */
export function pdfBrowser(formats: readonly ReportFormat[], io: CliIO, catalogue: Catalogue): string | undefined {
  if (!formats.includes('pdf')) return undefined;
  const chromium = (io.findBrowser ?? (() => findChromium(io.env)))();
  if (!chromium) throw new ExitError(catalogue.cli.noChromium);
  return chromium;
}

/**
 * The browser is the computer's, not ours: its failures are said plainly, in
 * the catalogue's words, without a stack trace or Playwright's English log.
 */
export function printingFailure(error: unknown, chromium: string | undefined, catalogue: Catalogue): never {
  if (error instanceof ChromiumLaunchError) throw new ExitError(catalogue.cli.chromiumFailed(chromium ?? '', error.exitCode));
  if (error instanceof PrintFailedError) throw new ExitError(catalogue.cli.chromiumFailed(chromium ?? '', undefined, true));
  if (error instanceof PrintTimeoutError) throw new ExitError(catalogue.cli.printTimedOut(chromium ?? '', Math.round(error.timeoutMs / 1000)));
  throw error;
}

/**
 * Writes `<month>.<format>` files (all or none), and the data-check notes
 * beside them when the report has warnings; a folder that cannot be
 * written is a usage error.
 */
export async function writeReports(
  outputDir: string,
  report: ReportModel,
  rendered: ReadonlyMap<ReportFormat, RenderedReport>,
  catalogue: Catalogue,
  shown: (file: string) => string,
): Promise<string[]> {
  try {
    return await writeReportFiles(outputDir, report.month, rendered, renderCheckNotes(report, catalogue));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    throw new ExitError(catalogue.cli.cannotWrite(shown(outputDir), code));
  }
}
