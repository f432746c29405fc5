import { describe, expect, it } from 'vitest';
import { monthWindow, previousMonth, reportWindows, resolveMonth } from '../../src/metrics/report-period.js';

describe('resolveMonth', () => {
  const now = new Date(2024, 0, 15); // 15 January 2024, local time

  it('accepts YYYY-MM as written', () => {
    expect(resolveMonth('2023-04', now)).toBe('2023-04');
  });

  it('reads current and previous from the clock, across the year boundary', () => {
    expect(resolveMonth('current', now)).toBe('2024-01');
    expect(resolveMonth('previous', now)).toBe('2023-12');
  });

  it('refuses anything else', () => {
    for (const text of ['2023-13', '23-04', 'April', '', '2023-00', '2023-04-08']) {
      expect(resolveMonth(text, now)).toBeUndefined();
    }
  });
});

describe('windows', () => {
  it('ends February on the 29th in leap years only', () => {
    expect(monthWindow('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(monthWindow('2023-02')).toEqual({ start: '2023-02-01', end: '2023-02-28' });
    expect(monthWindow('1900-02').end).toBe('1900-02-28');
    expect(monthWindow('2000-02').end).toBe('2000-02-29');
  });

  it('takes December of the year before as the month before January', () => {
    expect(previousMonth('2024-01')).toBe('2023-12');
    expect(reportWindows('2024-01')).toEqual({
      month: { start: '2024-01-01', end: '2024-01-31' },
      previousMonth: { start: '2023-12-01', end: '2023-12-31' },
      previousYear: { start: '2023-01-01', end: '2023-01-31' },
      ytd: { start: '2024-01-01', end: '2024-01-31' },
      previousYtd: { start: '2023-01-01', end: '2023-01-31' },
    });
  });

  it("ends last year's February on the 28th when this year's has a 29th", () => {
    expect(reportWindows('2024-02').previousYear).toEqual({ start: '2023-02-01', end: '2023-02-28' });
    expect(reportWindows('2024-02').previousYtd).toEqual({ start: '2023-01-01', end: '2023-02-28' });
  });

  it('runs the year to date from 1 January to the end of the report month', () => {
    expect(reportWindows('2023-04').ytd).toEqual({ start: '2023-01-01', end: '2023-04-30' });
  });
});

describe('months as people write them', () => {
  const now = new Date(2024, 0, 15);
  it('reads 2023-4, 2023/4, 2023.4 and 2023年4月 as 2023-04', () => {
    for (const text of ['2023-04', '2023-4', '2023/4', '2023.4', '2023年4月', '2023年04月', ' 2023-04 ']) {
      expect(resolveMonth(text, now), text).toBe('2023-04');
    }
  });

  it('refuses half-Chinese forms and impossible months', () => {
    for (const text of ['2023年4', '2023-4月', '2023年13月', '2023/0']) expect(resolveMonth(text, now), text).toBeUndefined();
  });
});
