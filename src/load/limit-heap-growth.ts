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
 */
import { setFlagsFromString } from 'node:v8';

/** Log files at least this large (bytes, all together) make a workspace large. */
export const LARGE_WORKSPACE_BYTES = 64 * 1024 * 1024;
const HEAP_GROWING_PERCENT = 30;

let limited = false;

/** Called with the size of a workspace's logs; limits the heap's growth once they are LARGE_WORKSPACE_BYTES or more. */
export function limitHeapGrowth(logBytes: number): void {
  if (limited || logBytes < LARGE_WORKSPACE_BYTES) return;
  limited = true;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
