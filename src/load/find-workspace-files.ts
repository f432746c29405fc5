/**
 * Files of the workspace matching globs (fast-glob), searched so that the
 * search itself stays in the workspace and ends:
 *
 * - a folder that cannot be listed (no permission) is reported, located at
 *   the folder, and the search goes on around it;
 * - a link to a folder is followed only when the folder is in the
 *   workspace and is not one the search is already inside (a link to `..`
 *   would otherwise be walked forty levels deep, every file found again at
 *   each); a link not followed is left for the reader, which says why.
 *
 * Globs are checked before they get here (check-glob.ts).
 */
import * as fs from 'node:fs';
import path from 'node:path';
import fastGlob from 'fast-glob';
import { isInside } from './read-regular-file.js';

export interface FoundFiles {
  /** Matches, relative with forward slashes; folders end in `/`. */
  matches: string[];
  /** Folders that could not be listed, relative, with the system's reason. */
  unreadableFolders: { folder: string; code: string }[];
}

type Callback<T> = (error: NodeJS.ErrnoException | null, value: T) => void;

export async function findWorkspaceFiles(
  root: string,
  patterns: readonly string[],
  options: { ignore?: readonly string[]; caseSensitiveMatch?: boolean; onlyFiles?: boolean } = {},
): Promise<FoundFiles> {
  const realRoot = await fs.promises.realpath(root);
  const unreadable = new Map<string, string>();
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/') || '.';

  const readdir = (folder: string, ...rest: unknown[]) => {
    const callback = rest.pop() as Callback<unknown[]>;
    const listed: Callback<unknown[]> = (error, entries) => {
      if (error && error.code !== 'ENOENT' && error.code !== 'ENOTDIR') {
        unreadable.set(relative(folder), error.code ?? 'EIO');
        return callback(null, []);
      }
      callback(error, entries);
    };
    if (rest.length > 0) fs.readdir(folder, rest[0] as { withFileTypes: true }, listed as Callback<fs.Dirent[]>);
    else fs.readdir(folder, listed as Callback<string[]>);
  };

  // Asked only about links: what they lead to, or the link itself when it is not to be followed.
  const stat = (link: string, callback: Callback<fs.Stats>) => {
    followedTarget(link, realRoot, root)
      .then((target) => (target ? callback(null, target) : fs.lstat(link, callback)))
      .catch((error: NodeJS.ErrnoException) => callback(error, undefined as unknown as fs.Stats));
  };

  const matches = await fastGlob([...patterns], {
    cwd: root,
    onlyFiles: options.onlyFiles ?? false,
    markDirectories: true,
    unique: true,
    ignore: [...(options.ignore ?? [])],
    caseSensitiveMatch: options.caseSensitiveMatch ?? true,
    fs: { readdir: readdir as unknown as typeof fs.readdir, stat: stat as unknown as typeof fs.stat },
  });
  return { matches, unreadableFolders: [...unreadable].map(([folder, code]) => ({ folder, code })).sort((a, b) => (a.folder < b.folder ? -1 : 1)) };
}

/**
 * The stat of what a link leads to, when the search may follow it: a file
 * anywhere (the reader decides on it), or a folder inside the workspace that
 * holds none of the folders the link itself is in. Undefined otherwise.
 */
async function followedTarget(link: string, realRoot: string, root: string): Promise<fs.Stats | undefined> {
  const target = await fs.promises.realpath(link);
  const stats = await fs.promises.stat(target);
  if (!stats.isDirectory()) return stats;
  if (!isInside(target, realRoot)) return undefined;
  for (let folder = path.dirname(link); isInside(folder, root); folder = path.dirname(folder)) {
    if (isInside(await fs.promises.realpath(folder), target)) return undefined;
    if (folder === root) break;
  }
  return stats;
}
