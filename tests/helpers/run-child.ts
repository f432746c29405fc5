/**
 * A command run as a child process, waited for without blocking the test
 * worker (so other tests of the file, and vitest's own timers, go on), and
 * killed after a time limit: a run that hangs fails its test with the
 * command and what it printed so far, rather than holding the suite until
 * vitest gives up on it with nothing to show.
 */
import { spawn } from 'node:child_process';

export interface ChildOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Killed (SIGKILL) after this long; the promise then rejects. */
  timeoutMs?: number;
}

export interface ChildResult {
  /** The exit code, or null when a signal ended it. */
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const DEFAULT_TIMEOUT_MS = 60_000;

export function runChild(command: string, args: readonly string[], options: ChildOptions = {}): Promise<ChildResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')} could not start: ${error.message}`));
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(new Error(`${command} ${args.join(' ')} still running after ${timeoutMs} ms, killed.\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`));
        return;
      }
      resolve({ status, signal, stdout, stderr });
    });
    // Nothing to read: as spawnSync gave it, an empty standard input.
    child.stdin?.end();
  });
}
