/** The process around run(): real argv, streams, clock and exit code. */
import { removeTemporariesNow } from '../temporary-files.js';
import { run } from './run.js';

/** How long a watching report may take to stop after Ctrl+C before it is ended anyway. */
const WATCH_STOP_GRACE_MS = 800;

export async function main(argv: readonly string[]): Promise<number> {
  // A reader that stops early (`revitalize suggestions | head`) is not a failure: end quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
  // Ctrl+C ends a watching report cleanly, between runs; anything else it ends at once (endOnSignal).
  const stop = new AbortController();
  let watching = false;
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => {
    if (!watching || stop.signal.aborted) return endOnSignal(signal, onSignal);
    stop.abort();
    setTimeout(() => endOnSignal(signal, onSignal), WATCH_STOP_GRACE_MS).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return run(argv, {
    signal: stop.signal,
    onWatching: () => (watching = true),
    cwd: process.cwd(),
    now: () => new Date(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    ...(process.stderr.isTTY ? { progress: process.stderr } : {}),
    // Questions only when a person is at a terminal, never in a pipe or a scheduled job.
    ...(process.stdin.isTTY && process.stdout.isTTY ? { prompt: { input: process.stdin, output: process.stdout } } : {}),
    colors: {
      stdout: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
      stderr: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
    },
  });
}

/**
 * Ends the process on Ctrl+C or SIGTERM now, whatever it is doing. The
 * temporary files it is writing are removed first (synchronously), then
 * the signal is raised again with its default action, which the kernel
 * carries out at once: the process ends as killed by that signal (exit
 * status 130 or 143 in a shell). `process.exit` is not used: it waits for
 * reads still running in libuv's thread pool, and a read that never ends
 * (a FIFO, a hung network drive) made it wait forever. Listeners others
 * added (a lock library releasing its locks) run before the default action.
 */
function endOnSignal(signal: 'SIGINT' | 'SIGTERM', ours: (signal: 'SIGINT' | 'SIGTERM') => void): void {
  removeTemporariesNow();
  process.off('SIGINT', ours);
  process.off('SIGTERM', ours);
  process.kill(process.pid, signal);
  // Should a listener keep the process from ending, it still ends within a second.
  setTimeout(() => process.kill(process.pid, 'SIGKILL'), 1000).unref();
}
