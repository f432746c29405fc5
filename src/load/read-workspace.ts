/**
 * The reading half of the load stage, all of its I/O: the config file, the
 * log files the globs find (read bytes, decoded), each parsed and checked
 * on its own (from the workspace cache when unchanged, otherwise in worker
 * threads for a large workspace), and the texts wanted for excerpts. Every
 * function returns what it found; the checks across files are
 * check-workspace.ts.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Problem, SourceLocation } from '../problems/problem.js';
import { problem, wholeFile } from '../problems/problem.js';
import { CONFIG_FILE } from '../schema/config-schema.js';
import { VERSION } from '../version.js';
import { codeFingerprint } from './code-fingerprint.js';
import { findLogFiles } from './find-log-files.js';
import { limitHeapGrowth } from './limit-heap-growth.js';
import { unpackOutcome } from './pack-outcome.js';
import { ParsePool } from './parse-in-parallel.js';
import type { LogFileOutcome } from './parse-log-file.js';
import type { PackedOutcome, ParseJob } from './parse-packed.js';
import type { YamlDocument } from './parse-yaml.js';
import { parseYaml } from './parse-yaml.js';
import type { FileStamp, InspectedFile, WorkspaceFs } from './read-regular-file.js';
import { RealFolders } from './read-regular-file.js';
import type { SourceText } from './read-source.js';
import { gb18030Problem, inspectSource, readInspectedSource, readSource } from './read-source.js';
import type { CacheKey, CachedLogFile } from './workspace-cache.js';
import { CacheUpdate, cachedOutcome, readWorkspaceCache, textHash, unchangedSince } from './workspace-cache.js';

type SourceLook = Awaited<ReturnType<typeof inspectSource>>;

const READ_CONCURRENCY = 32;
/** Text read and parsed at a time: a province's logs are several hundred megabytes once decoded. */
const READ_ROUND_BYTES = 8 * 1024 * 1024;
const FIRST_READ_ROUND_BYTES = 1024 * 1024;

export interface ReadOptions {
  /** File access; the real file system unless a test passes its own. */
  fs?: WorkspaceFs | undefined;
  /** Told how many of the log files have been read and checked, as they are. */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Use and update the workspace cache (.revitalize-cache/); on by default, off with a test's own `fs`. */
  cache?: boolean | undefined;
  /** The time, for the workspace cache to tell how long ago a file changed; the clock unless a test pins it. */
  now?: (() => number) | undefined;
  /** Stands for the fingerprint of the checking code in the cache's key; for tests only (code-fingerprint.ts). */
  codeFingerprint?: string | undefined;
}

export interface ConfigRead {
  /** Present when the file was read and is YAML. */
  document: YamlDocument | undefined;
  /** Why it could not be read, or its YAML syntax errors. */
  problems: Problem[];
  /** Its text, when it was read. */
  text: string | undefined;
}

/** revitalize.yaml, read and parsed (not yet checked): a missing one is E-CONFIG-MISSING. */
export async function readConfigFile(root: string, maxSizeMB: number, fs: WorkspaceFs | undefined): Promise<ConfigRead> {
  const read = await readSource(root, CONFIG_FILE, maxSizeMB, fs);
  if (!read.ok) {
    const missing = read.problems.some((p) => p.code === 'E-FILE-UNREADABLE' && p.params.detail === 'ENOENT');
    return { document: undefined, problems: missing ? [problem('E-CONFIG-MISSING', wholeFile(CONFIG_FILE))] : read.problems, text: undefined };
  }
  const parsed = parseYaml(read.source.text, CONFIG_FILE);
  return {
    document: parsed.ok ? parsed.document : undefined,
    problems: parsed.ok ? read.problems : [...read.problems, ...parsed.problems],
    text: read.source.text,
  };
}

/** What the logs settings of the config (checked) ask to be read. */
export interface LogsRequest {
  globs: readonly string[];
  /** Where the i-th glob is written in revitalize.yaml. */
  locateGlob: (index: number) => SourceLocation;
  maxSizeMB: number;
  villages: readonly string[] | undefined;
}

export interface LogFilesRead {
  /** What the globs found, before any was read (refused globs, unreadable folders, folders matched). */
  found: { files: string[]; problems: Problem[] };
  /** Log files read, relative to the workspace, in reading order. */
  logFiles: string[];
  /** Why files could not be read, or what reading them found (an encoding), in the files' order. */
  readProblems: Problem[];
  /** Each log file's entries and problems, on its own, in the files' order. */
  outcomes: LogFileOutcome[];
  /** The texts of the files with a problem of their own. */
  texts: Map<string, string>;
  /** Log files parsed this time; the others were unchanged and taken from the workspace cache. */
  parsedFiles: number;
}

