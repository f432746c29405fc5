/**
 * The data-check notes of a report: the warnings about its logs, for the
 * clerk. They never go into the document that is sent upward; they are
 * written beside it as `<month>.check.txt` (and printed when the report
 * is made). Pure.
 */
import type { Catalogue } from '../i18n/catalogue.js';
import type { ReportModel } from '../report/build-report.js';

/** The notes as plain text, one a line with where, what and how to fix it; null when there are none. */
export function renderCheckNotes(report: ReportModel, catalogue: Catalogue): string | null {
  if (report.warnings.length === 0) return null;
  const words = catalogue.report.checkNotes;
  const lines = report.warnings.map((note) => {
    const where = note.line > 0 ? `${note.file}:${note.line}:${note.col}` : note.file;
    return `${where}${words.separator}${note.message}${note.hint ? words.hint(note.hint) : ''}`;
  });
  return `${words.heading(report.monthLabel, report.warnings.length)}\n\n${lines.join('\n')}\n`;
}
