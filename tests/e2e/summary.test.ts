/**
 * `summary`: every column has its heading, the open suggestions' too, and
 * a change (↑ ↓ =) is marked only between two figures: never against a
 * month with no figure (—).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyWorkspace, inProcess } from './hosts.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'revitalize-summary-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The lines of a pillar's table, without the padding that aligns them. */
const rows = (stdout: string) => stdout.split('\n').map((line) => line.trim().split(/\s{2,}/));

describe('summary', () => {
  it('marks no change against a month without figures', async () => {
    const cwd = mkdtempSync(path.join(scratch, 'new-'));
    expect((await inProcess(['init', 'ws', '--region', '测试乡'], cwd)).exitCode).toBe(0);
    const run = await inProcess(['summary', 'ws'], cwd);
    expect(run.exitCode, run.stderr).toBe(0);
    const table = rows(run.stdout);
    expect(table).toContainEqual(['办结率', '66.7%', '—', '66.7%']);
    expect(table).toContainEqual(['征求意见建议（条）', '3', '—', '3']);
    expect(run.stdout).not.toMatch(/[=↑↓]/);
  });

  it("heads every column, the open suggestions' too, and marks changes between two figures", async () => {
    const cwd = mkdtempSync(path.join(scratch, 'example-'));
    copyWorkspace('examples/jinkouhe', path.join(cwd, 'ws'));
    const run = await inProcess(['summary', 'ws', '--month', '2023-04'], cwd);
    const table = rows(run.stdout);
    expect(table).toContainEqual(['指标', '本月', '环比', '上月', '本年累计']);
    expect(table).toContainEqual(['办结率', '47.4%', '↓', '52.8%', '70.5%']);
    expect(table).toContainEqual(['编号', '提出日期', '村', '议题', '已历时（天）', '记录位置']);
    const january = rows((await inProcess(['summary', 'ws', '--month', '2023-01'], cwd)).stdout);
    expect(january).toContainEqual(['办结率', '43.3%', '—', '43.3%']);
  });

  it('heads them in English for an English workspace', async () => {
    const cwd = mkdtempSync(path.join(scratch, 'english-'));
    copyWorkspace('examples/riverside', path.join(cwd, 'ws'));
    const run = await inProcess(['summary', 'ws', '--month', '2023-04'], cwd);
    const table = rows(run.stdout);
    expect(table).toContainEqual(['Metric', 'This month', 'Change', 'Last month', 'Year to date']);
    expect(table).toContainEqual(['ID', 'Made on', 'Village', 'Topic', 'Days', 'Where']);
  });
});
