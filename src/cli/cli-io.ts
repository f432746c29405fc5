import type { WorkspaceFs } from '../load/read-regular-file.js';
import type { LockTiming } from '../write/workspace-lock.js';
import type { WriteFs } from '../write/write-files.js';

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIO {
  cwd: string;
  now: () => Date;
  /** The environment, read for SOURCE_DATE_EPOCH and REVITALIZE_CHROMIUM only. */
  env: Readonly<Record<string, string | undefined>>;
  /**
   * Standard output. `'report'` marks a report sent there (`-o -`): a
   * report that cannot be delivered whole fails the run, even to a reader
   * that stopped early, where a listing (`suggestions | head`) does not.
   */
  stdout: (text: string, content?: 'report') => void;
  /**
   * Resolves once standard output has taken everything written, with the
   * error that stopped it (ENOSPC, EIO, EPIPE), if one did. Absent: writes
   * cannot fail, as in a test's fake.
   */
  stdoutSettled?: () => Promise<NodeJS.ErrnoException | undefined>;
  stderr: (text: string) => void;
  /** Whether each stream may carry colours (a terminal, and NO_COLOR unset). */
  colors: { stdout: boolean; stderr: boolean };
  /** File access for reading workspaces; the real file system when absent. */
  fs?: WorkspaceFs;
  /** File access for writing logs and workspaces; the real file system when absent (tests fill a disk or forbid a folder). */
  writeFs?: WriteFs;
  /** How long a writer waits for the workspace's lock, and when a lock is a dead process's; workspace-lock.ts's when absent. */
  lockTiming?: LockTiming;
  /** A terminal for a progress bar while many files are read; absent when stderr is not a terminal. */
  progress?: NodeJS.WritableStream;
  /** Ends a long-running command (report --watch): Ctrl+C in a terminal, or a test. */
  signal?: AbortSignal;
  /** Called when report --watch is watching; tests wait for it. */
  onWatching?: () => void;
  /** Where `add` asks its questions: a terminal, or streams a test drives. Absent: no prompting. */
  prompt?: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream };
  /** Finds the browser that prints PDFs; by default looks on this computer (find-chromium.ts). */
  findBrowser?: () => string | undefined;
}

/** Options every command accepts. */
export interface GlobalOptions {
  debug?: boolean;
  /** The language of messages, overriding the workspace's. */
  locale?: string;
}

/** Exit codes, as documented in the README. */
export const EXIT = { ok: 0, dataErrors: 1, usage: 2 } as const;
