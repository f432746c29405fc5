/** The process around run(): real argv, streams, clock and exit code. */
import { run } from './run.js';

export async function main(argv: readonly string[]): Promise<number> {
  // A write to standard output that fails (a full disk, a closed pipe) is recorded, never thrown:
  // run() decides what it means once the command has ended (see CliIO.stdoutSettled).
  let stdoutError: NodeJS.ErrnoException | undefined;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    stdoutError ??= error;
  });
  // Standard error is where failures would be told: when it fails too, there is no one left to tell.
  process.stderr.on('error', () => {});
  // Ctrl+C ends a watching report cleanly, between runs; anything else it ends at once, as usual.
  const stop = new AbortController();
  let watching = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => (watching ? stop.abort() : process.exit(signal === 'SIGINT' ? 130 : 143)));
  }
  return run(argv, {
    signal: stop.signal,
    onWatching: () => (watching = true),
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
