/**
 * The load stage: reads revitalize.yaml and every log file, and runs the
 * pure checks over them. What comes out is either entries a report can be
 * built from, or the full list of problems (all at once, not the first).
 */
import { access, constants, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import type { Locale } from '../i18n/locale.js';
import { DEFAULT_LOCALE } from '../i18n/locale.js';
import type { Problem, SourceLocation } from '../problems/problem.js';
import { hasErrors, problem, sortProblems, wholeFile } from '../problems/problem.js';
import type { Config } from '../schema/config-schema.js';
import { CONFIG_FILE, DEFAULT_LOG_GLOBS, DEFAULT_MAX_FILE_SIZE_MB } from '../schema/config-schema.js';
import type { Entry } from '../schema/log-schema.js';
import type { RefusedSuggestion, SuggestionRecord } from '../validate/check-suggestions.js';
import { checkSuggestions } from '../validate/check-suggestions.js';
import { validateConfig } from '../validate/validate-config.js';
import { futureDates } from '../validate/validate-log-file.js';
import { VERSION } from '../version.js';
import { findLogFiles } from './find-log-files.js';
import type { ParseJob } from './parse-in-parallel.js';
import { parseInParallel } from './parse-in-parallel.js';
import type { LogFileOutcome } from './parse-log-file.js';
import type { CachedLogFile } from './workspace-cache.js';
import { cacheEntry, cachedOutcome, readWorkspaceCache, textHash, writeWorkspaceCache } from './workspace-cache.js';
import type { YamlDocument } from './parse-yaml.js';
import { parseYaml } from './parse-yaml.js';
import type { WorkspaceFs } from './read-regular-file.js';
import type { ReadOutcome } from './read-source.js';
import { readSource } from './read-source.js';

const READ_CONCURRENCY = 32;

export interface LoadOptions {
  /** Today as YYYY-MM-DD: entries dated later are warned about. */
  today?: string | undefined;
  /** File access; the real file system unless a test passes its own. */
  fs?: WorkspaceFs | undefined;
  /** Told how many of the log files have been read and checked, as they are. */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Use and update the workspace cache (.revitalize-cache/); on by default, off with a test's own `fs`. */
  cache?: boolean | undefined;
}

export interface LoadedWorkspace {
  /** Absolute path of the workspace folder. */
  root: string;
  /** Present when revitalize.yaml is valid. */
  config: Config | undefined;
  locale: Locale;
  /** The log globs in force, relative to the workspace. */
  logGlobs: string[];
  /** Log files read, relative to the workspace, in reading order. */
  logFiles: string[];
  entries: Entry[];
  suggestions: SuggestionRecord[];
  /** Errors and warnings, sorted by file and position. */
  problems: Problem[];
  /** The text of each file that has a problem, for showing excerpts. */
  sources: Map<string, string>;
  /** Log files parsed this time; the others were unchanged and taken from the workspace cache. */
  parsedFiles: number;
}

export class WorkspaceNotFoundError extends Error {
  constructor(readonly root: string) {
    super(`no workspace folder at ${root}`);
  }
}

/** The workspace folder exists but may not be listed or entered (no read or execute permission). */
export class WorkspaceUnreadableError extends Error {
  constructor(
    readonly root: string,
    readonly code: string,
  ) {
    super(`cannot read the workspace folder ${root} (${code})`);
  }
}

export async function loadWorkspace(root: string, options: LoadOptions = {}): Promise<LoadedWorkspace> {
  const folder = await stat(root).catch(() => undefined);
  if (!folder?.isDirectory()) throw new WorkspaceNotFoundError(root);
  await access(root, constants.R_OK | constants.X_OK).catch((error: NodeJS.ErrnoException) => {
    throw new WorkspaceUnreadableError(root, error.code ?? 'EACCES');
  });

  const problems: Problem[] = [];
  const texts = new Map<string, string>();
  const read = (file: string, maxSizeMB: number) => readYamlFile(root, file, maxSizeMB, problems, texts, options.fs);
  const configDocument = await read(CONFIG_FILE, DEFAULT_MAX_FILE_SIZE_MB);
  const configResult = configDocument ? validateConfig(configDocument) : undefined;
  if (configResult) append(problems, configResult.problems);
  const usable = configResult?.usable ?? {};

  const logGlobs = usable.logs === undefined ? DEFAULT_LOG_GLOBS : [usable.logs].flat();
  const locateGlob = (index: number): SourceLocation =>
    configDocument?.locate(typeof usable.logs === 'string' ? ['logs'] : ['logs', index]) ?? wholeFile(CONFIG_FILE);
  const found = await findLogFiles(root, logGlobs, locateGlob);
  append(problems, found.problems);
  // A glob refused (outside the workspace, too complex) already says why nothing was found.
  if (found.files.length === 0 && !hasErrors(found.problems)) problems.push(problem('W-NO-LOG-FILES', wholeFile(CONFIG_FILE), { patterns: logGlobs }));

  const maxSize = usable.maxFileSizeMB ?? DEFAULT_MAX_FILE_SIZE_MB;
  const { logFiles, outcomes, parsedFiles } = await loadLogFiles(root, found.files, maxSize, usable.villages, problems, texts, options);
  const entries: Entry[] = [];
  const refusedSuggestions: RefusedSuggestion[] = [];
  for (const outcome of outcomes) {
    append(entries, outcome.entries);
    append(problems, outcome.problems);
    append(refusedSuggestions, outcome.refusedSuggestions);
  }
  if (options.today) append(problems, futureDates(entries, options.today));
  const ledger = checkSuggestions(entries, refusedSuggestions);
  append(problems, ledger.problems);
  const withProblems = new Set(problems.map((found) => found.file));
  // Texts of clean files were let go while loading; a log found wanting only now is read again for its excerpt.
  const readable = new Set(logFiles);
  for (const file of withProblems) {
    if (texts.has(file) || !readable.has(file)) continue;
    const again = await readSource(root, file, maxSize, options.fs);
    if (again.ok) texts.set(file, again.source.text);
  }

  return {
    root,
    config: configResult?.config,
    locale: configResult?.locale ?? 'zh-CN',
    logGlobs,
    logFiles,
    entries,
    suggestions: ledger.ledger,
    problems: sortProblems(problems),
    sources: new Map([...texts].filter(([file]) => withProblems.has(file))),
    parsedFiles,
  };
}

/** Adds a list to another one item at a time: `push(...items)` overflows the stack past about 100,000 items. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/**
 * Every log file read, then parsed and checked on its own: taken from the
 * workspace cache when the file is unchanged, otherwise parsed (on all
 * cores for a large workspace). A file reached by two paths (a link to
 * another log) is read once (readOnce). Outcomes come back in the files'
 * order.
 */
async function loadLogFiles(
  root: string,
  files: readonly string[],
  maxSizeMB: number,
  villages: readonly string[] | undefined,
  problems: Problem[],
  texts: Map<string, string>,
  options: LoadOptions,
): Promise<{ logFiles: string[]; outcomes: LogFileOutcome[]; parsedFiles: number }> {
  // A test's own file access is a made-up workspace: nothing of it is worth keeping.
  const useCache = options.cache ?? options.fs === undefined;
  const key = { version: VERSION, villages };
  const cached = useCache ? await readWorkspaceCache(root, key) : new Map<string, CachedLogFile>();

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
  const outcomeOf = new Map<string, LogFileOutcome>();
  const jobs: ParseJob[] = [];
  const stamps: Omit<CachedLogFile, 'outcome' | 'digest'>[] = [];
  const readProblems = new Set<string>();
  reads.forEach((read, i) => {
    if (!keep[i]) {
      progress(1);
      return;
    }
    logFiles.push(files[i]!);
    append(problems, read.problems);
    for (const found of read.problems) readProblems.add(found.file);
    if (!read.ok) {
      progress(1);
      return;
    }
    const { file, text, size, mtimeMs } = read.source;
    texts.set(file, text);
    const hash = textHash(text);
    const hit = cached.get(file);
    const outcome = hit && hit.size === size && hit.mtimeMs === mtimeMs ? cachedOutcome(key, file, hit, hash) : undefined;
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
    if (useCache) kept.set(job.file, cacheEntry(key, job.file, stamps[i]!, parsed[i]!));
  });
  // Only files with problems need their text (for excerpts); a province's clean text would be hundreds of megabytes.
  for (const [file, outcome] of outcomeOf) if (outcome.problems.length === 0 && !readProblems.has(file)) texts.delete(file);
  if (useCache) {
    // Files parsed this time, and files the cache knew that are gone or unusable: their shards are rewritten.
    const changed = new Set([...jobs.map((job) => job.file), ...[...cached.keys()].filter((file) => !kept.has(file))]);
    if (changed.size > 0) await writeWorkspaceCache(root, key, kept, changed);
  }
  const shared = new Map<string, string>();
  const outcomes = logFiles.flatMap((file) => {
    const outcome = outcomeOf.get(file);
    return outcome ? [shareStrings(outcome, file, shared)] : [];
  });
  return { logFiles, outcomes, parsedFiles: jobs.length };
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
 * equal short strings at one copy gives it back.
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

/** The workspace's language, read from its config alone (zh-CN when it says none or cannot be read). */
export async function readWorkspaceLocale(root: string): Promise<Locale> {
  const document = await readYamlFile(root, CONFIG_FILE, DEFAULT_MAX_FILE_SIZE_MB, [], new Map(), undefined);
  return document ? validateConfig(document).locale : DEFAULT_LOCALE;
}

async function readYamlFile(
  root: string,
  file: string,
  maxSizeMB: number,
  problems: Problem[],
  texts: Map<string, string>,
  fs: WorkspaceFs | undefined,
): Promise<YamlDocument | undefined> {
  const read = await readSource(root, file, maxSizeMB, fs);
  if (!read.ok) {
    const missingConfig = file === CONFIG_FILE && read.problems.some((p) => p.code === 'E-FILE-UNREADABLE' && p.params.detail === 'ENOENT');
    append(problems, missingConfig ? [problem('E-CONFIG-MISSING', wholeFile(CONFIG_FILE))] : read.problems);
    return undefined;
  }
  append(problems, read.problems);
  texts.set(file, read.source.text);
  const parsed = parseYaml(read.source.text, file);
  if (!parsed.ok) {
    append(problems, parsed.problems);
    return undefined;
  }
  return parsed.document;
}
