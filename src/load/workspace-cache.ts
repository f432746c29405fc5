/**
 * The incremental cache (`.revitalize-cache/` in the workspace): each log
 * file's parsed and checked outcome, kept under its path with the file's
 * size, modification time and a hash of its text. A rerun reads every file
 * (reading is cheap) but parses only those whose size, time or hash
 * changed, so editing one month re-parses that month alone.
 *
 * It is kept in shards, one file per log folder (logs/2023/05 → one
 * shard), so that a rerun after editing one month rewrites that month's
 * shard alone, and a province's cache is never one buffer of hundreds of
 * megabytes in memory.
 *
 * The cache is a convenience, never a source of truth. Each outcome is kept
 * serialised, with a digest (SHA-256) over the cache's key, the file's
 * path, the hash of the text it was computed from, and the serialised
 * outcome; it is served only for that text, when the digest matches, and
 * when it deserialises to the shape of an outcome (check-cached-outcome.ts).
 * Anything else costs a re-parse of that file, never a wrong figure or a
 * crash: a shard edited by hand, truncated, from another program or
 * version, from other parsing or checking code (the key holds the code's
 * fingerprint), or of another village list. The digest is not a
 * signature: someone who rewrites a shard and recomputes the digest with
 * this program's own method is not stopped, as nothing kept in the
 * workspace could stop them; but they could as well have edited the logs.
 * What it stops is a shard that no longer matches its logs going unnoticed.
 *
 * The folder is used only when it is a real folder of the workspace (not a
 * link), and shards are read like any workspace file (readRegularFile). A
 * cache that cannot be written is silently skipped. Deleting the folder is
 * always safe. Temporary files of a run that was killed are removed by the
 * next run.
 */
