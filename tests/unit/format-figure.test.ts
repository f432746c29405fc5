import { describe, expect, it } from 'vitest';
import { formatFigure } from '../../src/render/format-figure.js';

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

  it('writes rates as percentages with one decimal', () => {
    expect(formatFigure(93 / 132, 'ratio', 'zh-CN')).toBe('70.5%');
    expect(formatFigure(0.5, 'ratio', 'en')).toBe('50.0%');
    expect(formatFigure(1, 'ratio', 'zh-CN')).toBe('100.0%');
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
