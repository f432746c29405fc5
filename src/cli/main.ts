/** The process around run(): real argv, streams, clock and exit code. */
import { run } from './run.js';

export async function main(argv: readonly string[]): Promise<number> {
  // A reader that stops early (`revitalize suggestions | head`) is not a failure: end quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
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
