/**
 * Runs one process (Node, or the Python baseline) to its end and measures
 * it from outside: wall time from spawn to exit, and peak resident memory
 * as the process itself reports it (report-usage.mjs for Node,
 * report-usage.py for Python). A run that fails, crashes or outlives its
 * timeout comes back as a failure with a reason, never as an exception, so
 * one bad run cannot lose the measurements of a whole bench.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const REPORT_USAGE = pathToFileURL(path.join(import.meta.dirname, 'report-usage.mjs')).href;
const REPORT_USAGE_PYTHON = path.join(import.meta.dirname, 'report-usage.py');
const KEPT_OUTPUT = 4000;

/**
 * The command line of a measured Node process.
 * @param {string} node the `node` executable
 * @param {string[]} nodeArgs what follows `node` (a script and its arguments, or `-e 0`)
 */
export function nodeCommand(node, nodeArgs) {
  return { file: node, args: ['--import', REPORT_USAGE, ...nodeArgs] };
}

/**
 * The command line of a measured Python script.
 * @param {string} python the `python3` executable
 * @param {string[]} scriptArgs the script and its arguments
 */
export function pythonCommand(python, scriptArgs) {
  return { file: python, args: [REPORT_USAGE_PYTHON, ...scriptArgs] };
}

/**
 * @param {{ file: string, args: string[] }} command from nodeCommand or pythonCommand
 * @param {{ cwd: string, usageFile: string, timeoutMs: number }} options
 * @returns {Promise<{ ok: true, ms: number, maxRssKiB: number | undefined, stdout: string }
 *   | { ok: false, ms: number, reason: string }>}
 */
export function measureProcess({ file, args }, { cwd, usageFile, timeoutMs }) {
  rmSync(usageFile, { force: true });
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let endedAt;
    const startedAt = performance.now();
    const child = spawn(file, args, {
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
  // V8 states why it gave up on one line (e.g. "JavaScript heap out of memory"); otherwise the last thing said (a Python traceback's error).
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
