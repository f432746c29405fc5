import { describe, expect, it } from 'vitest';
import type { MetricValues } from '../../src/metrics/compute-metrics.js';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { evaluateTargets } from '../../src/metrics/evaluate-targets.js';
import { configSchema } from '../../src/schema/config-schema.js';

const targetsOf = (targets: unknown[]) => configSchema.parse({ region: '测试乡', targets }).targets;

function metricsWith(figures: Partial<Record<string, Partial<MetricValues[keyof MetricValues]>>>): MetricValues {
  const metrics = computeMetrics('2023-04', [], []);
  for (const [key, values] of Object.entries(figures)) Object.assign(metrics[key as keyof MetricValues], values);
  return metrics;
}

describe('config targets', () => {
  it('reads rates written as 80%, as 0.8 or as 80 the same way', () => {
    const [a, b, c] = targetsOf([
      { metric: 'night-talk.resolution-rate', atLeast: '80%' },
      { metric: 'night-talk.resolution-rate', atLeast: 0.8 },
      { metric: 'night-talk.resolution-rate', atLeast: 80 },
    ]);
    expect([a!.value, b!.value, c!.value]).toEqual([0.8, 0.8, 0.8]);
    expect(a).toMatchObject({ period: 'month', bound: 'atLeast', perVillage: false });
  });

  it('refuses a target with no bound or with both, and a rate above 100%', () => {
    const result = configSchema.safeParse({
      region: '测试乡',
      targets: [
        { metric: 'night-talk.sessions' },
        { metric: 'night-talk.sessions', atLeast: 1, atMost: 3 },
        { metric: 'night-talk.resolution-rate', atLeast: '120%' },
      ],
    });
    expect(result.success).toBe(false);
    const problems = result.error!.issues.map((issue) => [issue.path.join('.'), (issue as { params?: { problem?: string } }).params?.problem]);
    expect(problems).toEqual([
      ['targets.0', 'E-TARGET-BOUND'],
      ['targets.1', 'E-TARGET-BOUND'],
      ['targets.2.atLeast', 'E-OUT-OF-RANGE'],
    ]);
  });
});

describe('evaluateTargets', () => {
  it('marks monthly targets met or not by the month’s figure, at least or at most', () => {
    const metrics = metricsWith({ 'night-talk.resolution-rate': { month: 0.75 }, 'night-talk.open': { month: 12 } });
    const [rate, open] = evaluateTargets(
      targetsOf([
        { metric: 'night-talk.resolution-rate', atLeast: '80%' },
        { metric: 'night-talk.open', atMost: 12 },
      ]),
      '2023-04',
      metrics,
      new Map(),
    );
    expect(rate).toMatchObject({ actual: 0.75, met: false, progress: null, pace: null });
    expect(open).toMatchObject({ actual: 12, met: true });
  });

  it('measures a yearly target by the year to date, with progress against the share of the year gone', () => {
    const metrics = metricsWith({ 'organization.investment': { ytd: 30_500_000 }, 'night-talk.suggestions': { ytd: 50 } });
    const [investment, suggestions] = evaluateTargets(
      targetsOf([
        { metric: 'organization.investment', period: 'year', atLeast: 50_000_000 },
        { metric: 'night-talk.suggestions', period: 'year', atLeast: 300 },
      ]),
      '2023-04',
      metrics,
      new Map(),
    );
    expect(investment).toMatchObject({ met: false, progress: 0.61, elapsed: 4 / 12, pace: 'ahead' });
    expect(suggestions).toMatchObject({ met: false, progress: 50 / 300, pace: 'behind' });
  });

  it('judges a per-village target village by village, leaving out villages without a figure', () => {
    const village = (sessions: number, rate: number | null) =>
      metricsWith({ 'night-talk.sessions': { month: sessions }, 'night-talk.resolution-rate': { month: rate } });
    const villages = new Map([
      ['甲村', village(1, 0.9)],
      ['乙村', village(0, null)],
    ]);
    const [sessions, rate] = evaluateTargets(
      targetsOf([
        { metric: 'night-talk.sessions', atLeast: 1, perVillage: true },
        { metric: 'night-talk.resolution-rate', atLeast: '80%', perVillage: true },
      ]),
      '2023-04',
      metricsWith({}),
      villages,
    );
    expect(sessions!.met).toBe(false);
    expect(sessions!.villages).toEqual([
      { village: '甲村', actual: 1, met: true, progress: null, pace: null },
      { village: '乙村', actual: 0, met: false, progress: null, pace: null },
    ]);
    expect(rate!.met).toBe(true);
  });

  it('judges each village of a yearly per-village target against the share of the year gone', () => {
    // 12 sessions a year; at the end of March a quarter of the year has gone, so 3 keeps up.
    const village = (sessions: number) => metricsWith({ 'night-talk.sessions': { ytd: sessions } });
    const ahead = new Map([
      ['甲村', village(7)],
      ['乙村', village(6)],
      ['丙村', village(4)],
      ['丁村', village(6)],
    ]);
    const [target] = evaluateTargets(
      targetsOf([{ metric: 'night-talk.sessions', period: 'year', atLeast: 12, perVillage: true }]),
      '2023-03',
      metricsWith({}),
      ahead,
    );
    expect(target).toMatchObject({ met: false, elapsed: 3 / 12, pace: 'ahead', progress: null });
    expect(target!.villages.map((each) => [each.village, each.progress, each.pace])).toEqual([
      ['甲村', 7 / 12, 'ahead'],
      ['乙村', 6 / 12, 'ahead'],
      ['丙村', 4 / 12, 'ahead'],
      ['丁村', 6 / 12, 'ahead'],
    ]);

    const oneBehind = new Map([...ahead, ['戊村', village(2)]]);
    const [lagging] = evaluateTargets(
      targetsOf([{ metric: 'night-talk.sessions', period: 'year', atLeast: 12, perVillage: true }]),
      '2023-03',
      metricsWith({}),
      oneBehind,
    );
    expect(lagging).toMatchObject({ met: false, pace: 'behind' });
    expect(lagging!.villages.find((each) => each.village === '戊村')).toMatchObject({ progress: 2 / 12, pace: 'behind' });

    const allMet = new Map([
      ['甲村', village(12)],
      ['乙村', village(13)],
    ]);
    const [met] = evaluateTargets(
      targetsOf([{ metric: 'night-talk.sessions', period: 'year', atLeast: 12, perVillage: true }]),
      '2023-03',
      metricsWith({}),
      allMet,
    );
    expect(met).toMatchObject({ met: true, pace: 'ahead' });
  });

  it('does not pace a stock, a rate or a score: they do not add up over the year', () => {
    const metrics = metricsWith({ 'night-talk.open': { ytd: 3 }, 'ecology.average-score': { ytd: 80 } });
    const results = evaluateTargets(
      targetsOf([
        { metric: 'night-talk.open', period: 'year', atLeast: 12 },
        { metric: 'ecology.average-score', period: 'year', atLeast: 90 },
      ]),
      '2023-04',
      metrics,
      new Map(),
    );
    for (const result of results) expect(result).toMatchObject({ progress: null, elapsed: null, pace: null, met: false });
  });
});
