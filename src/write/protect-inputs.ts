import path from 'node:path';
import picomatch from 'picomatch';
import { CONFIG_FILE } from '../schema/config-schema.js';

/**
 * Whether writing `target` would overwrite the config or a log, or put a
 * file where the log globs would read it back as a log next time.
 */
export function overwritesInput(workspace: string, target: string, logGlobs: readonly string[]): boolean {
  const relative = path.relative(workspace, target).split(path.sep).join('/');
  if (relative.startsWith('../') || path.isAbsolute(relative)) return false;
  return relative === CONFIG_FILE || picomatch([...logGlobs])(relative);
}
