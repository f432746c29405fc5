/**
 * The write stage, all or nothing, for reports and for logs edited by `add`. Every file is first written in full to a
 * temporary file beside its target and flushed to disk; only when all of
 * them are written are they renamed into place. A reader therefore sees the
 * old report or the new one, never half of one, even if the process is
 * killed; and a failure while writing (a full disk) leaves every old file as
 * it was. Renames within one folder do not fail in practice; if one did,
 * the files renamed before it would be new and the rest old, each complete.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { YearMonth } from '../metrics/report-period.js';
import type { ReportFormat } from '../render/render-report.js';
import { forgetTemporary, trackTemporary } from '../temporary-files.js';

/** Where the report for a month goes in each format. */
export function reportFilePaths(outputDir: string, month: YearMonth, formats: Iterable<ReportFormat>): Map<ReportFormat, string> {
  return new Map([...formats].map((format) => [format, path.join(outputDir, `${month}.${format}`)]));
}

/** Where the month's data-check notes go: beside the report, never in it. */
export function checkNotesPath(outputDir: string, month: YearMonth): string {
  return path.join(outputDir, `${month}.check.txt`);
}

/**
 * Writes `<month>.<format>` for each rendered format, and `<month>.check.txt`
 * when there are data-check notes (an earlier run's notes are removed when
 * there are none now, so the folder never shows notes the report no longer
 * has). Returns the paths written.
 */
export async function writeReportFiles(
  outputDir: string,
  month: YearMonth,
  rendered: ReadonlyMap<ReportFormat, string | Uint8Array>,
  checkNotes: string | null = null,
): Promise<string[]> {
  await mkdir(outputDir, { recursive: true });
  const targets = reportFilePaths(outputDir, month, rendered.keys());
  const files = new Map<string, string | Uint8Array>([...targets].map(([format, target]) => [target, rendered.get(format)!]));
  const notes = checkNotesPath(outputDir, month);
  if (checkNotes !== null) files.set(notes, checkNotes);
  await writeFilesAtomically(files);
  if (checkNotes === null) await rm(notes, { force: true });
  return [...files.keys()];
}

/** Writes each file in full beside its target, then renames them all into place (see above). */
export async function writeFilesAtomically(files: ReadonlyMap<string, string | Uint8Array>): Promise<void> {
  // A folder in a target's place would make its rename fail after others succeeded.
  for (const target of files.keys()) {
    const existing = await stat(target).catch(() => undefined);
    if (existing?.isDirectory()) throw Object.assign(new Error(`${target} is a folder`), { code: 'EISDIR' });
  }
  const staged: [temporary: string, target: string][] = [];
  try {
    for (const [target, content] of files) {
      const temporary = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
      staged.push([temporary, target]);
      // Removed, should Ctrl+C or SIGTERM end the run before the renames (cli/main.ts).
      trackTemporary(temporary);
      const handle = await open(temporary, 'wx');
      try {
        await (typeof content === 'string' ? handle.writeFile(content, 'utf8') : handle.writeFile(content));
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  } catch (error) {
    await Promise.all(staged.map(([temporary]) => rm(temporary, { force: true })));
    for (const [temporary] of staged) forgetTemporary(temporary);
    throw error;
  }
  for (const [temporary, target] of staged) {
    await rename(temporary, target);
    forgetTemporary(temporary);
  }
}
