/**
 * A province's logs decode to a million entries (some 300 MB live), and
 * V8 lets a heap that large grow to two or three times its live size
 * before it collects: on a year of a province, well over a gigabyte at the
 * peak, most of it garbage. For a workspace that large, the heap is told
 * to grow by at most HEAP_GROWING_PERCENT at each collection, so that
 * garbage is collected sooner; it costs a few more collections (a few
 * percent of the run), never an out-of-memory failure, as it sets no
 * limit. The setting is the process's and is never undone: once so large
 * a workspace is loaded, the rest of the run (checks, report) works on it.
 *
 * The young generation, too, stops growing from then on (Node 24, busy,
 * may still add a few megabytes, not the ceiling's hundred). Node 24's V8
 * sizes its ceiling from the machine's memory (128 MB of new space on a
 * 24 GB machine, against 32 MB on Node 20), and a load that keeps most of
 * what it allocates grows it to that ceiling: a province's report peaked
 * at 1,082 MiB on Node 24 with it and 993 MiB without, in 12.5 s against
 * 13.0 s; Node 20, at 32 MB, is not measurably changed. Its ceiling can
 * only be set when the process starts; how fast it grows can be set now.
 *
 * Only a process that is the command's own (the CLI calls
 * allowHeapTuning() when it starts) is tuned: a program that uses the
 * library keeps its V8 settings as it made them.
 */
import { setFlagsFromString } from 'node:v8';

/** Log files at least this large (bytes, all together) make a workspace large. */
export const LARGE_WORKSPACE_BYTES = 64 * 1024 * 1024;
const HEAP_GROWING_PERCENT = 30;

let allowed = false;
let limited = false;

/** This process is revitalize's own: its heap may be tuned for a large workspace. */
export function allowHeapTuning(): void {
  allowed = true;
}

/** Called with the size of a workspace's logs; limits the heap's growth once they are LARGE_WORKSPACE_BYTES or more, if allowed. */
export function limitHeapGrowth(logBytes: number): void {
  if (!allowed || limited || logBytes < LARGE_WORKSPACE_BYTES) return;
  limited = true;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  setFlagsFromString('--semi-space-growth-factor=1');
}
