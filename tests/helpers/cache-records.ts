/**
 * Cache records and whole caches made by hand, for the tests that forge,
 * age or damage a workspace's cache. The command itself never packs an
 * outcome for the cache here: its records come packed from the parse
 * (parse-packed.ts), and are written as a run settles its files
 * (CacheUpdate).
 */
import { packOutcome } from '../../src/load/pack-outcome.js';
import type { LogFileOutcome } from '../../src/load/parse-log-file.js';
import type { FileStamp } from '../../src/load/read-regular-file.js';
import type { CacheKey, CachedLogFile } from '../../src/load/workspace-cache.js';
import { CacheUpdate, outcomeDigest } from '../../src/load/workspace-cache.js';

/** A file's outcome as the cache keeps it, under `key`. */
export function cacheEntry(
  key: CacheKey,
  file: string,
  read: { stamp: FileStamp; checkedAt: number; hash: string; gb18030: boolean },
  outcome: LogFileOutcome,
): CachedLogFile {
  const bytes = packOutcome(outcome);
  return { ...read, outcome: bytes, digest: outcomeDigest(key, file, read.hash, read.gb18030, bytes) };
}

/**
 * Brings the cache in line with `files`, all at once: each shard holding a
 * changed, added or removed file is rewritten, shards of folders that are
 * gone are deleted, and the others are left alone.
 */
export async function writeWorkspaceCache(root: string, key: CacheKey, files: ReadonlyMap<string, CachedLogFile>, changed: ReadonlySet<string>): Promise<void> {
  const update = new CacheUpdate(root, key, new Map(), files.keys());
  for (const file of changed) update.touch(file);
  for (const [file, record] of files) update.settle(file, record, false);
  await update.finish();
}
