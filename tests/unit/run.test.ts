import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { run } from '../../src/cli/run.js';
import { VERSION } from '../../src/version.js';

function io(now: () => Date = () => new Date(2024, 1, 10), env: Record<string, string> = {}) {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { cwd: '/', now, env, stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t), colors: { stdout: false, stderr: false } },
  };
}

describe('run', () => {
  it('prints the version and exits 0', async () => {
    const { out, io: host } = io();
    expect(await run(['--version'], host)).toBe(0);
    expect(out.stdout.trim()).toBe(VERSION);
  });

  it('prints the version alone before the parser loads exactly as the parser prints it with other options', async () => {
    const printed = async (argv: string[]) => {
      const { out, io: host } = io();
      return { exitCode: await run(argv, host), ...out };
    };
    const parsed = await printed(['--locale', 'en', '--version']);
    expect(parsed).toEqual({ exitCode: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect(await printed(['--version'])).toEqual(parsed);
    expect(await printed(['-V'])).toEqual(parsed);
    expect(await printed(['--debug', '-V'])).toEqual(parsed);
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

  it('refuses a SOURCE_DATE_EPOCH that is not a number of seconds, as a usage error', async () => {
    const { out, io: host } = io(undefined, { SOURCE_DATE_EPOCH: 'yesterday' });
    expect(await run(['report', '.', '--month', 'previous'], host)).toBe(2);
    expect(out.stderr).toContain('SOURCE_DATE_EPOCH');
  });

  it('takes the day from SOURCE_DATE_EPOCH, not the clock, when it is set', async () => {
    const { out, io: host } = io(
      () => {
        throw new Error('the clock must not be read');
      },
      { SOURCE_DATE_EPOCH: String(Date.UTC(2023, 4, 1, 6) / 1000) },
    );
    // No workspace here: the point is only that the month resolved without the clock.
    expect(await run(['report', '/nonexistent-workspace', '--month', 'previous'], host)).toBe(2);
    expect(out.stderr).toContain('nonexistent-workspace');
  });

  it('colours the dashboard on a terminal only', async () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'revitalize-run-'));
    onTestFinished(() => rmSync(workspace, { recursive: true, force: true }));
    cpSync(fileURLToPath(new URL('../../examples/riverside', import.meta.url)), workspace, {
      recursive: true,
      filter: (src) => !/[\\/](reports|\.revitalize-cache)$/.test(src),
    });
    const plain = io(() => new Date(2023, 3, 30));
    expect(await run(['summary', workspace], plain.io)).toBe(0);
    expect(plain.out.stdout).not.toContain('\u001b[');
    const terminal = io(() => new Date(2023, 3, 30));
    expect(await run(['summary', workspace], { ...terminal.io, colors: { stdout: true, stderr: true } })).toBe(0);
    expect(terminal.out.stdout).toContain('\u001b[1m');
    expect(terminal.out.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain.out.stdout);
  });
});
