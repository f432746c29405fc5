import { describe, expect, it } from 'vitest';
import { change, compareFigures } from '../../src/metrics/compare-figures.js';
import { describeChange } from '../../src/figures/format-figure.js';
import { en } from '../../src/i18n/en.js';
import { zhCN } from '../../src/i18n/zh-CN.js';

describe('compareFigures', () => {
  it('compares this month with last month (环比), with last year (同比), and the year to date with last year’s (累计同比)', () => {
    const changes = compareFigures({ month: 12, previousMonth: 8, previousYear: 16, ytd: 40, previousYtd: 32 }, 'count');
    expect(changes).toEqual({
      monthOnMonth: { difference: 4, percent: 0.5 },
      yearOnYear: { difference: -4, percent: -0.25 },
      ytdOnYtd: { difference: 8, percent: 0.25 },
    });
  });

  it('gives rates and scores a difference only: percentage points and points, not a percentage', () => {
    expect(change(0.705, 0.6, 'ratio')).toEqual({ difference: 0.105, percent: null });
    expect(change(89, 82.7, 'score')).toEqual({ difference: 6.3, percent: null });
  });

  it('has no percentage over a base of 0, and nothing at all when a figure is undefined', () => {
    expect(change(3, 0, 'count')).toEqual({ difference: 3, percent: null });
    expect(change(null, 0.5, 'ratio')).toEqual({ difference: null, percent: null });
    expect(change(80, null, 'score')).toEqual({ difference: null, percent: null });
  });
});

describe('describeChange', () => {
  it('writes a change as a table cell in each language', () => {
    expect(zhCN.report.change({ difference: 4, percent: 0.5 }, 'count')).toBe('+50%');
    expect(zhCN.report.change({ difference: -0.054, percent: null }, 'ratio')).toBe('\u22125.4个百分点');
    expect(zhCN.report.change({ difference: 8_000_000, percent: null }, 'yuan')).toBe('+800万元');
    expect(zhCN.report.change({ difference: 0, percent: 0 }, 'count')).toBe('持平');
    expect(zhCN.report.change({ difference: null, percent: null }, 'count')).toBe('—');
    expect(en.report.change({ difference: 0.105, percent: null }, 'ratio')).toBe('+10.5 pts');
    expect(describeChange({ difference: -3, percent: null }, 'count', 'en', { same: '=', points: 'pp' })).toBe('\u22123');
  });
});
