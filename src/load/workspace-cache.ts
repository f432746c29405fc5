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
 * The cache is a convenience, never a source of truth: it is thrown away
 * when revitalize's version, the cache format or the config's village list
 * (which the checks depend on) changes, and when it cannot be read or does
 * not look right; a cache that cannot be written is silently skipped.
 * Deleting the folder is always safe.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { LogFileOutcome } from './parse-log-file.js';

export const CACHE_FOLDER = '.revitalize-cache';
const SHARD_SUFFIX = '.v8';
/** Bumped when what is cached changes shape. */
const CACHE_FORMAT = 3;

export interface CachedLogFile {
  size: number;
  mtimeMs: number;
  hash: string;
  outcome: LogFileOutcome;
}

/** What the cached outcomes were computed under; any difference discards them all. */
export interface CacheKey {
  version: string;
  villages: readonly string[] | undefined;
}

interface CacheContent {
  format: number;
  version: string;
  villages: string;
  files: Map<string, CachedLogFile>;
}

export function textHash(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

function villagesKey(villages: readonly string[] | undefined): string {
  return villages === undefined ? '' : textHash(JSON.stringify(villages));
}

/** The shard a log file's outcome is kept in: one per folder. */
function shardOf(file: string): string {
  return `${textHash(path.posix.dirname(file)).replace(/[/+=]/g, '_')}${SHARD_SUFFIX}`;
}

/** The cached outcomes, or an empty map when there is no usable cache. Shards that cannot be used are left out. */
export async function readWorkspaceCache(root: string, key: CacheKey): Promise<Map<string, CachedLogFile>> {
  const folder = path.join(root, CACHE_FOLDER);
  const files = new Map<string, CachedLogFile>();
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names.filter((each) => each.endsWith(SHARD_SUFFIX))) {
    try {
      const content = deserialize(await readFile(path.join(folder, name))) as Partial<CacheContent>;
      const usable =
        content?.format === CACHE_FORMAT &&
        content.version === key.version &&
        content.villages === villagesKey(key.villages) &&
        content.files instanceof Map;
      if (usable) for (const [file, cached] of content.files!) files.set(file, cached);
    } catch {
      // Truncated, or from another program: its files are parsed afresh.
    }
  }
  return files;
}

/**
 * Brings the cache in line with this run's files: each shard holding a
 * changed, added or removed file is rewritten (beside, then renamed, so a
 * reader never sees half of one), shards of folders that are gone are
 * deleted, and the others are left alone.
 */
export async function writeWorkspaceCache(
  root: string,
  key: CacheKey,
  files: ReadonlyMap<string, CachedLogFile>,
  changed: ReadonlySet<string>,
): Promise<void> {
  const folder = path.join(root, CACHE_FOLDER);
  const shards = new Map<string, Map<string, CachedLogFile>>();
  for (const [file, cached] of files) {
    const shard = shardOf(file);
    if (!shards.has(shard)) shards.set(shard, new Map());
    shards.get(shard)!.set(file, cached);
  }
  const stale = new Set([...changed].map(shardOf));
  try {
    await mkdir(folder, { recursive: true });
    for (const name of await readdir(folder)) {
      if (name.endsWith(SHARD_SUFFIX) && !shards.has(name)) await rm(path.join(folder, name), { force: true });
    }
    for (const shard of stale) {
      const target = path.join(folder, shard);
      const content = shards.get(shard);
      if (!content) continue;
      const temporary = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
      try {
        const body: CacheContent = { format: CACHE_FORMAT, version: key.version, villages: villagesKey(key.villages), files: content };
        await writeFile(temporary, serialize(body));
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined);
        throw error;
      }
    }
  } catch {
    // A read-only workspace, a full disk: the report does not depend on the cache.
  }
}
