/**
 * One log file parsed into what crosses from a worker thread and what the
 * workspace cache keeps: its outcome packed (pack-outcome.ts) and, when the
 * cache is in use, the hash of its text and the digest the cache keeps the
 * outcome with. Worker and main thread both parse through here, so a batch
 * parsed again in the main thread gives the same bytes.
 *
 * A job either carries the file's text (read by the main thread) or says
 * where to read it: then the thread that parses it reads it, synchronously,
 * with the same rules (readInspectedSourceSync), and tells what the reading
 * found alongside the outcome. Reading in the workers keeps a county's
 * thousands of reads (and decoding their text) off the main thread, which
 * meanwhile reads back the outcomes.
 */
import type { Problem } from '../problems/problem.js';
import { packOutcome } from './pack-outcome.js';
import { parseLogFile } from './parse-log-file.js';
import type { FileStamp, InspectedFile } from './read-regular-file.js';
import { readInspectedSourceSync } from './read-source.js';
import type { CacheKey } from './workspace-cache.js';
import { outcomeDigest, textHash } from './workspace-cache.js';

/** A file whose text the main thread has read. */
export interface TextJob {
  file: string;
  text: string;
  /** The text was decoded from GB18030 (the cache keeps this with the outcome). */
  gb18030?: boolean | undefined;
}

/** A file to read, found by inspectSource, and parse. */
export interface ReadJob {
  file: string;
  read: {
    root: string;
    inspected: InspectedFile;
    maxSizeMB: number;
    /**
     * The text the workspace cache has an outcome for: when the file turns
     * out to hold it still (its stamp changed, its text did not), it is not
     * parsed, and the cache's outcome is served.
     */
    cached?: { hash: string; gb18030: boolean } | undefined;
  };
}

export type ParseJob = TextJob | ReadJob;

/** What reading a ReadJob's file found. */
export interface ReadReport {
  /** Why it could not be read, or what reading it found (GB18030). */
  problems: Problem[];
  /** Absent when the file could not be read. */
  stamp?: FileStamp;
  gb18030?: boolean;
  /** Its text holds what the cache has an outcome for: nothing was parsed, and `packed` is empty. */
  cachedText?: true;
  /**
   * The text, when the file was parsed and has a problem: kept for excerpts.
   * (A file whose outcome is the cache's is read again for its excerpts, if
   * it has any, as one not read at all is: see load-workspace.ts.)
   */
  text?: string;
}

export interface PackedOutcome {
  /** Empty when a ReadJob's file could not be read or holds the cache's text. */
  packed: Uint8Array;
  /** Present when the cache is in use and the file was read. */
  hash: string | undefined;
  digest: string | undefined;
  /** Present for a ReadJob. */
  read?: ReadReport | undefined;
}

export interface ParseContext {
  /** The config's villages, when it lists them. */
  villages: readonly string[] | undefined;
  /** The cache's key, when the cache is in use. */
  key: CacheKey | undefined;
}

const NOTHING = new Uint8Array(0);

/** How much text a job holds, or will once read: what a batch of jobs is sized by. */
export function jobSize(job: ParseJob): number {
  return 'text' in job ? job.text.length : job.read.inspected.stamp.size;
}

export function parsePacked(job: ParseJob, context: ParseContext): PackedOutcome {
  if ('text' in job) return parseText(job, context).outcome;
  const { root, inspected, maxSizeMB, cached } = job.read;
  const found = readInspectedSourceSync(root, job.file, inspected, maxSizeMB);
  if (!found.ok) return { packed: NOTHING, hash: undefined, digest: undefined, read: { problems: found.problems } };
  const { text, stamp, gb18030 } = found.source;
  const read: ReadReport = { problems: found.problems, stamp, gb18030 };
  const hash = context.key ? textHash(text) : undefined;
  if (cached && hash === cached.hash && gb18030 === cached.gb18030) return { packed: NOTHING, hash, digest: undefined, read: { ...read, cachedText: true } };
  const parsed = parseText({ file: job.file, text, gb18030 }, context, hash);
  // Only a file with problems needs its text (for excerpts); a province's clean text would be hundreds of megabytes.
  if (parsed.problems || read.problems.length > 0) read.text = text;
  return { ...parsed.outcome, read };
}

/** `hash`: the text's, when already known. */
function parseText(job: TextJob, { villages, key }: ParseContext, hash = key ? textHash(job.text) : undefined): { outcome: PackedOutcome; problems: boolean } {
  const outcome = parseLogFile(job.file, job.text, villages);
  const problems = outcome.problems.length > 0;
  const packed = packOutcome(outcome);
  if (!key || hash === undefined) return { outcome: { packed, hash: undefined, digest: undefined }, problems };
  return { outcome: { packed, hash, digest: outcomeDigest(key, job.file, hash, job.gb18030 ?? false, packed) }, problems };
}
