import { describe, expect, it } from 'vitest';
import { checkCadence, dueDay } from '../../src/metrics/check-cadence.js';
import { entry } from '../helpers/entries.js';

const session = (date: string, village: string) => entry('session', date, { village, form: '集中畅谈', attendees: 20 });

describe('checkCadence', () => {
  it('lists villages and months that missed the day or held it on another, from the year’s first logged month', () => {
    const entries = [
      session('2023-02-08', '甲村'),
      session('2023-02-08', '乙村'),
      session('2023-03-08', '甲村'),
      session('2023-03-10', '乙村'),
      session('2023-04-08', '甲村'),
      session('2022-12-08', '乙村'),
    ];
    const [result] = checkCadence([{ kind: 'session', day: 8 }], '2023-04', ['甲村', '乙村'], entries);
    expect(result!.months).toEqual(['2023-02', '2023-03', '2023-04']);
    expect(result!.expected).toBe(6);
    expect(result!.onTime).toBe(4);
    expect(result!.misses).toEqual([
      { village: '乙村', month: '2023-03', status: 'otherDay', heldOn: ['2023-03-10'] },
      { village: '乙村', month: '2023-04', status: 'missed', heldOn: [] },
    ]);
  });

  it('takes a short month’s last day for a day it does not have', () => {
    expect(dueDay('2023-02', 31)).toBe('2023-02-28');
    expect(dueDay('2024-02', 30)).toBe('2024-02-29');
    expect(dueDay('2023-04', 8)).toBe('2023-04-08');
  });

  it('judges nothing in a year with no entries yet', () => {
    const [result] = checkCadence([{ kind: 'session', day: 8 }], '2023-04', ['甲村'], []);
    expect(result).toMatchObject({ months: [], expected: 0, onTime: 0, misses: [] });
  });
});
