/**
 * `init` makes a workspace that works at once, in either language, and
 * never overwrites one. What it asks of the clerk before the first report:
 * who the report goes to and who signs it (commented in the config), and
 * the month's 下步工作打算 (the notes scaffold holds only headings and
 * comments). It writes all of its files or none: everything in the way is
 * named first, and a .gitignore already there is kept.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { METRIC_KEYS } from '../../src/metrics/metric-definitions.js';
import { NOTE_SECTIONS } from '../../src/notes/note-sections.js';
import { parseMonthNotes } from '../../src/notes/parse-month-notes.js';
import { inProcess, inProcessOn, inProcessWith } from './hosts.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-init-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.each([
  ['zh-CN', [], '示例一村.yaml', '发现 0 个错误、1 条警告', '下步工作打算'],
  ['en', ['--locale', 'en'], 'village-a.yaml', '0 errors, 1 warning', 'Next steps'],
])('init (%s)', (locale, localeArgs, sample, oneWarning, plans) => {
  const cwd = mkdtempSync(path.join(scratch, `${locale}-`));

  it('makes a workspace that checks clean but for the notes to write, and reports every kind once', async () => {
    const init = await inProcess([...localeArgs, 'init', 'ws', '--region', '测试乡'], cwd);
    expect(init.exitCode, init.stderr).toBe(0);
    // In-process runs stand on 15 March 2024: the sample month is March 2024.
    const log = readFileSync(path.join(cwd, 'ws', 'logs', '2024', '03', sample), 'utf8');
    expect(log).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/\.\.\/schema\/log\.schema\.json$/m);
    expect(existsSync(path.join(cwd, 'ws', 'schema', 'log.schema.json'))).toBe(true);
    expect(readFileSync(path.join(cwd, 'ws', '.gitignore'), 'utf8')).toBe('reports/\n.revitalize-cache/\n.revitalize-lock/\n');
    expect(readFileSync(path.join(cwd, 'ws', 'revitalize.yaml'), 'utf8')).toContain(`locale: ${locale}`);

    const asked = await inProcess(['check', 'ws', '--format', 'json'], cwd);
    expect(asked.exitCode).toBe(0);
    expect((JSON.parse(asked.stdout) as { code: string }[]).map((found) => found.code).sort()).toEqual([
      'W-NO-ISSUER',
      'W-NO-RECIPIENT',
      'W-NOTES-SECTION-MISSING',
    ]);
    fillInOffices(path.join(cwd, 'ws', 'revitalize.yaml'));

    const check = await inProcess(['check', 'ws', '--month', 'current', '--format', 'json'], cwd);
    expect(check.exitCode).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject([{ file: 'notes/2024-03.md', code: 'W-NOTES-SECTION-MISSING', severity: 'warning' }]);
    expect((await inProcess(['check', 'ws'], cwd)).stdout).toContain(oneWarning);

    const report = await inProcess(['report', 'ws', '--format', 'json', '-o', '-'], cwd);
    expect(report.exitCode, report.stderr).toBe(0);
    expect(report.stderr).toContain('notes/2024-03.md');
    expect(report.stderr).toContain(plans);
    const { month, region, metrics } = JSON.parse(report.stdout);
    expect([month, region]).toEqual(['2024-03', '测试乡']);
    for (const key of METRIC_KEYS) expect(metrics[key].month, key).not.toBe(0);
  });

  it("writes the month's notes with every section's heading and what belongs under it, in comments", () => {
    const text = readFileSync(path.join(cwd, 'ws', 'notes', '2024-03.md'), 'utf8');
    expect(text).toContain('测试乡');
    const headings = [...text.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(headings).toHaveLength(NOTE_SECTIONS.length);
    // Only headings and comments: nothing of the scaffold's goes into a report.
    const { notes, problems } = parseMonthNotes(text, 'notes/2024-03.md');
    expect(notes.sections).toEqual({});
    expect(problems.map((found) => found.code)).toEqual(['W-NOTES-SECTION-MISSING']);
    expect(text.match(/<!--/g)).toHaveLength(NOTE_SECTIONS.length + 1);
  });

  it('refuses to overwrite the workspace it made', async () => {
    const again = await inProcess([...localeArgs, 'init', 'ws'], cwd);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain('revitalize.yaml');
  });
});

/** What a clerk does first: the config's commented recipient and issuer, taken in as they are. */
function fillInOffices(config: string): void {
  const text = readFileSync(config, 'utf8');
  const filled = text.replace(/^# (recipient|issuer):/gm, '$1:');
  expect(filled).not.toBe(text);
  writeFileSync(config, filled);
}

describe('init on the 2nd of a month', () => {
  it('dates no sample entry after the day it runs, so nothing is "in the future"', async () => {
    const cwd = mkdtempSync(path.join(scratch, 'early-'));
    const second = new Date(2024, 2, 2);
    expect((await inProcessOn(second, ['init', 'ws'], cwd)).exitCode).toBe(0);
    fillInOffices(path.join(cwd, 'ws', 'revitalize.yaml'));
    const check = await inProcessOn(second, ['check', 'ws', '--format', 'json'], cwd);
    expect(check.exitCode, check.stdout).toBe(0);
    // The notes waiting for the clerk's words, and nothing else.
    expect(JSON.parse(check.stdout).map((found: { code: string }) => found.code)).toEqual(['W-NOTES-SECTION-MISSING']);
  });
});

describe('init writes a whole workspace or nothing', () => {
  /** Every file and folder under a folder, relative, sorted. */
  const contents = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).map((file) => file.split(path.sep).join('/')).sort();

  it('refuses an empty folder name, which would mean the current folder', async () => {
    const cwd = mkdtempSync(path.join(scratch, 'empty-'));
    const init = await inProcess(['init', ''], cwd);
    expect(init.exitCode).toBe(2);
    expect(init.stderr).toBe('revitalize: 文件夹名不能为空：要在当前文件夹建立工作区，请写 revitalize init .\n');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('keeps a .gitignore already there, adding the lines it lacks', async () => {
    const cwd = mkdtempSync(path.join(scratch, 'git-'));
    writeFileSync(path.join(cwd, '.gitignore'), 'node_modules/\nreports/');
    const init = await inProcess(['init', '.'], cwd);
    expect(init.exitCode, init.stderr).toBe(0);
    expect(readFileSync(path.join(cwd, '.gitignore'), 'utf8')).toBe('node_modules/\nreports/\n.revitalize-cache/\n.revitalize-lock/\n');
    expect(existsSync(path.join(cwd, 'revitalize.yaml'))).toBe(true);
    expect((await inProcess(['check', '.'], cwd)).exitCode).toBe(0);
  });

  it('takes a logs link to nothing for a workspace, and writes nothing', async () => {
    const cwd = mkdtempSync(path.join(scratch, 'dangling-'));
    symlinkSync('elsewhere', path.join(cwd, 'logs'));
    const init = await inProcess(['init', '.'], cwd);
    expect(init.exitCode).toBe(2);
    expect(init.stderr).toBe('revitalize: . 里已经有 logs，不会覆盖现有的工作区；请换一个文件夹\n');
    expect(contents(cwd)).toEqual(['logs']);
  });

  it('names everything in the way and writes nothing; once they are gone, it writes the workspace', async () => {
    const cwd = mkdtempSync(path.join(scratch, 'blocked-'));
    writeFileSync(path.join(cwd, 'notes'), 'a file where the notes folder goes\n');
    mkdirSync(path.join(cwd, 'schema', 'log.schema.json'), { recursive: true });
    symlinkSync('nowhere', path.join(cwd, '.gitignore'));
    const init = await inProcess(['init', '.'], cwd);
    expect(init.exitCode).toBe(2);
    expect(init.stderr).toBe(
      [
        'revitalize: 无法在 . 建立工作区，以下位置被占用，没有写入任何文件：',
        '  notes：这里需要一个文件夹，但已有同名文件',
        '  schema/log.schema.json：这里需要写入文件，但已有同名文件夹',
        '  .gitignore：这是一个链接，但它指向的位置不存在',
        '  请移走或改名后重新运行，或换一个文件夹',
        '',
      ].join('\n'),
    );
    expect(contents(cwd)).toEqual(['.gitignore', 'notes', 'schema', 'schema/log.schema.json']);
    rmSync(path.join(cwd, 'notes'));
    rmSync(path.join(cwd, 'schema'), { recursive: true });
    rmSync(path.join(cwd, '.gitignore'));
    expect((await inProcess(['init', '.'], cwd)).exitCode).toBe(0);
    expect((await inProcess(['check', '.'], cwd)).exitCode).toBe(0);
  });

  it('leaves nothing behind when the disk fills up half-way', async () => {
    const cwd = mkdtempSync(path.join(scratch, 'full-'));
    let written = 0;
    const writeFs = {
      ...nodeFs,
      open: (async (file: string, flags?: string) => {
        const handle = await nodeFs.open(file, flags);
        // The third file fails, as on a disk that fills while the workspace is written.
        if (file.endsWith('.tmp') && ++written === 3) handle.writeFile = async () => Promise.reject(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }));
        return handle;
      }) as typeof nodeFs.open,
    };
    const init = await inProcessWith({ writeFs }, ['init', 'ws'], cwd);
    expect(init.exitCode).toBe(2);
    expect(init.stderr).toBe('revitalize: 无法在 ws 建立工作区（磁盘已满），没有写入任何文件\n');
    expect(readdirSync(cwd)).toEqual([]);
    expect((await inProcess(['init', 'ws'], cwd)).exitCode).toBe(0);
  });
});

