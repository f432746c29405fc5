/** The `--format` and `-o` options of the commands that write reports (`report`, `rollup`). */
import type { Catalogue } from '../i18n/catalogue.js';
import type { ReportFormat } from '../render/render-report.js';
import { REPORT_FORMATS, isReportFormat } from '../render/render-report.js';
import { ExitError } from './exit-error.js';

/** Formats written as bytes: they go to files, never to a terminal. */
export const BINARY_FORMATS: readonly ReportFormat[] = ['xlsx', 'docx', 'pdf'];

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
