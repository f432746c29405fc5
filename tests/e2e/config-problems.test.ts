/**
 * revitalize.yaml's problems, each told once: a number past two bounds at
 * once, and a village listed twice (an error at its second listing, while
 * the list still checks the logs' village names).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { suggestionLog, writeWorkspace } from '../helpers/hostile-workspace.js';
import { inProcess } from './hosts.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-config-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const config = (extra: string) => `region: 测试乡\nrecipient: 区委组织部\nissuer: 中共测试乡委员会\n${extra}`;

describe('config problems', () => {
  it("tells overdueDays: 1e300 once, with the field's own bound, wherever the config is checked", async () => {
    const cwd = writeWorkspace(scratch, {
      'revitalize.yaml': config('villages: [永胜村]\noverdueDays: 1e300\n'),
      'logs/2023/04/永胜村.yaml': suggestionLog([]),
    });
    for (const args of [
      ['check', 'ws'],
      ['add', 'ws', '-k', 'returnee', '--village', '永胜村', '-s', 'name=王五'],
      ['report', 'ws', '-m', '2023-04'],
    ]) {
      const run = await inProcess(args, cwd);
      expect(run.exitCode, args[0]).toBe(1);
      const said = run.stdout + run.stderr;
      expect(said.match(/overdueDays 的值/g), args[0]).toHaveLength(1);
      expect(said).toContain('字段 overdueDays 的值 1e+300 超出范围：应不大于 3650');
    }
  });

  it('refuses a village listed twice, at its second listing, and still checks the logs against the list', async () => {
    const cwd = writeWorkspace(scratch, {
      'revitalize.yaml': config('villages:\n  - 永胜村\n  - 和平村\n  - 永胜村\n'),
      'logs/2023/04/永胜村.yaml': suggestionLog([]),
      'logs/2023/04/胜利村.yaml': suggestionLog([], '胜利村'),
    });
    const run = await inProcess(['check', 'ws', '--format', 'json'], cwd);
    expect(run.exitCode).toBe(1);
    const problems = JSON.parse(run.stdout) as { file: string; line: number; code: string; message: string }[];
    expect(problems.map(({ file, line, code }) => `${file}:${line} ${code}`)).toEqual([
      'logs/2023/04/胜利村.yaml:1 E-UNKNOWN-VILLAGE',
      'revitalize.yaml:7 E-DUPLICATE-VILLAGE',
    ]);
    expect(problems[1]!.message).toBe('村名“永胜村”在 villages 名单中重复出现（第 1 项已经列出）');
    expect((await inProcess(['report', 'ws', '-m', '2023-04'], cwd)).exitCode).toBe(1);
  });
});
