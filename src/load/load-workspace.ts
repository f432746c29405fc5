/**
 * The load stage: reads revitalize.yaml and every log file
 * (read-workspace.ts, all the I/O), and runs the pure checks over them
 * (check-workspace.ts). What comes out is either entries a report can be
 * built from, or the full list of problems (all at once, not the first).
 */
import { access, constants, stat } from 'node:fs/promises';
import type { Locale } from '../i18n/locale.js';
import { DEFAULT_LOCALE } from '../i18n/locale.js';
import type { Problem } from '../problems/problem.js';
import type { Config } from '../schema/config-schema.js';
import { CONFIG_FILE, DEFAULT_MAX_FILE_SIZE_MB } from '../schema/config-schema.js';
import type { Entry } from '../schema/log-schema.js';
import type { SuggestionRecord } from '../validate/check-suggestions.js';
import { checkConfig, checkWorkspace } from './check-workspace.js';
import type { ReadOptions } from './read-workspace.js';
import { readConfigFile, readLogFiles, readTexts } from './read-workspace.js';

export interface LoadOptions extends ReadOptions {
  /** Today as YYYY-MM-DD: entries dated later are warned about. */
  today?: string | undefined;
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

  const configRead = await readConfigFile(root, DEFAULT_MAX_FILE_SIZE_MB, options.fs);
  const configCheck = checkConfig(configRead.document);
  const logs = await readLogFiles(root, configCheck.logs, options);
  const checked = checkWorkspace(configRead, configCheck, logs, options.today);

  // Texts of clean files were let go while reading; a log found wanting only by the checks across files is read again for its excerpt.
  const withProblems = new Set(checked.problems.map((found) => found.file));
  const texts = new Map(configRead.text === undefined ? [] : [[CONFIG_FILE, configRead.text]]);
  for (const [file, text] of logs.texts) texts.set(file, text);
  const readable = new Set(logs.logFiles);
  const unread = [...withProblems].filter((file) => !texts.has(file) && readable.has(file));
  for (const [file, text] of await readTexts(root, unread, configCheck.logs.maxSizeMB, options.fs)) texts.set(file, text);

  return {
    root,
    config: configCheck.config,
    locale: configCheck.locale,
    logGlobs: [...configCheck.logs.globs],
    logFiles: logs.logFiles,
    entries: checked.entries,
    suggestions: checked.suggestions,
    problems: checked.problems,
    sources: new Map([...texts].filter(([file]) => withProblems.has(file))),
    parsedFiles: logs.parsedFiles,
  };
}

/** The workspace's language, read from its config alone (zh-CN when it says none or cannot be read). */
export async function readWorkspaceLocale(root: string): Promise<Locale> {
  const { document } = await readConfigFile(root, DEFAULT_MAX_FILE_SIZE_MB, undefined);
  return document ? checkConfig(document).locale : DEFAULT_LOCALE;
}
