/**
 * The write stage, all or nothing, for reports, for logs edited by `add`
 * and for the files of a new workspace. Every file is first written in full
 * to a temporary file beside its target and flushed to disk; only when all
 * of them are written are they renamed into place. A reader therefore sees
 * the old file or the new one, never half of one, even if the process is
 * killed; and a failure while writing (a full disk, a folder it may not
 * write) leaves every old file as it was, and removes the folders it made.
 * Renames within one folder do not fail in practice; if one did, the files
 * renamed before it would be new and the rest old, each complete.
 *
 * A file that is replaced keeps what it was: a link stays a link and the
 * write goes through it to the file it points at (realTarget); that file
 * keeps its permissions, and its owner where the system lets us (running as
 * root, or a group we are in). A file nobody may write (0444, or not ours
 * to write) is refused, never replaced.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import type { YearMonth } from '../metrics/report-period.js';
import type { ReportFormat } from '../render/render-report.js';
import { realTarget } from './real-target.js';

/** The file access the write stage needs; tests pass one that fails on purpose (a full disk). */
export type WriteFs = Pick<typeof nodeFs, 'open' | 'rename' | 'rm' | 'rmdir' | 'stat' | 'lstat' | 'realpath' | 'readlink' | 'mkdir' | 'access'>;

export const NODE_WRITE_FS: WriteFs = nodeFs;

export interface WriteOptions {
  fs?: WriteFs | undefined;
}

/** A file the write would replace is marked read-only: refused rather than replaced. */
export class ReadOnlyFileError extends Error {
  readonly code = 'EACCES';

  constructor(readonly file: string) {
    super(`${file} is read-only`);
  }
}
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
  const targets = reportFilePaths(outputDir, month, rendered.keys());
  const files = new Map<string, string | Uint8Array>([...targets].map(([format, target]) => [target, rendered.get(format)!]));
  const notes = checkNotesPath(outputDir, month);
  if (checkNotes !== null) files.set(notes, checkNotes);
  await writeFilesAtomically(files);
  if (checkNotes === null) await nodeFs.rm(notes, { force: true });
  return [...files.keys()];
}

interface Replaced {
  mode: number;
  uid: number;
  gid: number;
}

/** Writes each file in full beside its target, then renames them all into place (see above). */
export async function writeFilesAtomically(files: ReadonlyMap<string, string | Uint8Array>, { fs = NODE_WRITE_FS }: WriteOptions = {}): Promise<void> {
  const plans: { target: string; content: string | Uint8Array; replaced: Replaced | undefined }[] = [];
  for (const [file, content] of files) {
    const target = await realTarget(file, fs);
    const existing = await fs.stat(target).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    // A folder in a target's place would make its rename fail after others succeeded.
    if (existing?.isDirectory()) throw Object.assign(new Error(`${file} is a folder`), { code: 'EISDIR' });
    if (existing && !(await writable(target, existing.mode, fs))) throw new ReadOnlyFileError(file);
    plans.push({ target, content, replaced: existing && { mode: existing.mode & 0o7777, uid: existing.uid, gid: existing.gid } });
  }
  const madeFolders: string[] = [];
  const staged: [temporary: string, target: string][] = [];
  try {
    for (const { target, content, replaced } of plans) {
      await makeFolders(path.dirname(target), madeFolders, fs);
      const temporary = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
      // Removed, should Ctrl+C or SIGTERM end the run before the renames (cli/main.ts).
      trackTemporary(temporary);
      const handle = await fs.open(temporary, 'wx');
      staged.push([temporary, target]);
      try {
        await (typeof content === 'string' ? handle.writeFile(content, 'utf8') : handle.writeFile(content));
        if (replaced) await keepOwnerAndMode(handle, replaced);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  } catch (error) {
    await Promise.all(staged.map(([temporary]) => fs.rm(temporary, { force: true })));
    for (const [temporary] of staged) forgetTemporary(temporary);
    for (const folder of madeFolders.reverse()) await fs.rmdir(folder).catch(() => undefined);
    throw error;
  }
  for (const [temporary, target] of staged) {
    await fs.rename(temporary, target);
    forgetTemporary(temporary);
  }
}

/** Whether a file may be replaced: someone may write it (0444 says no one should), and we may. */
async function writable(file: string, mode: number, fs: WriteFs): Promise<boolean> {
  if ((mode & 0o222) === 0) return false;
  return fs.access(file, constants.W_OK).then(
    () => true,
    () => false,
  );
}

/** The owner (where the system allows it) and then the permissions of the file being replaced; chown may clear set-id bits, so it goes first. */
async function keepOwnerAndMode(handle: FileHandle, replaced: Replaced): Promise<void> {
  const written = await handle.stat();
  if (written.uid !== replaced.uid || written.gid !== replaced.gid) {
    await handle.chown(replaced.uid, replaced.gid).catch((error: NodeJS.ErrnoException) => {
      // Only root gives files away: the file is then the writer's, as after any editor's save.
      if (error.code !== 'EPERM' && error.code !== 'EINVAL') throw error;
    });
  }
  if ((written.mode & 0o7777) !== replaced.mode) await handle.chmod(replaced.mode);
}

/** Makes a folder and the missing ones above it, noting each made (outermost first), so that a failed write can remove them. */
async function makeFolders(folder: string, made: string[], fs: WriteFs): Promise<void> {
  const first = await fs.mkdir(folder, { recursive: true });
  if (first === undefined) return;
  const chain: string[] = [];
  for (let current = folder; ; current = path.dirname(current)) {
    chain.unshift(current);
    if (current === first || path.dirname(current) === current) break;
  }
  made.push(...chain);
}