/**
 * Every log file the globs find, then parsed and checked on its own: taken
 * from the workspace cache when the file is unchanged, otherwise read and
 * parsed (on all cores for a large workspace). A file reached by two paths
 * (a link to another log) is read once (readOnce).
 *
 * Files are first only looked at (their stamp): one the cache knows as
 * unchanged is not read at all (unchangedSince). The others are read by
 * the thread that parses them (readInWorkers): this one, its hands free,
 * reads back each batch of outcomes as it comes, and keeps only the texts
 * of files with a problem, so a province's logs are never all in memory at
 * once. A caller's own file access (`fs`) can only be used from this
 * thread, which then reads the files itself (readHere).
 */
export async function readLogFiles(root: string, request: LogsRequest, options: ReadOptions): Promise<LogFilesRead> {
  const found = await findLogFiles(root, request.globs, request.locateGlob);
  const files = found.files;
  const { maxSizeMB, villages } = request;
  // A test's own file access is a made-up workspace: nothing of it is worth keeping.
  const useCache = options.cache ?? options.fs === undefined;
  const key: CacheKey | undefined = useCache ? { version: VERSION, code: options.codeFingerprint ?? (await codeFingerprint()), villages } : undefined;
  const cached = key ? await readWorkspaceCache(root, key) : new Map<string, CachedLogFile>();
  const now = options.now ?? Date.now;

  // Bounded (here and in reading), so a workspace of many thousand files does not run out of file handles.
  const realFolders = new RealFolders(options.fs);
  const looks = await mapBounded(files, READ_CONCURRENCY, (file) => inspectSource(root, file, maxSizeMB, options.fs, realFolders));

  let done = 0;
  const progress = (count: number) => {
    done += count;
    options.onProgress?.(done, files.length);
  };
  limitHeapGrowth(looks.reduce((bytes, look) => bytes + (look.ok ? look.inspected.stamp.size : 0), 0));
  // Each file is settled in the cache once: with its record, or without one when it was not read.
  const update = key ? new CacheUpdate(root, key, cached, files) : undefined;
  const keep = readOnce(files, looks, await realpath(root));
  const logFiles: string[] = [];
  const problemsOf: Problem[][] = files.map(() => []);
  const texts = new Map<string, string>();
  const outcomeOf = new Map<string, LogFileOutcome>();
  const shared = new Map<string, string>();
  const toRead: { index: number; inspected: InspectedFile }[] = [];
  let bytesToRead = 0;
  let largestFile = 0;
  looks.forEach((look, i) => {
    const file = files[i]!;
    if (!keep[i]) {
      update?.settle(file, undefined, false);
      progress(1);
      return;
    }
    logFiles.push(file);
    if (!look.ok) {
      problemsOf[i] = look.problems;
      update?.settle(file, undefined, false);
      progress(1);
      return;
    }
    const hit = cached.get(file);
    const outcome = key && hit && unchangedSince(hit, look.inspected.stamp) ? cachedOutcome(key, file, hit) : undefined;
    if (outcome) {
      update?.settle(file, hit, false);
      outcomeOf.set(file, shareStrings(outcome, shared));
      if (hit!.gb18030) problemsOf[i] = [gb18030Problem(file)];
      progress(1);
      return;
    }
    toRead.push({ index: i, inspected: look.inspected });
    bytesToRead += look.inspected.stamp.size;
    largestFile = Math.max(largestFile, look.inspected.stamp.size);
  });

  let parsedFiles = 0;
  const pool = new ParsePool({ villages, key }, { characters: bytesToRead, largestFile });

  // A file's outcome, parsed this run (a worker's bytes, or this thread's), read back and kept.
  const takeOutcome = (index: number, result: PackedOutcome, read: { stamp: FileStamp; gb18030: boolean; checkedAt: number }) => {
    const file = files[index]!;
    parsedFiles++;
    const outcome = unpackOutcome(result.packed, file, true);
    if (!outcome) throw new Error(`the outcome of parsing ${file} could not be read back`);
    outcomeOf.set(file, shareStrings(outcome, shared));
    // Its own copy: the bytes arrived in one buffer with the rest of their batch.
    const { stamp, gb18030, checkedAt } = read;
    update?.settle(file, { stamp, checkedAt, hash: result.hash!, gb18030, outcome: result.packed.slice(), digest: result.digest! }, true);
    // Only files with problems need their text (for excerpts); a province's clean text would be hundreds of megabytes.
    if (outcome.problems.length === 0 && problemsOf[index]!.length === 0) texts.delete(file);
  };

  // A file changed on disk (or too recently to go by), but not in its text: its cached outcome, kept under its new stamp.
  const serveUnchangedText = (index: number, hit: CachedLogFile, hash: string, stamp: FileStamp, checkedAt: number): boolean => {
    const file = files[index]!;
    const outcome = cachedOutcome(key!, file, hit, hash);
    if (!outcome) return false;
    update?.settle(file, { ...hit, stamp, checkedAt }, true);
    outcomeOf.set(file, shareStrings(outcome, shared));
    return true;
  };

  try {
    if (options.fs === undefined) await readInWorkers();
    else await readHere(options.fs);
  } finally {
    await pool.close();
  }

  /**
   * The real file system: the workers read the files they parse
   * (parse-packed.ts), all handed out at once, since this thread holds none
   * of the texts. Reading here cost a county's run some 200 ms of this
   * thread's time, with both cores busy; read synchronously in a worker it
   * costs a quarter of that.
   */
  async function readInWorkers() {
    const jobOf = ({ index, inspected }: (typeof toRead)[number], useCache: boolean): ParseJob => {
      const hit = useCache ? cached.get(files[index]!) : undefined;
      return { file: files[index]!, read: { root, inspected, maxSizeMB, cached: hit && { hash: hit.hash, gb18030: hit.gb18030 } } };
    };
    // Files whose cached outcome turned out unusable after all (a shard forged with a matching digest): parsed again, without the cache.
    const again: (typeof toRead)[number][] = [];
    const take = (batch: readonly (typeof toRead)[number][], checkedAt: number) => (first: number, parsed: readonly PackedOutcome[]) => {
      parsed.forEach((result, j) => {
        const item = batch[first + j]!;
        const { index } = item;
        const file = files[index]!;
        const read = result.read!;
        problemsOf[index] = read.problems;
        if (read.stamp === undefined) update?.settle(file, undefined, false);
        else if (!read.cachedText) {
          if (read.text !== undefined) texts.set(file, read.text);
          takeOutcome(index, result, { stamp: read.stamp, gb18030: read.gb18030!, checkedAt });
        } else if (!serveUnchangedText(index, cached.get(file)!, result.hash!, read.stamp, checkedAt)) again.push(item);
      });
    };
    const checkedAt = now();
    await pool.parse(
      toRead.map((item) => jobOf(item, true)),
      progress,
      take(toRead, checkedAt),
    );
    if (again.length > 0) {
      const checkedAgainAt = now();
      await pool.parse(
        again.map((item) => jobOf(item, false)),
        () => undefined,
        take(again, checkedAgainAt),
      );
    }
  }

  /**
   * A caller's own file access (a test's, failing on purpose): read here,
   * in rounds of bounded text (READ_ROUND_BYTES), while the workers parse
   * the round before.
   */
  async function readHere(fs: WorkspaceFs) {
    const rounds = [...readRounds(toRead)];
    // A round's files read (in the background, while the workers parse the round before).
    const startReading = (round: (typeof rounds)[number]) => {
      const checkedAt = now();
      const reading = mapBounded(round, READ_CONCURRENCY, ({ index, inspected }) => readInspectedSource(root, files[index]!, inspected, maxSizeMB, fs));
      return handled(reading.then((reads) => ({ round, reads, checkedAt })));
    };

    // A round's texts: each served from the cache when its text is unchanged, or else a job for the workers.
    const takeReads = ({ round, reads, checkedAt }: Awaited<ReturnType<typeof startReading>>) => {
      const jobs: ParseJob[] = [];
      const sources: { source: SourceText; index: number }[] = [];
      reads.forEach((read, r) => {
        const index = round[r]!.index;
        problemsOf[index] = read.problems;
        if (!read.ok) {
          update?.settle(files[index]!, undefined, false);
          progress(1);
          return;
        }
        const source = read.source;
        texts.set(source.file, source.text);
        const hit = cached.get(source.file);
        if (key && hit && hit.gb18030 === source.gb18030 && serveUnchangedText(index, hit, textHash(source.text), source.stamp, checkedAt)) {
          progress(1);
          return;
        }
        jobs.push({ file: source.file, text: source.text, gb18030: source.gb18030 });
        sources.push({ source, index });
      });
      return { jobs, sources, checkedAt };
    };

    // A pipeline: while the workers parse a round, the next is read, and each batch the workers
    // answer is read back here (between handing them their next batches).
    let reading = rounds.length > 0 ? startReading(rounds[0]!) : undefined;
    let parsing: Promise<unknown> | undefined;
    for (let r = 0; r < rounds.length; r++) {
      const taken = takeReads(await reading!);
      // One round in the workers at a time.
      if (parsing !== undefined) await parsing;
      const take = (first: number, parsed: readonly PackedOutcome[]) =>
        parsed.forEach((result, j) => {
          const { source, index } = taken.sources[first + j]!;
          takeOutcome(index, result, { stamp: source.stamp, gb18030: source.gb18030, checkedAt: taken.checkedAt });
        });
      parsing = handled(pool.parse(taken.jobs, progress, take));
      reading = r + 1 < rounds.length ? startReading(rounds[r + 1]!) : undefined;
    }
    if (parsing !== undefined) await parsing;
  }

  // Shards are written as their folders' files are settled; what is left is written now.
  await update?.finish();
  const outcomes = logFiles.flatMap((file) => {
    const outcome = outcomeOf.get(file);
    return outcome ? [outcome] : [];
  });
  const readProblems = problemsOf.flat();
  return { found, logFiles, readProblems, outcomes, texts, parsedFiles };
}

