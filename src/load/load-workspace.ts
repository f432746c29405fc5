/**
 * The load stage: reads revitalize.yaml and every log file, and runs the
 * pure checks over them. What comes out is either entries a report can be
 * built from, or the full list of problems (all at once, not the first).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import type { Locale } from '../i18n/locale.js';
import type { Problem } from '../problems/problem.js';
import { problem, sortProblems, wholeFile } from '../problems/problem.js';
import type { Config } from '../schema/config-schema.js';
import { CONFIG_FILE, DEFAULT_LOG_GLOBS } from '../schema/config-schema.js';
import type { Entry } from '../schema/log-schema.js';
import type { SuggestionRecord } from '../validate/check-suggestions.js';
import { checkSuggestions } from '../validate/check-suggestions.js';
import { validateConfig } from '../validate/validate-config.js';
import type { VillageRoster } from '../validate/validate-log-file.js';
import { validateLogFile } from '../validate/validate-log-file.js';
import { decodeText } from './decode-text.js';
import { parseYaml } from './parse-yaml.js';
import type { YamlDocument } from './parse-yaml.js';

export interface LoadedWorkspace {
  /** Absolute path of the workspace folder. */
  root: string;
  /** Present when revitalize.yaml is valid. */
  config: Config | undefined;
  locale: Locale;
  /** Log files read, relative to the workspace, in reading order. */
  logFiles: string[];
  entries: Entry[];
  suggestions: SuggestionRecord[];
  /** Errors and warnings, sorted by file and position. */
  problems: Problem[];
}

export class WorkspaceNotFoundError extends Error {
  constructor(readonly root: string) {
    super(`no workspace folder at ${root}`);
  }
}

export async function loadWorkspace(root: string): Promise<LoadedWorkspace> {
  const folder = await stat(root).catch(() => undefined);
  if (!folder?.isDirectory()) throw new WorkspaceNotFoundError(root);

  const problems: Problem[] = [];
  const configDocument = await readYamlFile(root, CONFIG_FILE, problems, 'E-CONFIG-MISSING');
  const configResult = configDocument ? validateConfig(configDocument) : undefined;
  if (configResult) problems.push(...configResult.problems);
  const usable = configResult?.usable ?? {};

  const patterns = usable.logs === undefined ? DEFAULT_LOG_GLOBS : [usable.logs].flat();
  const logFiles = await findLogFiles(root, patterns);
  if (logFiles.length === 0) problems.push(problem('W-NO-LOG-FILES', wholeFile(CONFIG_FILE), { patterns }));

  const roster = usable.villages ? villageRoster(usable.villages) : undefined;
  const entries: Entry[] = [];
  const documents = await Promise.all(logFiles.map((file) => readYamlFile(root, file, problems)));
  for (const document of documents) {
    if (!document) continue;
    const result = validateLogFile(document, roster);
    entries.push(...result.entries);
    problems.push(...result.problems);
  }
  const ledger = checkSuggestions(entries);
  problems.push(...ledger.problems);

  return {
    root,
    config: configResult?.config,
    locale: configResult?.locale ?? 'zh-CN',
    logFiles,
    entries,
    suggestions: ledger.ledger,
    problems: sortProblems(problems),
  };
}

/** Files matching the config's globs, relative and sorted, the config itself excluded. */
async function findLogFiles(root: string, patterns: readonly string[]): Promise<string[]> {
  const found = await glob([...patterns], {
    cwd: root,
    onlyFiles: true,
    expandDirectories: false,
    ignore: [CONFIG_FILE],
  });
  return [...new Set(found.map((file) => file.split(path.sep).join('/')))].sort();
}

async function readYamlFile(
  root: string,
  file: string,
  problems: Problem[],
  missingCode: 'E-CONFIG-MISSING' | 'E-FILE-UNREADABLE' = 'E-FILE-UNREADABLE',
): Promise<YamlDocument | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path.join(root, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    problems.push(
      code === 'ENOENT' ? problem(missingCode, wholeFile(file), { detail: code }) : problem('E-FILE-UNREADABLE', wholeFile(file), { detail: code }),
    );
    return undefined;
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    problems.push(problem('E-FILE-ENCODING', wholeFile(file)));
    return undefined;
  }
  const parsed = parseYaml(decoded.text, file);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return undefined;
  }
  return parsed.document;
}

function villageRoster(names: readonly string[]): VillageRoster {
  const set = new Set(names);
  return { names, has: (name) => set.has(name) };
}
