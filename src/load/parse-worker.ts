/**
 * A worker thread that parses log files: it receives batches of
 * `{ file, text }` and answers each with the files' outcomes, in order.
 * See parse-in-parallel.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ParseBatch, ParseWorkerData } from './parse-in-parallel.js';
import { parseLogFile } from './parse-log-file.js';

const { villages } = workerData as ParseWorkerData;

parentPort!.on('message', (batch: ParseBatch) => {
  parentPort!.postMessage(batch.map(({ file, text }) => parseLogFile(file, text, villages)));
});
