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
 *
 * What comes back is compact: per batch, one buffer of the files' packed
 * outcomes (pack-outcome.ts), handed over rather than copied, with the
 * digests the workspace cache keeps them under; so the main thread neither
 * receives an object graph nor serialises it again for the cache.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PackedOutcome, ParseContext, ParseJob, ReadReport } from './parse-packed.js';
import { jobSize, parsePacked } from './parse-packed.js';

export type { ParseJob };

export type ParseBatch = ParseJob[];

export type ParseWorkerData = ParseContext;

/** A worker's answer to a batch: the packed outcomes one after another in `bytes`, the i-th ending at `ends[i]`. */
export interface ParsedBatch {
  bytes: Uint8Array;
  ends: number[];
  hashes: (string | undefined)[];
  digests: (string | undefined)[];
  /** What reading each file found, for jobs that said where to read it (small, and rarely more than a stamp). */
  reads: (ReadReport | undefined)[];
}

/** Below this much text, threads cost more than they save. */
export const PARALLEL_THRESHOLD_BYTES = 512 * 1024;
/** Old-generation heap of a worker: many times what one batch of small files needs. */
const WORKER_HEAP_MB = 256;
/**
 * Young generation of a worker. Newer V8 (Node 24) sizes it from the
 * machine's memory, up to tens of megabytes a worker, which a province's
 * report paid for in resident memory (1.32 → 1.11 GB with this limit); a
 * county's report takes as long with it (2.34 s) as without.
 */
const WORKER_YOUNG_HEAP_MB = 16;
/** What parsing takes, per character of text, at its peak (js-yaml's events and values, positions, entries). */
const HEAP_BYTES_PER_CHARACTER = 40;
/** Files per message: enough to keep messaging cheap, few enough to share the work out evenly. */
const BATCH_SIZE = 24;
/** Batches a worker holds at once: one it parses, one waiting. */
const BATCHES_IN_HAND = 2;
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
    const size = jobSize(jobs[i]!);
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

/**
 * Worker threads kept for a run whose files come in several rounds (the
 * reader hands over a bounded amount of text at a time, so that a
 * province's text is never all in memory at once), started on the first
 * round that needs them.
 */
export class ParsePool {
  private readonly threaded: boolean;
  private readonly heapMB: number;
  private workers: Worker[] | undefined;

  /** `expected`: how much text all rounds hold together, and the largest file (characters, or bytes as an upper bound). */
  constructor(
    private readonly context: ParseContext,
    expected: { characters: number; largestFile: number },
    private readonly workerFile: string = WORKER_FILE,
  ) {
    this.threaded = expected.characters >= PARALLEL_THRESHOLD_BYTES && existsSync(workerFile);
    const largestBatch = Math.max(Math.min(expected.characters, BATCH_CHARACTERS), expected.largestFile);
    this.heapMB = Math.max(WORKER_HEAP_MB, Math.ceil((largestBatch * HEAP_BYTES_PER_CHARACTER) / (1024 * 1024)));
  }

  /**
   * Parses the jobs, handing each batch's outcomes to `onResults` as they
   * come (the index of the batch's first job, and its outcomes), after the
   * worker that parsed them has been given its next batch: the caller reads
   * them back while the workers go on, instead of all at the end with the
   * workers waiting, and nothing here keeps them (a province's outcomes
   * would be hundreds of megabytes). An error it throws fails the parse.
   */
  async parse(
    jobs: readonly ParseJob[],
    onParsed: (count: number) => void,
    onResults: (start: number, outcomes: readonly PackedOutcome[]) => void,
  ): Promise<void> {
    const parseHere = (batch: Batch) => {
      const outcomes: PackedOutcome[] = [];
      for (let i = batch.start; i < batch.end; i++) {
        outcomes.push(parsePacked(jobs[i]!, this.context));
        onParsed(1);
      }
      onResults(batch.start, outcomes);
    };
    const batches = batchJobs(jobs);
    const workers = this.threaded ? this.startWorkers(batches.length) : [];
    let next = 0;
    const outOfMemory: Batch[] = [];
    const runWorker = (worker: Worker) =>
      new Promise<void>((resolve, reject) => {
        // Batches sent and not yet answered, oldest first (a worker answers in order).
        const sent: Batch[] = [];
        let settled = false;
        const finish = (error?: unknown) => {
          if (settled) return;
          settled = true;
          worker.off('message', onMessage).off('error', onError).off('exit', onExit);
          if (error === undefined) resolve();
          else reject(error);
        };
        // Two batches in hand, so that a worker never waits for this thread to hand it the next.
        const sendMore = () => {
          while (sent.length < BATCHES_IN_HAND && next < batches.length) {
            const batch = batches[next++]!;
            sent.push(batch);
            worker.postMessage(jobs.slice(batch.start, batch.end));
          }
        };
        const onMessage = (parsed: ParsedBatch) => {
          const current = sent.shift();
          if (!current) return;
          let start = 0;
          const outcomes = parsed.ends.map((end, i) => {
            const outcome = { packed: parsed.bytes.subarray(start, end), hash: parsed.hashes[i], digest: parsed.digests[i], read: parsed.reads[i] };
            start = end;
            return outcome;
          });
          onParsed(outcomes.length);
          sendMore();
          try {
            onResults(current.start, outcomes);
          } catch (error) {
            return finish(error);
          }
          if (sent.length === 0) finish();
        };
        const onError = (error: Error & { code?: string }) => {
          this.forget(worker);
          if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') return finish(error);
          outOfMemory.push(...sent.splice(0));
          finish();
        };
        const onExit = (code: number) => {
          this.forget(worker);
          finish(code === 0 ? undefined : new Error(`parse worker stopped with code ${code}`));
        };
        worker.on('message', onMessage).on('error', onError).on('exit', onExit);
        sendMore();
        if (sent.length === 0) finish();
      });
    await Promise.all(workers.map(runWorker));
    // Batches no worker was left to take, then those a worker ran out of memory on.
    while (next < batches.length) parseHere(batches[next++]!);
    for (const batch of outOfMemory) parseHere(batch);
  }

  async close(): Promise<void> {
    const workers = this.workers ?? [];
    this.workers = [];
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  /** One worker per core, no more than there are batches in the first round that needs them. */
  private startWorkers(batches: number): Worker[] {
    this.workers ??= Array.from({ length: Math.min(availableParallelism(), batches) }, () => {
      const worker = new Worker(this.workerFile, {
        workerData: this.context satisfies ParseWorkerData,
        // A worker holds one batch at a time; a bounded heap makes it collect its garbage rather than grow.
        resourceLimits: { maxOldGenerationSizeMb: this.heapMB, maxYoungGenerationSizeMb: WORKER_YOUNG_HEAP_MB },
      });
      // Between rounds no one listens: a worker that fails then is dropped, and the next round goes on without it.
      return worker.on('error', () => this.forget(worker)).on('exit', () => this.forget(worker));
    });
    return [...this.workers];
  }

  /** A worker that ran out of memory or stopped takes no more batches. */
  private forget(worker: Worker): void {
    this.workers = this.workers?.filter((each) => each !== worker);
  }
}
