/**
 * The write stage. Each file goes to a temporary file in the same folder and
 * is renamed into place, so a reader sees the old report or the new one,
 * never half of one; everything was rendered before the first write.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { YearMonth } from '../metrics/report-period.js';
import type { ReportFormat } from '../render/render-report.js';

/** Writes `<month>.<format>` for each rendered format; returns the paths written. */
export async function writeReportFiles(
  outputDir: string,
  month: YearMonth,
  rendered: ReadonlyMap<ReportFormat, string>,
): Promise<string[]> {
  await mkdir(outputDir, { recursive: true });
  const written: string[] = [];
  for (const [format, content] of rendered) {
    const file = path.join(outputDir, `${month}.${format}`);
    await writeFileAtomic(file, content, { encoding: 'utf8' });
    written.push(file);
  }
  return written;
}
