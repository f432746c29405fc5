/**
 * One writer at a time in a workspace. A command that changes logs (`add`,
 * `resolve`, and any later one that does) holds this lock from before it
 * reads the logs it checks the new entry against until the entry is in
 * place, so that each writer sees every entry written before it: none is
 * lost, ids stay unique, a suggestion is resolved once. Readers (`check`,
 * `report`) take no lock: every write is an atomic rename.
 *
 * The lock is the folder `.revitalize-lock` in the workspace, made by
 * proper-lockfile with mkdir, which only one process can do; its holder
 * touches it every second. A lock not touched for STALE_MS is a dead
 * process's (killed, or the computer switched off) and is taken over. A
 * writer that finds the lock held waits for up to WAIT_MS, longer than
 * STALE_MS, trying again every 50 to 150 ms: a lock left by a dead process
 * never sends a clerk away, and one held by a live writer (a second clerk's
 * `add`, a script adding many entries) is told about plainly. The folder
 * starts with a dot, so no log glob reads it, and `init` lists it in
 * `.gitignore`.
 */
import path from 'node:path';

export const LOCK_NAME = '.revitalize-lock';

/** A lock not touched for this long is a dead process's. */
export const STALE_MS = 5_000;
/** How often the holder touches its lock (proper-lockfile allows no less than a second). */
const TOUCH_MS = 1_000;
/** How long a writer waits for the lock. */
export const WAIT_MS = 10_000;

/** Another writer holds the workspace's lock and kept it for all of WAIT_MS. */
export class WorkspaceLockedError extends Error {
  constructor(readonly root: string) {
    super(`${root} is locked by another writer`);
  }
}

/**
 * The lock was lost while held (its folder removed, or not touched in time
 * because the process stalled): another writer may have taken it, so the
 * write must not go ahead.
 */
export class WorkspaceLockLostError extends Error {
  constructor(readonly root: string) {
    super(`lost the lock of ${root}`);
  }
}

export interface WorkspaceLock {
  /** Throws WorkspaceLockLostError when the lock is no longer ours: called just before writing. */
  confirm(): void;
  release(): Promise<void>;
}

export interface LockTiming {
  waitMs?: number;
  staleMs?: number;
}

/** Takes the workspace's lock, waiting for it (see above). File-system failures (a read-only folder) are thrown as they are. */
export async function lockWorkspace(root: string, { waitMs = WAIT_MS, staleMs = STALE_MS }: LockTiming = {}): Promise<WorkspaceLock> {
  // Loaded here, by the commands that write logs: it patches fs (graceful-fs) as it loads.
  const { default: lockfile } = await import('proper-lockfile');
  const lockfilePath = path.join(root, LOCK_NAME);
  const deadline = Date.now() + waitMs;
  let lost = false;
  for (;;) {
    try {
      const release = await lockfile.lock(root, {
        lockfilePath,
        realpath: false,
        stale: staleMs,
        update: TOUCH_MS,
        onCompromised: () => {
          lost = true;
        },
      });
      return {
        confirm: () => {
          if (lost) throw new WorkspaceLockLostError(root);
        },
        release: () => (lost ? Promise.resolve() : release().catch(() => undefined)),
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() >= deadline) throw new WorkspaceLockedError(root);
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
    }
  }
}

/** Runs `step` holding the workspace's lock, released however it ends. */
export async function withWorkspaceLock<T>(root: string, step: (lock: WorkspaceLock) => Promise<T>, timing?: LockTiming): Promise<T> {
  const lock = await lockWorkspace(root, timing);
  try {
    return await step(lock);
  } finally {
    await lock.release();
  }
}
