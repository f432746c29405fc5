/**
 * A report run killed with SIGKILL at any moment leaves each report file
 * either as it was before the run or complete from the run: never empty,
 * never half written.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyWorkspace, REPO } from './hosts.js';

const BIN = path.join(REPO, 'bin', 'revitalize.js');
const FORMATS = ['md', 'html', 'json'];
const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-kill-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function reportInto(cwd: string, month: string, out: string): void {
  const run = spawnSync(process.execPath, [BIN, 'report', 'ws', '--month', month, '--format', FORMATS.join(','), '-o', out], { cwd });
  expect(run.status, String(run.stderr)).toBe(0);
}

describe('killed runs', () => {
  it('leave every report file either as it was or complete', async () => {
    copyWorkspace('examples/jinkouhe', path.join(scratch, 'ws'));
    // What the run would write, and a different complete report standing in for last time's.
    const started = performance.now();
    reportInto(scratch, '2023-04', 'complete');
    const fullRun = performance.now() - started;
    reportInto(scratch, '2023-03', 'previous');
    const complete = FORMATS.map((format) => readFileSync(path.join(scratch, 'complete', `2023-04.${format}`), 'utf8'));
    const previous = FORMATS.map((format) => readFileSync(path.join(scratch, 'previous', `2023-03.${format}`), 'utf8'));

    // Spread the kills over a whole run: start-up, loading, rendering and writing, and past its end.
    const delays = [0.05, 0.3, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1, 1.1, 3].map((share) => Math.round(share * fullRun));
    const outcomes = new Set<string>();
    for (const [round, delay] of delays.entries()) {
      const out = path.join(scratch, `out-${round}`);
      FORMATS.forEach((format) => cpSync(path.join(scratch, 'previous', `2023-03.${format}`), path.join(out, `2023-04.${format}`)));
      const child = spawn(process.execPath, [BIN, 'report', 'ws', '--month', '2023-04', '--format', FORMATS.join(','), '-o', out], { cwd: scratch });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await exited;
      FORMATS.forEach((format, i) => {
        const file = path.join(out, `2023-04.${format}`);
        expect(existsSync(file)).toBe(true);
        const content = readFileSync(file, 'utf8');
        expect([previous[i], complete[i]], `${file} after ${delay} ms`).toContain(content);
        outcomes.add(content === complete[i] ? 'complete' : 'previous');
      });
    }
    // The earliest kill lands before any write and the last after the run: both ends were reached.
    expect([...outcomes].sort()).toEqual(['complete', 'previous']);
  }, 120_000);

  it('racing into one folder, two runs leave each file complete from one of them', async () => {
    copyWorkspace('examples/jinkouhe', path.join(scratch, 'one'));
    copyWorkspace('examples/riverside', path.join(scratch, 'other'));
    const run = (workspace: string, out: string) =>
      new Promise<number | null>((resolve) => {
        spawn(process.execPath, [BIN, 'report', workspace, '--month', '2023-04', '--format', FORMATS.join(','), '-o', out], { cwd: scratch }).on('exit', resolve);
      });
    expect(await Promise.all([run('one', 'alone-a'), run('other', 'alone-b')])).toEqual([0, 0]);
    for (let round = 0; round < 3; round++) {
      const out = `race-${round}`;
      expect(await Promise.all([run('one', out), run('other', out)])).toEqual([0, 0]);
      for (const format of FORMATS) {
        const content = readFileSync(path.join(scratch, out, `2023-04.${format}`), 'utf8');
        const either = ['alone-a', 'alone-b'].map((folder) => readFileSync(path.join(scratch, folder, `2023-04.${format}`), 'utf8'));
        expect(either).toContain(content);
      }
    }
  }, 120_000);
});
