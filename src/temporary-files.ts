/**
 * Temporary files this process is writing (a cache shard, a report before
 * its rename), so that a run ended by Ctrl+C or SIGTERM removes them before
 * it goes instead of leaving `*.tmp` files behind. A writer tracks a
 * temporary before creating it and forgets it once it is renamed or
 * removed. The process around the core (cli/main.ts) is told when the first
 * is tracked and when the last is forgotten: only then does a signal need
 * more than its default action, which ends the process at once.
 */
const pending = new Set<string>();
let onPending: ((pending: boolean) => void) | undefined;

/** `callback(true)` when temporaries start being written, `callback(false)` when none is left. */
export function watchTemporaries(callback: ((pending: boolean) => void) | undefined): void {
  onPending = callback;
}

export function trackTemporary(file: string): void {
  pending.add(file);
  if (pending.size === 1) onPending?.(true);
}

export function forgetTemporary(file: string): void {
  if (pending.delete(file) && pending.size === 0) onPending?.(false);
}

/** Removes every temporary still pending, synchronously: it runs as the process ends on a signal. */
export function removeTemporariesNow(): void {
  // Taken here rather than imported: importing node:fs as an ES module loads its streams too, which `--version` need not wait for.
  const { rmSync } = process.getBuiltinModule('node:fs');
  for (const file of pending) {
    try {
      rmSync(file, { force: true });
    } catch {
      // Nothing more can be done as the process ends.
    }
  }
  pending.clear();
}
