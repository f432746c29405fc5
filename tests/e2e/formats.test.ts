/**
 * The spreadsheet, Word and PDF formats through the command line: the XLSX
 * and CSV hold the JSON's numbers, binary formats refuse standard output, a
 * PDF needs a browser that starts, and a Markdown report loads none of the
 * heavy libraries.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS } from '../../src/metrics/metric-definitions.js';
import { REPO, copyWorkspace, inProcessWith, spawned } from './hosts.js';
import { runTool } from '../browser/run-tool.js';
import { runChild } from '../helpers/run-child.js';

let root: string;
let workspace: string;
let report: { metrics: Record<string, Record<string, number | null>>; villages: Record<string, Record<string, Record<string, number | null>>> };

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'revitalize-formats-'));
  workspace = path.join(root, 'ws');
  copyWorkspace('examples/jinkouhe', workspace);
  const result = await inProcessWith({}, ['report', 'ws', '--month', '2023-04', '--format', 'json,xlsx,csv,docx', '--generated-on', '2023-05-01'], root);
  expect(result.exitCode, result.stderr).toBe(0);
  report = JSON.parse(readFileSync(path.join(workspace, 'reports', '2023-04.json'), 'utf8'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const WINDOWS = ['month', 'previousMonth', 'previousYear', 'ytd', 'previousYtd'] as const;
const VILLAGE_METRICS = METRICS.filter((metric) => metric.aggregate !== 'distinct').map((metric) => metric.key as string);

describe('xlsx', () => {
  it('holds the same numbers as the JSON report, for the township and every village', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(workspace, 'reports', '2023-04.xlsx'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['指标', '分村', '督办']);

    const read = (sheetName: string) => {
      const rows: { scope: string; key: string; figures: (number | null)[] }[] = [];
      workbook.getWorksheet(sheetName)!.eachRow((row, number) => {
        if (number === 1) return;
        const values = row.values as unknown[];
        rows.push({ scope: String(values[1]), key: String(values[3]), figures: WINDOWS.map((_, i) => (values[6 + i] ?? null) as number | null) });
      });
      return rows;
    };
    const totals = read('指标');
    expect(totals.map((row) => row.key)).toEqual(Object.keys(report.metrics));
    for (const row of totals) expect(row.figures, row.key).toEqual(WINDOWS.map((window) => report.metrics[row.key]![window]));

    // Every metric but how many villages joint organisations cover, which is only 1 or 0 for one village.
    const villages = read('分村');
    expect(villages).toHaveLength(Object.keys(report.villages).length * VILLAGE_METRICS.length);
    expect(new Set(villages.map((row) => row.key))).toEqual(new Set(VILLAGE_METRICS));
    for (const row of villages) expect(row.figures, `${row.scope} ${row.key}`).toEqual(WINDOWS.map((window) => report.villages[row.scope]![row.key]![window]));
    expect(workbook.getWorksheet('督办')!.rowCount).toBe(1 + (report as unknown as { overdue: { rows: unknown[] } }).overdue.rows.length);
  });
});

describe('csv', () => {
  it('is UTF-8 with a byte-order mark and CRLF line ends, one row per metric and scope, with the JSON’s figures', () => {
    const bytes = readFileSync(path.join(workspace, 'reports', '2023-04.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('范围,领域,指标代码,指标,单位,本月,上月,上年同月,本年累计,上年同期累计');
    expect(lines).toHaveLength(1 + Object.keys(report.metrics).length + Object.keys(report.villages).length * VILLAGE_METRICS.length);
    // The example's labels hold no commas or quotes, so a plain split reads it.
    for (const line of lines.slice(1, 1 + Object.keys(report.metrics).length)) {
      const [, , key, , , ...cells] = line.split(',');
      const expected = WINDOWS.map((window) => {
        const value = report.metrics[key!]![window]!;
        if (value === null) return '';
        return key === 'night-talk.resolution-rate' ? `${Number((value * 100).toFixed(4))}%` : String(value);
      });
      expect(cells, key).toEqual(expected);
    }
  });
});

describe('binary formats', () => {
  it('refuses to write a docx, xlsx or pdf to standard output, before reading any log', async () => {
    for (const format of ['docx', 'xlsx', 'pdf']) {
      const result = await inProcessWith({}, ['report', 'ws', '--month', '2023-04', '--format', format, '-o', '-'], root);
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`${format} 格式的报告是二进制文件`);
    }
  });

  it('says how to get a browser when there is none, before reading any log, and exits 2', async () => {
    const result = await inProcessWith({ findBrowser: () => undefined }, ['report', 'no-such-workspace', '--format', 'pdf'], root);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('生成 PDF 需要 Chromium 内核的浏览器');
    expect(result.stderr).toContain('apt-get install chromium');
    expect(result.stderr).toContain('REVITALIZE_CHROMIUM');
    const english = await inProcessWith({ findBrowser: () => undefined }, ['--locale', 'en', 'report', 'ws', '--format', 'pdf'], root);
    expect(english.stderr).toContain('Printing a PDF needs a Chromium-based browser');
  });

  it('says which browser failed to print a PDF, writes nothing, and exits 2', async () => {
    const out = path.join(root, 'no-browser');
    const result = await inProcessWith(
      { env: { REVITALIZE_CHROMIUM: path.join(root, 'no-such-browser') } },
      ['report', 'ws', '--month', '2023-04', '--format', 'md,pdf', '-o', out],
      root,
    );
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('no-such-browser');
    expect(result.stderr).toContain('REVITALIZE_CHROMIUM');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('prints the PDF with the system’s Chromium from the built command', async () => {
    const out = path.join(root, 'pdf');
    const result = await spawned(['report', 'ws', '--month', '2023-04', '--format', 'pdf', '-o', out, '--generated-on', '2023-05-01'], root);
    expect(result.exitCode, result.stderr).toBe(0);
    const pdf = path.join(out, '2023-04.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await runTool('pdftotext', ['-layout', pdf, '-']);
    expect(text.missing, 'pdftotext is missing: apt-get install poppler-utils').toBe(false);
    const flat = text.stdout.replace(/\s+/g, '');
    for (const figure of ['征求意见建议132条', '解决诉求93件', '办结率70.5%', '3050万元']) expect(flat).toContain(figure);
  }, 120_000);
});

describe('heavy libraries', () => {
  it('are imported only by their own renderer, which is only loaded on demand', () => {
    const sources = (folder: string): string[] =>
      readdirSync(folder, { withFileTypes: true }).flatMap((item) =>
        item.isDirectory() ? sources(path.join(folder, item.name)) : item.name.endsWith('.ts') ? [path.join(folder, item.name)] : [],
      );
    const files = sources(path.join(REPO, 'src'));
    // exceljs has three owners: the XLSX report, and the village workbook written (sheet) and read back (import), each its command's only.
    const owners: Record<string, string | string[]> = {
      docx: 'render-docx.ts',
      exceljs: ['render-xlsx.ts', 'build-workbook.ts', 'read-spreadsheet.ts'],
      echarts: 'echarts-svg.ts',
      'playwright-core': 'print-pdf.ts',
    };
    const staticImportersOf = (owner: string) =>
      files
        // A type import loads nothing.
        .filter((file) => new RegExp(`^import (?!type )[^;]*from '\\./${owner.replace('.ts', '')}\\.js'`, 'm').test(readFileSync(file, 'utf8')))
        .map((file) => path.basename(file));
    for (const [library, owner] of Object.entries(owners)) {
      const importers = files.filter((file) =>
        new RegExp(`(?:import|from|require\\()\\s*\\(?'${library}(?:/[^']*)?'`).test(readFileSync(file, 'utf8').replace(/import type[^;]*;/g, '')),
      );
      const owned = typeof owner === 'string' ? [owner] : owner;
      expect(importers.map((file) => path.basename(file)).sort(), library).toEqual([...owned].sort());
      if (typeof owner !== 'string') {
        for (const each of owner) expect(staticImportersOf(each), each).toEqual([]);
      } else {
        expect(staticImportersOf(owner), owner).toEqual([]);
      }
      if (library === 'echarts') {
        // draw-chart-svg loads it on first use; the two kinds of chart draw through that, and only the
        // report's charts use them: render-html loads the charts, and only HTML and PDF render it.
        expect(staticImportersOf('draw-chart-svg.ts').sort()).toEqual(['render-chart.ts', 'render-small-multiples.ts']);
        for (const chartKind of ['render-chart.ts', 'render-small-multiples.ts']) expect(staticImportersOf(chartKind), chartKind).toEqual(['report-charts.ts']);
      }
    }
  });

  it('stay unloaded when a Markdown report is made', async () => {
    const script = `
      import { makeReport } from ${JSON.stringify(path.join(REPO, 'dist', 'make-report.js'))};
      import { createRequire } from 'node:module';
      const result = await makeReport({ workspace: ${JSON.stringify(workspace)}, month: '2023-04', formats: ['md', 'json'], generatedOn: '2023-05-01' });
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((file) => /node_modules[\\\\/](echarts|exceljs|playwright-core|docx|jszip)[\\\\/]/.test(file));
      console.log(JSON.stringify({ ok: result.ok, loaded }));`;
    const child = await runChild(process.execPath, ['--input-type=module', '-e', script]);
    expect(child.status, child.stderr).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual({ ok: true, loaded: [] });
  });
});
