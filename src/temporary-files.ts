/**
 * Temporary files this process is writing (a cache shard, a report before
 * its rename), so that a run ended by Ctrl+C or SIGTERM removes them before
 * it goes (cli/main.ts) instead of leaving `*.tmp` files behind. A writer
 * tracks a temporary before creating it and forgets it once it is renamed
 * or removed.
 */
import { rmSync } from 'node:fs';

const pending = new Set<string>();

export function trackTemporary(file: string): void {
  pending.add(file);
}

export function forgetTemporary(file: string): void {
  pending.delete(file);
}

/** Removes every temporary still pending, synchronously: it runs as the process ends on a signal. */
export function removeTemporariesNow(): void {
  for (const file of pending) {
    try {
      rmSync(file, { force: true });
    } catch {
      // Nothing more can be done as the process ends.
    }
  }
  pending.clear();
}
