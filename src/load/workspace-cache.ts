/**
 * The incremental cache (`.revitalize-cache/` in the workspace): each log
 * file's parsed and checked outcome, kept under its path with the file's
 * stamp (size, times, inode) and a hash of its text. A rerun looks at every
 * file's stamp; it reads only the files whose stamp changed (or changed too
 * recently to go by: unchangedSince), and parses only those whose text's
 * hash changed too, so editing one month re-parses that month alone.
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
import { unpackOutcome } from './pack-outcome.js';
import type { LogFileOutcome } from './parse-log-file.js';
import type { FileStamp } from './read-regular-file.js';
import { readRegularFile } from './read-regular-file.js';

export const CACHE_FOLDER = '.revitalize-cache';
const SHARD_SUFFIX = '.v8';
const TEMPORARY_SUFFIX = '.tmp';
/**
 * Bumped when what is cached changes shape (7: outcomes packed by
 * pack-outcome.ts, records stamped with the file's change time and inode).
 * A change to the parser or the checks needs no bump: the key holds a
 * fingerprint of that code (code-fingerprint.ts).
 */
const CACHE_FORMAT = 7;

/**
 * How long after a file's last change its stamp is trusted without reading
 * it: longer than the coarsest timestamp of the file systems logs are kept
 * on (FAT's two seconds), so that a file written again within the same tick
 * as the read it was cached from is read and hashed, never taken on trust.
 */
const SETTLED_MS = 3000;

export interface CachedLogFile {
  /** The file as it was (stat on the open handle) when the text the outcome came from was read. */
  stamp: FileStamp;
  /** When that read began, by this computer's clock. */
  checkedAt: number;
  hash: string;
  /** The file was GB18030, not UTF-8, and is warned about (the warning is the reading's, not the outcome's). */
  gb18030: boolean;
  /** The outcome, packed (pack-outcome.ts). */
  outcome: Uint8Array;
  /** SHA-256 over the key, the path, `hash`, `gb18030` and `outcome`: see above. */
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

/** Each key's villages hashed once, not once per file (a province lists thousands). */
const villagesKeys = new WeakMap<CacheKey, string>();

function villagesKeyOf(key: CacheKey): string {
  let found = villagesKeys.get(key);
  if (found === undefined) {
    found = villagesKey(key.villages);
    villagesKeys.set(key, found);
  }
  return found;
}

/** The digest a record's outcome is kept with; a parse worker computes it along with the outcome's bytes. */
export function outcomeDigest(key: CacheKey, file: string, hash: string, gb18030: boolean, outcome: Uint8Array): string {
  return createHash('sha256')
    .update(JSON.stringify([CACHE_FORMAT, key.version, key.code, villagesKeyOf(key), file, hash, gb18030]))
    .update(outcome)
    .digest('base64');
}

/**
 * Whether a file's stamp is the one its record was made under, and that
 * record old enough to go by it without reading the file. A write changes
 * the size, the modification time or the change time (which, unlike the
 * modification time, cannot be set back by hand), and a file replaced by
 * another (a save through a temporary file, a checkout) has another inode.
 * What a stamp cannot show is a second write within the same tick of the
 * file system's clock as the read the record came from: a record made
 * within SETTLED_MS of the file's last change is therefore not trusted, and
 * the file is read and its text hashed, as it is whenever the stamp differs.
 */
export function unchangedSince(record: CachedLogFile, stamp: FileStamp): boolean {
  const kept = record.stamp;
  return (
    kept.size === stamp.size &&
    kept.mtimeMs === stamp.mtimeMs &&
    kept.ctimeMs === stamp.ctimeMs &&
    kept.ino === stamp.ino &&
    record.checkedAt - Math.max(stamp.mtimeMs, stamp.ctimeMs) > SETTLED_MS
  );
}

/**
 * The outcome kept for a file, or undefined when the cache has none that
 * may be served: another text (when the text's `hash` is given; without it
 * the caller has found the file unchanged by its stamp), a digest that does
 * not match, or something that is not an outcome.
 */
export function cachedOutcome(key: CacheKey, file: string, cached: CachedLogFile, hash?: string): LogFileOutcome | undefined {
  if (hash !== undefined && cached.hash !== hash) return undefined;
  if (cached.digest !== outcomeDigest(key, file, cached.hash, cached.gb18030, cached.outcome)) return undefined;
  return unpackOutcome(cached.outcome, file);
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
    shard.villages === villagesKeyOf(key) &&
    shard.files instanceof Map
  );
}

function isCachedRecord(value: unknown): value is CachedLogFile {
  const record = value as Partial<CachedLogFile> | null | undefined;
  const stamp = record?.stamp as Partial<FileStamp> | null | undefined;
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof stamp === 'object' &&
    stamp !== null &&
    typeof stamp.size === 'number' &&
    typeof stamp.mtimeMs === 'number' &&
    typeof stamp.ctimeMs === 'number' &&
    typeof stamp.ino === 'number' &&
    typeof record.checkedAt === 'number' &&
    typeof record.gb18030 === 'boolean' &&
    typeof record.hash === 'string' &&
    typeof record.digest === 'string' &&
    record.outcome instanceof Uint8Array
  );
}

