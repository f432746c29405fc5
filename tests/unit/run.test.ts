import { describe, expect, it } from 'vitest';
import { VERSION, run } from '../../src/cli/run.js';

function io(now: () => Date = () => new Date(2024, 1, 10)) {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { cwd: '/', now, stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t), colors: { stdout: false, stderr: false } },
  };
}

describe('run', () => {
  it('prints the version and exits 0', async () => {
    const { out, io: host } = io();
    expect(await run(['--version'], host)).toBe(0);
    expect(out.stdout.trim()).toBe(VERSION);
  });

  it('reports an internal failure in one line, as a bug, with exit 2 and no stack trace', async () => {
    const { out, io: host } = io(() => {
      throw new Error('clock broke');
    });
    expect(await run(['report', '.', '--month', 'current'], host)).toBe(2);
    expect(out.stderr).toContain('内部错误');
    expect(out.stderr).toContain(VERSION);
    expect(out.stderr).not.toContain('clock broke');
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('shows the stack trace of an internal failure with --debug', async () => {
    const { out, io: host } = io(() => {
      throw new Error('clock broke');
    });
    expect(await run(['--debug', 'report', '.', '--month', 'current'], host)).toBe(2);
    expect(out.stderr).toContain('Error: clock broke');
    expect(out.stderr).toMatch(/\n\s+at /);
  });
});
