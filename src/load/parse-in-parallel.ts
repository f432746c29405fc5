/**
 * Parses many log files on all cores. Parsing YAML is most of the time a
 * large workspace takes (a county's year is 100,000 entries), and files
 * parse independently, so they are handed out in batches to worker threads,
 * one per core. A small workspace is parsed here, in the main thread: a
 * worker costs more to start than a few dozen files take to parse. Above
 * that, even a single large file is parsed in a worker, so that the main
 * thread stays free to answer Ctrl+C.
 *
 * A batch holds a few files and a bounded amount of text, so that a worker's
 * heap holds one batch's parse at a time. A worker that still runs out of
 * memory (a few files near the size limit, on a small heap) does not end the
 * run: its batch is parsed again here, in the main thread, whose heap is
 * several times larger, one file at a time; the other workers go on.
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
/** Old-generation heap of a worker: many times what one batch of small files needs. */
const WORKER_HEAP_MB = 256;
/** What parsing takes, per character of text, at its peak (js-yaml's events and values, positions, entries). */
const HEAP_BYTES_PER_CHARACTER = 40;
/** Files per message: enough to keep messaging cheap, few enough to share the work out evenly. */
const BATCH_SIZE = 24;
/** Characters of text per message (a batch always takes at least one file). */
const BATCH_CHARACTERS = 2 * 1024 * 1024;

/** The compiled worker; absent when running from TypeScript sources (tests), which then parse in the main thread. */
const WORKER_FILE = fileURLToPath(new URL('./parse-worker.js', import.meta.url));

interface Batch {
  start: number;
  end: number;
}

/** Consecutive jobs, at most BATCH_SIZE files and BATCH_CHARACTERS of text each (one larger file alone). */
export function batchJobs(jobs: readonly ParseJob[]): Batch[] {
  const batches: Batch[] = [];
  let start = 0;
  let characters = 0;
  for (let i = 0; i < jobs.length; i++) {
    const size = jobs[i]!.text.length;
    if (i > start && (i - start >= BATCH_SIZE || characters + size > BATCH_CHARACTERS)) {
      batches.push({ start, end: i });
      start = i;
      characters = 0;
    }
    characters += size;
  }
  if (start < jobs.length) batches.push({ start, end: jobs.length });
  return batches;
}

/** `onParsed` is told how many files were parsed, as batches finish. */
export async function parseInParallel(
  jobs: readonly ParseJob[],
  villages: readonly string[] | undefined,
  onParsed: (count: number) => void = () => undefined,
  workerFile: string = WORKER_FILE,
): Promise<LogFileOutcome[]> {
  const outcomes: LogFileOutcome[] = new Array(jobs.length);
  const parseHere = (batch: Batch) => {
    for (let i = batch.start; i < batch.end; i++) {
      outcomes[i] = parseLogFile(jobs[i]!.file, jobs[i]!.text, villages);
      onParsed(1);
    }
  };
  let characters = 0;
  for (const job of jobs) characters += job.text.length;
  const batches = batchJobs(jobs);
  if (characters < PARALLEL_THRESHOLD_BYTES || !existsSync(workerFile)) {
    for (const batch of batches) parseHere(batch);
    return outcomes;
  }

  let largest = 0;
  for (const batch of batches) largest = Math.max(largest, batchCharacters(jobs, batch));
  const heapMB = Math.max(WORKER_HEAP_MB, Math.ceil((largest * HEAP_BYTES_PER_CHARACTER) / (1024 * 1024)));
  const threads = Math.min(availableParallelism(), batches.length);
  let next = 0;
  const outOfMemory: Batch[] = [];
  const workers = Array.from(
    { length: threads },
    () =>
      new Worker(workerFile, {
        workerData: { villages } satisfies ParseWorkerData,
        // A worker holds one batch at a time; a bounded heap makes it collect its garbage rather than grow.
        resourceLimits: { maxOldGenerationSizeMb: heapMB },
      }),
  );
  try {
    await Promise.all(workers.map((worker) => runWorker(worker)));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  // Batches no worker was left to take, then those a worker ran out of memory on.
  while (next < batches.length) parseHere(batches[next++]!);
  for (const batch of outOfMemory) parseHere(batch);
  return outcomes;

  function runWorker(worker: Worker): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let current: Batch | undefined;
      let settled = false;
      const finish = (error?: unknown) => {
        if (settled) return;
        settled = true;
        if (error === undefined) resolve();
        else reject(error);
      };
      const sendNext = () => {
        current = batches[next];
        if (!current) return finish();
        next++;
        worker.postMessage(jobs.slice(current.start, current.end));
      };
      worker.on('message', (results: LogFileOutcome[]) => {
        if (!current) return;
        results.forEach((outcome, i) => {
          outcomes[current!.start + i] = outcome;
        });
        onParsed(results.length);
        sendNext();
      });
      worker.on('error', (error: Error & { code?: string }) => {
        if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') return finish(error);
        if (current) outOfMemory.push(current);
        current = undefined;
        finish();
      });
      worker.on('exit', (code) => finish(code === 0 ? undefined : new Error(`parse worker stopped with code ${code}`)));
      sendNext();
    });
  }
}

function batchCharacters(jobs: readonly ParseJob[], batch: Batch): number {
  let characters = 0;
  for (let i = batch.start; i < batch.end; i++) characters += jobs[i]!.text.length;
  return characters;
}
