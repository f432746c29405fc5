/** Parsing on worker threads: batches bounded in size, and a worker out of memory costs only a retry here. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unpackOutcome } from '../../src/load/pack-outcome.js';
import type { ParseJob } from '../../src/load/parse-in-parallel.js';
import { PARALLEL_THRESHOLD_BYTES, ParsePool, batchJobs } from '../../src/load/parse-in-parallel.js';
import type { PackedOutcome } from '../../src/load/parse-packed.js';
import { parseLogFile } from '../../src/load/parse-log-file.js';
import { REPO } from '../helpers/yaml-fixtures.js';

const log = (village: string, entries: number) =>
  `village: ${village}\npillar: talent\nentries:\n${'  - date: 2023-04-09\n    kind: training\n    topic: 电商\n    attendees: 20\n'.repeat(entries)}`;

describe('batchJobs', () => {
  it('keeps a batch to a few files and a bounded amount of text, a large file alone', () => {
    const small = Array.from({ length: 60 }, (_, i) => ({ file: `s${i}.yaml`, text: 'x'.repeat(10) }));
    expect(batchJobs(small).map((batch) => batch.end - batch.start)).toEqual([24, 24, 12]);
    const large = Array.from({ length: 4 }, (_, i) => ({ file: `l${i}.yaml`, text: 'x'.repeat(3 * 1024 * 1024) }));
    expect(batchJobs([...small.slice(0, 2), ...large]).map((batch) => batch.end - batch.start)).toEqual([2, 1, 1, 1, 1]);
  });
});

describe('ParsePool', () => {
  const context = { villages: undefined, key: undefined };
  // The compiled worker (tests run from the sources, which a worker thread cannot load).
  const workerFile = path.join(REPO, 'dist/load/parse-worker.js');
  const jobsOf = (files: number, entries: number): ParseJob[] =>
    Array.from({ length: files }, (_, i) => ({ file: `logs/2023/04/村${i}.yaml`, text: log(`村${i}`, entries) }));
  const expected = (jobs: readonly ParseJob[]) => ({
    characters: jobs.reduce((total, job) => total + job.text.length, 0),
    largestFile: Math.max(...jobs.map((job) => job.text.length)),
  });

  it('parses again in the main thread what a worker ran out of memory on', async () => {
    const jobs = jobsOf(8, 1500);
    expect(expected(jobs).characters).toBeGreaterThan(PARALLEL_THRESHOLD_BYTES);
    let parsed = 0;
    const pool = new ParsePool(context, expected(jobs), path.join(REPO, 'tests/helpers/out-of-memory-worker.mjs'));
    try {
      const results = await pool.parse(jobs, (count) => (parsed += count));
      expect(parsed).toBe(jobs.length);
      expect(results.map((result, i) => unpackOutcome(result.packed, jobs[i]!.file))).toEqual(jobs.map((job) => parseLogFile(job.file, job.text, undefined)));
    } finally {
      await pool.close();
    }
  }, 60_000);

  for (const [where, files, entries] of [
    ['on worker threads', 60, 200],
    ['in this thread, below the threshold', 5, 10],
  ] as const) {
    it(`hands every outcome to onResults once, as its batch comes, the same as it returns (${where})`, async () => {
      const jobs = jobsOf(files, entries);
      expect(expected(jobs).characters >= PARALLEL_THRESHOLD_BYTES).toBe(files === 60);
      const pool = new ParsePool(context, expected(jobs), workerFile);
      const handed: PackedOutcome[][] = jobs.map(() => []);
      try {
        const results = await pool.parse(jobs, undefined, (first, outcomes) => {
          outcomes.forEach((outcome, i) => {
            handed[first + i]!.push(outcome);
          });
        });
        expect(handed.map((outcomes) => outcomes.length)).toEqual(jobs.map(() => 1));
        expect(handed.map(([outcome]) => outcome)).toEqual(results);
        expect(results.map((result, i) => unpackOutcome(result.packed, jobs[i]!.file))).toEqual(jobs.map((job) => parseLogFile(job.file, job.text, undefined)));
      } finally {
        await pool.close();
      }
    }, 60_000);

    it(`fails the parse when onResults fails (${where})`, async () => {
      const jobs = jobsOf(files, entries);
      const pool = new ParsePool(context, expected(jobs), workerFile);
      try {
        await expect(
          pool.parse(jobs, undefined, () => {
            throw new Error('cannot read back');
          }),
        ).rejects.toThrow('cannot read back');
      } finally {
        await pool.close();
      }
    }, 60_000);
  }
});
