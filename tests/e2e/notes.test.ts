/**
 * A month's notes through the commands: `check` reads every notes file and,
 * with --month, wants that month's; `report` (makeReport) puts the
 * sanitised sections in the report model and the notes' problems among
 * its warnings; no report is ever written over a notes file.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NODE_FS } from '../../src/load/read-regular-file.js';
import { makeReport } from '../../src/make-report.js';
import { copyWorkspace, inProcess } from './hosts.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-notes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the Chinese example, to change at will. */
function example(): { cwd: string; ws: string } {
  const cwd = mkdtempSync(path.join(scratch, 'case-'));
  const ws = path.join(cwd, 'ws');
  copyWorkspace('examples/jinkouhe', ws);
  return { cwd, ws };
}

const codes = (stdout: string) => (JSON.parse(stdout) as { file: string; code: string }[]).map(({ file, code }) => `${file} ${code}`);

describe('check --month', () => {
  const { cwd, ws } = example();

  it('is clean for a month with its notes', async () => {
    const run = await inProcess(['check', 'ws', '--month', '2023-04', '--format', 'json'], cwd);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
  });

  it('wants the notes of the month asked for, written any way report takes it', async () => {
    for (const month of ['2023-03', '2023年3月', '2023/3']) {
      const run = await inProcess(['check', 'ws', '--month', month, '--format', 'json'], cwd);
      expect(run.exitCode, month).toBe(0);
      expect(codes(run.stdout), month).toEqual(['notes/2023-03.md W-NOTES-MISSING']);
    }
    // In-process runs stand on 15 March 2024.
    const previous = await inProcess(['check', 'ws', '--month', 'previous', '--format', 'json'], cwd);
    // The example has no logs of February 2024 either, which check --month says too.
    expect(codes(previous.stdout)).toEqual(['notes/2024-02.md W-NOTES-MISSING', 'revitalize.yaml W-MONTH-EMPTY']);
    const strict = await inProcess(['check', 'ws', '--month', '2023-03', '--strict'], cwd);
    expect(strict.exitCode).toBe(1);
    expect(strict.stdout).toContain('没有2023年3月的月报文字材料');
  });

  it("does not want any month's notes without --month", async () => {
    const run = await inProcess(['check', 'ws', '--format', 'json'], cwd);
    expect(JSON.parse(run.stdout)).toEqual([]);
  });

  it('refuses a month it cannot read, as a usage error', async () => {
    const run = await inProcess(['check', 'ws', '--month', '2023-13'], cwd);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('无法识别的月份“2023-13”');
  });

  it('checks every notes file there is, with or without --month', async () => {
    writeFileSync(path.join(ws, 'notes', '2023-03.md'), '## 存在的问题\n路难修。\n');
    writeFileSync(path.join(ws, 'notes', '2023.02.md'), '## 下步工作打算\nx\n');
    const run = await inProcess(['check', 'ws', '--format', 'json'], cwd);
    expect(codes(run.stdout)).toEqual([
      'notes/2023-03.md W-NOTES-SECTION-MISSING',
      'notes/2023-03.md W-NOTES-UNKNOWN-SECTION',
      'notes/2023.02.md W-NOTES-BAD-NAME',
    ]);
    const text = await inProcess(['check', 'ws', '--month', '2023-03'], cwd);
    // Each problem once, though the month's file is read twice; excerpts from its text.
    expect(text.stdout.match(/W-NOTES|“存在的问题”/g)).toHaveLength(1);
    expect(text.stdout).toContain('1 | ## 存在的问题');
    expect(text.stdout).toContain('改名为 2023-02.md');
  });

  it("renders the month asked for when it tries the workspace's own templates", async () => {
    const own = example();
    mkdirSync(path.join(own.ws, 'templates', 'zh-CN'), { recursive: true });
    // A mistake only the April report reaches, and a template that prints the notes.
    writeFileSync(
      path.join(own.ws, 'templates', 'zh-CN', 'report.md.liquid'),
      '# {{ report.heading }}\n\n{{ report.notes.plans | raw }}\n\n{% if report.month == "2023-04" %}{{ report.notes.plan }}{% endif %}\n',
    );
    const april = await inProcess(['check', 'ws', '--month', '2023-04', '--format', 'json'], own.cwd);
    expect(codes(april.stdout)).toEqual(['templates/zh-CN/report.md.liquid E-TEMPLATE']);
    const march = await inProcess(['check', 'ws', '--month', '2023-03', '--format', 'json'], own.cwd);
    expect(codes(march.stdout)).toEqual(['notes/2023-03.md W-NOTES-MISSING']);
  });
});

