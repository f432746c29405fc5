/** The tests' child processes: a run that hangs fails with what it printed, within its time limit. */
import { describe, expect, it } from 'vitest';
import { runChild } from '../helpers/run-child.js';

describe('runChild', () => {
  it('gives the exit code and both outputs of a run that ends', async () => {
    const run = await runChild(process.execPath, ['-e', 'console.log("out"); console.error("err"); process.exitCode = 3']);
    expect(run).toEqual({ status: 3, signal: null, stdout: 'out\n', stderr: 'err\n' });
  });

  it('kills a run past its time limit and fails with the command and its output so far', async () => {
    const started = Date.now();
    const hanging = runChild(process.execPath, ['-e', 'console.log("started"); setInterval(() => {}, 1000)'], { timeoutMs: 1_500 });
    await expect(hanging).rejects.toThrow(/still running after 1500 ms, killed\.\n--- stdout ---\nstarted\n/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
