/**
 * Years from 1900 to 9999, wherever a date is read: a log's dates, the notes'
 * names, --month, --generated-on and SOURCE_DATE_EPOCH. A year outside is
 * refused (in a log, a located problem; on the command line, a usage error
 * with exit 2), never shifted: JavaScript's Date reads 0099 as 1999.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isoDate } from '../../src/schema/log-schema.js';
import { suggestionLog, writeWorkspace } from '../helpers/hostile-workspace.js';
import { inProcess, inProcessWith } from './hosts.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-dates-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const LOG = 'logs/2023/04/永胜村.yaml';

describe('dates in logs', () => {
  it('agree with the calendar on every 29 February from 1900 to 9999, and refuse every year before 1900', () => {
    for (let year = 0; year <= 9999; year++) {
      const written = String(year).padStart(4, '0');
      const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
      expect(isoDate.safeParse(`${written}-02-29`).success, written).toBe(year >= 1900 && leap);
      expect(isoDate.safeParse(`${written}-03-01`).data, written).toBe(year >= 1900 ? `${written}-03-01` : undefined);
    }
  });

  it('refuse a year before 1900 as a located problem of its own, and nothing follows from it', async () => {
    const log = suggestionLog([{ id: '永胜-01', text: '路灯', date: '0999-04-08' }]).replace('kind: suggestion', 'kind: suggestion\n    resolved: 0023-04-09');
    const cwd = writeWorkspace(scratch, { [LOG]: log });
    const run = await inProcess(['check', 'ws', '--format', 'json'], cwd);
    expect(run.exitCode).toBe(1);
    const problems = JSON.parse(run.stdout) as { code: string; line: number; message: string }[];
    expect(problems.map(({ code, line }) => `${code}@${line}`)).toEqual(['E-DATE-OUT-OF-RANGE@8', 'E-DATE-OUT-OF-RANGE@11']);
    expect(problems[0]!.message).toBe('日期 0999-04-08 的年份不在 1900 到 9999 年之间');
    // The text names the year as written: not 999-04-08, not "later than today", not "after a 2023 resolution".
    const text = await inProcess(['check', 'ws'], cwd);
    expect(text.stdout).not.toMatch(/\b999-04-08|晚于|之前/);
  });

  it('do not read notes named for a year before 1900, nor offer that name as the right one', async () => {
    const cwd = writeWorkspace(scratch, { [LOG]: suggestionLog([]), 'notes/0999-04.md': '## 下步工作打算\n\n继续。\n' });
    const run = await inProcess(['check', 'ws', '--format', 'json'], cwd);
    const problems = JSON.parse(run.stdout) as { code: string; file: string; hint: string }[];
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'W-NOTES-BAD-NAME', file: 'notes/0999-04.md' });
    expect(problems[0]!.hint).toContain('1900 到 9999 年');
  });
});

describe('dates on the command line', () => {
  const cwd = writeWorkspace(scratch, { [LOG]: suggestionLog([{ id: '永胜-01', text: '路灯' }]) });

  it.each([
    [['report', 'ws', '--month', '0000-01'], '--month 的“0000-01”年份不在 1900 到 9999 年之间'],
    [['report', 'ws', '--month', '0001-01', '--allow-future'], '--month 的“0001-01”年份不在 1900 到 9999 年之间'],
    [['check', 'ws', '--month', '1899-12'], '--month 的“1899-12”年份不在 1900 到 9999 年之间'],
    [['summary', 'ws', '--month', '0999年4月'], '--month 的“0999年4月”年份不在 1900 到 9999 年之间'],
    [['suggestions', 'ws', '--month', '0001-01'], '--month 的“0001-01”年份不在 1900 到 9999 年之间'],
    [['explain', '办结率', 'ws', '--month', '0001-01'], '--month 的“0001-01”年份不在 1900 到 9999 年之间'],
    [['report', 'ws', '--month', '2023-04', '--generated-on', '0099-12-31'], '--generated-on 的“0099-12-31”年份不在 1900 到 9999 年之间'],
    [['rollup', 'x.json', '--region', '区', '--generated-on', '0001-01-01'], '--generated-on 的“0001-01-01”年份不在 1900 到 9999 年之间'],
  ])('refuses %j as a usage error', async (args, message) => {
    const run = await inProcess(args, cwd);
    expect(run.stderr).toBe(`revitalize: ${message}：请检查年份，如 2023\n`);
    expect(run.exitCode).toBe(2);
  });

  it.each(['99999999999999', '253402300800'])('refuses SOURCE_DATE_EPOCH=%s, a day past 9999, as a usage error', async (epoch) => {
    const run = await inProcessWith({ env: { SOURCE_DATE_EPOCH: epoch } }, ['report', 'ws', '--month', '2023-04', '-f', 'json', '-o', '-'], cwd);
    expect(run.stderr).toBe(`revitalize: 环境变量 SOURCE_DATE_EPOCH 的值“${epoch}”换算成的日期不在 1900 年到 9999 年之间\n`);
    expect(run.exitCode).toBe(2);
  });

  it('reports the first and the last days of the range as they are written', async () => {
    const first = await inProcess(['report', 'ws', '--month', '1900-01', '--generated-on', '1900-01-01', '-f', 'json', '-o', '-'], cwd);
    expect(first.exitCode, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ month: '1900-01', generatedOn: '1900-01-01' });
    const last = await inProcessWith({ env: { SOURCE_DATE_EPOCH: '253402300799' } }, ['report', 'ws', '--month', '9999-12', '-f', 'json', '-o', '-'], cwd);
    expect(last.exitCode, last.stderr).toBe(0);
    expect(JSON.parse(last.stdout)).toMatchObject({ month: '9999-12', generatedOn: '9999-12-31' });
  });
});
