import path from 'node:path';
import picomatch from 'picomatch';
import { NOTES_FOLDER } from '../notes/notes-file.js';
import { CONFIG_FILE } from '../schema/config-schema.js';

/**
 * Whether writing `target` would overwrite the config, a log or a month's
 * notes (a Markdown report named 2023-04.md in notes/ would), or put a
 * file where the log globs would read it back as a log next time.
 */
export function overwritesInput(workspace: string, target: string, logGlobs: readonly string[]): boolean {
  const relative = path.relative(workspace, target).split(path.sep).join('/');
  if (relative.startsWith('../') || path.isAbsolute(relative)) return false;
  const notes = relative.startsWith(`${NOTES_FOLDER}/`) && !relative.slice(NOTES_FOLDER.length + 1).includes('/') && /\.md$/i.test(relative);
  return relative === CONFIG_FILE || notes || picomatch([...logGlobs])(relative);
}
