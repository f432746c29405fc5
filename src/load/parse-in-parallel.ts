/**
 * Parses many log files on all cores. Parsing YAML is most of the time a
 * large workspace takes (a county's year is 100,000 entries), and files
 * parse independently, so they are handed out in batches to worker threads,
 * one per core. A small workspace is parsed here, in the main thread: a
 * worker costs more to start than a few dozen files take to parse.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LogFileOutcome } from './parse-log-file.js';
import { parseLogFile } from './parse-log-file.js';

export interface ParseJob {
  file: string;
  text: string;
}

export type ParseBatch = ParseJob[];

export interface ParseWorkerData {
  villages: readonly string[] | undefined;
}

/** Below this much text, threads cost more than they save. */
export const PARALLEL_THRESHOLD_BYTES = 512 * 1024;
/** Old-generation heap of a worker: many times what one batch needs (a batch is at most 24 files of at most maxFileSizeMB). */
const WORKER_HEAP_MB = 256;
/** Files per message: enough to keep messaging cheap, few enough to share the work out evenly. */
const BATCH_SIZE = 24;

/** The compiled worker; absent when running from TypeScript sources (tests), which then parse in the main thread. */
const WORKER_FILE = fileURLToPath(new URL('./parse-worker.js', import.meta.url));

/** `onParsed` is told how many files were parsed, as batches finish. */
export async function parseInParallel(
  jobs: readonly ParseJob[],
  villages: readonly string[] | undefined,
  onParsed: (count: number) => void = () => undefined,
): Promise<LogFileOutcome[]> {
  const bytes = jobs.reduce((total, job) => total + job.text.length, 0);
  const threads = Math.min(availableParallelism(), Math.ceil(jobs.length / BATCH_SIZE));
  if (bytes < PARALLEL_THRESHOLD_BYTES || threads < 2 || !existsSync(WORKER_FILE)) {
    return jobs.map(({ file, text }) => {
      const outcome = parseLogFile(file, text, villages);
      onParsed(1);
      return outcome;
    });
  }

  const outcomes: LogFileOutcome[] = new Array(jobs.length);
  let next = 0;
  const workers = Array.from(
    { length: threads },
    () =>
      new Worker(WORKER_FILE, {
        workerData: { villages } satisfies ParseWorkerData,
        // A worker holds one batch at a time; a small heap makes it collect its garbage rather than grow to hundreds of megabytes.
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      }),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let start = 0;
            const sendNext = () => {
              if (next >= jobs.length) return resolve();
              start = next;
              next = Math.min(jobs.length, next + BATCH_SIZE);
              worker.postMessage(jobs.slice(start, next));
            };
            worker.on('message', (results: LogFileOutcome[]) => {
              results.forEach((outcome, i) => (outcomes[start + i] = outcome));
              onParsed(results.length);
              sendNext();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`parse worker stopped with code ${code}`))));
            sendNext();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return outcomes;
}