describe('init --region', () => {
  it.each(['金口河区 #2', 'a: b # c', 'yes', '010', '"引号" 与 \'单引号\'', '- 列表', '@永胜乡', '{永胜: 乡}', '永胜乡 -->', 'Riverside: North & South'])(
    'writes %j into revitalize.yaml as a value that reads back as itself, and nothing else',
    async (region) => {
      const cwd = mkdtempSync(path.join(scratch, 'region-'));
      const init = await inProcess(['init', 'ws', '--region', region], cwd);
      expect(init.exitCode, init.stderr).toBe(0);
      fillInOffices(path.join(cwd, 'ws', 'revitalize.yaml'));
      const check = await inProcess(['check', 'ws', '--format', 'json'], cwd);
      expect(check.exitCode, check.stdout).toBe(0);
      // The config's keys are its own: a region adds none, and the notes' opening comment still closes.
      expect(JSON.parse(check.stdout).map((found: { code: string }) => found.code)).toEqual(['W-NOTES-SECTION-MISSING']);
      const report = await inProcess(['report', 'ws', '-f', 'json', '-o', '-'], cwd);
      expect(JSON.parse(report.stdout).region).toBe(region);
    },
  );

  it.each([
    ['乡\nlogs: "../../../../etc/*"', '乡\\x0alogs: "../../../../etc/*"'],
    ['乡\r\nlogs: x', '乡\\x0d\\x0alogs: x'],
    ['乡\u2028logs: x', '乡\\u2028logs: x'],
    ['a\tb', 'a\\x09b'],
    ['   ', '   '],
    ['', ''],
  ])('refuses %j, which is not one line of text, as a usage error, and writes nothing', async (region, shown) => {
    const cwd = mkdtempSync(path.join(scratch, 'bad-region-'));
    const init = await inProcess(['init', 'ws', '--region', region], cwd);
    expect(init.exitCode).toBe(2);
    expect(init.stderr).toBe(`revitalize: --region 的“${shown}”不能用作单位名称：单位名称是一行文字，不能为空，也不能含换行、制表符等控制字符\n`);
    expect(existsSync(path.join(cwd, 'ws'))).toBe(false);
  });

  it('is refused blank by rollup too', async () => {
    const cwd = mkdtempSync(path.join(scratch, 'rollup-region-'));
    for (const region of ['', '  ']) {
      const rollup = await inProcess(['rollup', 'a.json', '--region', region], cwd);
      expect(rollup.exitCode).toBe(2);
      expect(rollup.stderr).toContain('不能用作单位名称');
    }
  });
});