/**
 * Each item through `each`, at most `bound` at a time, the results in the
 * items' order: a few loops each taking the next item, rather than a
 * limiter's promise around every call, which cost the look at every file
 * of a rerun more than the lstat itself.
 */
async function mapBounded<T, R>(items: readonly T[], bound: number, each: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await each(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(bound, items.length) }, worker));
  return results;
}

/** The promise, marked as handled: a round's rejection waits, unreported, for its turn to be awaited. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/**
 * The files to read in rounds, in order: the first of FIRST_READ_ROUND_BYTES,
 * each next one twice as large, up to READ_ROUND_BYTES. The workers wait
 * for the first round to be read; a small one sets them going sooner.
 */
function* readRounds<T extends { inspected: InspectedFile }>(toRead: readonly T[]): Generator<T[]> {
  let round: T[] = [];
  let bytes = 0;
  let roundBytes = FIRST_READ_ROUND_BYTES;
  for (const item of toRead) {
    if (round.length > 0 && bytes + item.inspected.stamp.size > roundBytes) {
      yield round;
      round = [];
      bytes = 0;
      roundBytes = Math.min(roundBytes * 2, READ_ROUND_BYTES);
    }
    round.push(item);
    bytes += item.inspected.stamp.size;
  }
  if (round.length > 0) yield round;
}

