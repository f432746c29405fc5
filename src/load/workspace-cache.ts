/**
 * The incremental cache (`.revitalize-cache/` in the workspace): each log
 * file's parsed and checked outcome, kept under its path with the file's
 * size, modification time and a hash of its text. A rerun reads every file
 * (reading is cheap) but parses only those whose size, time or hash
 * changed, so editing one month re-parses that month alone.
 *
 * The cache is a convenience, never a source of truth: it is thrown away
 * when revitalize's version, the cache format or the config's village list
 * (which the checks depend on) changes, and when it cannot be read or does
 * not look right; a cache that cannot be written is silently skipped.
 * Deleting the folder is always safe.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { LogFileOutcome } from './parse-log-file.js';

export const CACHE_FOLDER = '.revitalize-cache';
const CACHE_FILE = 'log-files.v8';
/** Bumped when what is cached changes shape. */
const CACHE_FORMAT = 1;

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

/** The cached outcomes, or an empty map when there is no usable cache. */
export async function readWorkspaceCache(root: string, key: CacheKey): Promise<Map<string, CachedLogFile>> {
  try {
    const content = deserialize(await readFile(path.join(root, CACHE_FOLDER, CACHE_FILE))) as Partial<CacheContent>;
    const usable =
      content?.format === CACHE_FORMAT &&
      content.version === key.version &&
      content.villages === villagesKey(key.villages) &&
      content.files instanceof Map;
    return usable ? content.files! : new Map();
  } catch {
    // Missing, truncated or from another program: start afresh.
    return new Map();
  }
}

/** Replaces the cache with these files' outcomes (written beside and renamed, so a reader never sees half of one). */
export async function writeWorkspaceCache(root: string, key: CacheKey, files: Map<string, CachedLogFile>): Promise<void> {
  const folder = path.join(root, CACHE_FOLDER);
  const target = path.join(folder, CACHE_FILE);
  const temporary = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const content: CacheContent = { format: CACHE_FORMAT, version: key.version, villages: villagesKey(key.villages), files };
  try {
    await mkdir(folder, { recursive: true });
    await writeFile(temporary, serialize(content));
    await rename(temporary, target);
  } catch {
    // A read-only workspace, a full disk: the report does not depend on the cache.
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}
