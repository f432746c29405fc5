/**
 * The log files of a workspace: the files its `logs` globs match, relative
 * and sorted, each once however many globs match it, and never the
 * config. A glob that would leave the workspace or cost too much is
 * refused where it is written in revitalize.yaml (check-glob.ts); a folder
 * matched by a glob that names it outright (`logs: 台账`), or named like a
 * log (`x.yaml/`), is a warning: its files are not read unless a glob
 * reaches into it; a folder that cannot be listed is an error at it.
 */
import type { Problem, SourceLocation } from '../problems/problem.js';
import { problem, wholeFile } from '../problems/problem.js';
import { CONFIG_FILE } from '../schema/config-schema.js';
import { checkLogGlob } from './check-glob.js';
import { findWorkspaceFiles } from './find-workspace-files.js';
import { isLiteralGlob, normalizeGlob } from './glob-syntax.js';

/** `locateGlob(i)`: where the i-th glob is written in revitalize.yaml. */
export async function findLogFiles(
  root: string,
  patterns: readonly string[],
  locateGlob: (index: number) => SourceLocation,
): Promise<{ files: string[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const searched: string[] = [];
  patterns.forEach((pattern, i) => {
    const refused = checkLogGlob(pattern);
    if (refused) problems.push(problem(refused.code, locateGlob(i), refused.params));
    else searched.push(pattern);
  });
  if (searched.length === 0) return { files: [], problems };

  const found = await findWorkspaceFiles(root, searched, { ignore: [CONFIG_FILE] });
  for (const { folder, code } of found.unreadableFolders) problems.push(problem('E-FILE-UNREADABLE', wholeFile(folder), { detail: code, folder: 'yes' }));
  const literal = new Set(searched.filter(isLiteralGlob).map(normalizeGlob));
  const files: string[] = [];
  for (const match of found.matches) {
    if (!match.endsWith('/')) {
      files.push(match);
      continue;
    }
    const folder = match.slice(0, -1);
    if (literal.has(folder) || /\.ya?ml$/i.test(folder)) problems.push(problem('W-GLOB-MATCHED-FOLDER', wholeFile(folder), { folder }));
  }
  return { files: [...new Set(files)].sort(), problems };
}
