import { describe, expect, it } from 'vitest';
import { computeVillageMetrics, reportVillages, silentVillages } from '../../src/metrics/compute-metrics.js';
import { checkSuggestions } from '../../src/validate/check-suggestions.js';
import { entry } from '../helpers/entries.js';

const entries = [
  entry('session', '2023-04-08', { village: '甲村', form: '集中畅谈', attendees: 30 }),
  entry('session', '2023-03-08', { village: '乙村', form: '集中畅谈', attendees: 20 }),
  entry('suggestion', '2023-04-08', { village: '甲村', id: 'A1', text: '路灯', resolved: '2023-04-20' }),
  entry('suggestion', '2023-04-08', { village: '甲村', id: 'A2', text: '河道' }),
  entry('joint-org', '2023-04-10', { name: '联合党支部', villages: ['甲村', '乙村'] }),
];

describe('computeVillageMetrics', () => {
  const { ledger } = checkSuggestions(entries);
  const villages = computeVillageMetrics('2023-04', ['甲村', '乙村', '丙村'], entries, ledger);

  it('counts each entry for its village, and suggestions and rates per village', () => {
    expect(villages.get('甲村')!['night-talk.sessions']).toMatchObject({ month: 1, ytd: 1 });
    expect(villages.get('乙村')!['night-talk.sessions']).toMatchObject({ month: 0, previousMonth: 1, ytd: 1 });
    expect(villages.get('甲村')!['night-talk.resolution-rate'].month).toBe(0.5);
    expect(villages.get('乙村')!['night-talk.resolution-rate'].month).toBeNull();
  });

  it('counts a joint organisation for every village taking part, and covers only that village', () => {
    for (const village of ['甲村', '乙村']) {
      expect(villages.get(village)!['organization.joint-orgs'].month).toBe(1);
      expect(villages.get(village)!['organization.villages-covered'].month).toBe(1);
    }
    expect(villages.get('丙村')!['organization.joint-orgs'].month).toBe(0);
  });
});

describe('reportVillages and silentVillages', () => {
  it('keeps the config’s order, or sorts the villages the logs name', () => {
    expect(reportVillages(['乙村', '甲村', '乙村'], entries)).toEqual(['乙村', '甲村']);
    expect(reportVillages(undefined, entries)).toEqual(['甲村', '乙村'].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  });

  it('names the villages that logged nothing in the month', () => {
    expect(silentVillages('2023-04', ['甲村', '乙村', '丙村'], entries)).toEqual(['乙村', '丙村']);
  });
});
