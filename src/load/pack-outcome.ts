/**
 * A log file's outcome as bytes: the form in which it crosses from a parse
 * worker to the main thread (one buffer, handed over, not an object graph
 * cloned) and in which the workspace cache keeps it, so that a worker's
 * bytes are the cache's bytes and nothing is serialised twice.
 *
 * A clean outcome (entries only, the common case) is JSON with the file's
 * name left out of every position: smaller than node:v8's form, and faster
 * to read back (JSON.parse also shares short repeated strings). An outcome
 * JSON would not give back exactly (a problem's values, a key holding
 * undefined, a -0) is kept in node:v8's form, which does. Reading back
 * checks the shape (check-cached-outcome.ts) and puts the file's name back.
 */
import { deserialize, serialize } from 'node:v8';
import { isLogFileOutcome } from './check-cached-outcome.js';
import type { LogFileOutcome } from './parse-log-file.js';

const JSON_FORM = 0x4a;
const V8_FORM = 0x56;

/** The outcome as bytes. It is taken over: its positions may lose their file's name. */
export function packOutcome(outcome: LogFileOutcome): Uint8Array {
  if (!isPlainOutcome(outcome)) {
    const bytes = serialize(outcome);
    const packed = new Uint8Array(bytes.length + 1);
    packed[0] = V8_FORM;
    packed.set(bytes, 1);
    return packed;
  }
  nameEntriesFile(outcome.entries, '');
  return Buffer.from(`J${JSON.stringify(outcome)}`, 'utf8');
}

/**
 * The outcome packed for `file`, or undefined when the bytes are not one
 * (damaged, forged, of another form). `fresh`: the bytes were packed by
 * this run's own parse (a worker's answer), not read from disk, so the
 * check of their shape, which is what stops a forged cache shard, is spared
 * (a county's 100,000 entries, some 50 ms).
 */
export function unpackOutcome(packed: Uint8Array, file: string, fresh = false): LogFileOutcome | undefined {
  let value: unknown;
  try {
    const body = Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
    if (packed[0] === JSON_FORM) value = JSON.parse(body.toString('utf8', 1));
    else if (packed[0] === V8_FORM) value = deserialize(body.subarray(1));
    else return undefined;
  } catch {
    return undefined;
  }
  if (!fresh && !isLogFileOutcome(value)) return undefined;
  const outcome = value as LogFileOutcome;
  nameEntriesFile(outcome.entries, file);
  for (const found of outcome.problems) found.file = file;
  for (const refused of outcome.refusedSuggestions) {
    refused.at.file = file;
    for (const at of Object.values(refused.fieldAt)) if (at) at.file = file;
  }
  return outcome;
}

/** Every position of the entries names `file` (packed, '': the bytes need not carry it a thousand times). */
function nameEntriesFile(entries: LogFileOutcome['entries'], file: string): void {
  for (const entry of entries) {
    entry.at.file = file;
    if (entry.fieldAt) for (const key in entry.fieldAt) entry.fieldAt[key as keyof typeof entry.fieldAt]!.file = file;
  }
}

/** Entries alone, each made only of what JSON gives back as it was: text, lists of text, numbers other than -0, positions. */
function isPlainOutcome(outcome: LogFileOutcome): boolean {
  if (outcome?.problems?.length !== 0 || outcome.refusedSuggestions?.length !== 0 || !Array.isArray(outcome.entries)) return false;
  for (const entry of outcome.entries) {
    if (typeof entry !== 'object' || entry === null) return false;
    const fields = entry as unknown as Record<string, unknown>;
    for (const key in fields) {
      const value = fields[key];
      if (value === undefined || Object.is(value, -0)) return false;
    }
  }
  return true;
}
