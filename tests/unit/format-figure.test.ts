import { describe, expect, it } from 'vitest';
import { MINUS, formatDifference, formatFigure, formatGrowth, formatTableFigure } from '../../src/figures/format-figure.js';

describe('formatFigure', () => {
  it('writes zh-CN amounts of 10,000 and more in 万 (GB/T 15835)', () => {
    expect(formatFigure(30_500_000, 'yuan', 'zh-CN')).toBe('3050万元');
    expect(formatFigure(12_345_678, 'yuan', 'zh-CN')).toBe('1234.57万元');
    expect(formatFigure(10_000, 'yuan', 'zh-CN')).toBe('1万元');
    expect(formatFigure(9_999, 'yuan', 'zh-CN')).toBe('9999元');
    expect(formatFigure(0, 'yuan', 'zh-CN')).toBe('0元');
    expect(formatFigure(200_000, 'jin', 'zh-CN')).toBe('20万斤');
    expect(formatFigure(5025.2, 'jin', 'zh-CN')).toBe('5025.2斤');
  });

  it('writes rates as percentages with one decimal where needed and none on whole numbers', () => {
    expect(formatFigure(93 / 132, 'ratio', 'zh-CN')).toBe('70.5%');
    expect(formatFigure(0.5, 'ratio', 'en')).toBe('50%');
    expect(formatFigure(1, 'ratio', 'zh-CN')).toBe('100%');
    expect(formatFigure(0.8, 'ratio', 'zh-CN')).toBe('80%');
    expect(formatFigure(0.9996, 'ratio', 'zh-CN')).toBe('100%');
  });

  it('shows an undefined figure as a dash', () => {
    expect(formatFigure(null, 'ratio', 'zh-CN')).toBe('—');
    expect(formatFigure(null, 'score', 'en')).toBe('—');
  });

  it('groups thousands in English and not in Chinese', () => {
    expect(formatFigure(12_345, 'count', 'en')).toBe('12,345');
    expect(formatFigure(12_345, 'count', 'zh-CN')).toBe('12345');
    expect(formatFigure(4_200_000, 'yuan', 'en')).toBe('4,200,000 yuan');
  });

  it('gives scores one decimal at most', () => {
    expect(formatFigure(86.375, 'score', 'zh-CN')).toBe('86.4');
    expect(formatFigure(89, 'score', 'zh-CN')).toBe('89');
  });
});

describe('table cells', () => {
  it('are plain numbers in the unit the row names: 万元 and 万斤 in Chinese, % for rates', () => {
    expect(formatTableFigure(30_500_000, 'yuan', 'zh-CN')).toBe('3050');
    expect(formatTableFigure(3_000, 'yuan', 'zh-CN')).toBe('0.3');
    expect(formatTableFigure(0, 'yuan', 'zh-CN')).toBe('0');
    expect(formatTableFigure(9_000, 'jin', 'zh-CN')).toBe('0.9');
    expect(formatTableFigure(28_800, 'jin', 'zh-CN')).toBe('2.88');
    expect(formatTableFigure(0.8, 'ratio', 'zh-CN')).toBe('80');
    expect(formatTableFigure(18 / 38, 'ratio', 'zh-CN')).toBe('47.4');
    expect(formatTableFigure(82.666, 'score', 'zh-CN')).toBe('82.7');
    expect(formatTableFigure(4_200_000, 'yuan', 'en')).toBe('4,200,000');
    expect(formatTableFigure(null, 'count', 'zh-CN')).toBe('—');
  });

  it('give a difference in the row’s own unit, with + and the minus sign U+2212', () => {
    expect(MINUS).toBe('\u2212');
    expect(formatDifference({ difference: 3, percent: 3 }, 'count', 'zh-CN')).toBe('+3');
    expect(formatDifference({ difference: -2_500_000, percent: -0.238 }, 'yuan', 'zh-CN')).toBe(`${MINUS}250`);
    // A rate changes in percentage points, a score in points: never as a percentage.
    expect(formatDifference({ difference: -0.054, percent: null }, 'ratio', 'zh-CN')).toBe(`${MINUS}5.4`);
    expect(formatDifference({ difference: 6.333, percent: null }, 'score', 'zh-CN')).toBe('+6.3');
    expect(formatDifference({ difference: 0, percent: 0 }, 'count', 'zh-CN')).toBe('0');
    expect(formatDifference({ difference: null, percent: null }, 'count', 'zh-CN')).toBe('—');
  });

  it('give growth as a percentage without a sign of %: blank where it means nothing, — where there is nothing to compare with', () => {
    expect(formatGrowth({ difference: 3, percent: 3 })).toBe('+300');
    expect(formatGrowth({ difference: -1, percent: -0.2381 })).toBe(`${MINUS}23.8`);
    expect(formatGrowth({ difference: 3, percent: null })).toBe('');
    expect(formatGrowth({ difference: 0, percent: 0 })).toBe('0');
    expect(formatGrowth({ difference: null, percent: null })).toBe('—');
  });
});
