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
import pLimit from 'p-limit';
import type { Problem, SourceLocation } from '../problems/problem.js';
import { problem, wholeFile } from '../problems/problem.js';
import { CONFIG_FILE } from '../schema/config-schema.js';
import { VERSION } from '../version.js';
import { codeFingerprint } from './code-fingerprint.js';
import { findLogFiles } from './find-log-files.js';
import type { ParseJob } from './parse-in-parallel.js';
import { parseInParallel } from './parse-in-parallel.js';
import type { LogFileOutcome } from './parse-log-file.js';
import type { YamlDocument } from './parse-yaml.js';
import { parseYaml } from './parse-yaml.js';
import type { WorkspaceFs } from './read-regular-file.js';
import type { ReadOutcome } from './read-source.js';
import { readSource } from './read-source.js';
import type { CacheKey, CachedLogFile } from './workspace-cache.js';
import { cacheEntry, cachedOutcome, readWorkspaceCache, textHash, writeWorkspaceCache } from './workspace-cache.js';

const READ_CONCURRENCY = 32;

export interface ReadOptions {
  /** File access; the real file system unless a test passes its own. */
  fs?: WorkspaceFs | undefined;
  /** Told how many of the log files have been read and checked, as they are. */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Use and update the workspace cache (.revitalize-cache/); on by default, off with a test's own `fs`. */
  cache?: boolean | undefined;
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
 * Every log file the globs find, read, then parsed and checked on its own:
 * taken from the workspace cache when the file is unchanged, otherwise
 * parsed (on all cores for a large workspace). A file reached by two paths
 * (a link to another log) is read once (readOnce).
 */
export async function readLogFiles(root: string, request: LogsRequest, options: ReadOptions): Promise<LogFilesRead> {
  const found = await findLogFiles(root, request.globs, request.locateGlob);
  const files = found.files;
  const { maxSizeMB, villages } = request;
  // A test's own file access is a made-up workspace: nothing of it is worth keeping.
  const useCache = options.cache ?? options.fs === undefined;
  const key: CacheKey | undefined = useCache ? { version: VERSION, code: options.codeFingerprint ?? (await codeFingerprint()), villages } : undefined;
  const cached = key ? await readWorkspaceCache(root, key) : new Map<string, CachedLogFile>();

  // Bounded, so a workspace of many thousand files does not run out of file handles.
  const limit = pLimit(READ_CONCURRENCY);
  const reads = await Promise.all(files.map((file) => limit(() => readSource(root, file, maxSizeMB, options.fs))));

  let done = 0;
  const progress = (count: number) => {
    done += count;
    options.onProgress?.(done, files.length);
  };
  const kept = new Map<string, CachedLogFile>();
  const keep = readOnce(files, reads, await realpath(root));
  const logFiles: string[] = [];
  const readProblems: Problem[] = [];
  const texts = new Map<string, string>();
  const outcomeOf = new Map<string, LogFileOutcome>();
  const jobs: ParseJob[] = [];
  const stamps: Omit<CachedLogFile, 'outcome' | 'digest'>[] = [];
  const withReadProblems = new Set<string>();
  reads.forEach((read, i) => {
    if (!keep[i]) {
      progress(1);
      return;
    }
    logFiles.push(files[i]!);
    for (const found of read.problems) {
      readProblems.push(found);
      withReadProblems.add(found.file);
    }
    if (!read.ok) {
      progress(1);
      return;
    }
    const { file, text, size, mtimeMs } = read.source;
    texts.set(file, text);
    const hash = textHash(text);
    const hit = cached.get(file);
    const outcome = key && hit && hit.size === size && hit.mtimeMs === mtimeMs ? cachedOutcome(key, file, hit, hash) : undefined;
    if (outcome) {
      kept.set(file, hit!);
      outcomeOf.set(file, outcome);
      progress(1);
    } else {
      jobs.push({ file, text });
      stamps.push({ size, mtimeMs, hash });
    }
  });
  const parsed = await parseInParallel(jobs, villages, progress);
  jobs.forEach((job, i) => {
    outcomeOf.set(job.file, parsed[i]!);
    if (key) kept.set(job.file, cacheEntry(key, job.file, stamps[i]!, parsed[i]!));
  });
  // Only files with problems need their text (for excerpts); a province's clean text would be hundreds of megabytes.
  for (const [file, outcome] of outcomeOf) if (outcome.problems.length === 0 && !withReadProblems.has(file)) texts.delete(file);
  if (key) {
    // Files parsed this time, and files the cache knew that are gone or unusable: their shards are rewritten.
    const changed = new Set([...jobs.map((job) => job.file), ...[...cached.keys()].filter((file) => !kept.has(file))]);
    if (changed.size > 0) await writeWorkspaceCache(root, key, kept, changed);
  }
  const shared = new Map<string, string>();
  const outcomes = logFiles.flatMap((file) => {
    const outcome = outcomeOf.get(file);
    return outcome ? [shareStrings(outcome, file, shared)] : [];
  });
  return { found, logFiles, readProblems, outcomes, texts, parsedFiles: jobs.length };
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
function readOnce(files: readonly string[], reads: readonly ReadOutcome[], realRoot: string): boolean[] {
  const chosen = new Map<string, number>();
  reads.forEach((read, i) => {
    if (!read.ok) return;
    // Only one path is the file's own, so it wins over every link to it.
    const own = read.source.realPath === path.join(realRoot, files[i]!);
    if (own || !chosen.has(read.source.realPath)) chosen.set(read.source.realPath, i);
  });
  return reads.map((read, i) => !read.ok || chosen.get(read.source.realPath) === i);
}

/** Short values repeat across entries: a village's name, a kind, a date, a topic. */
const SHARED_STRING_LENGTH = 24;

/**
 * Outcomes that crossed from a worker thread or out of the cache carry their
 * own copy of every string: the file's name in each location, the village,
 * kind, pillar and date of each entry. For a province's million entries that
 * is several hundred megabytes of the same few thousand strings; pointing
 * equal short strings at one copy gives it back. The outcome is this
 * function's own: nothing else holds it yet.
 */
function shareStrings(outcome: LogFileOutcome, file: string, shared: Map<string, string>): LogFileOutcome {
  for (const entry of outcome.entries) {
    const fields = entry as unknown as Record<string, unknown>;
    for (const key in fields) {
      const value = fields[key];
      if (typeof value !== 'string' || value.length > SHARED_STRING_LENGTH) continue;
      const copy = shared.get(value);
      if (copy === undefined) shared.set(value, value);
      else fields[key] = copy;
    }
    entry.at.file = file;
    for (const at of Object.values(entry.fieldAt ?? {})) at.file = file;
  }
  for (const found of outcome.problems) found.file = file;
  for (const refused of outcome.refusedSuggestions) {
    for (const at of [refused.at, ...Object.values(refused.fieldAt)]) at.file = file;
  }
  return outcome;
}
