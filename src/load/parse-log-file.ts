/**
 * One log file's text → its entries and problems: parsed, then checked on
 * its own (cross-file rules come later). The unit of work that runs in a
 * worker thread, and whose result the workspace cache keeps.
 */
import type { Problem } from '../problems/problem.js';
import type { Entry } from '../schema/log-schema.js';
import type { RefusedSuggestion } from '../validate/check-suggestions.js';
import { validateLogFile, villageRoster } from '../validate/validate-log-file.js';
import { parseYaml } from './parse-yaml.js';

export interface LogFileOutcome {
  entries: Entry[];
  problems: Problem[];
  /** Suggestions refused here whose ids still count across files (check-suggestions.ts). */
  refusedSuggestions: RefusedSuggestion[];
}

/** `villages`: the config's list, when it has one. */
export function parseLogFile(file: string, text: string, villages: readonly string[] | undefined): LogFileOutcome {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return { entries: [], problems: parsed.problems, refusedSuggestions: [] };
  return validateLogFile(parsed.document, { roster: villages ? villageRoster(villages) : undefined });
}
