/**
 * `add` and `resolve`: entries go into the right log file, everything
 * already there is kept byte for byte, and what is written passes `check`.
 * The interactive form is driven through the prompt library's own streams,
 * typing answers as a clerk would.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { copyWorkspace, inProcess } from './hosts.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-add-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function workspace(fixture = 'examples/jinkouhe'): string {
  const cwd = mkdtempSync(path.join(scratch, 'ws-'));
  copyWorkspace(fixture, path.join(cwd, 'ws'));
  return cwd;
}
const read = (cwd: string, file: string) => readFileSync(path.join(cwd, 'ws', file), 'utf8');
const LOG = 'logs/2023/04/永胜村.yaml';

describe('add with flags', () => {
  it('appends to the village\'s log of the month, keeping every byte already there, and checks clean', async () => {
    const cwd = workspace();
    const before = read(cwd, LOG);
    const entriesBefore = Number(/(\d+) 条有效记录/.exec((await inProcess(['check', 'ws'], cwd)).stdout)![1]);
    const added = await inProcess(['add', 'ws', '--kind', 'suggestion', '--village', '永胜村', '--date', '2023/4/28', '--set', 'text=五组路灯不亮', '--set', 'topic=公共服务'], cwd);
    expect(added.exitCode, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^已添加 logs\/2023\/04\/永胜村\.yaml:\d+ {2}意见建议：永胜-20230428-01 五组路灯不亮\n$/);
    const after = read(cwd, LOG);
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toBe(
      ['', '  - date: 2023-04-28', '    pillar: night-talk', '    kind: suggestion', '    id: 永胜-20230428-01', '    text: 五组路灯不亮', '    topic: 公共服务', ''].join('\n'),
    );
    const check = await inProcess(['check', 'ws'], cwd);
    expect(check.stdout).toContain(`${entriesBefore + 1} 条有效记录：没有发现问题`);
    expect(check.exitCode).toBe(0);
  });

  it('numbers suggestions of one village and day in turn, and resolve records a resolution', async () => {
    const cwd = workspace();
    for (const text of ['一', '二']) {
      expect((await inProcess(['add', 'ws', '-k', 'suggestion', '--village', '永胜村', '-d', '2023-04-28', '-s', `text=${text}`], cwd)).exitCode).toBe(0);
    }
    expect(read(cwd, LOG)).toContain('id: 永胜-20230428-02');
    const resolved = await inProcess(['resolve', '永胜-20230428-02', 'ws', '--date', '2023-04-29', '--note', '已修好'], cwd);
    expect(resolved.exitCode, resolved.stderr).toBe(0);
    const report = JSON.parse((await inProcess(['report', 'ws', '-m', '2023-04', '-f', 'json', '-o', '-'], cwd)).stdout);
    expect(report.metrics['night-talk.suggestions'].ytd).toBe(134);
    expect(report.metrics['night-talk.resolved'].ytd).toBe(94);
  });

  it('starts a new file for a new month, with the village as its default', async () => {
    const cwd = workspace();
    expect((await inProcess(['add', 'ws', '-k', 'returnee', '--village', '新华村', '-d', '2023-05-02', '-s', 'name=王五'], cwd)).exitCode).toBe(0);
    expect(read(cwd, 'logs/2023/05/新华村.yaml')).toBe('village: 新华村\nentries:\n  - date: 2023-05-02\n    pillar: talent\n    kind: returnee\n    name: 王五\n');
  });

  it('refuses what check would refuse, and writes nothing', async () => {
    const cwd = workspace();
    const before = read(cwd, LOG);
    const wrong = await inProcess(['add', 'ws', '-k', 'session', '--village', '永胜村', '-d', '2023-04-30', '-s', 'form=集中谈', '-s', 'attendees=很多'], cwd);
    expect(wrong.exitCode).toBe(1);
    expect(wrong.stderr).toContain('是不是想写“集中畅谈”');
    expect(wrong.stderr).toContain('字段 attendees 应为整数');
    const twice = await inProcess(['resolve', '永胜-20230408-02', 'ws'], cwd);
    expect(twice.exitCode).toBe(1);
    expect(twice.stderr).toContain('被重复办结');
    const village = await inProcess(['add', 'ws', '-k', 'returnee', '--village', '永盛村', '-s', 'name=王'], cwd);
    expect(village.stderr).toContain('是不是想写“永胜村”');
    expect(read(cwd, LOG)).toBe(before);
  });

  it('is a usage error without a kind when nobody is at a terminal', async () => {
    const cwd = workspace();
    const run = await inProcess(['add', 'ws'], cwd);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('--kind');
  });
});

describe('add, answering questions', () => {
  /** Answers each question when its text appears, as a person typing would. */
  async function answering(cwd: string, answers: [RegExp, string][]) {
    const input = new PassThrough();
    const output = new PassThrough();
    // Each finished question ends its output, as a terminal would shrug off; a test stream must stay open too.
    output.end = (() => output) as typeof output.end;
    let screen = '';
    let shown = '';
    let next = 0;
    output.on('data', (chunk: Buffer) => {
      screen += chunk.toString();
      shown += chunk.toString();
      const plain = screen.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
      while (next < answers.length && answers[next]![0].test(plain)) {
        const [, keys] = answers[next]!;
        next++;
        screen = '';
        setTimeout(() => input.write(keys), 5);
        break;
      }
    });
    let stdout = '';
    let stderr = '';
    const exitCode = await run(['add', 'ws'], {
      cwd,
      now: () => new Date(2023, 3, 28),
      env: {},
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      colors: { stdout: false, stderr: false },
      prompt: { input, output },
    });
    return { exitCode, stdout, stderr, answered: next, shown };
  }

  const DOWN = '\u001b[B';
  const ENTER = '\r';

  it('asks pillar, kind, date, village and each field, checks answers as typed, and writes the entry', async () => {
    const cwd = workspace();
    const before = read(cwd, LOG);
    const result = await answering(cwd, [
      [/哪个板块/, `${DOWN}${DOWN}${ENTER}`], // 夜谈联访
      [/哪类记录/, ENTER], // 居民夜谈会 (session)
      [/日期/, ENTER], // today: 2023-04-28
      [/哪个村/, ENTER], // the last village logged
      [/形式/, `${DOWN}${ENTER}`], // 专题座谈
      [/参加人数/, `很多${ENTER}`], // refused as typed ...
      [/应为整数/, `\u0015${'\u007f'.repeat(4)}36${ENTER}`], // ... so cleared and typed again
      [/地点/, `村委会活动室${ENTER}`],
      [/时间/, ENTER],
      [/备注/, `讨论春耕${ENTER}`],
      [/写入 logs/, ENTER],
    ]);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.answered).toBe(11);
    // Every word on the screen is the workspace's language, the key help too.
    expect(result.shown).toContain('↑↓ 移动 • ⏎ 选择');
    expect(result.shown).not.toMatch(/navigate|select\b/);
    expect(result.stdout).toMatch(/已添加 logs\/2023\/04\/\S+\.yaml:\d+ {2}居民夜谈会：专题座谈，36人/);
    const file = /已添加 (logs\/\S+\.yaml)/.exec(result.stdout)![1]!;
    const text = read(cwd, file);
    expect(text).toContain('  - date: 2023-04-28\n    pillar: night-talk\n    kind: session\n    form: 专题座谈\n    attendees: 36\n    location: 村委会活动室\n    note: 讨论春耕\n');
    if (file === LOG) expect(text.startsWith(before)).toBe(true);
    expect((await inProcess(['check', 'ws'], cwd)).exitCode).toBe(0);
  });

  it('writes nothing when the clerk says no at the end', async () => {
    const cwd = workspace();
    const result = await answering(cwd, [
      [/哪个板块/, ENTER],
      [/哪类记录/, `${DOWN}${ENTER}`], // project
      [/日期/, ENTER],
      [/哪个村/, ENTER],
      [/名称/, `测试项目${ENTER}`],
      [/投资额/, ENTER],
      [/状态/, ENTER],
      [/备注/, ENTER],
      [/写入 logs/, `n${ENTER}`],
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('已取消');
    expect(existsSync(path.join(cwd, 'ws', 'logs', '2023', '04', '永胜村.yaml'))).toBe(true);
    expect(read(cwd, LOG)).not.toContain('测试项目');
  });
});
