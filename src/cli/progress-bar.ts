import type { Catalogue } from '../i18n/catalogue.js';
import type { CliIO } from './cli-io.js';

/** Fewer files than this read too fast for a bar to be worth drawing. */
export const PROGRESS_THRESHOLD = 200;

/**
 * A progress callback for the loader that draws a bar on the terminal when
 * a workspace has many files, and nothing otherwise (a pipe, a scheduled
 * job, --quiet, a small workspace). The bar is cleared when done.
 */
export async function progressBar(io: CliIO, catalogue: Catalogue, quiet = false): Promise<((done: number, total: number) => void) | undefined> {
  const stream = io.progress;
  if (!stream || quiet) return undefined;
  const { SingleBar } = (await import('cli-progress')).default;
  let bar: InstanceType<typeof SingleBar> | undefined;
  return (done, total) => {
    if (total < PROGRESS_THRESHOLD) return;
    if (!bar) {
      bar = new SingleBar({ stream, format: `${catalogue.cli.reading} [{bar}] {value}/{total}`, clearOnComplete: true, hideCursor: true });
      bar.start(total, 0);
    }
    bar.update(done);
    if (done === total) bar.stop();
  };
}
