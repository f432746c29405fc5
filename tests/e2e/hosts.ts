/** The two ways a scenario runs: through run() in-process, and as the built bin in a child process. */
import { cpSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/run.js';
import type { CliIO } from '../../src/cli/cli-io.js';
import type { WorkspaceFs } from '../../src/load/read-regular-file.js';
import { runChild } from '../helpers/run-child.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** A copy of a workspace of the repository (examples or fixtures), without any reports made from it. */
export function copyWorkspace(fixture: string, to: string): void {
  cpSync(path.join(REPO, fixture), to, { recursive: true, verbatimSymlinks: true, filter: (src) => !src.includes(`${path.sep}reports`) });
}
export const BIN = path.join(REPO, 'bin', 'revitalize.js');

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export type Host = (args: string[], cwd: string) => Promise<RunResult>;

/** In-process runs see a fixed clock: 15 March 2024 (spawned runs get the same day as SOURCE_DATE_EPOCH). */
export const inProcess = (args: string[], cwd: string, fs?: WorkspaceFs): Promise<RunResult> => inProcessOn(new Date(2024, 2, 15), args, cwd, fs);

/** An in-process run on a day of the test's choosing. */
export function inProcessOn(day: Date, args: string[], cwd: string, fs?: WorkspaceFs): Promise<RunResult> {
  return inProcessWith({ now: () => day, ...(fs ? { fs } : {}) }, args, cwd);
}

/** An in-process run with parts of its outside world chosen by the test. */
export async function inProcessWith(io: Partial<CliIO>, args: string[], cwd: string): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const exitCode = await run(args, {
    cwd,
    now: () => new Date(2024, 2, 15),
    env: {},
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    colors: { stdout: false, stderr: false },
    ...io,
  });
  return { exitCode, stdout, stderr };
}

/** A `report --watch` run in-process: what it has said so far, whether it is watching yet, and how to stop it (its exit code). */
export interface WatchRun {
  said: { stderr: string; watching: boolean };
  stop: () => Promise<number>;
}

export function watchInProcess(args: string[], cwd: string, fs?: WorkspaceFs): WatchRun {
  const said = { stderr: '', watching: false };
  const abort = new AbortController();
  const running = run(args, {
    cwd,
    now: () => new Date(2024, 2, 15),
    env: {},
    stdout: () => {},
    stderr: (text) => {
      said.stderr += text;
    },
    colors: { stdout: false, stderr: false },
    ...(fs ? { fs } : {}),
    signal: abort.signal,
    onWatching: () => {
      said.watching = true;
    },
  });
  return {
    said,
    stop: () => {
      abort.abort();
      return running;
    },
  };
}

export const spawned: Host = async (args, cwd) => {
  const child = await runChild(process.execPath, [BIN, ...args], {
    cwd,
    // The same day as the in-process clock, so both hosts date their reports alike.
    env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: String(Date.UTC(2024, 2, 15, 12) / 1000) },
  });
  return { exitCode: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
};
