/**
 * Outputs never land on inputs. A report written where `report` reads
 * would overwrite the config, a log or a month's notes (a Markdown report
 * named 2023-04.md in notes/ would), or put a file where the log globs
 * would read it back as a log next time. Every comparison is by real path
 * (realTarget), so that no link makes a way round it: an output folder that
 * is a link into the logs, a workspace reached through a link, a report file
 * that is a link to the config, a logs folder that is a link to elsewhere.
 */
import path from 'node:path';
import { globMatcher } from '../load/glob-syntax.js';
import { NOTES_FOLDER } from '../notes/notes-file.js';
import { CONFIG_FILE } from '../schema/config-schema.js';
import { realTarget } from './real-target.js';

export interface WorkspaceInputs {
  root: string;
  /** The log globs in force, relative to the workspace. */
  logGlobs: readonly string[];
  /** The log files read, relative to the workspace. */
  logFiles: readonly string[];
}

/** The targets (as given) that would overwrite one of the workspace's inputs or be read back as a log. */
export async function targetsOverwritingInputs(targets: Iterable<string>, { root, logGlobs, logFiles }: WorkspaceInputs): Promise<string[]> {
  const realRoot = await realTarget(root);
  const read = new Set(await Promise.all([CONFIG_FILE, ...logFiles].map((file) => realTarget(path.join(root, file)))));
  const notesFolder = await realTarget(path.join(root, NOTES_FOLDER));
  // Each folder logs were read from, by its real path: a file put there is read as the glob sees it.
  const logFolders = new Map<string, string>();
  for (const folder of new Set(logFiles.map((file) => path.posix.dirname(file)))) logFolders.set(await realTarget(path.join(root, folder)), folder);
  const isLog = globMatcher(logGlobs);

  const refused: string[] = [];
  for (const target of targets) {
    const real = await realTarget(target);
    const folder = path.dirname(real);
    const names: string[] = [];
    const relative = path.relative(realRoot, real);
    if (!relative.startsWith('..') && !path.isAbsolute(relative)) names.push(relative.split(path.sep).join('/'));
    const logFolder = logFolders.get(folder);
    if (logFolder !== undefined) names.push(path.posix.join(logFolder, path.basename(real)));
    const notes = folder === notesFolder && /\.md$/i.test(real);
    if (read.has(real) || notes || names.some((name) => name === CONFIG_FILE || isLog(name))) refused.push(target);
  }
  return refused;
}

/** The targets (as given) that are, by real path, one of the files read. */
export async function targetsOverwritingFiles(targets: Iterable<string>, inputs: readonly string[]): Promise<string[]> {
  const read = new Set(await Promise.all(inputs.map((file) => realTarget(file))));
  const refused: string[] = [];
  for (const target of targets) if (read.has(await realTarget(target))) refused.push(target);
  return refused;
}