import { createHash, randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { MAX_CACHE_SHARD_MB } from '../limits.js';
import { forgetTemporary, trackTemporary } from '../temporary-files.js';
import { isLogFileOutcome } from './check-cached-outcome.js';
import type { LogFileOutcome } from './parse-log-file.js';
import { readRegularFile } from './read-regular-file.js';

export const CACHE_FOLDER = '.revitalize-cache';
const SHARD_SUFFIX = '.v8';
const TEMPORARY_SUFFIX = '.tmp';
/**
 * Bumped when what is cached changes shape (6: keyed by the code's
 * fingerprint). A change to the parser or the checks needs no bump: the
 * key holds a fingerprint of that code (code-fingerprint.ts).
 */
const CACHE_FORMAT = 6;

export interface CachedLogFile {
  size: number;
  mtimeMs: number;
  hash: string;
  /** The outcome, serialised (node:v8). */
  outcome: Uint8Array;
  /** SHA-256 over the key, the path, `hash` and `outcome`: see above. */
  digest: string;
}

/** What the cached outcomes were computed under; any difference discards them all. */
export interface CacheKey {
  version: string;
  /** The fingerprint of the code that parsed and checked the files (code-fingerprint.ts). */
  code: string;
  villages: readonly string[] | undefined;
}

interface CacheContent {
  format: number;
  version: string;
  code: string;
  villages: string;
  files: Map<string, CachedLogFile>;
}

export function textHash(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

function villagesKey(villages: readonly string[] | undefined): string {
  return villages === undefined ? '' : textHash(JSON.stringify(villages));
}

function outcomeDigest(key: CacheKey, file: string, hash: string, outcome: Uint8Array): string {
  return createHash('sha256')
    .update(JSON.stringify([CACHE_FORMAT, key.version, key.code, villagesKey(key.villages), file, hash]))
    .update(outcome)
    .digest('base64');
}

/** A file's outcome as the cache keeps it. */
export function cacheEntry(key: CacheKey, file: string, stamp: { size: number; mtimeMs: number; hash: string }, outcome: LogFileOutcome): CachedLogFile {
  const bytes = serialize(outcome);
  return { ...stamp, outcome: bytes, digest: outcomeDigest(key, file, stamp.hash, bytes) };
}

/**
 * The outcome kept for a file whose text has `hash`, or undefined when the
 * cache has none that may be served: another text, a digest that does not
 * match, or something that is not an outcome.
 */
export function cachedOutcome(key: CacheKey, file: string, cached: CachedLogFile, hash: string): LogFileOutcome | undefined {
  if (cached.hash !== hash || cached.digest !== outcomeDigest(key, file, hash, cached.outcome)) return undefined;
  try {
    const outcome: unknown = deserialize(cached.outcome);
    return isLogFileOutcome(outcome) ? outcome : undefined;
  } catch {
    return undefined;
  }
}

/** The shard a log file's outcome is kept in: one per folder. */
function shardOf(file: string): string {
  return `${textHash(path.posix.dirname(file)).replace(/[/+=]/g, '_')}${SHARD_SUFFIX}`;
}

/** The cache folder, when it is a folder of the workspace and not a link to somewhere else. */
async function cacheFolder(root: string): Promise<string | undefined> {
  const folder = path.join(root, CACHE_FOLDER);
  const info = await lstat(folder).catch(() => undefined);
  return info?.isDirectory() ? folder : undefined;
}

/** The cached records, or an empty map when there is no usable cache. Shards and records that cannot be used are left out. */
export async function readWorkspaceCache(root: string, key: CacheKey): Promise<Map<string, CachedLogFile>> {
  const files = new Map<string, CachedLogFile>();
  const folder = await cacheFolder(root);
  if (!folder) return files;
  const names = await readdir(folder).catch(() => [] as string[]);
  // What a killed run left goes, whether or not this run writes the cache.
  for (const name of names)
    if (name.endsWith(TEMPORARY_SUFFIX) && leftByEndedRun(name)) await rm(path.join(folder, name), { force: true }).catch(() => undefined);
  for (const name of names.filter((each) => each.endsWith(SHARD_SUFFIX))) {
    const read = await readRegularFile(path.join(folder, name), { maxBytes: MAX_CACHE_SHARD_MB * 1024 * 1024, within: root });
    if (!read.ok) continue;
    let content: unknown;
    try {
      content = deserialize(read.bytes);
    } catch {
      // Truncated, or from another program: its files are parsed afresh.
      continue;
    }
    if (!isShardOf(content, key)) continue;
    for (const [file, cached] of content.files) if (typeof file === 'string' && isCachedRecord(cached)) files.set(file, cached);
  }
  return files;
}

function isShardOf(content: unknown, key: CacheKey): content is CacheContent {
  const shard = content as Partial<CacheContent> | null | undefined;
  return (
    typeof shard === 'object' &&
    shard !== null &&
    shard.format === CACHE_FORMAT &&
    shard.version === key.version &&
    shard.code === key.code &&
    shard.villages === villagesKey(key.villages) &&
    shard.files instanceof Map
  );
}

function isCachedRecord(value: unknown): value is CachedLogFile {
  const record = value as Partial<CachedLogFile> | null | undefined;
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof record.size === 'number' &&
    typeof record.mtimeMs === 'number' &&
    typeof record.hash === 'string' &&
    typeof record.digest === 'string' &&
    record.outcome instanceof Uint8Array
  );
}

/**
 * Brings the cache in line with this run's files: each shard holding a
 * changed, added or removed file is rewritten (beside, then renamed, so a
 * reader never sees half of one), shards of folders that are gone are
 * deleted, and the others are left alone.
 */
export async function writeWorkspaceCache(root: string, key: CacheKey, files: ReadonlyMap<string, CachedLogFile>, changed: ReadonlySet<string>): Promise<void> {
  const shards = new Map<string, Map<string, CachedLogFile>>();
  for (const [file, cached] of files) {
    const shard = shardOf(file);
    if (!shards.has(shard)) shards.set(shard, new Map());
    shards.get(shard)!.set(file, cached);
  }
  const stale = new Set([...changed].map(shardOf));
  try {
    await mkdir(path.join(root, CACHE_FOLDER), { recursive: true });
    const folder = await cacheFolder(root);
    if (!folder) return;
    for (const name of await readdir(folder)) {
      if (name.endsWith(SHARD_SUFFIX) && !shards.has(name)) await rm(path.join(folder, name), { force: true });
    }
    for (const shard of stale) {
      const target = path.join(folder, shard);
      const content = shards.get(shard);
      if (!content) continue;
      const temporary = `${target}.${process.pid}-${randomBytes(4).toString('hex')}${TEMPORARY_SUFFIX}`;
      trackTemporary(temporary);
      try {
        const body: CacheContent = { format: CACHE_FORMAT, version: key.version, code: key.code, villages: villagesKey(key.villages), files: content };
        await writeFile(temporary, serialize(body), { flag: 'wx' });
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined);
        throw error;
      } finally {
        forgetTemporary(temporary);
      }
    }
  } catch {
    // A read-only workspace, a full disk: the report does not depend on the cache.
  }
}

/** A temporary file named by a process that is no longer running (`<shard>.<pid>-<random>.tmp`). */
function leftByEndedRun(name: string): boolean {
  const pid = Number(/\.(\d+)-[0-9a-f]+\.tmp$/.exec(name)?.[1]);
  if (!Number.isSafeInteger(pid) || pid <= 0) return true;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
