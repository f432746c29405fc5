/** The process around run(): real argv, streams, clock and exit code. */
import { run } from './run.js';

export async function main(argv: readonly string[]): Promise<number> {
  return run(argv, {
    cwd: process.cwd(),
    now: () => new Date(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    colors: {
      stdout: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
      stderr: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
    },
  });
}