/** The texts of files read again for their excerpts: those found wanting only by the checks across files. */
export async function readTexts(root: string, files: Iterable<string>, maxSizeMB: number, fs: WorkspaceFs | undefined): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const file of files) {
    const again = await readSource(root, file, maxSizeMB, fs);
    if (again.ok) texts.set(file, again.source.text);
  }
  return texts;
}

/**
 * Which reads to keep when several reach the same real file: the one under
 * the file's own path rather than a link's, or else the first. Reads that
 * failed are all kept: each has its problem.
 */
function readOnce(files: readonly string[], looks: readonly SourceLook[], realRoot: string): boolean[] {
  const chosen = new Map<string, number>();
  looks.forEach((look, i) => {
    if (!look.ok) return;
    // Only one path is the file's own, so it wins over every link to it.
    const own = look.inspected.realPath === path.join(realRoot, files[i]!);
    if (own || !chosen.has(look.inspected.realPath)) chosen.set(look.inspected.realPath, i);
  });
  return looks.map((look, i) => !look.ok || chosen.get(look.inspected.realPath) === i);
}

/** Short values repeat across entries: a village's name, a kind, a date, a topic. */
const SHARED_STRING_LENGTH = 24;

/**
 * Outcomes read back from bytes (a worker's, the cache's) carry their own
 * copy of many strings: the pillar and kind of each entry, a topic, a
 * suggestion's text. For a province's million entries that is a great deal
 * of the same few thousand strings; pointing equal short strings at one
 * copy gives it back. The outcome is this function's own: nothing else
 * holds it yet. (Skipping the shortest strings, which V8's JSON.parse on
 * Node 20 already gives as one copy, saved a county's rerun some 30 ms but
 * cost a province's report on Node 24 160 MB of heap: its JSON.parse does
 * not.)
 */
function shareStrings(outcome: LogFileOutcome, shared: Map<string, string>): LogFileOutcome {
  for (const entry of outcome.entries) {
    const fields = entry as unknown as Record<string, unknown>;
    for (const key in fields) {
      const value = fields[key];
      if (typeof value !== 'string' || value.length > SHARED_STRING_LENGTH) continue;
      const copy = shared.get(value);
      if (copy === undefined) shared.set(value, value);
      else fields[key] = copy;
    }
  }
  return outcome;
}
