/** The process around run(): real argv, streams, clock and exit code. */
import { allowHeapTuning } from '../load/limit-heap-growth.js';
import { removeTemporariesNow, watchTemporaries } from '../temporary-files.js';
import { run } from './run.js';

/** How long a watching report may take to stop after Ctrl+C before it is ended anyway. */
const WATCH_STOP_GRACE_MS = 800;

export async function main(argv: readonly string[]): Promise<number> {
  // A write to standard output that fails (a full disk, a closed pipe) is recorded, never thrown:
  // run() decides what it means once the command has ended (see CliIO.stdoutSettled).
  let stdoutError: NodeJS.ErrnoException | undefined;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    stdoutError ??= error;
  });
  // Standard error is where failures would be told: when it fails too, there is no one left to tell.
  process.stderr.on('error', () => {});
  const stop = new AbortController();
  const signals = signalHandling(stop);
  // The process is the command's own, and may be tuned for a large workspace (a library user's is not).
  allowHeapTuning();
  return run(argv, {
    signal: stop.signal,
    onWatching: signals.watching,
    cwd: process.cwd(),
    now: () => new Date(),
    env: process.env,
    stdout: (text) => {
      if (!stdoutError && !process.stdout.destroyed) process.stdout.write(text);
    },
    stdoutSettled: () => settled(process.stdout, () => stdoutError),
    stderr: (text) => {
      if (!process.stderr.destroyed) process.stderr.write(text);
    },
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

/**
 * Resolves once the stream has taken everything written to it, with the
 * error that stopped it, if one did. A write's error reaches the 'error'
 * listener a tick after its callback, hence the wait for the next turn.
 */
function settled(stream: NodeJS.WriteStream, failure: () => NodeJS.ErrnoException | undefined): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((resolve) => {
    const done = (error?: Error | null) => setImmediate(() => resolve(failure() ?? (error as NodeJS.ErrnoException | null) ?? undefined));
    if (failure() || stream.destroyed) done();
    else stream.write('', done);
  });
}
