/**
 * The one way revitalize reads a file it is given or finds: logs, the
 * config, notes, templates, cache shards and rollup inputs all come through
 * here, so that none of them can hang the tool, fill its memory or reach
 * outside the workspace.
 *
 * - Only a regular file is read. A FIFO, a socket or a device (/dev/zero,
 *   /dev/urandom, whose size reads as 0) is refused by name, before it is
 *   opened; a folder too.
 * - The file's real path (links followed) must lie in `within`, when given:
 *   a link in the workspace cannot lead to /etc/passwd. A link to nothing
 *   and a loop of links are told apart from a missing file.
 * - It is opened without blocking (O_NONBLOCK: a FIFO swapped in after the
 *   check cannot make `open` wait for a writer), the handle is checked
 *   again (regular file, size under the cap), and at most the cap is read
 *   even if the file grows meanwhile.
 *
 * What it does not do: stop someone who can write the workspace from
 * swapping a folder for a link between the check and the open. Node has no
 * `openat`; that person could as well edit the logs.
 *
 * The same rules run synchronously for LiquidJS, which reads templates
 * synchronously (readRegularFileSync), and for the parse workers, which
 * read the log files they parse (readInspectedFileSync).
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import type { SpecialFileType } from '../problems/problem-registry.js';

export type { SpecialFileType };

/** Why a file was not read. */
export type FileRefusal =
  | { reason: 'missing' }
  | { reason: 'broken-link' }
  | { reason: 'link-loop' }
  | { reason: 'outside' }
  | { reason: 'not-a-file'; type: SpecialFileType }
  | { reason: 'too-large'; bytes: number; maxBytes: number }
  | { reason: 'unreadable'; code: string };

/** What a file looked like on disk when it was read: together, what changes when it is written (see workspace-cache.ts). */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  /** The inode's change time, which no one can set back by hand (the modification time they can). */
  ctimeMs: number;
  ino: number;
}

export type FileRead = { ok: true; bytes: Uint8Array; stamp: FileStamp; realPath: string } | ({ ok: false } & FileRefusal);

/** A regular file within the rules, found but not yet read. */
export interface InspectedFile {
  realPath: string;
  /** From stat, before the file is opened; a read's own stamp comes from the open handle. */
  stamp: FileStamp;
}

type Refused = { ok: false } & FileRefusal;

export type FileInspection = ({ ok: true } & InspectedFile) | Refused;

export interface ReadRules {
  /** Largest file read, in bytes. */
  maxBytes: number;
  /** A folder the file's real path must lie in (the workspace); absent for files named on the command line. */
  within?: string | undefined;
  /** The real paths of folders, found once for the many files inspected in each (see RealFolders). */
  realFolders?: RealFolders | undefined;
}

/**
 * The real paths of folders, each found once, for a run that inspects
 * thousands of files in a few dozen folders. A file that is not itself a
 * link lies where its folder really is: its real path is its folder's real
 * path and its own name, exactly what resolving it whole would give, for
 * one lstat instead of resolving every component of its path again (and
 * the workspace's own real path once, not once per file). A link, or
 * anything that fails on this short way, goes the long way, which tells a
 * missing file, a link to nothing and a loop apart.
 *
 * Not on Windows, whose real paths may also rewrite a file's own name
 * (short names, case).
 */
export class RealFolders {
  private readonly found = new Map<string, Promise<string>>();

  constructor(private readonly fs: WorkspaceFs = NODE_FS) {}

  /** The folder's real path; rejects as realpath does. */
  of(folder: string): Promise<string> {
    let real = this.found.get(folder);
    if (real === undefined) {
      real = this.fs.realpath(folder);
      // A failure is seen by each caller that awaits it; none is left unhandled.
      real.catch(() => undefined);
      this.found.set(folder, real);
    }
    return real;
  }
}

interface FileStats {
  size: number;
  mtimeMs: number;
  /** Absent from a test's stand-in file system. */
  ctimeMs?: number;
  ino?: number;
  isFile(): boolean;
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSymbolicLink(): boolean;
}

interface FileHandleLike {
  stat(): Promise<FileStats>;
  read(buffer: Uint8Array, offset: number, length: number, position: number | null): Promise<{ bytesRead: number }>;
  close(): Promise<void>;
}

