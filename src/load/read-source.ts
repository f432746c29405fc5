/**
 * One workspace file from disk to text, or the problem that stops it: too
 * large, a link to nothing, unreadable, or not text in an encoding we know.
 */
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../problems/problem.js';
import { problem, wholeFile } from '../problems/problem.js';
import { decodeText } from './decode-text.js';

/** The file access the loader needs; tests pass one that fails on purpose. */
export interface WorkspaceFs {
  readFile(file: string): Promise<Uint8Array>;
  stat(file: string): Promise<{ size: number; mtimeMs?: number }>;
  lstat(file: string): Promise<{ isSymbolicLink(): boolean }>;
}

export const NODE_FS: WorkspaceFs = nodeFs;

export interface SourceText {
  file: string;
  text: string;
  /** What the file looked like on disk, for the workspace cache. */
  size: number;
  mtimeMs: number;
}

export type ReadOutcome = { ok: true; source: SourceText; problems: Problem[] } | { ok: false; problems: Problem[] };

const MB = 1024 * 1024;

export async function readSource(root: string, file: string, maxSizeMB: number, fs: WorkspaceFs = NODE_FS): Promise<ReadOutcome> {
  const full = path.join(root, file);
  const at = wholeFile(file);
  const info = await fs.stat(full).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error) {
    const link = await fs.lstat(full).catch(() => undefined);
    if (link?.isSymbolicLink()) return { ok: false, problems: [problem('E-BROKEN-LINK', at)] };
    return { ok: false, problems: [problem('E-FILE-UNREADABLE', at, { detail: info.code ?? info.message })] };
  }
  // Checked before reading, so a huge file costs nothing.
  if (info.size > maxSizeMB * MB) {
    return { ok: false, problems: [problem('E-FILE-TOO-LARGE', at, { bytes: info.size, limit: maxSizeMB })] };
  }
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return { ok: false, problems: [problem('E-FILE-UNREADABLE', at, { detail: code })] };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, problems: [problem('E-FILE-ENCODING', at)] };
  const problems = decoded.encoding === 'gb18030' ? [problem('W-FILE-GB18030', at)] : [];
  return { ok: true, source: { file, text: decoded.text, size: info.size, mtimeMs: info.mtimeMs ?? 0 }, problems };
}
