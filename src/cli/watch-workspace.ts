/**
 * Calls back when a workspace's logs, config or templates change, with
 * changes that come together (an editor saving several files, or saving in
 * steps) collected into one call, and never two calls at once. Until the
 * signal aborts. A call that fails is handed to `onError` and the watching
 * goes on: one bad rebuild must not leave a clerk looking at a watcher that
 * silently stopped.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { watch } from 'chokidar';
import { realTarget } from '../write/real-target.js';

const SETTLE_MS = 300;

export interface WatchOptions {
  root: string;
  /** Folders whose changes do not count: the reports being written (compared by real path too, so a link to them is no way round). */
  ignore: readonly string[];
  onChange: (changed: string[]) => Promise<void>;
  /** Called with what an `onChange` call threw; the next change is still seen. */
  onError: (error: unknown) => void;
  signal: AbortSignal | undefined;
  /** Called once the watcher is ready, so a caller knows changes from now on are seen. */
  onReady?: () => void;
}

export async function watchWorkspace({ root, ignore, onChange, onError, signal, onReady }: WatchOptions): Promise<void> {
  const folders = [...ignore, ...(await Promise.all(ignore.map((folder) => realTarget(folder))))];
  const inIgnoredFolder = (file: string) => folders.some((folder) => isWithin(folder, file));
  const ignored = (file: string) => {
    const relative = path.relative(root, file);
    if (relative === '') return false;
    if (relative.split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules')) return true;
    return inIgnoredFolder(file);
  };
  const watcher = watch(root, { ignoreInitial: true, ignored, awaitWriteFinish: false });
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const flush = () => {
    timer = undefined;
    const batch = [...changed].sort();
    changed.clear();
    // Caught here, so the chain of calls never holds a rejection that would skip every later one.
    running = running.then(() => onChange(batch)).catch(onError);
  };
  watcher.on('all', (_event, file) => {
    // A report written through a link into the workspace shows up under the link's target: by real path it is still ours.
    if (file.endsWith('.tmp') || inIgnoredFolder(realPathOf(file))) return;
    changed.add(path.relative(root, file).split(path.sep).join('/'));
    clearTimeout(timer);
    timer = setTimeout(flush, SETTLE_MS);
  });
  await new Promise<void>((resolve) => watcher.on('ready', () => resolve()));
  onReady?.();
  await new Promise<void>((resolve) => {
    if (!signal || signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
  clearTimeout(timer);
  await running;
  await watcher.close();
}

function isWithin(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** A changed file's real path: its folder's (the file itself may be gone already). */
function realPathOf(file: string): string {
  try {
    return path.join(realpathSync(path.dirname(file)), path.basename(file));
  } catch {
    return file;
  }
}