/** The file access the reader needs: node:fs/promises, or a test's stand-in that fails on purpose. */
export interface WorkspaceFs {
  realpath(file: string): Promise<string>;
  stat(file: string): Promise<FileStats>;
  lstat(file: string): Promise<FileStats>;
  open(file: string, flags: number): Promise<FileHandleLike>;
}

export const NODE_FS: WorkspaceFs = nodeFs;

/** Read-only, never waiting for a writer, never through a link swapped in at the last step. Windows has neither flag. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);
/** Read in pieces of this size once past the size the file had when it was opened. */
const CHUNK = 64 * 1024;

export async function readRegularFile(file: string, rules: ReadRules, fs: WorkspaceFs = NODE_FS): Promise<FileRead> {
  const inspected = await inspectRegularFile(file, rules, fs);
  return inspected.ok ? readInspectedFile(inspected, rules, fs) : inspected;
}

/**
 * The checks of readRegularFile without the reading: what a file is, where
 * it really is, and its stamp. The workspace cache compares the stamp with
 * the one it kept, and reads only the files whose stamp it cannot trust.
 */
export async function inspectRegularFile(file: string, rules: ReadRules, fs: WorkspaceFs = NODE_FS): Promise<FileInspection> {
  if (rules.realFolders !== undefined && process.platform !== 'win32') {
    const inspected = await inspectThroughFolder(file, rules, rules.realFolders, fs);
    if (inspected !== undefined) return inspected;
  }
  let realPath: string;
  try {
    realPath = await fs.realpath(file);
  } catch (error) {
    const link = await fs.lstat(file).catch(() => undefined);
    return unresolved(error, link?.isSymbolicLink() ?? false);
  }
  let stats: FileStats | undefined;
  const refusal = await attempt(async () => {
    stats = await fs.stat(realPath);
    const found = checkStats(stats, rules.maxBytes);
    if (found) return found;
    if (rules.within !== undefined && !isInside(realPath, await fs.realpath(rules.within))) return { ok: false, reason: 'outside' } as const;
    return undefined;
  });
  if (refusal) return refusal;
  return { ok: true, realPath, stamp: stampOf(stats!, stats!.size) };
}

/**
 * inspectRegularFile for a file that is not a link, through its folder's
 * real path (RealFolders); undefined when the file is a link or a step
 * fails, for the long way to decide. The checks are the long way's, in its
 * order: what the file is, its size, then whether it lies in `within`.
 */
async function inspectThroughFolder(file: string, rules: ReadRules, folders: RealFolders, fs: WorkspaceFs): Promise<FileInspection | undefined> {
  try {
    const stats = await fs.lstat(file);
    if (stats.isSymbolicLink()) return undefined;
    const realPath = path.join(await folders.of(path.dirname(file)), path.basename(file));
    const refusal = checkStats(stats, rules.maxBytes);
    if (refusal) return refusal;
    if (rules.within !== undefined && !isInside(realPath, await folders.of(rules.within))) return { ok: false, reason: 'outside' };
    return { ok: true, realPath, stamp: stampOf(stats, stats.size) };
  } catch {
    return undefined;
  }
}

