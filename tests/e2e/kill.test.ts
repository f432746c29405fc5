/**
 * A report run killed with SIGKILL at any moment leaves each report file
 * either as it was before the run or complete from the run: never empty,
 * never half written. Ctrl+C and SIGTERM end any run within a second, stuck
 * or busy, and leave no temporary file.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { copyWorkspace, REPO } from './hosts.js';
import { runChild } from '../helpers/run-child.js';

const BIN = path.join(REPO, 'bin', 'revitalize.js');
const FORMATS = ['md', 'html', 'json'];
const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-kill-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function reportInto(cwd: string, month: string, out: string): Promise<void> {
  const run = await runChild(process.execPath, [BIN, 'report', 'ws', '--month', month, '--format', FORMATS.join(','), '-o', out], { cwd });
  expect(run.status, run.stderr).toBe(0);
}

describe('killed runs', () => {
  it('leave every report file either as it was or complete', async () => {
    copyWorkspace('examples/jinkouhe', path.join(scratch, 'ws'));
    // What the run would write, and a different complete report standing in for last time's.
    const started = performance.now();
    await reportInto(scratch, '2023-04', 'complete');
    const fullRun = performance.now() - started;
    await reportInto(scratch, '2023-03', 'previous');
    const complete = FORMATS.map((format) => readFileSync(path.join(scratch, 'complete', `2023-04.${format}`), 'utf8'));
    const previous = FORMATS.map((format) => readFileSync(path.join(scratch, 'previous', `2023-03.${format}`), 'utf8'));

    // Spread the kills over a whole run: start-up, loading, rendering and writing, and past its end.
    const delays = [0.05, 0.3, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1, 1.1, 3].map((share) => Math.round(share * fullRun));
    const outcomes = new Set<string>();
    for (const [round, delay] of delays.entries()) {
      const out = path.join(scratch, `out-${round}`);
      for (const format of FORMATS) cpSync(path.join(scratch, 'previous', `2023-03.${format}`), path.join(out, `2023-04.${format}`));
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
        spawn(process.execPath, [BIN, 'report', workspace, '--month', '2023-04', '--format', FORMATS.join(','), '-o', out], { cwd: scratch }).on(
          'exit',
          resolve,
        );
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

/** Starts the built command, sends `signal` after `delay` ms, and says how long it took to end after that, and how. */
async function signalled(args: string[], cwd: string, delay: number, signal: NodeJS.Signals = 'SIGTERM') {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: 'ignore' });
  return endAfter(child, delay, signal);
}

async function endAfter(child: ChildProcess, delay: number, signal: NodeJS.Signals) {
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, by) => resolve({ code, signal: by })));
  await new Promise((resolve) => setTimeout(resolve, delay));
  const sent = performance.now();
  child.kill(signal);
  // A child that does not end is killed at teardown, so that the test fails rather than hangs.
  const guard = setTimeout(() => child.kill('SIGKILL'), 5000);
  const how = await ended;
  clearTimeout(guard);
  return { ...how, ms: performance.now() - sent };
}

function minimalWorkspace(folder: string, log: string): void {
  mkdirSync(path.join(folder, 'logs/2023/04'), { recursive: true });
  writeFileSync(path.join(folder, 'revitalize.yaml'), 'region: 测试乡\nrecipient: 区委组织部\nissuer: 中共测试乡委员会\n');
  writeFileSync(path.join(folder, 'logs/2023/04/永胜村.yaml'), log);
}

describe.skipIf(process.platform === 'win32')('Ctrl+C and SIGTERM', () => {
  it('end a run with a FIFO as a log within 2 s of SIGTERM', async () => {
    const ws = path.join(scratch, 'fifo');
    minimalWorkspace(ws, 'village: 永胜村\nentries: []\n');
    spawnSync('mkfifo', [path.join(ws, 'logs/2023/04/管道.yaml')]);
    for (const command of [
      ['check', 'fifo'],
      ['report', 'fifo', '--month', '2023-04', '-o', 'out-fifo'],
    ]) {
      const ended = await signalled(command, scratch, 1000);
      expect(ended.ms, command.join(' ')).toBeLessThan(2000);
      expect(ended.signal === 'SIGTERM' || ended.code !== null, command.join(' ')).toBe(true);
    }
  });

  it('end a run busy parsing a large log within a second', async () => {
    const ws = path.join(scratch, 'large');
    const entry = '  - date: 2023-04-08\n    kind: session\n    form: 集中畅谈\n    attendees: 35\n';
    minimalWorkspace(ws, `village: 永胜村\npillar: night-talk\nentries:\n${entry.repeat(130_000)}`);
    for (const [signal, delay] of [
      ['SIGTERM', 600],
      ['SIGINT', 900],
    ] as const) {
      rmSync(path.join(ws, '.revitalize-cache'), { recursive: true, force: true });
      const ended = await signalled(['check', 'large'], scratch, delay, signal);
      expect(ended.signal, signal).toBe(signal);
      expect(ended.ms, signal).toBeLessThan(1000);
    }
  }, 30_000);

  it('remove the temporary files being written before the process ends', async () => {
    const temporary = path.join(scratch, 'report.md.4242-0a0b0c0d.tmp');
    const child = spawn(
      process.execPath,
      [path.join(REPO, 'tests/helpers/signal-while-writing.mjs'), pathToFileURL(path.join(REPO, 'dist/')).href, temporary],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => child.stdout!.on('data', (data: Buffer) => String(data).includes('writing') && resolve()));
    expect(existsSync(temporary)).toBe(true);
    const ended = await endAfter(child, 0, 'SIGTERM');
    expect(ended.signal).toBe('SIGTERM');
    expect(ended.ms).toBeLessThan(1000);
    expect(existsSync(temporary)).toBe(false);
  });
});
