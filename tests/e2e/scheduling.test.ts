/**
 * docs/scheduling.md promises a command for cron and systemd. This runs that
 * command exactly as the page writes it, as a scheduled job would: silent
 * on success, loud on bad data, and the same bytes for the same input.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyWorkspace, REPO } from './hosts.js';
import { runChild } from '../helpers/run-child.js';

const BIN = path.join(REPO, 'bin', 'revitalize.js');
const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-scheduling-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const page = readFileSync(path.join(REPO, 'docs', 'scheduling.md'), 'utf8');
const cron = /^0 6 1 \* \* cd \S+ && (revitalize .+)$/m.exec(page)?.[1];
const systemd = /^ExecStart=\/usr\/bin\/env (revitalize .+)$/m.exec(page)?.[1];
const FIRST_OF_MAY_2023 = String(Date.UTC(2023, 4, 1, 6) / 1000);

/** The documented command, with `revitalize` being this checkout's bin; `prepare` changes the workspace first. */
async function scheduled(fixture: string, env: Record<string, string>, prepare?: (cwd: string) => void) {
  const cwd = mkdtempSync(path.join(scratch, 'job-'));
  copyWorkspace(fixture, cwd);
  prepare?.(cwd);
  const [, ...args] = cron!.split(' ');
  const run = await runChild(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env } });
  return { ...run, cwd };
}

describe('the scheduled command of docs/scheduling.md', () => {
  it('is the same for cron and systemd', async () => {
    expect(cron).toBeDefined();
    expect(systemd).toBe(cron);
  });

  it("writes last month's report and prints nothing", async () => {
    const run = await scheduled('examples/jinkouhe', { SOURCE_DATE_EPOCH: FIRST_OF_MAY_2023 });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('');
    expect(readdirSync(path.join(run.cwd, 'reports')).sort()).toEqual(['2023-04.html', '2023-04.json', '2023-04.md']);
    const report = JSON.parse(readFileSync(path.join(run.cwd, 'reports', '2023-04.json'), 'utf8'));
    expect(report.generatedOn).toBe('2023-05-01');
    expect(report.metrics['night-talk.suggestions'].ytd).toBe(132);
  });

  it('fails loudly on bad data, and writes nothing', async () => {
    const run = await scheduled('tests/fixtures/bad-type', { SOURCE_DATE_EPOCH: FIRST_OF_MAY_2023 });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^logs\/2023\/04\/甲村\.yaml:7:16: 错误：/m);
    expect(readdirSync(run.cwd)).not.toContain('reports');
  });

  it('fails loudly on a month that is not ready to send: no notes, so no 下步工作打算; and writes nothing', async () => {
    const run = await scheduled('examples/jinkouhe', { SOURCE_DATE_EPOCH: FIRST_OF_MAY_2023 }, (cwd) => rmSync(path.join(cwd, 'notes'), { recursive: true }));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^notes\/2023-04\.md: 警告：/m);
    expect(readdirSync(run.cwd)).not.toContain('reports');
  });

  it('fails loudly on a month with no entry at all, and writes nothing', async () => {
    // The 1st of July 2023: the job reports June, for which the example has no logs.
    const run = await scheduled('examples/jinkouhe', { SOURCE_DATE_EPOCH: String(Date.UTC(2023, 6, 1, 6) / 1000) });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('2023年6月没有任何台账记录');
    expect(readdirSync(run.cwd)).not.toContain('reports');
  });

  it('says so even with --quiet alone, when it writes the report of an empty month', async () => {
    const cwd = mkdtempSync(path.join(scratch, 'job-'));
    copyWorkspace('examples/jinkouhe', cwd);
    const run = await runChild(process.execPath, [BIN, 'report', '--month', '2023-06', '--quiet', '--format', 'json', '--generated-on', '2023-07-01'], { cwd });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    // The loud warning alone: the others (the missing notes) are in the check notes beside the report.
    expect(run.stderr).toMatch(/^revitalize\.yaml: 警告：2023年6月没有任何台账记录/);
    expect(run.stderr).not.toContain('notes/2023-06.md');
    expect(readFileSync(path.join(cwd, 'reports', '2023-06.check.txt'), 'utf8')).toContain('notes/2023-06.md');
  });

  it('gives byte-identical reports for the same logs, whatever the time zone', async () => {
    const first = await scheduled('examples/jinkouhe', { SOURCE_DATE_EPOCH: FIRST_OF_MAY_2023, TZ: 'Asia/Shanghai' });
    const second = await scheduled('examples/jinkouhe', { SOURCE_DATE_EPOCH: FIRST_OF_MAY_2023, TZ: 'America/Los_Angeles' });
    for (const file of ['2023-04.md', '2023-04.html', '2023-04.json']) {
      expect(readFileSync(path.join(first.cwd, 'reports', file))).toEqual(readFileSync(path.join(second.cwd, 'reports', file)));
    }
  });
});
