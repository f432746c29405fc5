/**
 * Files of the workspace matching globs (tinyglobby, with the syntax of
 * glob-syntax.ts), searched so that the search itself stays in the
 * workspace and ends:
 *
 * - a folder that cannot be listed (no permission) is reported, located at
 *   the folder, and the search goes on around it;
 * - a link to a folder is followed only when the folder is in the
 *   workspace and is not one the search is already inside (a link to `..`
 *   would otherwise be walked forty levels deep, every file found again at
 *   each); a link not followed, a broken link, and anything that is neither
 *   file nor folder (a FIFO, a device) are found like files when their name
 *   matches, and left for the reader, which says why it refuses them.
 *
 * Globs are checked before they get here (check-glob.ts). A glob naming a
 * folder matches the folder, not what is in it (`expandDirectories` off).
 * What the search returns is passed through the matcher of glob-syntax.ts,
 * so that nothing is found that matching would deny. The search itself
 * prunes folders starting with a dot unless told otherwise, and would miss
 * `logs/.hidden/a.yaml` for a glob `logs/**` + `/.hidden/*.yaml` (its `**`
 * never takes a dot folder); when a glob spells such a name it walks dot
 * folders too, and the matcher alone decides.
 */
import * as fs from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { globMatcher, normalizeGlob, searchOptions } from './glob-syntax.js';
import { isInside } from './read-regular-file.js';

export interface FoundFiles {
  /** Matches, relative with forward slashes; folders end in `/`. */
  matches: string[];
  /** Folders that could not be listed, relative, with the system's reason. */
  unreadableFolders: { folder: string; code: string }[];
}

type Callback<T> = (error: NodeJS.ErrnoException | null, value: T) => void;

/** A folder entry as the walk sees it: what is neither file, folder nor link counts as a file, for the reader to refuse. */
interface WalkedEntry {
  name: string;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

function walkedEntry(entry: fs.Dirent): WalkedEntry {
  const other = !entry.isFile() && !entry.isDirectory() && !entry.isSymbolicLink();
  return { name: entry.name, isFile: () => other || entry.isFile(), isDirectory: () => entry.isDirectory(), isSymbolicLink: () => entry.isSymbolicLink() };
}

export async function findWorkspaceFiles(
  root: string,
  patterns: readonly string[],
  options: { ignore?: readonly string[]; caseSensitiveMatch?: boolean; onlyFiles?: boolean } = {},
): Promise<FoundFiles> {
  const realRoot = await fs.promises.realpath(root);
  const unreadable = new Map<string, string>();
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/') || '.';

  const readdir = (folder: string, _options: unknown, callback: Callback<WalkedEntry[]>) => {
    fs.readdir(folder, { withFileTypes: true }, (error, entries) => {
      if (error) {
        if (error.code !== 'ENOENT' && error.code !== 'ENOTDIR') unreadable.set(relative(folder), error.code ?? 'EIO');
        return callback(null, []);
      }
      callback(null, entries.map(walkedEntry));
    });
  };

  // The walk asks where a link leads, then what is there. A link not to be
  // followed "leads" to itself, and is then told to be no folder.
  const notFollowed = new Set<string>();
  const realpath = (link: string, callback: Callback<string>) => {
    followedTarget(link, realRoot, root)
      .then((target) => {
        if (target === undefined) notFollowed.add(link);
        callback(null, target ?? link);
      })
      .catch(() => {
        notFollowed.add(link);
        callback(null, link);
      });
  };
  const stat = (file: string, callback: Callback<fs.Stats>) => {
    if (notFollowed.has(file)) fs.lstat(file, callback);
    else fs.stat(file, callback);
  };

  const globCase = { caseSensitive: options.caseSensitiveMatch ?? true };
  const searched = patterns.map(normalizeGlob);
  const found = await glob(searched, {
    ...searchOptions(globCase),
    dot: searched.some(spellsDotName),
    cwd: root,
    onlyFiles: options.onlyFiles ?? false,
    expandDirectories: false,
    followSymbolicLinks: true,
    ignore: (options.ignore ?? []).map(normalizeGlob),
    fs: { readdir: readdir as unknown as typeof fs.readdir, realpath: realpath as unknown as typeof fs.realpath, stat: stat as unknown as typeof fs.stat },
  });
  const isMatch = globMatcher(searched, globCase);
  const matches = [...new Set(found.filter((match) => match !== '.' && match !== './' && isMatch(match.replace(/\/$/, ''))))];
  return { matches, unreadableFolders: [...unreadable].map(([folder, code]) => ({ folder, code })).sort((a, b) => (a.folder < b.folder ? -1 : 1)) };
}

/** `logs/.hidden/*.yaml`, `.*` after a `**`: a part of the glob that starts with a dot (not `.` or `..`). */
function spellsDotName(pattern: string): boolean {
  return /(^|[/{,(|])\.(?![./}]|$)/.test(pattern);
}

/**
 * The real path of what a link leads to, when the search may follow it: a
 * file anywhere (the reader decides on it), or a folder inside the
 * workspace that holds none of the folders the link itself is in.
 * Undefined otherwise; a broken link throws.
 */
async function followedTarget(link: string, realRoot: string, root: string): Promise<string | undefined> {
  const target = await fs.promises.realpath(link);
  const stats = await fs.promises.stat(target);
  if (!stats.isDirectory()) return target;
  if (!isInside(target, realRoot)) return undefined;
  for (let folder = path.dirname(link); isInside(folder, root); folder = path.dirname(folder)) {
    if (isInside(await fs.promises.realpath(folder), target)) return undefined;
    if (folder === root) break;
  }
  return target;
}
