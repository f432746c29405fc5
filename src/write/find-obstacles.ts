/**
 * What stands in the way of new files, found before any is written so that
 * a command that makes several (`init`, `templates eject`) writes all of
 * them or none: a file already there, a folder where a file goes, a file
 * where a folder must be, and a link to nothing in either place. A link to
 * a folder serves as the folder; a link to a file is the file.
 */
import { lstat, stat } from 'node:fs/promises';
import path from 'node:path';

export type ObstacleKind = 'file-exists' | 'folder-in-the-way' | 'file-in-the-way' | 'dangling-link';

export interface Obstacle {
  /** Relative to the root, with forward slashes ('.' for the root itself). */
  file: string;
  kind: ObstacleKind;
}

type Found = 'missing' | 'file' | 'folder' | 'dangling-link';

async function whatIsAt(full: string): Promise<Found> {
  const link = await lstat(full).catch(() => undefined);
  if (!link) return 'missing';
  const target = link.isSymbolicLink() ? await stat(full).catch(() => undefined) : link;
  if (!target) return 'dangling-link';
  return target.isDirectory() ? 'folder' : 'file';
}

/**
 * The obstacles to writing `files` (relative to `root`, with forward
 * slashes) under `root`, each named once, in the order met. `existing`
 * says what becomes of a file already there: kept as it is (not an
 * obstacle), or in the way (the default).
 */
export async function findObstacles(
  root: string,
  files: readonly string[],
  existing: (file: string) => 'keep' | 'obstacle' = () => 'obstacle',
): Promise<Obstacle[]> {
  const found = new Map<string, ObstacleKind>();
  const seen = new Map<string, Found>();
  const at = async (relative: string) => {
    if (!seen.has(relative)) seen.set(relative, await whatIsAt(path.join(root, relative)));
    return seen.get(relative)!;
  };
  const folder = await at('.');
  if (folder === 'file') found.set('.', 'file-in-the-way');
  else if (folder === 'dangling-link') found.set('.', 'dangling-link');
  if (found.size > 0) return [...found].map(([file, kind]) => ({ file, kind }));

  for (const file of files) {
    const parts = file.split('/');
    let blocked = false;
    // Each folder on the way: missing (to be made), a folder, or an obstacle.
    for (let depth = 1; depth < parts.length && !blocked; depth++) {
      const prefix = parts.slice(0, depth).join('/');
      const what = await at(prefix);
      if (what === 'missing') break;
      if (what === 'folder') continue;
      if (!found.has(prefix)) found.set(prefix, what === 'dangling-link' ? 'dangling-link' : 'file-in-the-way');
      blocked = true;
    }
    if (blocked) continue;
    const what = await at(file);
    if (what === 'folder') found.set(file, 'folder-in-the-way');
    else if (what === 'dangling-link') found.set(file, 'dangling-link');
    else if (what === 'file' && existing(file) === 'obstacle') found.set(file, 'file-exists');
  }
  return [...found].map(([file, kind]) => ({ file, kind }));
}
