/**
 * One log file parsed into what crosses from a worker thread and what the
 * workspace cache keeps: its outcome packed (pack-outcome.ts) and, when the
 * cache is in use, the hash of its text and the digest the cache keeps the
 * outcome with. Worker and main thread both parse through here, so a batch
 * parsed again in the main thread gives the same bytes.
 */
import { packOutcome } from './pack-outcome.js';
import { parseLogFile } from './parse-log-file.js';
import type { CacheKey } from './workspace-cache.js';
import { outcomeDigest, textHash } from './workspace-cache.js';

export interface ParseJob {
  file: string;
  text: string;
  /** The text was decoded from GB18030 (the cache keeps this with the outcome). */
  gb18030?: boolean | undefined;
}

export interface PackedOutcome {
  packed: Uint8Array;
  /** Present when the cache is in use. */
  hash: string | undefined;
  digest: string | undefined;
}

export interface ParseContext {
  /** The config's villages, when it lists them. */
  villages: readonly string[] | undefined;
  /** The cache's key, when the cache is in use. */
  key: CacheKey | undefined;
}

export function parsePacked(job: ParseJob, { villages, key }: ParseContext): PackedOutcome {
  const packed = packOutcome(parseLogFile(job.file, job.text, villages));
  if (!key) return { packed, hash: undefined, digest: undefined };
  const hash = textHash(job.text);
  return { packed, hash, digest: outcomeDigest(key, job.file, hash, job.gb18030 ?? false, packed) };
}
