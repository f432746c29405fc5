/** Parsing on worker threads: batches bounded in size, and a worker out of memory costs only a retry here. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unpackOutcome } from '../../src/load/pack-outcome.js';
import { PARALLEL_THRESHOLD_BYTES, ParsePool, batchJobs } from '../../src/load/parse-in-parallel.js';
import type { PackedOutcome, ParseJob, ReadJob, TextJob } from '../../src/load/parse-packed.js';
import { parseLogFile } from '../../src/load/parse-log-file.js';
import { inspectSource } from '../../src/load/read-source.js';
import { textHash } from '../../src/load/workspace-cache.js';
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

/** Where the pool parses: a workspace above the threshold on worker threads, a small one here. */
const WHERE = [
  ['on worker threads', 60, 200],
  ['in this thread, below the threshold', 5, 10],
] as const;

describe('ParsePool', () => {
  const context = { villages: undefined, key: undefined };
  // The compiled worker (tests run from the sources, which a worker thread cannot load).
  const workerFile = path.join(REPO, 'dist/load/parse-worker.js');
  const jobsOf = (files: number, entries: number): TextJob[] =>
    Array.from({ length: files }, (_, i) => ({ file: `logs/2023/04/村${i}.yaml`, text: log(`村${i}`, entries) }));
  /** Every job's outcome, in order, as the pool hands them out; and each job's count of them (it must be one). */
  async function parseAll(pool: ParsePool, jobs: readonly ParseJob[], onParsed: (count: number) => void = () => undefined) {
    const handed: PackedOutcome[][] = jobs.map(() => []);
    await pool.parse(jobs, onParsed, (first, outcomes) => {
      outcomes.forEach((outcome, i) => {
        handed[first + i]!.push(outcome);
      });
    });
    expect(handed.map((outcomes) => outcomes.length)).toEqual(jobs.map(() => 1));
    return handed.map(([outcome]) => outcome!);
  }
  /** The pool parses every job, counting each once, and each outcome read back is what parsing its text here gives; the pool is closed after. */
  async function expectParsedAsHere(pool: ParsePool, jobs: readonly TextJob[]) {
    let parsed = 0;
    try {
      const results = await parseAll(pool, jobs, (count) => (parsed += count));
      expect(parsed).toBe(jobs.length);
      expect(results.map((result, i) => unpackOutcome(result.packed, jobs[i]!.file))).toEqual(jobs.map((job) => parseLogFile(job.file, job.text, undefined)));
    } finally {
      await pool.close();
    }
  }
  const expected = (jobs: readonly TextJob[]) => ({
    characters: jobs.reduce((total, job) => total + job.text.length, 0),
    largestFile: Math.max(...jobs.map((job) => job.text.length)),
  });

  it('parses again in the main thread what a worker ran out of memory on', async () => {
    const jobs = jobsOf(8, 1500);
    expect(expected(jobs).characters).toBeGreaterThan(PARALLEL_THRESHOLD_BYTES);
    await expectParsedAsHere(new ParsePool(context, expected(jobs), path.join(REPO, 'tests/helpers/out-of-memory-worker.mjs')), jobs);
  }, 60_000);

  for (const [where, files, entries] of WHERE) {
    it(`hands every outcome to onResults once, as its batch comes (${where})`, async () => {
      const jobs = jobsOf(files, entries);
      expect(expected(jobs).characters >= PARALLEL_THRESHOLD_BYTES).toBe(files === 60);
      await expectParsedAsHere(new ParsePool(context, expected(jobs), workerFile), jobs);
    }, 60_000);

    it(`fails the parse when onResults fails (${where})`, async () => {
      const jobs = jobsOf(files, entries);
      const pool = new ParsePool(context, expected(jobs), workerFile);
      try {
        await expect(
          pool.parse(
            jobs,
            () => undefined,
            () => {
              throw new Error('cannot read back');
            },
          ),
        ).rejects.toThrow('cannot read back');
      } finally {
        await pool.close();
      }
    }, 60_000);
  }

  describe('jobs that say where to read the file', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'revitalize-read-jobs-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const key = { version: 'test', code: 'test', villages: undefined };

    for (const [where, files, entries] of WHERE) {
      it(`reads each file where it is parsed, tells what reading found, and serves the cache's text unparsed (${where})`, async () => {
        const texts = jobsOf(files, entries);
        const folder = path.join(root, `${files}`);
        mkdirSync(path.join(folder, 'logs/2023/04'), { recursive: true });
        for (const job of texts) writeFileSync(path.join(folder, job.file), job.text);
        const jobs: ReadJob[] = [];
        for (const [i, job] of texts.entries()) {
          const look = await inspectSource(folder, job.file, 10);
          if (!look.ok) throw new Error(`${job.file} not found`);
          // The first file's text is the cache's; the second has gone since it was looked at.
          const cached = i === 0 ? { hash: textHash(job.text), gb18030: false } : undefined;
          jobs.push({ file: job.file, read: { root: folder, inspected: look.inspected, maxSizeMB: 10, cached } });
        }
        rmSync(path.join(folder, texts[1]!.file));
        const pool = new ParsePool({ villages: undefined, key }, expected(texts), workerFile);
        try {
          const results = await parseAll(pool, jobs);
          expect(results[0]!.read).toMatchObject({ cachedText: true, problems: [], gb18030: false });
          expect(results[0]!.packed.length).toBe(0);
          expect(results[0]!.hash).toBe(textHash(texts[0]!.text));
          expect(results[1]!.read).toEqual({ problems: [expect.objectContaining({ code: 'E-FILE-UNREADABLE', file: texts[1]!.file })] });
          expect(results[1]!.packed.length).toBe(0);
          for (const [i, result] of results.entries()) {
            if (i < 2) continue;
            const { file, text } = texts[i]!;
            expect(result.read?.stamp?.size).toBe(Buffer.byteLength(text));
            expect(result.read?.text).toBeUndefined();
            expect(result.hash).toBe(textHash(text));
            expect(unpackOutcome(result.packed, file)).toEqual(parseLogFile(file, text, undefined));
          }
        } finally {
          await pool.close();
        }
      }, 60_000);
    }
  });
});
