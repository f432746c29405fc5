/**
 * `revitalize sheet` and `revitalize import`: the workbook out, filled in
 * (with exceljs, as a village would in WPS or Excel), read back. Bad cells
 * are told at their sheet and cell (golden output), nothing is written on
 * an error or a dry run, a second import adds nothing, and an edited row
 * is reported. The round trip is a property: whatever valid entries are
 * filled in become the entries `add` would write.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, inProcess } from './hosts.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-import-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const CONFIG = 'region: 测试乡\nvillages: [永胜村, 和平村]\nrecipient: 区委组织部\nissuer: 中共测试乡委员会\n';
const LOG = `village: 永胜村
entries:
  - date: 2023-04-08
    pillar: night-talk
    kind: suggestion
    id: 永胜-20230408-01
    text: 路灯不亮
    topic: 村庄环境整治
`;

let count = 0;
/** A fresh folder with a small workspace `ws` holding one open suggestion. */
function workspace(): string {
  const cwd = path.join(scratch, `case-${++count}`);
  mkdirSync(path.join(cwd, 'ws', 'logs', '2023', '04'), { recursive: true });
  writeFileSync(path.join(cwd, 'ws', 'revitalize.yaml'), CONFIG);
  writeFileSync(path.join(cwd, 'ws', 'logs', '2023', '04', '永胜村.yaml'), LOG);
  return cwd;
}

type Rows = Record<string, Record<string, unknown>[]>;

/** Fills the workbook's sheets by heading (a heading's `*` left out), row after row from row 2, as a village would. */
async function fill(input: string, output: string, rows: Rows, cells: Record<string, Record<string, unknown>> = {}): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(input);
  for (const [sheetName, entries] of Object.entries(rows)) {
    const sheet = workbook.getWorksheet(sheetName)!;
    const headings = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? '').replace('*', ''));
    entries.forEach((entry, index) => {
      for (const [heading, value] of Object.entries(entry)) {
        const col = headings.indexOf(heading);
        expect(col, `${sheetName}: ${heading}`).toBeGreaterThan(0);
        sheet.getRow(index + 2).getCell(col).value = value as ExcelJS.CellValue;
      }
    });
  }
  for (const [sheetName, values] of Object.entries(cells)) {
    for (const [address, value] of Object.entries(values)) workbook.getWorksheet(sheetName)!.getCell(address).value = value as ExcelJS.CellValue;
  }
  await workbook.xlsx.writeFile(output);
}

