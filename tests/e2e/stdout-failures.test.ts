/**
 * Standard output that cannot take what is written is a tool failure: one
 * line on standard error, exit 2, no stack trace. A reader that stops
 * early is normal for a listing (`suggestions | head`: quiet, the listing's
 * exit code), but a report sent to it (`report -o -`) was not delivered.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { suggestionLog, writeWorkspace } from '../helpers/hostile-workspace.js';
import { REPO, inProcessWith } from './hosts.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-stdout-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const BIN = path.join(REPO, 'bin', 'revitalize.js');
const cwd = writeWorkspace(scratch, {
  'logs/2023/04/永胜村.yaml': suggestionLog([{ id: '永胜-01', text: '路灯' }]),
  'notes/2023-04.md': '## 下步工作打算\n\n继续。\n',
});
const REPORT = ['report', 'ws', '-m', '2023-04', '-f', 'md', '-o', '-'];

/** The bin with its standard output on `stdout`: a file descriptor, or a pipe whose reader has gone. */
function runBin(args: string[], stdout: number | 'closed pipe'): Promise<{ exitCode: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      stdio: ['ignore', stdout === 'closed pipe' ? 'pipe' : stdout, 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    // The reader goes before the tool has written anything: its writes meet EPIPE.
    if (stdout === 'closed pipe') child.stdout!.destroy();
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (exitCode) => resolve({ exitCode, stderr }));
  });
}

describe.runIf(existsSync('/dev/full'))('a full disk under standard output', () => {
  it.each([[REPORT], [['suggestions', 'ws', '-m', '2023-04']], [['check', 'ws']], [['check', 'ws', '--format', 'json']]])(
    'fails %j with one line and exit 2',
    async (args) => {
      const full = openSync('/dev/full', 'w');
      try {
        const run = await runBin(args, full);
        expect(run.exitCode).toBe(2);
        const last = run.stderr.trimEnd().split('\n').at(-1);
        expect(last).toMatch(/^revitalize: (报告没有完整写到标准输出，没有送达|无法写入标准输出，输出不完整)（磁盘已满，ENOSPC）$/);
        expect(run.stderr).not.toMatch(/ at |Error:|node:/);
      } finally {
        closeSync(full);
      }
    },
  );
});

describe('a reader that has gone', () => {
  it('is no failure of a listing', async () => {
    for (const args of [
      ['suggestions', 'ws', '-m', '2023-04'],
      ['check', 'ws'],
    ]) {
      const run = await runBin(args, 'closed pipe');
      expect(run, args.join(' ')).toEqual({ exitCode: 0, stderr: '' });
    }
  });

  it('fails a report sent to it, which was not delivered', async () => {
    const run = await runBin(REPORT, 'closed pipe');
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('revitalize: 报告没有完整写到标准输出，没有送达（接收输出的程序已经关闭，EPIPE）\n');
  });
});

describe('in-process, with the failure standard output reports', () => {
  const failing = (code: string) => ({ stdoutSettled: async () => Object.assign(new Error(code), { code }) });

  it('says the error once, in the language asked for, and exits 2', async () => {
    const run = await inProcessWith(failing('EIO'), ['--locale', 'en', 'suggestions', 'ws', '-m', '2023-04'], cwd);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe('revitalize: could not write to standard output; the output is incomplete (an input/output error, EIO)\n');
  });

  it("keeps a listing's own exit code when its reader went, and fails a report", async () => {
    expect((await inProcessWith(failing('EPIPE'), ['suggestions', 'ws', '-m', '2023-04'], cwd)).exitCode).toBe(0);
    const report = await inProcessWith(failing('EPIPE'), REPORT, cwd);
    expect(report.exitCode).toBe(2);
    expect(report.stderr.endsWith('\nrevitalize: 报告没有完整写到标准输出，没有送达（接收输出的程序已经关闭，EPIPE）\n')).toBe(true);
  });
});