describe('makeReport with notes', () => {
  it("puts the sanitised sections in report.notes, and the notes' problems in the warnings", async () => {
    const { ws } = example();
    writeFileSync(
      path.join(ws, 'notes', '2023-04.md'),
      [
        '<!-- 说明：不进报告 -->',
        '## 一、总体情况',
        '本月**平稳**，见[网站](http://x.cn)。',
        '',
        '---',
        '',
        '# 标题',
        '## 夜谈联访',
        '### 四有标准',
        '![照片](http://x.cn/a.png)按“四有”标准开展。\u001b[2J',
        '## 三、下步打算：',
        '1. 5月8日晚7点召开夜谈会。',
        '2. <script>alert(1)</script>',
      ].join('\n'),
    );
    const result = await makeReport({ workspace: ws, month: '2023-04', formats: ['md', 'html'], generatedOn: '2023-05-01' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report.notes).toEqual({
      overview: '本月**平稳**，见网站。',
      organization: null,
      talent: null,
      'night-talk': '#### 四有标准\n照片按“四有”标准开展。[2J',
      ecology: null,
      problems: null,
      plans: '1. 5月8日晚7点召开夜谈会。\n2. \\<script>alert(1)\\</script>',
    });
    expect(result.problems.map(({ file, line, col, code }) => ({ file, line, col, code }))).toEqual([
      { file: 'notes/2023-04.md', line: 7, col: 3, code: 'W-NOTES-UNKNOWN-SECTION' },
    ]);
    expect(result.report.warnings).toMatchObject([
      { file: 'notes/2023-04.md', line: 7, code: 'W-NOTES-UNKNOWN-SECTION', message: expect.stringContaining('“标题”') },
    ]);
    expect(result.sources.get('notes/2023-04.md')).toContain('# 标题');
  });

  it('warns that the month has no notes, and the report model has every section null', async () => {
    const { ws } = example();
    rmSync(path.join(ws, 'notes'), { recursive: true });
    const result = await makeReport({ workspace: ws, month: '2023-04', formats: ['md'], generatedOn: '2023-05-01' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.problems.map((found) => `${found.file} ${found.code}`)).toEqual(['notes/2023-04.md W-NOTES-MISSING']);
    expect(Object.values(result.report.notes)).toEqual([null, null, null, null, null, null, null]);
  });

  it('stops on a notes file that cannot be read, as on a log', async () => {
    const { ws } = example();
    writeFileSync(path.join(ws, 'notes', '2023-04.md'), Buffer.from([0x00, 0xff, 0xfe, 0x00, 0x01]));
    const result = await makeReport({ workspace: ws, month: '2023-04', formats: ['md'], generatedOn: '2023-05-01' });
    expect(result.ok).toBe(false);
    expect(result.problems.map((found) => `${found.file} ${found.code}`)).toEqual(['notes/2023-04.md E-FILE-ENCODING']);
  });

  it("reads the example's notes whole", async () => {
    // Its own file access: read in place, the example gets no workspace cache.
    const result = await makeReport({
      workspace: path.resolve('examples/jinkouhe'),
      month: '2023-04',
      formats: ['json'],
      generatedOn: '2023-05-01',
      fs: NODE_FS,
    });
    expect(result.ok && result.problems).toEqual([]);
    if (!result.ok) return;
    expect(Object.values(result.report.notes).every((text) => text !== null)).toBe(true);
    expect(result.report.notes.plans).toMatch(/^1\. 5月8日晚7点/);
    expect(result.report.notes['night-talk']).toContain('#### 典型做法');
  });
});

describe('report', () => {
  it('never writes over a notes file', async () => {
    const { cwd, ws } = example();
    const before = readFileSync(path.join(ws, 'notes', '2023-04.md'), 'utf8');
    const run = await inProcess(['report', 'ws', '--month', '2023-04', '--format', 'md', '-o', 'ws/notes'], cwd);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('月报文字材料');
    expect(readFileSync(path.join(ws, 'notes', '2023-04.md'), 'utf8')).toBe(before);
  });

  it("prints the notes' warnings with an excerpt", async () => {
    const { cwd, ws } = example();
    writeFileSync(path.join(ws, 'notes', '2023-04.md'), '开头\n## 下步工作打算\nx\n');
    const run = await inProcess(['report', 'ws', '--month', '2023-04', '--format', 'md', '-o', 'out'], cwd);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toContain('notes/2023-04.md:1:1: 警告：这段文字在第一个标题之前');
    expect(run.stderr).toContain('1 | 开头');
  });
});

describe('存在问题 with nothing in it', () => {
  it('is 【待补充】 in the report and a warning in check --month and report, when the figures found none and the notes name none', async () => {
    const cwd = mkdtempSync(path.join(scratch, 'quiet-month-'));
    const ws = path.join(cwd, 'ws');
    mkdirSync(path.join(ws, 'logs', '2023', '04'), { recursive: true });
    mkdirSync(path.join(ws, 'notes'));
    writeFileSync(path.join(ws, 'revitalize.yaml'), 'region: 测试乡\nrecipient: 区委组织部\nissuer: 中共测试乡委员会\nvillages: [永胜村]\n');
    writeFileSync(
      path.join(ws, 'logs', '2023', '04', '永胜村.yaml'),
      'village: 永胜村\npillar: night-talk\nentries:\n  - date: 2023-04-08\n    kind: session\n    form: 集中畅谈\n    attendees: 35\n',
    );
    writeFileSync(path.join(ws, 'notes', '2023-04.md'), '## 下步工作打算\n\n5月8日召开夜谈会。\n');

    const check = await inProcess(['check', 'ws', '--month', '2023-04', '--format', 'json'], cwd);
    expect(check.exitCode).toBe(0);
    expect(codes(check.stdout)).toEqual(['notes/2023-04.md W-NOTES-SECTION-MISSING']);
    expect(check.stdout).toContain('存在问题');

    const report = await inProcess(['report', 'ws', '--month', '2023-04', '--format', 'md'], cwd);
    expect(report.exitCode, report.stderr).toBe(0);
    expect(report.stderr).toContain('【待补充：存在问题】');
    const markdown = readFileSync(path.join(ws, 'reports', '2023-04.md'), 'utf8');
    expect(markdown).toContain('## 二、存在问题\n\n【待补充：存在问题】');
    expect(markdown).toContain('5月8日召开夜谈会。');
    expect(readFileSync(path.join(ws, 'reports', '2023-04.check.txt'), 'utf8')).toContain('存在问题');

    // Written by the clerk, the warning goes.
    writeFileSync(path.join(ws, 'notes', '2023-04.md'), '## 存在问题\n\n夜谈会参会群众偏少。\n\n## 下步工作打算\n\n5月8日召开夜谈会。\n');
    const clean = await inProcess(['check', 'ws', '--month', '2023-04', '--format', 'json'], cwd);
    expect(JSON.parse(clean.stdout)).toEqual([]);
  });
});
