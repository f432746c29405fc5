/** The process around run(): real argv, streams, clock and exit code. */
import { removeTemporariesNow, watchTemporaries } from '../temporary-files.js';
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
  const stop = new AbortController();
  const signals = signalHandling(stop);
  return run(argv, {
    signal: stop.signal,
    onWatching: signals.watching,
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

type Signal = 'SIGINT' | 'SIGTERM';

/**
 * Ctrl+C and SIGTERM end every command within a second, leaving no
 * temporary file. Most of the time the process listens to neither: the
 * default action then ends it at once, by the kernel, whatever it is doing
 * (a long parse, a read that never ends). It listens only while it writes
 * temporary files, to remove them first, and while a report is watching, to
 * stop the watch cleanly (exit 0), or end it anyway after a grace period.
 */
function signalHandling(stop: AbortController): { watching: () => void } {
  let watching = false;
  let writing = false;
  let listening = false;
  const onSignal = (signal: Signal) => {
    if (!watching || stop.signal.aborted) return endOnSignal(signal);
    stop.abort();
    setTimeout(() => endOnSignal(signal), WATCH_STOP_GRACE_MS).unref();
  };
  const listen = () => {
    const wanted = watching || writing;
    if (wanted === listening) return;
    listening = wanted;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      if (wanted) process.on(signal, onSignal);
      else process.off(signal, onSignal);
    }
  };
  /**
   * Ends the process now: the temporaries are removed (synchronously), then
   * the signal is raised again with its default action, so the process ends
   * as killed by it (exit status 130 or 143 in a shell). Not process.exit,
   * which waits for reads still running in libuv's thread pool: a read that
   * never ends (a FIFO) made it wait forever. Listeners others added (a
   * lock library releasing its locks) run first.
   */
  const endOnSignal = (signal: Signal) => {
    removeTemporariesNow();
    watchTemporaries(undefined);
    writing = watching = false;
    listen();
    process.kill(process.pid, signal);
    // Should another listener keep the process from ending, it still ends.
    setTimeout(() => process.kill(process.pid, 'SIGKILL'), 1000).unref();
  };
  watchTemporaries((pending) => {
    writing = pending;
    listen();
  });
  return {
    watching: () => {
      watching = true;
      listen();
    },
  };
}
