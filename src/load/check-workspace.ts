/**
 * The checking half of the load stage, pure: what the config's settings
 * are (the usable ones even when others are wrong), and, once the logs are
 * read, the rules across files (dates after today, suggestions numbered
 * once across the workspace), with every problem found on the way, in
 * order of file and position. Nothing here reads a file; reading is
 * read-workspace.ts.
 */
import type { Locale } from '../i18n/locale.js';
import type { Problem, SourceLocation } from '../problems/problem.js';
import { hasErrors, problem, sortProblems, wholeFile } from '../problems/problem.js';
import type { Config } from '../schema/config-schema.js';
import { CONFIG_FILE, DEFAULT_LOG_GLOBS, DEFAULT_MAX_FILE_SIZE_MB } from '../schema/config-schema.js';
import type { Entry } from '../schema/log-schema.js';
import type { RefusedSuggestion, SuggestionRecord } from '../validate/check-suggestions.js';
import { checkSuggestions } from '../validate/check-suggestions.js';
import { validateConfig } from '../validate/validate-config.js';
import { futureDates } from '../validate/validate-log-file.js';
import type { YamlDocument } from './parse-yaml.js';
import type { ConfigRead, LogFilesRead, LogsRequest } from './read-workspace.js';

export interface ConfigCheck {
  /** Present when revitalize.yaml is valid. */
  config: Config | undefined;
  locale: Locale;
  /** What to read as logs, from the config's usable settings or the defaults. */
  logs: LogsRequest;
  problems: Problem[];
}

/** revitalize.yaml's settings and problems; a config that could not be read gives the defaults. */
export function checkConfig(document: YamlDocument | undefined): ConfigCheck {
  const result = document ? validateConfig(document) : undefined;
  const usable = result?.usable ?? {};
  const locateGlob = (index: number): SourceLocation =>
    document?.locate(typeof usable.logs === 'string' ? ['logs'] : ['logs', index]) ?? wholeFile(CONFIG_FILE);
  return {
    config: result?.config,
    locale: result?.locale ?? 'zh-CN',
    logs: {
      globs: usable.logs === undefined ? DEFAULT_LOG_GLOBS : [usable.logs].flat(),
      locateGlob,
      maxSizeMB: usable.maxFileSizeMB ?? DEFAULT_MAX_FILE_SIZE_MB,
      villages: usable.villages,
    },
    problems: result?.problems ?? [],
  };
}

export interface WorkspaceCheck {
  entries: Entry[];
  suggestions: SuggestionRecord[];
  /** Every problem of the load stage, sorted by file and position. */
  problems: Problem[];
}

/** The workspace as read, checked across its files. `today` (YYYY-MM-DD): entries dated later are warned about. */
export function checkWorkspace(configRead: ConfigRead, configCheck: ConfigCheck, logs: LogFilesRead, today: string | undefined): WorkspaceCheck {
  const problems: Problem[] = [];
  const add = (found: readonly Problem[]) => {
    for (const each of found) problems.push(each);
  };
  add(configRead.problems);
  add(configCheck.problems);
  add(logs.found.problems);
  // A glob refused (outside the workspace, too complex) already says why nothing was found.
  if (logs.found.files.length === 0 && !hasErrors(logs.found.problems))
    add([problem('W-NO-LOG-FILES', wholeFile(CONFIG_FILE), { patterns: configCheck.logs.globs })]);
  add(logs.readProblems);

  // One at a time, not `push(...items)`: that overflows the stack past about 100,000 items.
  const entries: Entry[] = [];
  const refusedSuggestions: RefusedSuggestion[] = [];
  for (const outcome of logs.outcomes) {
    for (const entry of outcome.entries) entries.push(entry);
    add(outcome.problems);
    for (const refused of outcome.refusedSuggestions) refusedSuggestions.push(refused);
  }
  if (today) add(futureDates(entries, today));
  const ledger = checkSuggestions(entries, refusedSuggestions);
  add(ledger.problems);
  return { entries, suggestions: ledger.ledger, problems: sortProblems(problems) };
}