/** A file inspectRegularFile let through, read: opened again without following links, and checked again on the open handle. */
export async function readInspectedFile(inspected: InspectedFile, rules: ReadRules, fs: WorkspaceFs = NODE_FS): Promise<FileRead> {
  let handle: FileHandleLike;
  try {
    handle = await fs.open(inspected.realPath, OPEN_FLAGS);
  } catch (error) {
    return failure(error);
  }
  try {
    const info = await handle.stat();
    const refusal = checkStats(info, rules.maxBytes);
    if (refusal) return refusal;
    const bytes = new ReadBuffer(info.size, rules.maxBytes);
    for (;;) {
      if (!bytes.makeRoom()) return tooLarge(bytes.length, rules.maxBytes);
      const { bytesRead } = await handle.read(bytes.buffer, bytes.length, bytes.room, null);
      if (bytesRead === 0) break;
      bytes.length += bytesRead;
    }
    return { ok: true, bytes: bytes.read(), stamp: stampOf(info, bytes.length), realPath: inspected.realPath };
  } catch (error) {
    return failure(error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function stampOf(stats: FileStats, size: number): FileStamp {
  return { size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs ?? stats.mtimeMs, ino: stats.ino ?? 0 };
}

/** The same rules, synchronously, on the real file system (for LiquidJS's synchronous template loading). */
export function readRegularFileSync(file: string, rules: ReadRules): FileRead {
  let realPath: string;
  try {
    realPath = realpathSync.native(file);
  } catch (error) {
    let link = false;
    try {
      link = lstatSync(file).isSymbolicLink();
    } catch {
      // Nothing there at all.
    }
    return unresolved(error, link);
  }
  let stats: FileStats;
  try {
    stats = statSync(realPath);
    const refusal = checkStats(stats, rules.maxBytes);
    if (refusal) return refusal;
    if (rules.within !== undefined && !isInside(realPath, realpathSync.native(rules.within))) return { ok: false, reason: 'outside' };
  } catch (error) {
    return failure(error);
  }
  return readInspectedFileSync({ realPath, stamp: stampOf(stats, stats.size) }, rules);
}

/**
 * readInspectedFile, synchronously, on the real file system: for a parse
 * worker, which reads the files it parses (a thread of its own, so a slow
 * disk holds up that worker and not the main thread), and for
 * readRegularFileSync.
 */
export function readInspectedFileSync(inspected: InspectedFile, rules: ReadRules): FileRead {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(inspected.realPath, OPEN_FLAGS);
    const info = fstatSync(descriptor);
    const refusal = checkStats(info, rules.maxBytes);
    if (refusal) return refusal;
    const bytes = new ReadBuffer(info.size, rules.maxBytes);
    for (;;) {
      if (!bytes.makeRoom()) return tooLarge(bytes.length, rules.maxBytes);
      const bytesRead = readSync(descriptor, bytes.buffer, bytes.length, bytes.room, null);
      if (bytesRead === 0) break;
      bytes.length += bytesRead;
    }
    return { ok: true, bytes: bytes.read(), stamp: stampOf(info, bytes.length), realPath: inspected.realPath };
  } catch (error) {
    return failure(error);
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** Whether `file` is `folder` or lies under it (both real paths). */
export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/** What kind of special file a stat describes. */
export function specialType(stats: FileStats): SpecialFileType {
  if (stats.isDirectory()) return 'directory';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice()) return 'character-device';
  if (stats.isBlockDevice()) return 'block-device';
  return 'other';
}

function checkStats(stats: FileStats, maxBytes: number): Refused | undefined {
  if (!stats.isFile()) return { ok: false, reason: 'not-a-file', type: specialType(stats) };
  if (stats.size > maxBytes) return tooLarge(stats.size, maxBytes);
  return undefined;
}

function tooLarge(bytes: number, maxBytes: number): Refused {
  return { ok: false, reason: 'too-large', bytes, maxBytes };
}

/**
 * The bytes of a file as they are read, sized by what fstat said and grown
 * when the file turns out longer (a file being written to, or one whose
 * size the system does not know): never past one byte over the limit,
 * which is how a file too large is noticed without reading all of it.
 */
class ReadBuffer {
  buffer: Uint8Array;
  length = 0;

  constructor(
    expected: number,
    private readonly maxBytes: number,
  ) {
    this.buffer = new Uint8Array(Math.min(expected, maxBytes) + 1);
  }

  /** Room for the next read; false once more than the limit has come. */
  makeRoom(): boolean {
    if (this.length < this.buffer.length) return true;
    if (this.length > this.maxBytes) return false;
    const larger = new Uint8Array(Math.min(this.length + Math.max(CHUNK, this.length), this.maxBytes + 1));
    larger.set(this.buffer);
    this.buffer = larger;
    return true;
  }

  get room(): number {
    return this.buffer.length - this.length;
  }

  read(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

/** A path whose real path could not be found: nothing there, a link to nothing, a loop of links. */
function unresolved(error: unknown, isLink: boolean): Refused {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return { ok: false, reason: 'link-loop' };
  if (code === 'ENOENT' || code === 'ENOTDIR') return isLink ? { ok: false, reason: 'broken-link' } : { ok: false, reason: 'missing' };
  return failure(error);
}

function failure(error: unknown): Refused {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined) throw error;
  if (code === 'ELOOP') return { ok: false, reason: 'link-loop' };
  if (code === 'ENOENT') return { ok: false, reason: 'missing' };
  return { ok: false, reason: 'unreadable', code };
}

async function attempt(step: () => Promise<Refused | undefined>): Promise<Refused | undefined> {
  try {
    return await step();
  } catch (error) {
    return failure(error);
  }
}
