/**
 * Calls back when a workspace's logs, config or templates change, with
 * changes that come together (an editor saving several files, or saving in
 * steps) collected into one call, and never two calls at once. Until the
 * signal aborts.
 */
import path from 'node:path';
import { watch } from 'chokidar';

const SETTLE_MS = 300;

export interface WatchOptions {
  root: string;
  /** Folders whose changes do not count: the reports being written. */
  ignore: readonly string[];
  onChange: (changed: string[]) => Promise<void>;
  signal: AbortSignal | undefined;
  /** Called once the watcher is ready, so a caller knows changes from now on are seen. */
  onReady?: () => void;
}

export async function watchWorkspace({ root, ignore, onChange, signal, onReady }: WatchOptions): Promise<void> {
  const ignored = (file: string) => {
    const relative = path.relative(root, file);
    if (relative === '') return false;
    if (relative.split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules')) return true;
    return ignore.some((folder) => !path.relative(folder, file).startsWith('..'));
  };
  const watcher = watch(root, { ignoreInitial: true, ignored, awaitWriteFinish: false });
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const flush = () => {
    timer = undefined;
    const batch = [...changed].sort();
    changed.clear();
    running = running.then(() => onChange(batch));
  };
  watcher.on('all', (_event, file) => {
    if (file.endsWith('.tmp')) return;
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