/** The records of one shard while a run settles its files. */
interface ShardUpdate {
  /** Its files this run has yet to settle. */
  unsettled: number;
  records: Map<string, CachedLogFile>;
  /** A file of it changed, was added or is gone: the shard is rewritten. */
  stale: boolean;
}

/**
 * The cache brought in line with a run's files as they are settled (each
 * given its record, or none when it could not be read), one shard at a
 * time: a shard is written as soon as the last of its files is settled, and
 * its records are then let go, so that a province's outcomes (hundreds of
 * megabytes packed) are never all held at once. A shard is written beside
 * its place and then renamed, so a reader never sees half of one. Writing
 * is silent: a cache that cannot be written (a read-only workspace, a full
 * disk) is skipped, as the report does not depend on it.
 */
export class CacheUpdate {
  private readonly shards = new Map<string, ShardUpdate>();
  /** The shards this run keeps (the others are deleted at the end). */
  private readonly kept = new Set<string>();
  private folder: Promise<string | undefined> | undefined;
  private writing: Promise<void> = Promise.resolve();
  /** A shard went stale: at the end, shards of no file are looked for and deleted. */
  private changed = false;

  /** `previous`: the records read from the cache; `files`: every log file the run will settle. */
  constructor(
    private readonly root: string,
    private readonly key: CacheKey,
    private readonly previous: ReadonlyMap<string, CachedLogFile>,
    files: Iterable<string>,
  ) {
    const settling = new Set<string>();
    for (const file of files) {
      settling.add(file);
      this.shardFor(file).unsettled++;
    }
    // A file the cache knew that the run does not have (deleted, renamed): its shard is rewritten without it.
    for (const file of previous.keys()) if (!settling.has(file)) this.touch(file);
  }

  /** The file changed since its record (or is new): its shard is rewritten. */
  touch(file: string): void {
    this.shardFor(file).stale = true;
    this.changed = true;
  }

  /** The file's record for this run, or undefined when it has none; `changed` when the record is not the cache's own. */
  settle(file: string, record: CachedLogFile | undefined, changed: boolean): void {
    const name = shardOf(file);
    const shard = this.shardFor(file);
    if (record) {
      shard.records.set(file, record);
      this.kept.add(name);
    }
    if (changed || (!record && this.previous.has(file))) this.touch(file);
    shard.unsettled--;
    if (shard.unsettled === 0) this.close(name, shard);
  }

  /** Writes what is left and deletes the shards of folders the run has no file in; resolves when all is written. */
  async finish(): Promise<void> {
    for (const [name, shard] of this.shards) this.close(name, shard);
    // Nothing changed: the cache is as it was, and its folder is not touched.
    if (!this.changed) return;
    await this.queue(async (folder) => {
      for (const name of await readdir(folder)) {
        if (name.endsWith(SHARD_SUFFIX) && !this.kept.has(name)) await rm(path.join(folder, name), { force: true });
      }
    });
    await this.writing;
  }

  private shardFor(file: string): ShardUpdate {
    const name = shardOf(file);
    let shard = this.shards.get(name);
    if (!shard) {
      shard = { unsettled: 0, records: new Map(), stale: false };
      this.shards.set(name, shard);
    }
    return shard;
  }

  /** A settled shard: written when stale and not empty (an empty one is deleted by finish), and let go. */
  private close(name: string, shard: ShardUpdate): void {
    this.shards.delete(name);
    if (!shard.stale || shard.records.size === 0) return;
    const body: CacheContent = {
      format: CACHE_FORMAT,
      version: this.key.version,
      code: this.key.code,
      villages: villagesKeyOf(this.key),
      files: shard.records,
    };
    const bytes = serialize(body);
    void this.queue((folder) => writeShard(path.join(folder, name), bytes));
  }

  /** One write after another, each skipped once there is no folder to write in; never rejects. */
  private queue(step: (folder: string) => Promise<void>): Promise<void> {
    this.folder ??= mkdir(path.join(this.root, CACHE_FOLDER), { recursive: true })
      .then(() => cacheFolder(this.root))
      .catch(() => undefined);
    const folder = this.folder;
    this.writing = this.writing.then(async () => {
      const found = await folder;
      if (found) await step(found).catch(() => undefined);
    });
    return this.writing;
  }
}

/** A shard written beside its place, then renamed over it. */
async function writeShard(target: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${target}.${process.pid}-${randomBytes(4).toString('hex')}${TEMPORARY_SUFFIX}`;
  trackTemporary(temporary);
  try {
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  } finally {
    forgetTemporary(temporary);
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
