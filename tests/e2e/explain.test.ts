/**
 * `explain` lists exactly what a figure is made of: on the example
 * workspace, for every metric and window, the listed entries add up to the
 * figure the report states.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { METRICS } from '../../src/metrics/metric-definitions.js';
import { WINDOW_KEYS } from '../../src/metrics/report-period.js';
import type { ExplainedItem, Explanation } from '../../src/report/explain-metric.js';
import { copyWorkspace, inProcess } from './hosts.js';

const cwd = mkdtempSync(path.join(tmpdir(), 'revitalize-explain-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));
copyWorkspace('examples/jinkouhe', path.join(cwd, 'ws'));

/** The figure the listed items make, added up the metric's way. */
function addUp(explanation: Explanation): number | null {
  if ('numerator' in explanation) return explanation.denominator.length === 0 ? null : explanation.numerator.length / explanation.denominator.length;
  const items: ExplainedItem[] = explanation.items;
  const metric = METRICS.find((m) => m.key === explanation.key)!;
  switch (metric.aggregate) {
    case 'count':
      return items.length;
    case 'sum':
      return Math.round(items.reduce((total, item) => total + item.amount!, 0) * 1e6) / 1e6;
    case 'mean':
      return items.length === 0 ? null : items.reduce((total, item) => total + item.amount!, 0) / items.length;
    case 'distinct':
      return new Set(items.flatMap((item) => item.values!)).size;
    default:
      throw new Error(`no way to add up ${metric.aggregate}`);
  }
}

describe('explain on the example workspace, April 2023', async () => {
  const report = await inProcess(['report', 'ws', '--month', '2023-04', '--format', 'json', '-o', '-'], cwd);
  const { metrics } = JSON.parse(report.stdout) as { metrics: Record<string, Record<string, number | null>> };

  for (const metric of METRICS) {
    it(`${metric.key}: the listed entries add up to the reported figure in every window`, async () => {
      for (const window of WINDOW_KEYS) {
        const run = await inProcess(['explain', metric.key, 'ws', '--month', '2023-04', '--window', window, '--format', 'json'], cwd);
        expect(run.exitCode, run.stderr).toBe(0);
        const explanation = JSON.parse(run.stdout) as Explanation;
        expect(explanation.value).toBe(metrics[metric.key]![window]);
        const made = addUp(explanation);
        if (made === null) expect(explanation.value).toBeNull();
        else expect(made).toBeCloseTo(explanation.value!, 9);
      }
    });
  }

  it('points at real lines: every listed item is a FILE:LINE of the workspace', async () => {
    const run = await inProcess(['explain', 'night-talk.resolved', 'ws', '--month', '2023-04', '--window', 'ytd'], cwd);
    const lines = run.stdout.trim().split('\n').slice(2);
    expect(lines).toHaveLength(93);
    for (const line of lines) expect(line).toMatch(/^ {2}logs\/2023\/0[1-4]\/\S+\.yaml:\d+ {2}2023-0[1-4]-\d\d {2}\S+ {2}意见建议 /);
  });
});

describe('a metric named as a clerk names it', () => {
  const names: [typed: string, key: string][] = [
    ['办结率', 'night-talk.resolution-rate'],
    ['征求意见建议', 'night-talk.suggestions'],
    ['征求意见建议（条）', 'night-talk.suggestions'],
    ['征求意见建议(条)', 'night-talk.suggestions'],
    ['项目总投资（万元）', 'organization.investment'],
    ['resolution rate', 'night-talk.resolution-rate'],
    ['Resolution Rate', 'night-talk.resolution-rate'],
    ['Suggestions collected (items)', 'night-talk.suggestions'],
    ['  night-talk.resolved ', 'night-talk.resolved'],
  ];
  for (const [typed, key] of names) {
    it(`'${typed}' is ${key}`, async () => {
      const run = await inProcess(['explain', typed, 'ws', '--month', '2023-04', '--format', 'json'], cwd);
      expect(run.exitCode, run.stderr).toBe(0);
      expect((JSON.parse(run.stdout) as Explanation).key).toBe(key);
    });
  }

  it("answers 办结率 with its figure, in the workspace's words", async () => {
    const run = await inProcess(['explain', '办结率', 'ws', '--month', '2023-04'], cwd);
    expect(run.stdout.split('\n')[0]).toBe('办结率（night-talk.resolution-rate），2023年4月本月：47.4%');
  });

  it('suggests the nearest key or name of a typo, and points at revitalize metrics', async () => {
    const typo = await inProcess(['explain', '办结律', 'ws'], cwd);
    expect(typo.exitCode).toBe(2);
    expect(typo.stderr).toBe('revitalize: 未知的指标“办结律”，是不是想写“办结率”？运行 revitalize metrics 可列出全部指标的代码和名称\n');
    const key = await inProcess(['explain', 'night-talk.reslved', 'ws'], cwd);
    expect(key.stderr).toBe(
      'revitalize: 未知的指标“night-talk.reslved”，是不是想写“night-talk.resolved”？运行 revitalize metrics 可列出全部指标的代码和名称\n',
    );
    const nothing = await inProcess(['explain', 'zzz', 'ws'], cwd);
    expect(nothing.stderr).toBe('revitalize: 未知的指标“zzz”：运行 revitalize metrics 可列出全部指标的代码和名称\n');
  });

  it('says so in English for an English workspace', async () => {
    const english = mkdtempSync(path.join(cwd, 'en-'));
    copyWorkspace('examples/riverside', path.join(english, 'ws'));
    const run = await inProcess(['explain', 'resolution rat', 'ws'], english);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(
      "revitalize: unknown metric 'resolution rat'; did you mean 'Resolution rate'? revitalize metrics lists every metric's key and name\n",
    );
  });
});

describe('revitalize metrics', () => {
  it("lists every metric with its key, name, unit and how it is counted, in the workspace's language", async () => {
    const run = await inProcess(['metrics', 'ws'], cwd);
    expect(run.exitCode, run.stderr).toBe(0);
    for (const metric of METRICS) expect(run.stdout).toContain(metric.key);
    expect(run.stdout).toContain(
      [
        '  night-talk.resolution-rate     办结率（%）',
        '                                 统计期内提出的意见建议中，到统计期末已办结的比例；没有意见建议时为“—”',
      ].join('\n'),
    );
    expect(run.stdout).toContain('  organization.investment        项目总投资（万元）\n');
    expect(run.stdout.split('\n')[0]).toBe('全部 24 项指标：每项先写代码和名称（单位），下一行是统计方法。每项指标都按本月、上月、本年累计等统计期分别统计。');
    // Nothing of the English catalogue: every line that is not a key is Chinese.
    expect(run.stdout).not.toMatch(/the number of|entries/);
  });

  it('lists them in English with --locale en, and outside any workspace in Chinese', async () => {
    const english = await inProcess(['--locale', 'en', 'metrics', 'ws'], cwd);
    expect(english.stdout).toContain('  night-talk.resolution-rate     Resolution rate (%)\n');
    expect(english.stdout).toContain('the suggestions resolved in the period, whenever they were made');
    const nowhere = await inProcess(['metrics'], mkdtempSync(path.join(cwd, 'empty-')));
    expect(nowhere.exitCode).toBe(0);
    expect(nowhere.stdout).toContain('办结率（%）');
  });
});
