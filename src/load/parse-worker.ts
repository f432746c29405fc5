/**
 * A worker thread that reads and parses log files: it receives batches of
 * jobs (a file's text, or where to read it: parse-packed.ts) and answers
 * each with one buffer holding the files' packed outcomes, in order,
 * handed over rather than copied, with the hashes and digests the
 * workspace cache keeps them under and what reading each file found. See
 * parse-in-parallel.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ParseBatch, ParsedBatch, ParseWorkerData } from './parse-in-parallel.js';
import { parsePacked } from './parse-packed.js';

const context = workerData as ParseWorkerData;

parentPort!.on('message', (batch: ParseBatch) => {
  const results = batch.map((job) => parsePacked(job, context));
  let length = 0;
  for (const result of results) length += result.packed.length;
  const bytes = new Uint8Array(length);
  const ends: number[] = [];
  let end = 0;
  for (const result of results) {
    bytes.set(result.packed, end);
    end += result.packed.length;
    ends.push(end);
  }
  const reply: ParsedBatch = {
    bytes,
    ends,
    hashes: results.map((result) => result.hash),
    digests: results.map((result) => result.digest),
    reads: results.map((result) => result.read),
  };
  parentPort!.postMessage(reply, [bytes.buffer]);
});
