/**
 * Runs one Node process to its end and measures it from outside: wall time
 * from spawn to exit, and peak resident memory as the process itself reports
 * it (report-usage.mjs). A run that fails, crashes or outlives its timeout
 * comes back as a failure with a reason, never as an exception, so one bad
 * run cannot lose the measurements of a whole bench.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const REPORT_USAGE = pathToFileURL(path.join(import.meta.dirname, 'report-usage.mjs')).href;
const KEPT_OUTPUT = 4000;

/**
 * @param {string[]} nodeArgs what follows `node` (a script and its arguments, or `-e 0`)
 * @param {{ cwd: string, usageFile: string, timeoutMs: number }} options
 * @returns {Promise<{ ok: true, ms: number, maxRssKiB: number | undefined, stdout: string }
 *   | { ok: false, ms: number, reason: string }>}
 */
export function measureProcess(nodeArgs, { cwd, usageFile, timeoutMs }) {
  rmSync(usageFile, { force: true });
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let endedAt;
    const startedAt = performance.now();
    const child = spawn(process.execPath, ['--import', REPORT_USAGE, ...nodeArgs], {
      cwd,
      env: { ...process.env, BENCH_USAGE_FILE: usageFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Only the ends are kept: enough for a reason, bounded for a chatty process.
    child.stdout.on('data', (chunk) => (stdout = (stdout + chunk).slice(-KEPT_OUTPUT)));
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-KEPT_OUTPUT)));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('exit', () => (endedAt = performance.now()));
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, ms: performance.now() - startedAt, reason: `could not start: ${error.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = (endedAt ?? performance.now()) - startedAt;
      if (timedOut) return resolve({ ok: false, ms, reason: `timed out after ${Math.round(timeoutMs / 1000)} s` });
      if (code !== 0) return resolve({ ok: false, ms, reason: failureReason(code, signal, stderr) });
      resolve({ ok: true, ms, maxRssKiB: readUsage(usageFile), stdout });
    });
  });
}

function failureReason(code, signal, stderr) {
  const how = signal ? `killed by ${signal}` : `exit code ${code}`;
  // V8 states why it gave up on one line (e.g. "JavaScript heap out of memory"); otherwise the last thing said.
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const said = lines.find((line) => /FATAL ERROR|out of memory/i.test(line)) ?? lines.at(-1);
  return said ? `${how}: ${said.slice(0, 200)}` : how;
}

function readUsage(usageFile) {
  try {
    const kib = Number(readFileSync(usageFile, 'utf8'));
    return Number.isFinite(kib) && kib > 0 ? kib : undefined;
  } catch {
    return undefined;
  } finally {
    rmSync(usageFile, { force: true });
  }
}
