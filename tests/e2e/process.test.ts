/** How the installed command behaves as a process, beyond its output. */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { copyWorkspace, inProcessWith, REPO } from './hosts.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-process-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the process', () => {
  it('ends quietly with 0 when its reader stops early (revitalize … | head)', async () => {
    // A ledger far longer than a pipe holds, so writing goes on after the reader has gone.
    mkdirSync(path.join(scratch, 'logs'));
    writeFileSync(path.join(scratch, 'revitalize.yaml'), 'region: 测试乡\n');
    const suggestions = Array.from({ length: 4000 }, (_, i) => `  - {date: 2023-04-08, kind: suggestion, id: S-${i}, text: 路灯不亮, topic: 公共服务}`);
    writeFileSync(path.join(scratch, 'logs', 'many.yaml'), `village: 甲村\npillar: night-talk\nentries:\n${suggestions.join('\n')}\n`);

    const child = spawn(process.execPath, [path.join(REPO, 'bin', 'revitalize.js'), 'suggestions', '.', '--month', '2023-04'], {
      cwd: scratch,
      env: { ...process.env, SOURCE_DATE_EPOCH: String(Date.UTC(2023, 4, 1) / 1000) },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('ends a watching report with 0 on Ctrl+C (SIGINT)', async () => {
    const workspace = path.join(scratch, 'watched');
    copyWorkspace('examples/riverside', workspace);
    const child = spawn(
      process.execPath,
      [path.join(REPO, 'bin', 'revitalize.js'), 'report', '.', '--month', '2023-04', '--format', 'md', '--watch', '-o', 'out'],
      {
        cwd: workspace,
        env: { ...process.env, SOURCE_DATE_EPOCH: String(Date.UTC(2023, 4, 1) / 1000) },
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('Ctrl+C')) child.kill('SIGINT');
    });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(stderr).toContain('Watching');
    expect(code).toBe(0);
  }, 30_000);

  it('draws a progress bar on a terminal while many files are read, and clears it', async () => {
    const workspace = path.join(scratch, 'many-files');
    mkdirSync(path.join(workspace, 'logs'), { recursive: true });
    writeFileSync(path.join(workspace, 'revitalize.yaml'), 'region: 测试乡\n');
    for (let i = 0; i < 250; i++) {
      writeFileSync(
        path.join(workspace, 'logs', `f${i}.yaml`),
        `village: 甲村\npillar: talent\nentries:\n  - {date: 2023-04-08, kind: returnee, name: 人${i}}\n`,
      );
    }
    const terminal = Object.assign(new PassThrough(), { isTTY: true, columns: 80 });
    let drawn = '';
    terminal.on('data', (chunk: Buffer) => (drawn += chunk.toString()));
    const result = await inProcessWith({ progress: terminal }, ['check', 'many-files'], scratch);
    expect(result.exitCode).toBe(0);
    expect(drawn).toContain('读取日志 [');
    expect(drawn).toContain('250/250');
    // Without a terminal, or for a few files, nothing is drawn.
    const small = Object.assign(new PassThrough(), { isTTY: true, columns: 80 });
    let none = '';
    small.on('data', (chunk: Buffer) => (none += chunk.toString()));
    copyWorkspace('examples/riverside', path.join(scratch, 'riverside'));
    await inProcessWith({ progress: small }, ['check', 'riverside'], scratch);
    expect(none).toBe('');
  });
});
