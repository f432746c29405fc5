import { defineConfig } from 'vitest/config';

/**
 * Two projects, run at the same time. `fast`: the logic and the scenarios
 * in-process, bound by the CPU. `slow`: whatever starts other programs (the
 * built bin, npm, Chromium, LibreOffice, the Nu HTML Checker) or waits on
 * timers (killed runs, stale locks, the watcher); its workers spend most of
 * their time waiting, so there are more of them than cores. Vitest's default
 * on a 2-core machine is one worker in all, which ran everything in turn.
 */
const SLOW = [
  'tests/browser/**/*.test.ts',
  'tests/e2e/golden-spawned.test.ts',
  'tests/e2e/bundle.test.ts',
  'tests/e2e/formats.test.ts',
  'tests/e2e/hostile-inputs.test.ts',
  'tests/e2e/hostile-text-output.test.ts',
  'tests/e2e/import.test.ts',
  'tests/e2e/install.test.ts',
  'tests/e2e/kill.test.ts',
  'tests/e2e/office.test.ts',
  'tests/e2e/process.test.ts',
  'tests/e2e/report-content.test.ts',
  'tests/e2e/scheduling.test.ts',
  'tests/e2e/stdout-failures.test.ts',
  'tests/e2e/template-limits.test.ts',
  'tests/e2e/watch.test.ts',
  'tests/e2e/workspace-cache.test.ts',
  'tests/e2e/write-path.test.ts',
  'tests/e2e/writer-lock.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    // Set-ups that make reports in every format, or remove an installed package, take longer than the default 10 s on a busy machine.
    hookTimeout: 60_000,
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: { name: 'fast', include: ['tests/**/*.test.ts'], exclude: SLOW, globalSetup: ['tests/setup/no-repo-writes.ts'] },
      },
      {
        extends: true,
        // The spawned runs use dist/: refuse to start on a stale build.
        test: { name: 'slow', include: SLOW, globalSetup: ['tests/setup/no-repo-writes.ts', 'tests/setup/dist-is-fresh.ts'] },
      },
    ],
  },
});