function logs(cwd: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, name.name);
      if (name.isDirectory()) walk(full);
      else found[path.relative(cwd, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(path.join(cwd, 'ws', 'logs'));
  return found;
}

async function sheetFor(cwd: string): Promise<string> {
  const made = await inProcess(['sheet', 'ws', '--village', '永胜村', '--month', '2023-05'], cwd);
  expect(made.stderr).toBe('');
  expect(made.exitCode).toBe(0);
  // The command to run when the workbook comes back names the workspace, which is not the current folder here.
  expect(made.stdout).toContain('收回后运行 revitalize import 永胜村5月台账.xlsx -w ws 导入。');
  return path.join(cwd, '永胜村5月台账.xlsx');
}

const GOOD: Rows = {
  居民夜谈会: [{ 日期: new Date(Date.UTC(2023, 4, 8)), 形式: '集中畅谈', 参加人数: 35, 地点: '村委会', 时间: '19:30' }],
  意见建议: [{ 日期: '2023年5月8日', 内容: '村口垃圾桶不够', 主题: '村庄环境整治' }],
  联建项目: [{ 日期: '2023/5/10', 名称: '冷链仓储中心', '投资额（元）': 8000000, 状态: '落地' }],
};
const RESOLVED = { 待办结意见建议: { F2: new Date(Date.UTC(2023, 4, 20)), G2: '已修复' } };

describe('revitalize sheet and import', () => {
  it('imports a filled-in workbook into the logs once, and says so the second time', async () => {
    const cwd = workspace();
    const blank = await sheetFor(cwd);
    await fill(blank, path.join(cwd, '永胜村4月台账.xlsx'), GOOD, RESOLVED);
    const before = logs(cwd);

    const dry = await inProcess(['import', '永胜村4月台账.xlsx', '-w', 'ws', '--dry-run'], cwd);
    expect(dry.exitCode).toBe(0);
    expect(dry.stdout).toContain('试运行');
    expect(logs(cwd)).toEqual(before);

    const first = await inProcess(['import', '永胜村4月台账.xlsx', '-w', 'ws'], cwd);
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe(
      'logs/2023/05/永胜村.yaml：新增 4 条（联建项目 1、居民夜谈会 1、意见建议 1、诉求办结 1）\n共导入 4 条记录，写入 1 个日志文件。\n',
    );
    const written = logs(cwd)['ws/logs/2023/05/永胜村.yaml']!;
    expect(written).toContain('id: 永胜-20230508-01');
    expect(written).toContain('source: 永胜村4月台账.xlsx:待办结意见建议!2');
    expect(written).toContain('ref: 永胜-20230408-01');
    expect(logs(cwd)['ws/logs/2023/04/永胜村.yaml']).toBe(LOG);

    const again = await inProcess(['import', '永胜村4月台账.xlsx', '-w', 'ws'], cwd);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toBe('没有新的记录：表格中的 4 行都已在之前导入过，没有写入任何文件。\n');
    expect(logs(cwd)['ws/logs/2023/05/永胜村.yaml']).toBe(written);

    // The next report counts them.
    const report = await inProcess(['report', 'ws', '--month', '2023-05', '--format', 'json', '-o', '-', '--allow-future'], cwd);
    const figures = JSON.parse(report.stdout) as { metrics: Record<string, { month: number | null }> };
    const month = (key: string) => figures.metrics[key]?.month;
    expect(month('night-talk.sessions')).toBe(1);
    expect(month('night-talk.suggestions')).toBe(1);
    expect(month('night-talk.resolved')).toBe(1);

    // An edited row is told, not added twice.
    await fill(blank, path.join(cwd, '永胜村4月台账.xlsx'), { ...GOOD, 居民夜谈会: [{ ...GOOD.居民夜谈会![0], 参加人数: 36 }] }, RESOLVED);
    const edited = await inProcess(['import', '永胜村4月台账.xlsx', '-w', 'ws'], cwd);
    expect(edited.exitCode).toBe(1);
    expect(edited.stderr).toContain('永胜村4月台账.xlsx:居民夜谈会!2: 错误：这一行（永胜村4月台账.xlsx:居民夜谈会!2）之前已导入为 logs/2023/05/永胜村.yaml:10');
    expect(logs(cwd)['ws/logs/2023/05/永胜村.yaml']).toBe(written);
  });

  it('tells every bad cell at its sheet and cell, and writes nothing', async () => {
    const cwd = workspace();
    const blank = await sheetFor(cwd);
    await fill(
      blank,
      path.join(cwd, '永胜村5月台账.xlsx'),
      {
        居民夜谈会: [
          { 日期: '2023-02-30', 形式: '集中畅谈', 参加人数: 35 },
          { 日期: '2023-05-09', 形式: '入户访谈', 参加人数: '3万' },
          { 日期: '2023-05-10', 形式: '入户访谈' },
        ],
        集中授课: [{ 日期: '2023-05-11', 村: '永生村', 主题: '茶叶修剪', 参加人数: 20 }],
      },
      { 待办结意见建议: { A3: '永胜-20990101-01', B3: '永胜村', F3: '2023-05-21' } },
    );
    const before = logs(cwd);
    const result = await inProcess(['import', '永胜村5月台账.xlsx', '-w', 'ws'], cwd);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(logs(cwd)).toEqual(before);
    golden('bad-cells.txt', result.stderr);
  });

  it('reads a CSV in GBK with a kind column, and tells an unknown kind at its row and column', async () => {
    const cwd = workspace();
    const csv = '类型,日期,村,形式,参加人数,内容\r\n居民夜谈会,2023-05-08,永胜村,集中畅谈,30,\r\n意见建议,2023-05-08,永胜村,,,\'=HYPERLINK("http://x")\r\n';
    writeFileSync(path.join(cwd, '五月.csv'), iconv.encode(csv, 'gbk'));
    const good = await inProcess(['import', '五月.csv', '-w', 'ws'], cwd);
    expect(good.stderr).toBe('');
    expect(good.stdout).toContain('新增 2 条（居民夜谈会 1、意见建议 1）');
    expect(logs(cwd)['ws/logs/2023/05/永胜村.yaml']).toContain('text: =HYPERLINK("http://x")');

    writeFileSync(path.join(cwd, '六月.csv'), `\uFEFF${csv.replace('居民夜谈会,2023-05-08', '夜谈会,2023-06-08')}`);
    const bad = await inProcess(['import', '六月.csv', '-w', 'ws'], cwd);
    expect(bad.exitCode).toBe(1);
    golden('unknown-kind.txt', bad.stderr);
  });

  it('imports a workbook saved by LibreOffice as it imports our own', async () => {
    const cwd = workspace();
    const blank = await sheetFor(cwd);
    await fill(blank, path.join(cwd, 'filled.xlsx'), GOOD, RESOLVED);
    const other = workspace();
    mkdirSync(path.join(cwd, 'lo'));
    const converted = spawnSync('soffice', ['--headless', '--convert-to', 'xlsx', '--outdir', path.join(cwd, 'lo'), path.join(cwd, 'filled.xlsx')], {
      encoding: 'utf8',
      env: { ...process.env, HOME: cwd },
    });
    expect(converted.status, converted.stderr).toBe(0);
    cpSync(path.join(cwd, 'lo', 'filled.xlsx'), path.join(other, 'filled.xlsx'));
    cpSync(path.join(cwd, 'filled.xlsx'), path.join(cwd, 'filled.xlsx.bak'));
    const ours = await inProcess(['import', 'filled.xlsx', '-w', 'ws'], cwd);
    const theirs = await inProcess(['import', 'filled.xlsx', '-w', 'ws'], other);
    expect(theirs.stderr).toBe('');
    expect(theirs.stdout).toBe(ours.stdout);
    expect(logs(other)).toEqual(logs(cwd));
  }, 60_000);

  it('refuses what is not a village spreadsheet, without reading it all', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, 'fake.xlsx'), 'not a zip');
    writeFileSync(path.join(cwd, 'old.xls'), 'x');
    // A sheet of a million rows, a few hundred kilobytes zipped.
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path.join(cwd, 'huge.xlsx') });
    const sheet = workbook.addWorksheet('居民夜谈会');
    for (let row = 1; row <= 20_001; row++) sheet.addRow([row]).commit();
    await workbook.commit();
    const result = await inProcess(['import', 'fake.xlsx', 'old.xls', 'huge.xlsx', '-w', 'ws'], cwd);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('fake.xlsx: 错误：不是有效的 .xlsx 表格');
    expect(result.stderr).toContain('old.xls: 错误：无法导入“.xls”格式的文件');
    expect(result.stderr).toContain('huge.xlsx: 错误：表中有 20001 行，超过了 10000 行的上限');
    const missing = await inProcess(['import', 'nowhere.xlsx', '-w', 'ws'], cwd);
    expect(missing.exitCode).toBe(2);
  }, 60_000);

  it('leaves the logs as they were when killed while importing', async () => {
    const cwd = workspace();
    const blank = await sheetFor(cwd);
    await fill(blank, path.join(cwd, 'filled.xlsx'), GOOD, RESOLVED);
    const before = logs(cwd);
    const bin = path.join(REPO, 'bin', 'revitalize.js');
    for (const delay of [50, 150, 300, 450]) {
      spawnSync('timeout', ['-s', 'KILL', `${delay / 1000}`, process.execPath, bin, 'import', 'filled.xlsx', '-w', 'ws'], { cwd, encoding: 'utf8' });
      const after = logs(cwd);
      const month = after['ws/logs/2023/05/永胜村.yaml'];
      // Killed: as it was. Finished: all four entries, whole.
      if (month === undefined) expect(after).toEqual(before);
      else expect(month.match(/source:/g)).toHaveLength(4);
      expect(
        existsSync(path.join(cwd, 'ws', 'logs', '2023', '05')) ? readdirSync(path.join(cwd, 'ws', 'logs', '2023', '05')).filter((f) => f.endsWith('.tmp')) : [],
      ).toEqual([]);
      if (month !== undefined) {
        rmSync(path.join(cwd, 'ws', 'logs', '2023', '05'), { recursive: true });
        rmSync(path.join(cwd, 'ws', '.revitalize-lock'), { recursive: true, force: true });
      }
    }
  }, 60_000);

  it('round trip: entries filled into the workbook are imported as add writes them', async () => {
    const cwd = workspace();
    const blank = await sheetFor(cwd);
    const day = fc.integer({ min: 1, max: 31 }).map((d) => `2023-05-${String(d).padStart(2, '0')}`);
    const word = fc.constantFrom('路灯', '修路', '茶叶', '护河', '核桃', '合作社', '夜校');
    const session = fc.record({
      kind: fc.constant('session'),
      date: day,
      form: fc.constantFrom('集中畅谈', '专题座谈', '入户访谈', '定点接谈'),
      attendees: fc.integer({ min: 0, max: 500 }),
    });
    const training = fc.record({ kind: fc.constant('training'), date: day, topic: word, attendees: fc.integer({ min: 0, max: 500 }) });
    const suggestion = fc.record({ kind: fc.constant('suggestion'), date: day, text: word, topic: word });
    const sale = fc.record({
      kind: fc.constant('sale'),
      date: day,
      product: word,
      quantity: fc.integer({ min: 1, max: 10_000 }),
      unit: fc.constantFrom('斤', '公斤', '吨'),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(session, training, suggestion, sale), { minLength: 1, maxLength: 6 }), async (entries) => {
        const here = path.join(cwd, `run-${++run}`);
        mkdirSync(here);
        cpSync(path.join(cwd, 'ws'), path.join(here, 'ws'), { recursive: true });
        cpSync(path.join(cwd, 'ws'), path.join(here, 'added'), { recursive: true });
        const labels: Record<string, [string, Record<string, string>]> = {
          session: ['居民夜谈会', { date: '日期', form: '形式', attendees: '参加人数' }],
          training: ['集中授课', { date: '日期', topic: '主题', attendees: '参加人数' }],
          suggestion: ['意见建议', { date: '日期', text: '内容', topic: '主题' }],
          sale: ['农副产品销售', { date: '日期', product: '产品', quantity: '数量', unit: '单位' }],
        };
        const rows: Rows = {};
        for (const entry of entries) {
          const [sheet, names] = labels[entry.kind]!;
          rows[sheet] ??= [];
          rows[sheet]!.push(
            Object.fromEntries(
              Object.entries(entry)
                .filter(([key]) => key !== 'kind')
                .map(([key, value]) => [names[key]!, value]),
            ),
          );
        }
        await fill(blank, path.join(here, 'v.xlsx'), rows);
        const imported = await inProcess(['import', 'v.xlsx', '-w', 'ws'], here);
        expect(imported.stderr).toBe('');
        // The same entries through add, in the order import takes them: sheet by sheet, row by row.
        const order = ['农副产品销售', '集中授课', '居民夜谈会', '意见建议'];
        for (const sheet of order) {
          const kind = Object.entries(labels).find(([, [name]]) => name === sheet)![0];
          for (const entry of entries.filter((e) => e.kind === kind)) {
            const { date, kind: _kind, ...fields } = entry;
            const set = Object.entries(fields).flatMap(([key, value]) => ['--set', `${key}=${value}`]);
            const added = await inProcess(['add', 'added', '--kind', kind, '--village', '永胜村', '--date', date, ...set], here);
            expect(added.stderr).toBe('');
          }
        }
        const read = (ws: string) => readFileSync(path.join(here, ws, 'logs', '2023', '05', '永胜村.yaml'), 'utf8');
        expect(read('ws').replace(/\n {4}source: .*/g, '')).toBe(read('added'));
      }),
      { numRuns: 8 },
    );
  }, 120_000);
});

function golden(name: string, text: string): void {
  const file = path.join(REPO, 'tests', 'golden', 'import', name);
  if (UPDATE || !existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  expect(text).toBe(readFileSync(file, 'utf8'));
}
