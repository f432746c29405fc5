import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/compute-metrics.js';
import { METRIC_KEYS } from '../../src/metrics/metric-definitions.js';
import type { Entry } from '../../src/schema/log-schema.js';
import { checkSuggestions } from '../../src/validate/check-suggestions.js';
import { entry } from '../helpers/entries.js';

function metricsFor(month: string, entries: Entry[]) {
  const { ledger, problems } = checkSuggestions(entries);
  expect(problems).toEqual([]);
  return computeMetrics(month, entries, ledger);
}

describe('computeMetrics', () => {
  it('gives every metric key for every window, zero or null on no data', () => {
    const metrics = metricsFor('2023-04', []);
    expect(Object.keys(metrics)).toEqual(METRIC_KEYS);
    for (const key of METRIC_KEYS) {
      const expected = key === 'night-talk.resolution-rate' || key === 'ecology.average-score' ? null : 0;
      expect(metrics[key]).toEqual({ month: expected, previousMonth: expected, previousYear: expected, ytd: expected, previousYtd: expected });
    }
  });

  it('counts an entry on the first and last day of the month, and not the day after', () => {
    const metrics = metricsFor('2023-04', [
      entry('talent', '2023-03-31', { name: '甲', role: '产业带头人' }),
      entry('talent', '2023-04-01', { name: '乙', role: '产业带头人' }),
      entry('talent', '2023-04-30', { name: '丙', role: '村级后备干部' }),
      entry('talent', '2023-05-01', { name: '丁', role: '村级后备干部' }),
    ]);
    expect(metrics['talent.cultivated']).toMatchObject({ month: 2, previousMonth: 1, ytd: 3 });
  });

  it('counts 29 February in a leap-year February', () => {
    const metrics = metricsFor('2024-02', [
      entry('training', '2024-02-29', { topic: '电商直播', attendees: 30 }),
      entry('training', '2024-03-01', { topic: '茶叶修剪', attendees: 20 }),
    ]);
    expect(metrics['talent.trainings']).toMatchObject({ month: 1, previousMonth: 0, ytd: 1 });
    expect(metrics['talent.training-attendance']).toMatchObject({ month: 30, previousMonth: 0, ytd: 30 });
  });

  it('starts the year to date on 1 January: December counts as last month, not this year', () => {
    const metrics = metricsFor('2024-01', [entry('returnee', '2023-12-31', { name: '王' }), entry('returnee', '2024-01-01', { name: '李' })]);
    expect(metrics['talent.returnees']).toMatchObject({ month: 1, previousMonth: 1, ytd: 1 });
  });

  it('compares with the same month last year and with last year to the same month', () => {
    const metrics = metricsFor('2024-02', [
      entry('returnee', '2023-01-15', { name: '甲' }),
      entry('returnee', '2023-02-28', { name: '乙' }),
      entry('returnee', '2023-03-01', { name: '丙' }),
      entry('returnee', '2024-02-29', { name: '丁' }),
    ]);
    expect(metrics['talent.returnees']).toEqual({ month: 1, previousMonth: 0, previousYear: 1, ytd: 1, previousYtd: 2 });
  });

  it('counts the distinct villages covered by joint organisations', () => {
    const metrics = metricsFor('2023-04', [
      entry('joint-org', '2023-03-10', { name: '一', villages: ['甲村', '乙村'] }),
      entry('joint-org', '2023-04-10', { name: '二', villages: ['乙村', '丙村'] }),
      entry('joint-org', '2023-04-20', { name: '三', villages: ['甲村', '丙村', '丁村'] }),
    ]);
    expect(metrics['organization.joint-orgs']).toMatchObject({ month: 2, previousMonth: 1, ytd: 3 });
    expect(metrics['organization.villages-covered']).toMatchObject({ month: 4, previousMonth: 2, ytd: 4 });
  });

  it('sums investment (missing counts as nothing) and converts sales to 斤', () => {
    const metrics = metricsFor('2023-04', [
      entry('project', '2023-04-02', { name: '冷链', investment: 12_000_000, status: 'landed' }),
      entry('project', '2023-04-03', { name: '民宿', status: 'planned' }),
      entry('sale', '2023-04-05', { product: '生态猪肉', quantity: 0.5, unit: '吨' }),
      entry('sale', '2023-04-06', { product: '生态鸡蛋', quantity: 1.1, unit: '公斤' }),
      entry('sale', '2023-04-07', { product: '土豆', quantity: 3, unit: 'kg' }),
      entry('sale', '2023-04-08', { product: '茶叶', quantity: 2, unit: 't' }),
      entry('sale', '2023-04-09', { product: '核桃', quantity: 10, unit: 'jin' }),
      entry('sale', '2023-04-10', { product: '蜂蜜', quantity: 7, unit: '斤' }),
    ]);
    expect(metrics['organization.projects'].month).toBe(2);
    expect(metrics['organization.investment'].month).toBe(12_000_000);
    // 1000 + 2.2 + 6 + 4000 + 10 + 7, without floating-point dust
    expect(metrics['organization.sales-jin'].month).toBe(5025.2);
  });

  it('sums mentees, session attendance and team members', () => {
    const metrics = metricsFor('2023-04', [
      entry('mentoring', '2023-04-01', { mentor: '张书记', mentees: ['甲', '乙', '丙'], mode: '一对多' }),
      entry('mentoring', '2023-04-02', { mentor: '李主任', mentees: ['丁'] }),
      entry('session', '2023-04-08', { form: '集中畅谈', attendees: 40 }),
      entry('session', '2023-04-08', { form: '入户访谈', attendees: 12, village: '乙村' }),
      entry('team', '2023-04-01', { name: '生态管护综合队', members: 21 }),
    ]);
    expect(metrics['talent.mentees'].month).toBe(4);
    expect(metrics['night-talk.sessions'].month).toBe(2);
    expect(metrics['night-talk.attendance'].month).toBe(52);
    expect(metrics['ecology.teams'].month).toBe(1);
    expect(metrics['ecology.team-members'].month).toBe(21);
  });

  it('averages evaluation scores, null where there are none', () => {
    const metrics = metricsFor('2023-04', [
      entry('evaluation', '2023-04-01', { subject: '一片区', score: 90, stars: 5 }),
      entry('evaluation', '2023-04-02', { subject: '二片区', score: 85 }),
      entry('evaluation', '2023-04-03', { subject: '三片区', score: 86 }),
    ]);
    expect(metrics['ecology.evaluations']).toMatchObject({ month: 3, previousMonth: 0, ytd: 3 });
    expect(metrics['ecology.average-score'].month).toBeCloseTo(87, 10);
    expect(metrics['ecology.average-score'].previousMonth).toBeNull();
  });

  describe('suggestions', () => {
    // December 2022 → resolved January 2023; March → resolved April (by a resolution entry);
    // March → resolved May (after the report month); April → open; April → resolved inline in April.
    const entries = [
      entry('suggestion', '2022-12-20', { id: 'A', text: '路灯不亮', resolved: '2023-01-05' }),
      entry('suggestion', '2023-03-08', { id: 'B', text: '村道坑洼' }),
      entry('resolution', '2023-04-02', { ref: 'B' }),
      entry('suggestion', '2023-03-09', { id: 'C', text: '河道垃圾' }),
      entry('resolution', '2023-05-03', { ref: 'C' }),
      entry('suggestion', '2023-04-08', { id: 'D', text: '饮水管道老化' }),
      entry('suggestion', '2023-04-08', { id: 'E', text: '垃圾桶不够', resolved: '2023-04-30' }),
    ];

    it('counts suggestions by the day they were collected', () => {
      expect(metricsFor('2023-04', entries)['night-talk.suggestions']).toMatchObject({ month: 2, previousMonth: 2, ytd: 4 });
    });

    it('counts resolutions by the day they were resolved, whenever the suggestion was made', () => {
      const resolved = metricsFor('2023-04', entries)['night-talk.resolved'];
      expect(resolved).toMatchObject({ month: 2, previousMonth: 0, ytd: 3 });
      // The December suggestion resolved in January counts in January, not in 2022.
      expect(metricsFor('2023-01', entries)['night-talk.resolved']).toMatchObject({ month: 1, previousMonth: 0, ytd: 1 });
    });

    it('rates the window’s own suggestions resolved by the window’s end', () => {
      const rate = metricsFor('2023-04', entries)['night-talk.resolution-rate'];
      expect(rate.month).toBe(0.5); // D open, E resolved on the last day
      expect(rate.previousMonth).toBe(0); // B and C were both open on 31 March
      expect(rate.ytd).toBe(0.5); // of B, C, D, E: B and E by 30 April
      expect(metricsFor('2023-02', entries)['night-talk.resolution-rate'].month).toBeNull();
    });

    it('counts the backlog as of each window’s end', () => {
      const open = metricsFor('2023-04', entries)['night-talk.open'];
      expect(open).toMatchObject({ month: 2, previousMonth: 2, ytd: 2 }); // C and D; B and C on 31 March
      expect(metricsFor('2022-12', entries)['night-talk.open'].month).toBe(1);
      expect(metricsFor('2023-05', entries)['night-talk.open'].month).toBe(1);
    });

    it('ignores entries after the report month', () => {
      const metrics = metricsFor('2023-03', entries);
      expect(metrics['night-talk.suggestions'].ytd).toBe(2);
      expect(metrics['night-talk.resolved'].ytd).toBe(1);
    });
  });
});
