/**
 * Preloaded into every measured Node process (`node --import`;
 * report-usage.py does the same for Python): on exit it writes the
 * process's peak resident memory, in KiB, to the file named by
 * BENCH_USAGE_FILE. maxRSS counts every thread of the process, so worker
 * threads are included, and it works alike on Linux, macOS and Windows.
 */
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const usageFile = process.env.BENCH_USAGE_FILE;
// Processes the measured one starts itself are not the one being measured.
delete process.env.BENCH_USAGE_FILE;

if (usageFile && isMainThread) {
  process.on('exit', () => writeFileSync(usageFile, String(process.resourceUsage().maxRSS)));
}
