// Where the system keeps a user's caches: Node's compile cache for the
// command (revitalize.js), and the other Node versions the tests run on
// (scripts/with-node.mjs). Never a workspace.
import { homedir } from 'node:os';
import path from 'node:path';

export function userCacheFolder() {
  if (process.platform === 'win32') return process.env.LOCALAPPDATA || path.join(homedir(), 'AppData', 'Local');
  if (process.platform === 'darwin') return path.join(homedir(), 'Library', 'Caches');
  return process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
}
