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
