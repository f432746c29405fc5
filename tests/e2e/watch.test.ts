/** report --watch: made again after each saved change; a bad edit shows its errors and the watching goes on. */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyWorkspace, watchInProcess } from './hosts.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-watch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function until(condition: () => boolean, what: string, timeout = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('report --watch', () => {
  it("makes the report again after each change, and shows a bad edit's errors without stopping", async () => {
    const cwd = scratch;
    copyWorkspace('tests/fixtures/edges', path.join(cwd, 'ws'));
    const log = path.join(cwd, 'ws', 'logs', '2024', '02', '乙村.yaml');
    const report = path.join(cwd, 'ws', 'reports', '2024-02.json');
    const sessions = () => JSON.parse(readFileSync(report, 'utf8')).metrics['night-talk.sessions'].month as number;
    const { said, stop } = watchInProcess(['report', 'ws', '--month', '2024-02', '--format', 'json', '--watch'], cwd);
    await until(() => said.watching, 'the watcher');
    expect(sessions()).toBe(2);

    appendFileSync(log, '  - {date: 2024-02-20, pillar: night-talk, kind: session, form: 入户访谈, attendees: 9}\n');
    await until(() => sessions() === 3, 'the report made again');

    const good = readFileSync(log, 'utf8');
    writeFileSync(log, `${good}  - {date: 2024-02-21, kind: sesion}\n`);
    await until(() => said.stderr.includes('未知的记录类型（kind）“sesion”'), 'the error of the bad edit');
    expect(sessions()).toBe(3);

    writeFileSync(log, `${good}  - {date: 2024-02-22, pillar: night-talk, kind: session, form: 入户访谈, attendees: 5}\n`);
    await until(() => sessions() === 4, 'the report after the fix');

    expect(await stop()).toBe(0);
    expect(said.stderr).toContain('正在监视');
  }, 60_000);

  it('says an internal error of one rebuild, as any internal error is said, and makes the report again after the next change', async () => {
    const cwd = mkdtempSync(path.join(scratch, 'failing-'));
    copyWorkspace('tests/fixtures/edges', path.join(cwd, 'ws'));
    const log = path.join(cwd, 'ws', 'logs', '2024', '02', '乙村.yaml');
    const report = path.join(cwd, 'ws', 'reports', '2024-02.json');
    const sessions = () => JSON.parse(readFileSync(report, 'utf8')).metrics['night-talk.sessions'].month as number;
    // A bug, not a file the clerk can fix: an error without an errno code, thrown once when armed.
    let failNextRead = false;
    const fs = {
      ...nodeFs,
      realpath: async (file: string) => {
        if (failNextRead) {
          failNextRead = false;
          throw new Error('injected failure');
        }
        return nodeFs.realpath(file);
      },
    };
    const { said, stop } = watchInProcess(['report', 'ws', '--month', '2024-02', '--format', 'json', '--watch', '--locale', 'en'], cwd, fs);
    await until(() => said.watching, 'the watcher');
    expect(sessions()).toBe(2);

    failNextRead = true;
    appendFileSync(log, '  - {date: 2024-02-20, pillar: night-talk, kind: session, form: 入户访谈, attendees: 9}\n');
    await until(() => said.stderr.includes('internal error: this is a bug'), 'the internal error said');
    expect(failNextRead).toBe(false);
    expect(sessions()).toBe(2);
    expect(said.stderr).not.toContain('injected failure');

    appendFileSync(log, '  - {date: 2024-02-21, pillar: night-talk, kind: session, form: 入户访谈, attendees: 5}\n');
    await until(() => sessions() === 4, 'the report made again after the failed rebuild');

    expect(await stop()).toBe(0);
  }, 60_000);
});
