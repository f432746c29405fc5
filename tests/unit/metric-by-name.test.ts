import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { METRICS } from '../../src/metrics/metric-definitions.js';
import { metricByName, metricSpellings } from '../../src/report/metric-by-name.js';

describe('metricByName', () => {
  const catalogues = [zhCN, en];

  it('finds every metric by its key, and by each name in each language', () => {
    for (const [spelling, key] of metricSpellings(catalogues)) expect(metricByName(spelling, catalogues).metric?.key, spelling).toBe(key);
  });

  it('never gives one spelling to two metrics', () => {
    const owner = new Map<string, string>();
    for (const [spelling, key] of metricSpellings(catalogues)) {
      const folded = spelling
        .normalize('NFKC')
        .replace(/\([^()]*\)\s*$/u, '')
        .trim()
        .toLowerCase();
      expect(owner.get(folded) ?? key, spelling).toBe(key);
      owner.set(folded, key);
    }
  });

  it('takes the unit in brackets or not, full-width or half-width, and English in any case', () => {
    for (const typed of [
      '征求意见建议',
      '征求意见建议（条）',
      '征求意见建议(条)',
      ' 征求意见建议 （条） ',
      'SUGGESTIONS COLLECTED',
      'suggestions collected (items)',
    ]) {
      expect(metricByName(typed, catalogues).metric?.key, typed).toBe('night-talk.suggestions');
    }
    expect(metricByName('项目总投资（万元）', catalogues).metric?.key).toBe('organization.investment');
  });

  it("suggests the nearest spelling of a typo, in the first catalogue's words before the others", () => {
    expect(metricByName('办结律', catalogues)).toEqual({ metric: undefined, suggestion: '办结率' });
    expect(metricByName('night-talk.reslved', catalogues).suggestion).toBe('night-talk.resolved');
    expect(metricByName('resolution rat', [en, zhCN]).suggestion).toBe('Resolution rate');
    expect(metricByName('zzz', catalogues)).toEqual({ metric: undefined, suggestion: undefined });
  });

  it('has a way of counting for every metric, in each language', () => {
    for (const catalogue of catalogues) for (const { key } of METRICS) expect(catalogue.metricCounting[key].length, key).toBeGreaterThan(5);
  });
});
